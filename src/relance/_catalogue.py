"""The catalogue of message kinds: one row per kind, that everything else walks.

A row says what a kind is for, which templates write it, the variables each template
sees, and which function drafts it. The renderer, the HTML overrides, ``relance
templates list/copy/check``, the demo and the tests all iterate :data:`KINDS`, so a
new kind of message is one row here, its templates and one function (see « Adding a
message kind » in docs/development.md).

The function is named by its module and attribute and imported on first use: the
catalogue imports no message module, so the renderer can read it without a cycle.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

# Rows are named tuples, not dataclasses: the command line reads this module to list
# its commands, and `relance --help` should not pay for importing dataclasses.
if TYPE_CHECKING:
    from datetime import date

    from ._draft import Draft
    from ._model import Interview
    from ._plan import Plan
    from ._render import Templates
    from ._script import Script

__all__ = [
    "HTML_OVERRIDES",
    "KINDS",
    "TEMPLATES",
    "VARIABLES",
    "Kind",
    "Output",
    "Template",
    "as_json",
    "every_message",
    "kind",
]

VARIABLES: Mapping[str, str] = MappingProxyType(
    {
        "appel": "the appel of a letter: « Madame, », « Bonjour Dominique Bélanger, », "
        "« Madame, Monsieur, »",
        "availability": "when the candidate can be called back: « en semaine, de 9 h à 17 h »",
        "brief": "true when the voicemail must leave out the position to stay under 30 seconds",
        "candidate": "the `Candidate`: `.name`, `.email`, `.phone`, `.gender`, `.city`, "
        "`.availability`",
        "closing": "the email's closing: « Je vous prie d’agréer, Madame, mes salutations "
        "distinguées. » or « Cordialement, »",
        "company": "the company, as written: « Ubisoft », « Le Devoir »",
        "contact": "the `Contact` the message is for (`None` for a rejection from someone "
        "unknown): `.name`, `.civility`, `.family_name`, `.topic`…",
        "contact_spoken": "the contact as named aloud: « madame Tremblay »",
        "forgot_to_mention": "the sentence the candidate forgot to say, or none",
        "gender": '`"f"`, `"m"` or none: use `accord` only when it is set',
        "greeting": "the email's appel: « Bonjour Madame Tremblay, », « Madame, »",
        "held_at": "when the interview took place (a date, or a date and time)",
        "held_date": "the interview's date in full, with its article: « le mardi 1er décembre »",
        "held_on": "the interview's day (a date)",
        "interviewers_spoken": "the interviewers named as said aloud: « madame Tremblay et "
        "Dominique Bélanger »",
        "interviewers_written": "the interviewers named in running text: « Mme Tremblay et "
        "Dominique Bélanger »",
        "was_there": "whether the follow-up's recipient was at the interview (an HR contact "
        "may not have been)",
        "lang": "the language tag for `<html lang>`: `fr-CA`",
        "letter_closing": "the closing of the handwritten note",
        "letter_sign_off": "the note's closing and the candidate's name",
        "locale": "the region: `fr_CA`, `fr_FR`, `fr_BE`, `fr_CH`",
        "paragraphs": "the finished plain text, as paragraphs of lines",
        "phone": "the candidate's number written to be read slowly (« 514, 555, 0199 »), or none",
        "position": "the job title, without article: « analyste de données »",
        "message": "which sentence of the status: `thank_you`, `follow_up_due`, `answered`, "
        "`no_answer`…",
        "day": "the date a sentence of the status speaks of, or none",
        "person": "the person a sentence of the status names, said aloud, or none",
        "send_on": "the day the message is sent (a date)",
        "sign_off": "the email's closing and signature (name, phone)",
        "strengths": "up to three short phrases: why the candidate is a serious candidate",
        "subject": "the email's subject",
        "text": "the finished plain text of the email",
        "variant": "which wording (0 to 2) this interviewer's note uses for each paragraph: "
        "`variant.subject`, `.thanks`, `.detail`, `.case`, `.forgot`, `.interest`",
        "when": "the interview seen from the send date: « hier », « vendredi dernier », "
        "« le mardi 1er décembre »",
        "words": "the region's vocabulary: `words.interview` (« entrevue »), `words.email`, "
        "`words.voicemail`…, each with `.the` and `.a`",
    }
)
"""Every variable a template may see, and what it holds (docs/templates.md)."""

# The names every message template's context holds; each kind adds its own.
_COMMON = (
    "appel",
    "candidate",
    "closing",
    "company",
    "contact",
    "forgot_to_mention",
    "gender",
    "greeting",
    "held_at",
    "held_on",
    "letter_closing",
    "letter_sign_off",
    "locale",
    "position",
    "send_on",
    "sign_off",
    "strengths",
    "when",
    "words",
)
_THANK_YOU = (*_COMMON, "held_date", "variant")
_FOLLOW_UP = (
    *_COMMON,
    "availability",
    "contact_spoken",
    "held_date",
    "interviewers_spoken",
    "interviewers_written",
    "phone",
    "was_there",
)
_STEP = ("contact", "contact_spoken", "locale", "words")
HTML_VARIABLES = ("lang", "paragraphs", "subject", "text")
"""What an HTML template sees besides the variables of the email it lays out."""


class Template(NamedTuple):
    """One template of the package: its file name, what it renders, what it sees."""

    name: str
    """The file name under ``relance/templates``: ``"thank_you.body.txt"``."""
    renders: str
    """What it renders, in a few words."""
    variables: tuple[str, ...]
    """The names of its context, sorted (each described in :data:`VARIABLES`)."""


class Output(NamedTuple):
    """One message of a kind (or the plan), as the CLI writes it and the tests compare it."""

    name: str
    """Its file name without extension: ``"thank-you-1"``, ``"call"``."""
    text: Draft | Script | Plan
    """The draft, the script or the plan."""
    field: str
    """The input field that holds its recipient's email (``"interviewers[0].email"``),
    ``""`` for what is not sent."""
    key: str | None = None
    """Its key in the JSON of its kind (``"email"``, ``"call"``), or None when the kind's
    JSON is a list of its messages (the thank-you notes)."""


Producer = Callable[..., list[Output]]
"""A kind's function: ``(interview, *, send_on, rejection, received_on, templates, html)``."""


class Kind(NamedTuple):
    """One kind of message: what it is for, its templates, and the function that drafts it."""

    name: str
    """Its name in code and in ``Draft.kind``: ``"thank_you"``."""
    command: str
    """Its name on the command line: ``"thank-you"``."""
    purpose: str
    """What it is for, in one sentence (the CLI's help, the docs)."""
    templates: tuple[Template, ...]
    """The templates that write it, the package's own."""
    html: str | None
    """The HTML template an override directory may add for its email, if it has one."""
    producer: str
    """The function that drafts every message of this kind for one interview, as
    ``"module:attribute"`` under ``relance``; imported on first use."""
    description: str = ""
    """What its command does, for ``relance COMMAND --help``."""
    send_on: str = "the day to send it"
    """What ``--send-on`` means for it, with its default."""

    def messages(
        self,
        interview: Interview,
        *,
        send_on: date | None = None,
        rejection: Any = None,
        received_on: date | None = None,
        templates: Templates | None = None,
        html: bool = False,
    ) -> list[Output]:
        """Every message of this kind for ``interview``, named for the files they go to."""
        module, _, attribute = self.producer.partition(":")
        produce: Producer = getattr(importlib.import_module(f"relance.{module}"), attribute)
        return produce(
            interview,
            send_on=send_on,
            rejection=rejection,
            received_on=received_on,
            templates=templates,
            html=html,
        )


def _template(name: str, renders: str, variables: tuple[str, ...]) -> Template:
    return Template(name, renders, tuple(sorted(set(variables))))


KINDS: tuple[Kind, ...] = (
    Kind(
        name="thank_you",
        command="thank-you",
        purpose="the thank-you note to each interviewer, the next business day",
        templates=(
            _template("thank_you.subject.txt", "the subject of a thank-you note", _THANK_YOU),
            _template("thank_you.body.txt", "the thank-you note to one interviewer", _THANK_YOU),
        ),
        html="thank_you.body.html",
        producer="_thank_you:messages",
        description=("Draft the thank-you note to each interviewer, sent the next business day."),
        send_on="the day the notes will be sent (default: the next business day)",
    ),
    Kind(
        name="follow_up",
        command="follow-up",
        purpose="the one-week follow-up: the email, the call script, the voicemail",
        templates=(
            _template(
                "follow_up.subject.txt",
                "the subject of the one-week follow-up email",
                _FOLLOW_UP,
            ),
            _template("follow_up.body.txt", "the one-week follow-up email", _FOLLOW_UP),
            _template("call.txt", "the follow-up call script", _FOLLOW_UP),
            _template("voicemail.txt", "the prepared voicemail", (*_FOLLOW_UP, "brief")),
        ),
        html="follow_up.body.html",
        producer="_follow_up:messages",
        description=(
            "Draft the follow-up a week after the interview: the email to the hiring "
            "contact, what to say on the phone, and the voicemail to leave."
        ),
        send_on="the day of the follow-up (default: a week after, on a business day)",
    ),
    Kind(
        name="second_follow_up",
        command="second-follow-up",
        purpose="the second and last follow-up email, a week after the first",
        templates=(
            _template(
                "second_follow_up.subject.txt",
                "the subject of the second and last follow-up email",
                (*_COMMON, "held_date"),
            ),
            _template(
                "second_follow_up.body.txt",
                "the second and last follow-up email, a week after the first",
                (*_COMMON, "held_date"),
            ),
        ),
        html="second_follow_up.body.html",
        producer="_second_follow_up:messages",
        description=(
            "Draft the second and last follow-up email, a week after the first, when it "
            "went unanswered: is the position still open?"
        ),
        send_on="the day to send it (default: a week after the follow-up, on a business day)",
    ),
    Kind(
        name="rejection_reply",
        command="rejection",
        purpose="after a rejection: a reply asking for feedback, and a handwritten note",
        templates=(
            _template(
                "rejection.subject.txt",
                "the subject of the reply to a rejection, without a message",
                _COMMON,
            ),
            _template("rejection.body.txt", "the reply to a rejection", _COMMON),
            _template("note.txt", "the handwritten note after a rejection", _COMMON),
        ),
        html="rejection.body.html",
        producer="_rejection:messages",
        description=(
            "Draft the reply to a rejection (threaded under the employer's message with "
            "--reply-to) and a handwritten note to copy onto a card."
        ),
        send_on="the day to reply (default: the next business day)",
    ),
    Kind(
        name="plan",
        command="plan",
        purpose="the whole follow-up as a dated checklist and a calendar file",
        templates=(
            _template("plan.thank_you.txt", "the plan's step: send the thank-you note", _STEP),
            _template("plan.call.txt", "the plan's step: the morning call", _STEP),
            _template("plan.call_back.txt", "the plan's step: the afternoon call back", _STEP),
            _template("plan.follow_up.txt", "the plan's step: send the follow-up email", _STEP),
            _template(
                "plan.second_follow_up.txt",
                "the step of what is due: send the second and last follow-up",
                _STEP,
            ),
            _template(
                "plan.rejection_reply.txt",
                "the plan's step, if the answer is no: reply and ask for feedback",
                _STEP,
            ),
            _template(
                "plan.note.txt",
                "the plan's step, if the answer is no: the handwritten note",
                _STEP,
            ),
            _template(
                "status.txt",
                "what relance due and relance status say of an interview, state by state",
                ("day", "locale", "message", "person", "words"),
            ),
            _template(
                "plan.if_rejected.txt",
                "the heading of the steps that wait on a rejection",
                ("locale", "words"),
            ),
        ),
        html=None,
        producer="_plan:messages",
    ),
)
"""Every kind of message relance drafts, in the order of the follow-up."""

_LAYOUT = _template(
    "message.html",
    "the HTML part of every email, from its finished plain text",
    (
        *(
            variable
            for kind in KINDS
            if kind.html
            for template in kind.templates
            if template.name.endswith(".body.txt")
            for variable in template.variables
        ),
        *HTML_VARIABLES,
    ),
)


def _html_override(kind: Kind) -> Template:
    assert kind.html is not None  # noqa: S101 - only called for kinds with an email
    body = next(t for t in kind.templates if t.name.endswith(".body.txt"))
    return _template(
        kind.html,
        "the HTML part of that email, when a directory provides it",
        (*body.variables, *HTML_VARIABLES),
    )


TEMPLATES: Mapping[str, Template] = MappingProxyType(
    {
        template.name: template
        for template in (*(t for kind in KINDS for t in kind.templates), _LAYOUT)
    }
)
"""Every template relance renders, by file name."""

HTML_OVERRIDES: Mapping[str, Template] = MappingProxyType(
    {kind.html: _html_override(kind) for kind in KINDS if kind.html}
)
"""The HTML templates an override directory may add, one per kind of email."""


def as_json(messages: list[Output]) -> Any:
    """The JSON-safe data of one kind's messages: a list, or an object by key."""
    if all(message.key is None for message in messages):
        return [message.text.as_dict() for message in messages]
    return {message.key: message.text.as_dict() for message in messages}


def kind(name: str) -> Kind:
    """The kind of that name (``"thank_you"``) or command (``"thank-you"``)."""
    for row in KINDS:
        if name in (row.name, row.command):
            return row
    raise KeyError(name)


def every_message(
    interview: Interview,
    *,
    send_on: Mapping[str, date] | None = None,
    rejection: Any = None,
    received_on: date | None = None,
    templates: Templates | None = None,
    html: bool = False,
) -> Iterator[tuple[Kind, Output]]:
    """Every message of every kind for one interview, kind by kind.

    ``send_on`` maps a kind's name to the day its messages are sent; a rejection
    reply needs ``rejection`` (the employer's message) or ``received_on``.
    """
    days = send_on or {}
    for row in KINDS:
        for message in row.messages(
            interview,
            send_on=days.get(row.name),
            rejection=rejection,
            received_on=received_on,
            templates=templates,
            html=html,
        ):
            yield row, message
