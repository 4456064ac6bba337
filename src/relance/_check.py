"""``relance templates check``: render every template of a directory over sample
interviews in every region and register, then let Grammalecte read the result."""

from __future__ import annotations

from ._catalogue import KINDS
from ._draft import Draft
from ._grammalecte import Text, check, command
from ._model import Interview
from ._plan import Plan
from ._render import Templates
from ._samples import example_rejection, sample_interviews
from ._script import Script
from .errors import TemplateError

__all__ = ["check_templates", "proper_nouns", "prose"]


def check_templates(templates: Templates) -> tuple[list[str], bool]:
    """Every problem found (template errors with file and line, then what Grammalecte
    reports), and whether Grammalecte ran."""
    problems: list[str] = []
    texts: dict[str, Text] = {}
    rejection = example_rejection()
    employer = _names_in(rejection)
    # A kind whose templates failed once is not rendered again: every sample would
    # report the same error, and a template stopped by a limit has spent its budget.
    broken: set[str] = set()
    for name, interview in sample_interviews():
        nouns = proper_nouns(interview) | employer
        # Each kind on its own, so one broken template hides no other.
        for kind in KINDS:
            if kind.name in broken:
                continue
            try:
                messages = kind.messages(
                    interview, rejection=rejection, templates=templates, html=True
                )
            except TemplateError as err:
                broken.add(kind.name)
                if str(err) not in problems:
                    problems.append(str(err))
                continue
            for message in messages:
                texts[f"{name} {message.name}"] = Text(prose(message.text), nouns)
    grammalecte = command()
    if grammalecte is None or not texts:
        return problems, False
    for name, found in check(texts, grammalecte=grammalecte).items():
        problems += [f"{name}: {finding}" for finding in found]
    return problems, True


def prose(text: Draft | Script | Plan) -> str:
    """What Grammalecte reads of a message: the subject and body of an email, a script
    as written, a card with its short lines joined, a plan's steps."""
    if isinstance(text, Draft):
        return f"{text.subject}\n\n{text.body}"
    if isinstance(text, Script):
        if text.kind == "note":
            return "\n\n".join(p.replace("\n", " ") for p in text.text.split("\n\n"))
        return text.text
    return "\n\n".join(f"{step.action}.\n{step.detail}" for step in text.steps)


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
