"""Every problem relance reports: its stable code, and its sentence in English.

The English sentence is the gettext message id: ``pybabel extract`` finds each one
through :func:`N_`, and ``locale/fr/LC_MESSAGES/relance.po`` holds its French. The
placeholders are those of :meth:`str.format`, a list written as its items joined by
commas, with three conversions of relance's own (see
:func:`relance._i18n.format_message`): ``!l`` writes each item of a list as its
``repr``, ``!g`` writes a value, or each item of a list, between French
guillemets, and ``!n`` writes a whole number with its thousands apart (French only).

A code is a promise: a site that embeds relance keys its own wording and its form
fields on it. Add codes freely; never rename or reuse one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["DEFAULT_CODE", "MESSAGES", "N_"]

DEFAULT_CODE: Final = "input.invalid"
"""The code of a :class:`~relance.Problem` built without one (by code outside relance)."""


def N_(message: str) -> str:
    """Mark ``message`` for extraction; translated when it is shown, not here."""
    return message


MESSAGES: Final[Mapping[str, str]] = {
    # Any field
    "field.required": N_("This field is required."),
    "field.empty": N_("This field is required and must not be empty."),
    "field.empty_optional": N_("Leave this field out rather than empty."),
    "field.unknown": N_("Unknown field; the fields are {fields}."),
    "company.article_unknown": N_(
        "relance cannot tell whether « {name} » takes « le » or « la »; "
        "write the article in the name, such as « le Groupe Conseil Roy »."
    ),
    "choice.unknown": N_("Unknown value {value!r}; use one of {choices!l}, or leave it out."),
    # Text
    "text.control_characters": N_(
        "Line breaks, tabs and other control characters are not allowed here; write it on one line."
    ),
    "text.lone_surrogate": N_("This text holds a broken character (a lone surrogate); retype it."),
    "text.encoded_word": N_("Text such as =?utf-8?q?…?= is email-header code; write it plainly."),
    "text.too_long": N_("Too long: {length} characters, at most {max_length}."),
    "text.one_line": N_("Write it on one line, without control characters."),
    "text.empty_or_absent": N_("Expected some text, or leave it out."),
    # Types, for callers without a type checker and for JSON
    "type.text": N_("Expected text, got {type}."),
    "type.integer": N_("Expected a whole number, got {type}."),
    "type.number": N_("Expected a number, got {type}."),
    "type.list": N_("Expected a list, got {type}."),
    "type.table": N_("Expected a table of fields (a JSON object)."),
    "type.date": N_("Expected a date, such as {example}."),
    "type.boolean": N_("Expected true or false, or leave it out."),
    "type.candidate": N_("Expected a Candidate."),
    "type.contact": N_("Expected a Contact."),
    "type.contact_or_none": N_("Expected a Contact, or None."),
    "type.contact_list": N_("Expected a list of Contact."),
    "type.people": N_("Expected a list of people."),
    "type.templates": N_("Expected a directory path or a relance.Templates."),
    "type.interview": N_("Expected an Interview."),
    "type.event": N_("Expected an Event."),
    "type.rejection": N_(
        "Expected the employer's email: a message, the bytes or text of an .eml file, or its path."
    ),
    "number.negative": N_("Expected zero or more, got {value}."),
    # People
    "email.invalid": N_("This is not a valid email address: {reason}"),
    "phone.invalid": N_(
        "This is not a phone number: write digits, spaces and dashes, "
        "such as 514 555-0199 or +33 1 23 45 67 89, then « poste 234 » if needed."
    ),
    "contact.name_mismatch": N_("This name is not the contact's ({name})."),
    "address.invalid": N_("{address!r} is not a valid email address: {reason}"),
    "address.list_invalid": N_("Write one address, or several separated by commas: Name <a@b.c>."),
    "address.too_many": N_("At most {max} addresses."),
    "address.one_sender": N_("Give exactly one sender address: Name <name@example.com>."),
    # The interview
    "interviewers.missing": N_("At least one interviewer is required."),
    "interviewers.too_many": N_(
        "At most {max} interviewers, each getting a note worded differently."
    ),
    "strengths.type": N_("Expected a list of short phrases."),
    "strengths.too_many": N_("At most {max} strengths: a note says them in one sentence."),
    "locale.unknown": N_("Unknown locale {value!r}; the supported ones are {supported!l}."),
    "tone.unknown": N_("Unknown tone {value!r}; use 'formal' or 'cordial'."),
    "region.unknown": N_("Unknown region {value!r} for {country}; use one of {known}."),
    # Dates
    "date.invalid": N_("{value!r} is not a date like 2026-12-02."),
    "datetime.invalid": N_(
        "Expected a date or a date and time, such as 2026-12-01 or 2026-12-01T14:30:00-05:00."
    ),
    "date.year_out_of_range": N_("The year {year} is out of range (2000 to 2099)."),
    "date.before_interview": N_("{day} is before the interview ({held})."),
    "date.past": N_(
        "{day} is past (today is {today}); leave --send-on out to send as soon as possible."
    ),
    "reply.before_rejection": N_(
        "{day} is before the rejection arrived ({received}): "
        "a reply cannot go before the message it answers."
    ),
    "rejection.dated_before_interview": N_(
        "The message is dated {day}, before the interview ({held}): is it the right message?"
    ),
    "date.today_before_interview": N_(
        "Today is before the interview ({held}): say when the rejection arrived, "
        "or give it with --reply-to."
    ),
    "rejection.date_unknown": N_(
        "Say when the rejection arrived: pass received_on=, or send_on=, "
        "or the employer's message with its Date header."
    ),
    # Email headers
    "header.forbidden": N_("Line breaks and control characters are not allowed in a header."),
    "header.line_break": N_("Line breaks are not allowed in a header."),
    "header.encoded_word": N_(
        "Text shaped like an RFC 2047 encoded word (=?…?=) is not allowed here."
    ),
    "header.address_line_break": N_("The sender's name or address holds a line break."),
    "header.no_address": N_("This header holds no usable address."),
    "message_id.invalid": N_("A Message-ID is one line of text, <like@this>."),
    "references.type": N_("Expected a list of Message-IDs, oldest first."),
    "references.too_many": N_("At most {max} Message-IDs."),
    # The draft itself
    "kind.unknown": N_("Unknown kind {value!r}; use one of {kinds!l}."),
    # The employer's message
    "rejection.unreadable": N_("This message cannot be read: {reason}."),
    "rejection.no_headers": N_("This is not an email message: it has no headers."),
    "rejection.no_sender": N_("The message has no usable sender address to reply to."),
    "rejection.too_large": N_("This message is larger than {max} MB: not read."),
    "rejection.headers_too_long": N_(
        "This message's headers are longer than {max} kB: "
        "it is not an ordinary email, so it is not read."
    ),
    "rejection.first_line_not_header": N_(
        "This is not an email message: its first line is not a header."
    ),
    "rejection.line_not_header": N_(
        "Line {line} of the message's headers is not a header ({text!r}): "
        "save the message as it was received, as an .eml file, and try again."
    ),
    "rejection.too_many_headers": N_("This message has more than {max} headers."),
    "rejection.header_too_long": N_("This header is longer than {max} kB: not read."),
    "rejection.too_many_addresses": N_(
        "This header holds {count} addresses, at most {max}: "
        "a reply goes to a person, not to a list."
    ),
    "rejection.subject_encoded_word": N_(
        "The subject, once decoded, still holds an encoded word (=?…?=): "
        "a message built to inject headers, not answered."
    ),
    "eml.no_recipient": N_("The {name} email has no recipient; an .eml file needs one."),
    # Files
    "file.suffix": N_("Give a .toml or a .json file."),
    "file.not_found": N_("No such file."),
    "file.not_found_at": N_("No such file: {path}."),
    "file.unreadable": N_("Cannot read the file: {reason}."),
    "file.unreadable_at": N_("Cannot read {path}: {reason}."),
    "file.not_utf8": N_("The file is not UTF-8 text."),
    "file.too_large": N_("This file is larger than {max} kB: not an interview."),
    "file.too_deep": N_("Its values are nested far too deeply to be an interview."),
    "file.toml_invalid": N_("This is not valid TOML: {reason}."),
    "file.json_invalid": N_("This is not valid JSON: {reason} (line {line}, column {column})."),
    "file.exists": N_("{directory} already holds {names}; nothing written."),
    "file.exists_force": N_(
        "{directory} already holds {names}; nothing written. Add --force to replace them."
    ),
    "batch.not_json": N_("This line is not JSON: {reason} (column {column})."),
    "batch.not_an_object": N_("Expected an interview: a JSON object on one line."),
    "batch.eml_text": N_("Expected the text of the .eml file."),
    "batch.eml_path": N_("Expected the path of the .eml file."),
    "stdin.taken": N_("Standard input already holds the interview; give the message's file."),
    "stdin.not_utf8": N_("Standard input is not UTF-8 text."),
    "stdout.taken": N_("Standard output carries the calendar or the JSON, not both: name a file."),
    "file.cannot_create": N_("Cannot create {directory}: {reason}."),
    "file.cannot_write": N_("Cannot write into {directory}: {reason}."),
    "file.in_the_way": N_("{path} is in the way: it is not a file. Nothing was written."),
    # The events of a follow-up, and the journal that keeps them
    "event.kind_unknown": N_("Unknown kind {value!r}; use one of {kinds}."),
    "event.in_future": N_(
        "{day} is in the future (today is {today}); log what has happened, once it has."
    ),
    "event.not_an_interviewer": N_(
        "{name!r} did not interview the candidate; the interviewers are {interviewers}."
    ),
    "events.type": N_("Expected a list of events."),
    "journal.cannot_open": N_("Cannot open {path}: {reason}."),
    "journal.not_a_journal": N_("{path} is not a relance journal ({reason})."),
    "journal.too_new": N_(
        "{path} was written by a newer relance (schema {version}, this one reads up to "
        "{supported}); upgrade relance."
    ),
    "journal.id_unknown_near": N_("No interview {id!r} in {path}; did you mean {near}?"),
    "journal.id_unknown": N_("No interview {id!r} in {path}; `relance status` lists the ids."),
    "journal.empty": N_(
        "No interview {id!r} in {path}; the journal is empty: "
        "`relance track FILE` adds an interview."
    ),
    "journal.id_taken": N_("{id!r} is already in the journal."),
    "journal.id_repeated": N_("{id!r} appears twice."),
    "journal.id_invalid": N_("Expected an id of lower-case letters, digits and dashes."),
    "export.not_an_export": N_('Expected {{"interviews": [...]}}, as export writes.'),
    "export.format_unknown": N_("Unknown format {value!r}; expected {known}."),
    "export.entry_invalid": N_("Expected a table with id, interview and events."),
    "export.unreadable": N_("This is not a JSON export: {reason}."),
    # Mail accounts and the configuration file (never a password in a sentence)
    "config.table_missing": N_(
        "{path} has no [{table}] table: add one with host and username (see docs/delivery.md)."
    ),
    "config.key_unknown": N_("Unknown key: the keys are {keys}."),
    "config.value_not_text": N_("Give this value as a string, in quotes."),
    "config.password_in_file": N_(
        "relance never reads a password from a file: remove this line, and set "
        "{variable} or type the password when asked."
    ),
    "password.invalid": N_("The password must not be empty or hold control characters."),
    "account.host_required": N_("This field is required: the server's name."),
    "account.host_invalid": N_("Give the server's name, such as imap.example.com."),
    "account.host_control_characters": N_("Control characters are not allowed in a host name."),
    "account.username_required": N_("This field is required: the login name."),
    "account.username_invalid": N_("Give the login name, on one line."),
    "account.credentials_partial": N_("Give the username and the password together."),
    "account.security_unknown": N_('Use "tls", "starttls" or "none" (loopback hosts only).'),
    "account.security_none_remote": N_(
        '"none" sends the password and the messages unencrypted: it is allowed only for a '
        'server on this machine (localhost). Use "tls" or "starttls" for {protocol} at {host}.'
    ),
    "account.port_invalid": N_("A port is a whole number from 1 to 65535."),
    "account.cafile_missing": N_(
        "There is no file at {path}: give the path of the certificate authority's PEM file."
    ),
    "account.timeout_invalid": N_("Give the number of seconds to wait, above 0."),
    "account.local_hostname_invalid": N_("Give a host name on one line."),
    # Templates
    "templates.not_a_directory": N_("{path} is not a directory."),
    # relance's own options
    "language.unknown": N_("Unknown language {value!r}; use one of {supported!l}."),
    "schema.unknown": N_("Unknown schema {value!r}; use one of {known!l}."),
    # What became of a draft saved or sent (Delivery.detail): not problems, but the
    # sentences of deliveries, with codes and French as a problem's
    "delivery.saved": N_('Saved in "{folder}".'),
    "delivery.saved_uid": N_('Saved in "{folder}" (UID {uid}).'),
    "delivery.imap_refused": N_("The IMAP server {server} refused it: {reason}."),
    "delivery.imap_lost": N_(
        "The connection to the IMAP server {server} was lost ({reason}); it may not have "
        "been saved."
    ),
    "delivery.imap_lost_before": N_(
        "Not saved: the connection to the IMAP server {server} was lost before it."
    ),
    "delivery.sent": N_("Accepted by the SMTP server {server} ({reply})."),
    "delivery.would_send": N_(
        "Would be sent through the SMTP server {server} from {sender} to {recipients}: "
        "{size} bytes."
    ),
    "delivery.too_early": N_(
        "Not sent: it is to be sent on {day} or later (allow_early=True sends it now)."
    ),
    "delivery.sender_refused": N_(
        "The SMTP server {server} refused the sender {sender} ({reply}); nothing was sent."
    ),
    "delivery.recipient_refused": N_(
        "The SMTP server {server} refused the recipient {refused}; nothing was sent."
    ),
    "delivery.message_refused": N_(
        "The SMTP server {server} refused the message ({reply}); nothing was sent."
    ),
    "delivery.smtp_lost": N_(
        "The connection to the SMTP server {server} was lost ({reason}); it may not have been sent."
    ),
    "delivery.smtp_lost_before": N_(
        "Not sent: the connection to the SMTP server {server} was lost before it."
    ),
    # A mail server that cannot be used (DeliveryError): nothing was saved or sent
    "server.cafile_unreadable": N_(
        "The cafile {path} cannot be read as PEM certificates ({reason})."
    ),
    "server.login_refused": N_(
        "The {protocol} server {server} refused the login of {username} ({reply}): check the "
        "username and the password (Gmail needs an app password)."
    ),
    "server.not_ascii": N_(
        "The username or the password for the {protocol} server {server} holds characters "
        "its login does not accept (only ASCII)."
    ),
    "server.certificate": N_(
        "The certificate of the {protocol} server {server} does not verify ({reason}): if it "
        "is signed by an authority of your own, give that authority's PEM file as cafile."
    ),
    "server.certificate_cafile": N_(
        "The certificate of the {protocol} server {server} does not verify ({reason}): is the "
        "cafile the authority that signed it?"
    ),
    "server.tls_failed": N_(
        "The TLS handshake with the {protocol} server {server} failed ({reason}): check that "
        'the port matches the security ("tls" or "starttls").'
    ),
    "server.host_unknown": N_("Cannot find the server {host}: check the host name."),
    "server.timeout": N_(
        "The {protocol} server {server} did not answer within {seconds} seconds: check the "
        "host, the port and the network."
    ),
    "server.connection_refused": N_(
        "Cannot connect to the {protocol} server {server}: the connection was refused; check "
        "the host and the port."
    ),
    "server.unreachable": N_("Cannot connect to the {protocol} server {server}: {reason}."),
    "server.unusable": N_("Cannot use the {protocol} server {server}: {reason}."),
    "server.no_such_folder": N_(
        'There is no folder "{folder}" on the IMAP server {server}; its folders are: {folders!q}.'
    ),
    "server.no_drafts_folder": N_(
        "No folder on the IMAP server {server} is marked as the drafts folder, and none is "
        "named {names}: pass the folder to use (folder=...); its folders are: {folders!q}."
    ),
    "server.no_starttls": N_(
        'The SMTP server {server} does not offer STARTTLS: use security "tls" if the port '
        "expects TLS from the start, or another port."
    ),
    "server.no_auth": N_(
        "The SMTP server {server} offers no login (AUTH) on this connection: check the port "
        "and the security, or leave the username out for a relay without login."
    ),
    "server.connection_rejected": N_("The SMTP server {server} refused the connection ({reply})."),
}
"""Each code and its English sentence, which is also its gettext message id."""
