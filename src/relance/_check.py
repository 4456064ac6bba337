"""``relance templates check``: render every template of a directory over sample
interviews in every region and register, then let Grammalecte read the result."""

from __future__ import annotations

from collections.abc import Callable

from ._follow_up import follow_up
from ._grammalecte import Text, check, command
from ._model import Interview
from ._rejection import rejection_reply
from ._render import Templates
from ._samples import example_rejection, sample_interviews
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
    messages: dict[str, Callable[[Interview], dict[str, str]]] = {
        "thank-you": lambda interview: _thank_you_texts(interview, templates),
        "follow-up": lambda interview: _follow_up_texts(interview, templates),
        "rejection": lambda interview: _rejection_texts(interview, templates, rejection),
    }
    # A message whose templates failed once is not rendered again: every sample would
    # report the same error, and a template stopped by a limit has spent its budget.
    broken: set[str] = set()
    for name, interview in sample_interviews():
        nouns = proper_nouns(interview) | employer
        # Each message on its own, so one broken template hides no other.
        for message, render in messages.items():
            if message in broken:
                continue
            try:
                rendered = render(interview)
            except TemplateError as err:
                broken.add(message)
                if str(err) not in problems:
                    problems.append(str(err))
                continue
            for what, text in rendered.items():
                texts[f"{name} {what}"] = Text(text, nouns)
    grammalecte = command()
    if grammalecte is None or not texts:
        return problems, False
    for name, found in check(texts, grammalecte=grammalecte).items():
        problems += [f"{name}: {finding}" for finding in found]
    return problems, True


def _thank_you_texts(interview: Interview, templates: Templates) -> dict[str, str]:
    notes = thank_you_notes(interview, templates=templates, html=True)
    return {f"thank-you {i}": f"{n.subject}\n\n{n.body}" for i, n in enumerate(notes, 1)}


def _follow_up_texts(interview: Interview, templates: Templates) -> dict[str, str]:
    later = follow_up(interview, templates=templates, html=True)
    return {
        "follow-up": f"{later.email.subject}\n\n{later.email.body}",
        "call": later.call.text,
        "voicemail": later.voicemail.text,
    }


def _rejection_texts(interview: Interview, templates: Templates, raw: bytes) -> dict[str, str]:
    refusal = rejection_reply(interview, rejection=raw, templates=templates, html=True)
    card = refusal.note.text
    return {
        "rejection": refusal.email.body,
        "note": "\n\n".join(p.replace("\n", " ") for p in card.split("\n\n")),
    }


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
