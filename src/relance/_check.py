"""``relance templates check``: render every template of a directory over sample
interviews in every region and register, then let Grammalecte read the result."""

from __future__ import annotations

from ._follow_up import follow_up
from ._grammalecte import Text, check, command
from ._model import Interview
from ._rejection import rejection_reply
from ._render import Templates
from ._samples import example_rejection, sample_interviews
from ._second_follow_up import second_follow_up
from ._thank_you import thank_you_notes
from .errors import TemplateError

__all__ = ["check_templates", "proper_nouns"]


def check_templates(templates: Templates) -> tuple[list[str], bool]:
    """Every problem found (template errors with file and line, then what Grammalecte
    reports), and whether Grammalecte ran."""
    problems: list[str] = []
    texts: dict[str, Text] = {}
    rejection = example_rejection()
    employer = _names_in(rejection)
    for name, interview in sample_interviews():
        nouns = proper_nouns(interview) | employer

        def failed(err: TemplateError) -> None:
            if str(err) not in problems:
                problems.append(str(err))

        # Each message on its own, so one broken template hides no other.
        try:
            notes = thank_you_notes(interview, templates=templates, html=True)
        except TemplateError as err:
            failed(err)
        else:
            for i, note in enumerate(notes, 1):
                texts[f"{name} thank-you {i}"] = Text(f"{note.subject}\n\n{note.body}", nouns)
        try:
            later = follow_up(interview, templates=templates, html=True)
        except TemplateError as err:
            failed(err)
        else:
            email = later.email
            texts[f"{name} follow-up"] = Text(f"{email.subject}\n\n{email.body}", nouns)
            texts[f"{name} call"] = Text(later.call.text, nouns)
            texts[f"{name} voicemail"] = Text(later.voicemail.text, nouns)
        try:
            last = second_follow_up(interview, templates=templates, html=True)
        except TemplateError as err:
            failed(err)
        else:
            texts[f"{name} second follow-up"] = Text(f"{last.subject}\n\n{last.body}", nouns)
        try:
            refusal = rejection_reply(
                interview, rejection=rejection, templates=templates, html=True
            )
        except TemplateError as err:
            failed(err)
        else:
            texts[f"{name} rejection"] = Text(refusal.email.body, nouns)
            card = refusal.note.text
            note_text = "\n\n".join(p.replace("\n", " ") for p in card.split("\n\n"))
            texts[f"{name} note"] = Text(note_text, nouns)
    grammalecte = command()
    if grammalecte is None or not texts:
        return problems, False
    for name, found in check(texts, grammalecte=grammalecte).items():
        problems += [f"{name}: {finding}" for finding in found]
    return problems, True


def _names_in(raw: bytes) -> frozenset[str]:
    """The words of the display names in a message's From and Reply-To."""
    from email import message_from_bytes, policy

    message = message_from_bytes(raw, policy=policy.default)
    names = " ".join(
        address.display_name
        for header in ("From", "Reply-To")
        if message.get(header) is not None
        for address in message[header].addresses
    )
    return frozenset(names.split())


def proper_nouns(interview: Interview) -> frozenset[str]:
    """The words of the names in an interview: Grammalecte may not know them."""
    people = [interview.candidate.name, *(c.name for c in interview.interviewers)]
    if interview.hiring_contact is not None:
        people.append(interview.hiring_contact.name)
    people += [interview.company, interview.candidate.city or ""]
    words = " ".join(people).replace("’", " ").replace("'", " ")
    return frozenset(words.split()) | frozenset(words.replace("-", " ").split())
