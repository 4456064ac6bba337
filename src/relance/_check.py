"""``relance templates check``: render every template of a directory over sample
interviews in every region and register, then let Grammalecte read the result."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources import files

from ._catalogue import HTML_OVERRIDES, KINDS, TEMPLATES, Kind
from ._draft import Draft
from ._grammalecte import Finding, Text, command, findings
from ._model import Interview
from ._plan import Plan
from ._render import Templates
from ._samples import example_rejection, sample_interviews
from ._script import Script
from .errors import TemplateError

__all__ = ["check_templates", "proper_nouns", "prose"]


@dataclass
class _Problem:
    """One problem, said once, with the sample interviews it showed in."""

    example: str = ""
    """A line it was found in, for a finding of Grammalecte."""
    samples: list[str] = field(default_factory=list)
    """The sample interviews (and messages) it showed in."""


class _Report:
    """Problems grouped by template and line, each said once."""

    def __init__(self, templates: Templates) -> None:
        self.templates = templates
        self.problems: dict[tuple[str, int, str], _Problem] = {}

    def add(
        self, template: str, line: int | None, what: str, sample: str = "", example: str = ""
    ) -> None:
        # A TemplateError names an override by its path already; a package template
        # keeps its bare name, so it is not taken for a file of the directory.
        where = str(self.templates.path / template) if self.templates.has(template) else template
        problem = self.problems.setdefault((where, line or 0, what), _Problem(example))
        if sample:
            problem.samples.append(sample)

    def lines(self) -> list[str]:
        said = []
        for (where, line, what), problem in sorted(self.problems.items()):
            text = f"{where}, line {line}: {what}" if line else f"{where}: {what}"
            if problem.example:
                text += f" in {problem.example!r}"
            if problem.samples:
                count = len(problem.samples)
                text += f" ({problem.samples[0]}{f' and {count - 1} more' if count > 1 else ''})"
            said.append(text)
        return said


def check_templates(templates: Templates) -> tuple[list[str], bool]:
    """Every problem found, once per template and line: files the directory holds that
    are no template (with the nearest name), template errors, empty subjects and
    bodies, then what Grammalecte reports; and whether Grammalecte ran."""
    report = _Report(templates)
    _unknown_files(templates, report)
    texts: dict[str, Text] = {}
    sources: dict[str, tuple[str, ...]] = {}
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
                report.add(err.template, err.line, str(err).partition(": ")[2])
                continue
            for message in messages:
                sample = f"{name} {message.name}"
                _empty(kind, message.text, sample, report)
                texts[sample] = Text(prose(message.text), nouns)
                sources[sample] = tuple(_templates_of(kind, message.text))
    grammalecte = command()
    if grammalecte is None or not texts:
        return report.lines(), False
    for sample, found in findings(texts, grammalecte=grammalecte).items():
        for finding in found:
            template, line = _locate(finding, sources[sample], templates)
            report.add(template, line, _what(finding), sample, finding.line)
    return report.lines(), True


def _unknown_files(templates: Templates, report: _Report) -> None:
    """Files of the directory relance never reads: a misspelt name changes nothing."""
    known = [*TEMPLATES, *HTML_OVERRIDES]
    for path in sorted(templates.path.iterdir()):
        if path.name in known or path.name.startswith(".") or not path.is_file():
            continue
        nearest = difflib.get_close_matches(path.name, known, n=1, cutoff=0.6)
        hint = f"did you mean {nearest[0]}?" if nearest else "see `relance templates list`."
        report.add(path.name, None, f"not a template relance knows, so it changes nothing; {hint}")


def _empty(kind: Kind, text: Draft | Script | Plan, sample: str, report: _Report) -> None:
    if isinstance(text, Draft):
        subject, body = _templates_of(kind, text)
        if not text.subject.strip():
            report.add(subject, None, "the subject is empty", sample)
        if not text.body.strip():
            report.add(body, None, "the body is empty", sample)
    elif isinstance(text, Script) and not text.text.strip():
        report.add(f"{text.kind}.txt", None, "the text is empty", sample)


def _templates_of(kind: Kind, text: Draft | Script | Plan) -> Iterator[str]:
    """The templates a message is written from: its subject and body, or its one text."""
    if isinstance(text, Script):
        yield f"{text.kind}.txt"
    elif isinstance(text, Draft):
        yield from (t.name for t in kind.templates if t.name.endswith(".subject.txt"))
        yield from (t.name for t in kind.templates if t.name.endswith(".body.txt"))
    else:
        yield from (t.name for t in kind.templates)


def _locate(
    finding: Finding, names: tuple[str, ...], templates: Templates
) -> tuple[str, int | None]:
    """The template and line the words Grammalecte underlines come from: the line that
    holds them and looks most like the line they were found in; the first template,
    without a line, when they came from a variable."""
    best: tuple[float, str, int] | None = None
    for name in names:
        for number, source in enumerate(_source(name, templates).split("\n"), 1):
            if finding.words and finding.words in source:
                likeness = difflib.SequenceMatcher(None, source, finding.line).ratio()
                if best is None or likeness > best[0]:
                    best = (likeness, name, number)
    if best is None:
        return names[0], None
    return best[1], best[2]


def _source(name: str, templates: Templates) -> str:
    if templates.has(name):
        return (templates.path / name).read_text(encoding="utf-8")
    return files("relance").joinpath("templates", name).read_text(encoding="utf-8")


def _what(finding: Finding) -> str:
    if finding.rule == "spelling":
        return f"spelling: « {finding.words} »"
    return f"{finding.rule}: {finding.message} « {finding.words} »"


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
