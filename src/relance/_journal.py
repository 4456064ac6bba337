"""The journal: the interviews a user tracks and what happened after each, in SQLite.

One file, created on first use, in the user's data directory
(``platformdirs.user_data_dir("relance")/journal.sqlite3``) unless ``RELANCE_JOURNAL``
or an explicit path says otherwise. The schema is versioned with ``PRAGMA
user_version`` and migrated on opening; every write is one transaction, so a killed
process leaves the journal as it was before or after, never between; WAL and a busy
timeout let two commands write at once without losing either.

>>> import tempfile
>>> from datetime import date
>>> from relance import Event
>>> from relance._samples import example_interview
>>> with tempfile.TemporaryDirectory() as folder, Journal(f"{folder}/j.sqlite3") as journal:
...     key = journal.track(example_interview())
...     journal.log(key, Event(date(2026, 12, 2), "thank_you_sent"), today=date(2026, 12, 2))
...     print(key, journal.status(key, today=date(2026, 12, 3)).stage)
ubisoft-analyste-2026-12-01 waiting
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, Final, cast

from ._events import JOURNAL_ENVIRONMENT
from ._model import Interview
from ._status import Event, Status, check_events, status
from .errors import InvalidInput, Problem

__all__ = ["ENVIRONMENT", "SCHEMA_VERSION", "Journal", "default_path"]

ENVIRONMENT: Final = JOURNAL_ENVIRONMENT
"""The environment variable that names another journal file."""

SCHEMA_VERSION: Final = 2
"""The schema this code writes; older journals are migrated when opened."""

EXPORT_FORMAT: Final = 1
"""The version of the JSON that :meth:`Journal.export` writes."""

BUSY_TIMEOUT_MS: Final = 30_000
"""How long a write waits for another process's write to finish."""

_ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MAX_ID: Final = 80

# Each migration takes the schema from the version before it to its own; a journal
# at version N runs every migration after N, in order, each in its own transaction.
_MIGRATIONS: Final[tuple[tuple[int, str], ...]] = (
    (
        1,
        """
        CREATE TABLE interviews (
            id TEXT PRIMARY KEY,
            data TEXT NOT NULL
        );
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            interview TEXT NOT NULL REFERENCES interviews (id),
            on_day TEXT NOT NULL,
            kind TEXT NOT NULL,
            to_name TEXT,
            note TEXT
        );
        """,
    ),
    (
        # `relance due` reads every interview's events: an index keeps that one
        # look-up per interview as the journal grows.
        2,
        "CREATE INDEX events_by_interview ON events (interview, on_day, seq);",
    ),
)


def default_path() -> Path:
    """``$RELANCE_JOURNAL``, else ``journal.sqlite3`` in the user's data directory."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir("relance", appauthor=False)) / "journal.sqlite3"


def _stored(interview: Interview) -> str:
    return json.dumps(interview.as_dict(), ensure_ascii=False, sort_keys=True)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _base_id(interview: Interview) -> str:
    """``ubisoft-analyste-2026-12-01``: the company, the position's first word, the day."""
    company = "-".join(_slug(interview.company).split("-")[:3]) or "entreprise"
    position = (_slug(interview.position).split("-") or ["poste"])[0] or "poste"
    return f"{company}-{position}-{interview.held_on.isoformat()}"


class Journal:
    """The journal file: open it (it is created if needed), then track and log.

    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        except (OSError, sqlite3.Error) as err:
            raise InvalidInput.of(
                "journal", "journal.cannot_open", path=str(self.path), reason=str(err)
            ) from None
        self._db.isolation_level = None  # transactions are explicit: see _write()
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL loses no committed write when a process dies; only a
            # power cut may lose the last ones, never leave the file inconsistent.
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as err:
            self._db.close()
            raise InvalidInput.of(
                "journal", "journal.not_a_journal", path=str(self.path), reason=str(err)
            ) from None
        except BaseException:  # a journal of a newer relance, an interrupt: no file left open
            self._db.close()
            raise

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    def close(self) -> None:
        """Close the file."""
        self._db.close()

    @property
    def version(self) -> int:
        """The schema version of the file (``PRAGMA user_version``)."""
        row = self._db.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def _migrate(self) -> None:
        current = self.version
        if current > SCHEMA_VERSION:
            raise InvalidInput.of(
                "journal",
                "journal.too_new",
                path=str(self.path),
                version=current,
                supported=SCHEMA_VERSION,
            )
        for version, script in _MIGRATIONS:
            if version <= current:
                continue
            with self._write():
                # Read again inside the lock: another process may have migrated it.
                if self.version >= version:
                    continue
                for statement in script.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taken at once (``BEGIN IMMEDIATE``) so that what is
        checked inside it stays true until it commits."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # Reading

    def ids(self) -> tuple[str, ...]:
        """Every tracked interview's id, in the order they were tracked."""
        rows = self._db.execute("SELECT id FROM interviews ORDER BY rowid")
        return tuple(row[0] for row in rows)

    def interview(self, key: str) -> Interview:
        """The interview stored under ``key``.

        Raises:
            InvalidInput: no interview has that id (the nearest ids are named).
        """
        row = self._db.execute("SELECT data FROM interviews WHERE id = ?", (key,)).fetchone()
        if row is None:
            raise self._unknown(key)
        return Interview.from_dict(json.loads(row[0]))

    def events(self, key: str) -> tuple[Event, ...]:
        """What was logged for ``key``, by day, in the order it was logged."""
        self.interview(key)
        return self._events(key)

    def _events(self, key: str) -> tuple[Event, ...]:
        rows = self._db.execute(
            "SELECT on_day, kind, to_name, note FROM events WHERE interview = ? "
            "ORDER BY on_day, seq",
            (key,),
        )
        return tuple(
            Event(date.fromisoformat(on), kind, to=to, note=note) for on, kind, to, note in rows
        )

    def status(self, key: str, *, today: date) -> Status:
        """The status of one tracked interview on ``today``."""
        return status(self.interview(key), self._events(key), today=today)

    def items(self) -> Iterator[tuple[str, Interview, tuple[Event, ...]]]:
        """Every tracked interview with its events, in the order they were tracked."""
        for key in self.ids():
            yield key, self.interview(key), self._events(key)

    def _unknown(self, key: str) -> InvalidInput:
        known = self.ids()
        near = difflib.get_close_matches(key, known, n=3, cutoff=0.5)
        path = str(self.path)
        if near:
            return InvalidInput.of("id", "journal.id_unknown_near", id=key, path=path, near=near)
        if known:
            return InvalidInput.of("id", "journal.id_unknown", id=key, path=path)
        return InvalidInput.of("id", "journal.empty", id=key, path=path)

    # Writing

    def track(self, interview: Interview) -> str:
        """Store the interview (its data, so later commands need no file) and return
        its new id, short and readable: ``ubisoft-analyste-2026-12-01``, then ``-2``…"""
        if not isinstance(interview, Interview):
            raise InvalidInput.of("interview", "type.interview")
        data = _stored(interview)
        base = _base_id(interview)
        with self._write():
            taken = {
                row[0]
                for row in self._db.execute(
                    "SELECT id FROM interviews WHERE id = ? OR id LIKE ?", (base, f"{base}-%")
                )
            }
            key, number = base, 1
            while key in taken:
                number += 1
                key = f"{base}-{number}"
            self._db.execute("INSERT INTO interviews (id, data) VALUES (?, ?)", (key, data))
        return key

    def log(self, key: str, event: Event, *, today: date) -> None:
        """Append what happened to the interview ``key``.

        Raises:
            InvalidInput: unknown id (the nearest are named), or an event that cannot
                be: before the interview, after ``today``, or a thank-you to someone
                who did not interview the candidate. The journal is then unchanged.
        """
        if not isinstance(event, Event):
            raise InvalidInput.of("event", "type.event")
        with self._write():
            interview = self.interview(key)
            try:
                check_events(interview, [event], today=today)
            except InvalidInput as err:
                raise InvalidInput(
                    replace(p, field=p.field.removeprefix("events[0].")) for p in err.problems
                ) from None
            self._insert(key, event)

    def _insert(self, key: str, event: Event) -> None:
        self._db.execute(
            "INSERT INTO events (interview, on_day, kind, to_name, note) VALUES (?, ?, ?, ?, ?)",
            (key, event.on.isoformat(), event.kind, event.to, event.note),
        )

    def export(self) -> dict[str, Any]:
        """The whole journal as JSON-safe data: each interview (as ``Interview.from_dict``
        reads it) with its events (as ``Event.as_dict`` writes them)."""
        return {
            "format": EXPORT_FORMAT,
            "interviews": [
                {
                    "id": key,
                    "interview": interview.as_dict(),
                    "events": [event.as_dict() for event in events],
                }
                for key, interview, events in self.items()
            ],
        }

    def import_(self, data: Mapping[str, Any]) -> tuple[str, ...]:
        """Add what :meth:`export` wrote, all of it or nothing; return the ids added.

        Raises:
            InvalidInput: every problem in the data, each with its path
                (``interviews[1].events[0].kind``), or an id already in the journal.
        """
        entries = _read_export(data)
        with self._write():
            clashes = [
                Problem.of(f"interviews[{i}].id", "journal.id_taken", id=key)
                for i, (key, _, _) in enumerate(entries)
                if self._db.execute("SELECT 1 FROM interviews WHERE id = ?", (key,)).fetchone()
            ]
            if clashes:
                raise InvalidInput(clashes)
            for key, interview, events in entries:
                self._db.execute(
                    "INSERT INTO interviews (id, data) VALUES (?, ?)",
                    (
                        key,
                        json.dumps(interview.as_dict(), ensure_ascii=False, sort_keys=True),
                    ),
                )
                for event in events:
                    self._insert(key, event)
        return tuple(key for key, _, _ in entries)


def _read_export(data: Mapping[str, Any]) -> list[tuple[str, Interview, tuple[Event, ...]]]:
    """Validate exported data whole, reporting every problem at once."""
    given = cast(object, data)
    if not isinstance(given, Mapping) or not isinstance(given.get("interviews"), list):
        raise InvalidInput.of("interviews", "export.not_an_export")
    if given.get("format", EXPORT_FORMAT) != EXPORT_FORMAT:
        raise InvalidInput.of(
            "format", "export.format_unknown", value=given.get("format"), known=EXPORT_FORMAT
        )
    problems: list[Problem] = []
    entries: list[tuple[str, Interview, tuple[Event, ...]]] = []
    seen: set[str] = set()
    for index, entry in enumerate(given["interviews"]):
        where = f"interviews[{index}]"
        found: list[Problem] = []
        read = _read_entry(entry, where, found)
        if read is not None and read[0] in seen:
            found.append(Problem.of(f"{where}.id", "journal.id_repeated", id=read[0]))
        problems += found
        if read is not None and not found:
            seen.add(read[0])
            entries.append(read)
    if problems:
        raise InvalidInput(problems)
    return entries


def _read_entry(
    entry: object, where: str, problems: list[Problem]
) -> tuple[str, Interview, tuple[Event, ...]] | None:
    """One exported interview, or None with its problems added to ``problems``."""
    if not isinstance(entry, Mapping):
        problems.append(Problem.of(where, "export.entry_invalid"))
        return None
    key = entry.get("id")
    if not isinstance(key, str) or len(key) > _MAX_ID or not _ID.fullmatch(key):
        problems.append(Problem.of(f"{where}.id", "journal.id_invalid"))
    try:
        interview = Interview.from_dict(entry.get("interview"))  # type: ignore[arg-type]
    except InvalidInput as err:
        problems += err.prefixed(f"{where}.interview").problems
        return None
    raw_events = entry.get("events", [])
    if not isinstance(raw_events, list):
        problems.append(Problem.of(f"{where}.events", "events.type"))
        return None
    events: list[Event] = []
    for number, raw in enumerate(raw_events):
        try:
            events.append(Event.from_dict(raw))
        except InvalidInput as err:
            problems += err.prefixed(f"{where}.events[{number}]").problems
    if len(events) == len(raw_events):
        try:
            check_events(interview, events)
        except InvalidInput as err:
            problems += err.prefixed(where).problems
    if not isinstance(key, str):
        return None
    return key, interview, tuple(events)
