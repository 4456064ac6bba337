"""The work of ``relance batch``: items read as they are needed, drafted in this
process or in N, and written as a folder per interview or a JSON line.

Inputs stream in (interview files, or JSON Lines, one interview a line) and results
stream out, so memory stays flat whatever the count. With N processes the items go
out in chunks, a few chunks ahead per process, and come back in the order of the
input: the bytes are the same as with one.

Every input is named in what the command says about it: ``interviews.jsonl:3`` (a
line of a file), ``-:3`` (a line of standard input), or the path of a file.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ._catalogue import KINDS as CATALOGUE
from ._catalogue import Output, as_json, kind
from ._cli_batch import KINDS
from ._cli_words import TABLES, Language, problem_line
from ._draft import Draft
from ._eml import eml_bytes
from ._follow_up import FollowUp
from ._model import Interview
from ._plan import Plan, _plan_from
from ._render import as_templates
from ._script import Script
from .errors import InvalidInput, Problem, RelanceError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from ._rejection import Rejection

__all__ = [
    "Done",
    "Item",
    "Settings",
    "Usage",
    "draft_all",
    "draft_item",
    "items_of",
    "settings_of",
]

CHUNK = 16
"""Interviews sent to a worker process at a time: enough to make the round trip cheap."""

AHEAD = 4
"""Chunks in flight per process: the input is read only this far ahead of the output."""

_JSON_LINES = (".jsonl", ".ndjson")
_EXTRA_FIELDS = ("rejection_eml", "rejection", "received_on")


@dataclass(frozen=True)
class Settings:
    """What every interview of one batch is drafted with (sent to each worker)."""

    kinds: tuple[str, ...]
    """The kinds to draft, as the command line names them."""
    out: str | None
    """The directory that receives a folder per interview, or None for JSON Lines."""
    format: str
    """``text``, ``eml`` or ``json``: the files written with ``out``."""
    templates: str | None
    """A directory of template overrides."""
    html: bool
    """Also write an HTML part."""
    stamp: datetime
    """The time of the batch: the ``Date`` of every .eml and the calendar's ``DTSTAMP``."""
    language: Language = "en"
    """The language the problems of an item are said in."""


@dataclass(frozen=True)
class Item:
    """One interview to draft: a line of JSON Lines, or a file."""

    source: str
    """How messages name it: ``interviews.jsonl:3``, ``-:3``, ``cohort/camille.toml``."""
    folder: str
    """The name of its folder under ``--out``."""
    line: str | None = None
    """The JSON text of the interview, for a line of JSON Lines."""
    path: str | None = None
    """The interview file, for a file."""
    base: str = "."
    """The directory a line's ``"rejection"`` path is relative to."""


@dataclass(frozen=True)
class Done:
    """What became of one item: its JSON line (without ``--out``), or its problems."""

    source: str
    """The item's name (see :attr:`Item.source`)."""
    output: str
    """The item's JSON line, newline included; ``""`` with ``--out`` or on failure."""
    problems: tuple[str, ...] = ()
    """What went wrong, one ``field: message`` each; empty when the item was drafted."""


class Usage(Exception):
    """A bad command line: the batch does not start (exit status 2).

    ``key`` names its sentence in the command line's words (``batch.<key>``), in
    English or French; ``str()`` is the English one.
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(TABLES["en"][f"batch.{key}"].format(**params))


def settings_of(args: argparse.Namespace, language: Language = "en") -> Settings:
    """The batch's settings from its command line; :class:`Usage` when they are wrong."""
    kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if not kinds:
        raise Usage("kinds_none", kinds=",".join(KINDS))
    if unknown:
        raise Usage("kinds", unknown=", ".join(unknown), kinds=",".join(KINDS))
    if args.jobs < 1:
        raise Usage("jobs")
    out = None
    if args.out is not None:
        try:
            args.out.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise Usage("out", path=args.out, reason=err.strerror) from None
        out = str(args.out)
    templates = None
    if args.templates is not None:
        if not args.templates.is_dir():
            raise Usage("templates", path=args.templates)
        templates = str(args.templates.resolve())
    epoch = os.environ.get("SOURCE_DATE_EPOCH")  # the reproducible-builds convention
    try:
        stamp = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    except (ValueError, OverflowError, OSError):
        raise Usage("epoch", value=repr(epoch)) from None
    return Settings(
        kinds=tuple(k for k in KINDS if k in kinds),
        out=out,
        format=args.format,
        templates=templates,
        html=args.html,
        stamp=stamp.replace(microsecond=0),
        language=language,
    )


def items_of(inputs: Sequence[str]) -> tuple[Iterator[Item], int | None]:
    """Every item of the inputs, read as they are needed, and their count when known.

    Globs are expanded and files listed before the batch starts (a glob that matches
    nothing is bad usage); the lines of JSON Lines are read one at a time.
    """
    sources: list[tuple[str, Path | None]] = []  # ("lines", path) or ("file", path)
    if inputs.count("-") > 1:
        raise Usage("stdin")
    for given in inputs:
        if given == "-":
            sources.append(("lines", None))
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                raise Usage("no_match", pattern=given)
            sources += [(_shape(Path(m)), Path(m)) for m in matches]
        elif _shape(Path(given)) == "lines" and not Path(given).is_file():
            raise Usage("no_file", path=given)
        else:
            sources.append((_shape(Path(given)), Path(given)))
    files = [path for shape, path in sources if shape == "file" and path is not None]
    folders: dict[str, int] = {}
    for file in files:
        folders[file.stem] = folders.get(file.stem, 0) + 1
    total: int | None = None  # standard input: the count is not known
    if ("lines", None) not in sources:
        total = len(files) + sum(_lines(p) for s, p in sources if s == "lines" and p)
    return _stream(sources, folders), total


def _shape(path: Path) -> str:
    return "lines" if path.suffix.lower() in _JSON_LINES else "file"


def _lines(path: Path) -> int:
    """The count of non-blank lines of a JSON Lines file, for the progress bar."""
    try:
        with path.open("rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError:
        return 0  # said when the file is read


def _stream(sources: list[tuple[str, Path | None]], folders: dict[str, int]) -> Iterator[Item]:
    for shape, path in sources:
        if shape == "file" and path is not None:
            # Two inputs of one name would write one folder: both use their whole path.
            folder = path.stem if folders[path.stem] == 1 else _flat(path)
            yield Item(source=str(path), folder=folder, path=str(path))
            continue
        name = "-" if path is None else str(path)
        base = "." if path is None else str(path.parent)
        yield from _json_lines(name, path, base)


def _flat(path: Path) -> str:
    return str(path.with_suffix("")).strip("/").replace(os.sep, "_").replace("/", "_")


def _json_lines(name: str, path: Path | None, base: str) -> Iterator[Item]:
    stream: IO[str] = (
        sys.stdin if path is None else path.open(encoding="utf-8", errors="surrogateescape")
    )
    stem = "" if path is None else f"{path.stem}-"
    try:
        for number, line in enumerate(stream, 1):
            if line.strip():
                yield Item(f"{name}:{number}", f"{stem}line-{number}", line=line, base=base)
    finally:
        if path is not None:
            stream.close()


def draft_all(items: Iterable[Item], settings: Settings, jobs: int) -> Iterator[Done]:
    """What became of each item, in the order of the input."""
    if jobs == 1:
        for item in items:
            yield draft_item(item, settings)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if context.get_start_method() == "fork":
        _warm(settings)  # what the workers would each do first, done once and inherited
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        pending: deque[Future[list[Done]]] = deque()
        chunks = _chunks(items, CHUNK)
        for chunk in chunks:
            pending.append(pool.submit(draft_chunk, chunk, settings))
            if len(pending) >= jobs * AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _warm(settings: Settings) -> None:
    """Compile the templates and import the libraries a draft needs, in this process.

    Forked workers inherit them: each would otherwise compile every template and
    import icalendar on its first interview, a fifth of a second apiece.
    """
    from ._samples import example_interview, example_rejection

    try:
        outputs = _draft(example_interview(), example_rejection(), None, settings)
        if settings.out is not None:
            _files(outputs, Item(source="example", folder="example"), settings)
    except RelanceError:
        pass  # a template override that fails: each interview will say so


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def draft_chunk(items: list[Item], settings: Settings) -> list[Done]:
    """Draft a chunk of items in a worker process."""
    return [draft_item(item, settings) for item in items]


def draft_item(item: Item, settings: Settings) -> Done:
    """Draft one item: write its folder or make its JSON line; never raise for bad input."""
    try:
        interview, rejection, received_on = _read(item)
        outputs = _draft(interview, rejection, received_on, settings)
        if settings.out is None:
            data: dict[str, Any] = {"input": item.source}
            for kind_name, messages in outputs:
                data[kind_name] = _as_json(kind_name, messages)
            return Done(item.source, json.dumps(data, ensure_ascii=False) + "\n")
        _write_folder(Path(settings.out), item.folder, _files(outputs, item, settings))
        return Done(item.source, "")
    except InvalidInput as err:
        said = tuple(problem_line(problem, settings.language) for problem in err.problems)
        return Done(item.source, "", said)
    except RelanceError as err:
        return Done(item.source, "", (str(err),))


def _read(item: Item) -> tuple[Interview, Rejection | None, date | None]:
    """The interview of an item, the employer's mail when it has one, and ``received_on``."""
    if item.path is not None:
        path = Path(item.path)
        beside = path.with_suffix(".eml")
        return Interview.load(path), (beside if beside.is_file() else None), None
    assert item.line is not None  # noqa: S101 - an item is a file or a line
    try:
        data = json.loads(item.line)
    except json.JSONDecodeError as err:
        raise InvalidInput.of("", "batch.not_json", reason=err.msg, column=err.colno) from None
    if not isinstance(data, dict):
        raise InvalidInput.of("", "batch.not_an_object")
    extra = {name: data.pop(name) for name in _EXTRA_FIELDS if name in data}
    rejection: Rejection | None = None
    if "rejection_eml" in extra:
        if not isinstance(extra["rejection_eml"], str):
            raise InvalidInput.of("rejection_eml", "batch.eml_text")
        rejection = extra["rejection_eml"].encode("utf-8", "surrogateescape")
    elif "rejection" in extra:
        if not isinstance(extra["rejection"], str):
            raise InvalidInput.of("rejection", "batch.eml_path")
        rejection = Path(item.base, extra["rejection"])
    received_on = None
    if "received_on" in extra:
        try:
            received_on = date.fromisoformat(extra["received_on"])
        except (TypeError, ValueError):
            raise InvalidInput.of(
                "received_on", "date.invalid", value=extra["received_on"]
            ) from None
    return Interview.from_dict(data), rejection, received_on


def _draft(
    interview: Interview,
    rejection: Rejection | None,
    received_on: date | None,
    settings: Settings,
) -> list[tuple[str, list[Output]]]:
    """Each kind asked for, with its messages (``Output`` rows of the catalogue)."""
    templates = as_templates(settings.templates)
    html = settings.html
    wanted = settings.kinds
    drafted: dict[str, list[Output]] = {}
    for name in (row.command for row in CATALOGUE if row.name != "plan"):
        if name in wanted or (name in ("thank-you", "follow-up") and "plan" in wanted):
            drafted[name] = kind(name).messages(
                interview,
                rejection=rejection,
                received_on=received_on,
                templates=templates,
                html=html,
            )
    if "plan" in wanted:
        # The plan is made of the notes and the follow-up drafted above, not drafted again.
        notes = [m.text for m in drafted["thank-you"] if isinstance(m.text, Draft)]
        parts = {m.key: m.text for m in drafted["follow-up"]}
        email, call, voicemail = parts["email"], parts["call"], parts["voicemail"]
        assert isinstance(email, Draft)  # noqa: S101 - the follow-up's catalogue row
        assert isinstance(call, Script)  # noqa: S101
        assert isinstance(voicemail, Script)  # noqa: S101
        later = FollowUp(email=email, call=call, voicemail=voicemail)
        steps = _plan_from(interview, notes, later, templates=templates)
        drafted["plan"] = [Output("plan", steps, "")]
    return [(kind(name).name, drafted[name]) for name in wanted]


def _as_json(kind_name: str, messages: list[Output]) -> Any:
    """A kind's JSON as the kind's own command prints it (the plan: one object)."""
    return messages[0].text.as_dict() if kind_name == "plan" else as_json(messages)


def _files(
    outputs: list[tuple[str, list[Output]]], item: Item, settings: Settings
) -> dict[str, bytes]:
    """The files of one interview's folder, by name."""
    files: dict[str, bytes] = {}
    missing: list[Problem] = []
    for _, messages in outputs:
        for message in messages:
            name, text = message.name, message.text
            if settings.format == "json":
                data = json.dumps(text.as_dict(), ensure_ascii=False, indent=2) + "\n"
                files[f"{name}.json"] = data.encode()
            elif settings.format == "eml" and isinstance(text, Draft):
                if not text.to:
                    missing.append(Problem.of(message.field, "eml.no_recipient", name=name))
                    continue
                files[f"{name}.eml"] = eml_bytes(
                    text,
                    message_id=_message_id(item, name, text, settings.stamp),
                    date=settings.stamp,
                )
            else:
                files[f"{name}.txt"] = text.as_text().encode()
            if isinstance(text, Draft) and text.html is not None and settings.format != "eml":
                files[f"{name}.html"] = text.html.encode()
            if isinstance(text, Plan):
                files[f"{name}.ics"] = text.to_ics(stamp=settings.stamp)
    if missing:
        raise InvalidInput(missing)
    return files


def _message_id(item: Item, name: str, draft: Draft, stamp: datetime) -> str:
    """A Message-ID made of the batch's time, the item, the message and its text: new
    on every run, the same whatever the process that drafts it (and on every run
    with ``SOURCE_DATE_EPOCH`` set)."""
    seed = f"{stamp.isoformat()}\0{item.source}\0{name}\0{draft.subject}\0{draft.body}"
    digest = hashlib.sha256(seed.encode()).hexdigest()
    domain = draft.sender.rpartition("@")[2].rstrip(">")
    return f"<{digest[:32]}@{domain}>"


def _write_folder(out: Path, folder: str, files: dict[str, bytes]) -> None:
    """Write every file of one interview or none: into a hidden folder, then renamed."""
    final = out / folder
    staging = Path(tempfile.mkdtemp(dir=out, prefix=f".{folder}."))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        if final.exists():
            # A folder of an earlier run: set aside, replaced, then removed.
            old = Path(tempfile.mkdtemp(dir=out, prefix=f".{folder}.old."))
            os.replace(final, old / folder)
            os.replace(staging, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, final)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise InvalidInput.of(
            "--out", "file.cannot_write", directory=str(out), reason=err.strerror
        ) from None
