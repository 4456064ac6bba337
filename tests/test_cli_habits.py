"""The habits of a good Unix tool, each tried as a user would: ``-`` for standard input
and output, short options, help, errors in the user's words, file modes, no silent
overwrite, file names that say for whom, lenient input where the intent is clear."""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import tomllib
from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import relance
from relance import Interview, plan, rejection_reply, thank_you_notes
from relance._cli_files import slug
from relance._cli_words import TABLES, translate_help, words_for
from relance._i18n import cli_language
from relance.cli import _parser, example_rejection, example_text

from clirun import run

RULE = "\n" + "─" * 72 + "\n\n"


@pytest.fixture
def interview_file(tmp_path: Path) -> Path:
    path = tmp_path / "interview.toml"
    path.write_text(example_text(), encoding="utf-8")
    return path


@pytest.fixture
def umask() -> Iterator[None]:
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


def notes_text(path: Path) -> str:
    return RULE.join(note.as_text() for note in thank_you_notes(Interview.load(path)))


def test_relance_alone_prints_help() -> None:
    result = run()
    assert result.returncode == 0
    assert result.stdout.startswith("usage: relance [-h] [-V] COMMAND ...\n")
    assert "thank-you" in result.stdout


@pytest.mark.parametrize("option", ["-V", "--version"])
def test_version(option: str) -> None:
    result = run(option)
    assert (result.returncode, result.stdout) == (0, f"relance {relance.__version__}\n")


def test_short_options_are_the_long_ones(interview_file: Path, tmp_path: Path) -> None:
    short, long = tmp_path / "short", tmp_path / "long"
    assert run("thank-you", str(interview_file), "-f", "json", "-o", str(short)).returncode == 0
    assert run("thank-you", str(interview_file), "--format", "json", "--out", str(long)).stdout
    names = sorted(p.name for p in short.iterdir())
    assert names == sorted(p.name for p in long.iterdir())
    for name in names:
        assert (short / name).read_bytes() == (long / name).read_bytes()


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_the_interview_from_standard_input_toml_or_json(interview_file: Path, bom: bytes) -> None:
    toml = bom + example_text().encode()
    as_json = bom + json.dumps(tomllib.loads(example_text()), default=str).encode()
    expected = notes_text(interview_file)
    for data in (toml, as_json):
        result = run("thank-you", "-", stdin=data)
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout == expected


def test_a_file_with_a_byte_order_mark(tmp_path: Path, interview_file: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + example_text().encode())
    assert run("thank-you", str(path)).stdout == notes_text(interview_file)


def test_broken_standard_input_names_it() -> None:
    result = run("thank-you", "-", stdin=b"company = \n")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "relance: error: invalid input (1):\n  -: This is not valid TOML"
    )


def test_the_rejection_from_standard_input(interview_file: Path, tmp_path: Path) -> None:
    result = run("rejection", str(interview_file), "--reply-to", "-", stdin=example_rejection())
    assert result.returncode == 0, result.stderr
    expected = rejection_reply(Interview.load(interview_file), rejection=example_rejection())
    assert result.stdout == expected.email.as_text() + RULE + expected.note.as_text()
    both = run("rejection", "-", "--reply-to", "-", stdin=example_text().encode())
    assert both.returncode == 2
    assert (
        "--reply-to: Standard input already holds the interview; give the message's file."
        in both.stderr
    )


def test_the_readme_example_works_for_a_newcomer(tmp_path: Path) -> None:
    interview = tmp_path / "interview.toml"
    interview.write_text(run("example").stdout, encoding="utf-8")
    refus = run("example", "--rejection")
    assert refus.stdout_bytes == example_rejection()
    assert message_from_bytes(refus.stdout_bytes, policy=default)["Message-ID"]
    (tmp_path / "refus.eml").write_bytes(refus.stdout_bytes)
    result = run("rejection", "interview.toml", "--reply-to", "refus.eml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Objet\u00a0: RE\u00a0: Votre candidature" in result.stdout


def test_the_calendar_on_standard_output(interview_file: Path, tmp_path: Path) -> None:
    result = run("plan", str(interview_file), "--ics", "-")
    assert result.returncode == 0
    assert not (tmp_path / "-").exists()
    assert not Path("-").exists()
    calendar = icalendar.Calendar.from_ical(result.stdout_bytes)
    actions = [str(e["SUMMARY"]) for e in calendar.walk() if e.name == "VEVENT"]
    assert actions == [step.action for step in plan(Interview.load(interview_file)) if step.on]


def test_out_dash_prints(interview_file: Path) -> None:
    result = run("thank-you", str(interview_file), "-o", "-")
    assert result.stdout == notes_text(interview_file)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--received-on", "2026-11-20"],
            "--received-on: 2026-11-20 is before the interview (2026-12-01).",
        ),
        (
            ["--received-on", "2026-12-10", "--send-on", "2026-12-09"],
            (
                "--send-on: 2026-12-09 is before the rejection arrived (2026-12-10): "
                "a reply cannot go before the message it answers."
            ),
        ),
        (
            ["--send-on", "2026-11-30"],
            "--send-on: 2026-11-30 is before the interview (2026-12-01).",
        ),
        (["--received-on", "hier"], "--received-on: 'hier' is not a date like 2026-12-02."),
    ],
)
def test_errors_name_the_option_typed(interview_file: Path, args: list[str], message: str) -> None:
    result = run("rejection", str(interview_file), *args)
    assert result.returncode == 2
    assert result.stderr == f"relance: error: invalid input (1):\n  {message}\n"


def test_a_bad_rejection_date_names_reply_to(interview_file: Path, tmp_path: Path) -> None:
    eml = tmp_path / "old.eml"
    eml.write_bytes(example_rejection().replace(b"Thu, 10 Dec 2026", b"Mon, 10 Dec 1990"))
    result = run("rejection", str(interview_file), "--reply-to", str(eml))
    assert result.stderr == (
        "relance: error: invalid input (1):\n  --reply-to (Date header): The message is "
        "dated 1990-12-10, before the interview (2026-12-01): is it the right message?\n"
    )


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_files_get_the_umask_mode(
    interview_file: Path, tmp_path: Path, umask: None, mask: int, mode: int
) -> None:
    os.umask(mask)
    out = tmp_path / "out"
    assert run("thank-you", str(interview_file), "--out", str(out)).returncode == 0
    ics = tmp_path / "plan.ics"
    assert run("plan", str(interview_file), "--ics", str(ics)).returncode == 0
    for path in [*out.iterdir(), ics]:
        assert stat.S_IMODE(path.stat().st_mode) == mode, path


def test_out_refuses_to_overwrite_unless_forced(interview_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run("thank-you", str(interview_file), "--out", str(out))
    assert first.returncode == 0
    mine = out / "thank-you-2-dominique-belanger.txt"
    mine.write_text("mes corrections", encoding="utf-8")
    again = run("thank-you", str(interview_file), "--out", str(out))
    assert again.returncode == 2
    assert again.stderr == (
        "relance: error: invalid input (1):\n"
        f"  --out: {out} already holds thank-you-1-marie-tremblay.txt, "
        "thank-you-2-dominique-belanger.txt; nothing written. Add --force to replace them.\n"
    )
    assert mine.read_text(encoding="utf-8") == "mes corrections"
    forced = run("thank-you", str(interview_file), "--out", str(out), "--force")
    assert forced.returncode == 0
    assert mine.read_text(encoding="utf-8").startswith("De\u00a0: Camille Roy")
    other = run("follow-up", str(interview_file), "--out", str(out))
    assert other.returncode == 0, "other files in DIR are no reason to refuse"


def test_ics_refuses_to_overwrite_unless_forced(interview_file: Path, tmp_path: Path) -> None:
    ics = tmp_path / "plan.ics"
    ics.write_text("mon agenda", encoding="utf-8")
    refused = run("plan", str(interview_file), "--ics", str(ics))
    assert refused.returncode == 2
    assert "--ics: " in refused.stderr
    assert "Add --force to replace them." in refused.stderr
    assert ics.read_text(encoding="utf-8") == "mon agenda"
    assert run("plan", str(interview_file), "--ics", str(ics), "--force").returncode == 0
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Marie Tremblay", "marie-tremblay"),
        ("Dominique Bélanger", "dominique-belanger"),
        ("Jean-François L’Écuyer", "jean-francois-l-ecuyer"),
        ("Zoë d'Ørsted", "zoe-d-rsted"),
        ("Cœur", "coeur"),
    ],
)
def test_file_names_are_ascii_slugs(name: str, expected: str) -> None:
    assert slug(name) == expected


@settings(max_examples=200)
@given(st.text())
def test_a_slug_is_always_a_safe_file_name(name: str) -> None:
    made = slug(name)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", made)
    assert slug(made) == made


def test_a_note_without_address_still_says_for_whom(tmp_path: Path) -> None:
    path = tmp_path / "interview.toml"
    path.write_text(example_text().replace('email = "dominique.belanger@example.com"\n', ""))
    out = tmp_path / "out"
    assert run("thank-you", str(path), "--out", str(out)).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "thank-you-1-marie-tremblay.txt",
        "thank-you-2-dominique-belanger.txt",
    ]


def test_html_on_terminal_text_says_where_it_applies(interview_file: Path) -> None:
    note = "relance: --html applies to .eml and JSON output only; the text shows none.\n"
    text = run("thank-you", str(interview_file), "--html")
    assert (text.returncode, text.stderr) == (0, note)
    assert run("plan", str(interview_file), "--html").stderr == note
    as_json = run("thank-you", str(interview_file), "--html", "--format", "json")
    assert as_json.stderr == ""
    assert all(draft["html"] for draft in json.loads(as_json.stdout))


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "fr_CH.UTF-8", "LANG": "en_CA.UTF-8"}, "fr"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "de:fr", "LANG": "C"}, "fr"),
        ({"LANGUAGE": "", "LC_MESSAGES": "fr_BE", "LANG": "C"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_the_cli_language_follows_the_environment(environ: dict[str, str], language: str) -> None:
    assert cli_language(environ) == language


def test_both_languages_say_the_same_things() -> None:
    assert TABLES["en"].keys() == TABLES["fr"].keys()


def test_the_cli_speaks_french_when_asked(
    interview_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    bad = run("thank-you", str(interview_file), "--send-on", "demain")
    assert bad.stderr.startswith("relance\u00a0: erreur\u00a0: données non valables (1)\u00a0:\n")
    demo = run("demo")
    assert demo.stdout.startswith("relance demo\u00a0: les messages de l’entrevue d’exemple\n")
    assert "The " not in demo.stdout
    ics = tmp_path / "plan.ics"
    shown = run("plan", str(interview_file), "--ics", str(ics))
    assert shown.stdout.endswith(f"\nCalendrier\u00a0: {ics}\n")


def test_lenient_input_where_the_intent_is_clear(tmp_path: Path, interview_file: Path) -> None:
    text = (
        example_text()
        .replace('civility = "Madame"  ', 'civility = "Mme"     ')
        .replace('gender = "f"', 'gender = "F"')
    )
    assert 'civility = "Mme"' in text
    assert 'gender = "F"' in text
    path = tmp_path / "lenient.toml"
    path.write_text(text, encoding="utf-8")
    assert Interview.load(path) == Interview.load(interview_file)
    unclear = tmp_path / "unclear.toml"
    unclear.write_text(text.replace('"Mme"', '"Mlle"'), encoding="utf-8")
    result = run("thank-you", str(unclear))
    assert result.returncode == 2
    assert (
        "interviewers[0].civility: Unknown value 'Mlle'; use one of 'Madame', 'Monsieur', "
        "or leave it out." in result.stderr
    )


def test_one_standard_output_for_one_thing(interview_file: Path) -> None:
    result = run("plan", str(interview_file), "--ics", "-", "--format", "json")
    assert result.returncode == 2
    assert result.stderr == (
        "relance: error: invalid input (1):\n  --ics: Standard output carries the calendar "
        "or the JSON, not both: name a file.\n"
    )


def test_a_missing_templates_directory_names_its_option(
    interview_file: Path, tmp_path: Path
) -> None:
    result = run("thank-you", str(interview_file), "--templates", str(tmp_path / "absent"))
    assert result.stderr == (
        "relance: error: invalid input (1):\n"
        f"  --templates: {tmp_path / 'absent'} is not a directory.\n"
    )


def test_templates_check_names_its_directory_dir(tmp_path: Path) -> None:
    result = run("templates", "check", str(tmp_path / "absent"))
    assert result.stderr == (
        f"relance: error: invalid input (1):\n  DIR: {tmp_path / 'absent'} is not a directory.\n"
    )


def test_a_rejection_without_a_date_arrived_today(
    interview_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    eml = tmp_path / "refus.eml"
    eml.write_bytes(example_rejection().replace(b"Date: Thu, 10 Dec 2026 16:05:00 -0500\n", b""))
    assert b"Date:" not in eml.read_bytes()
    early = run("rejection", str(interview_file), "--reply-to", str(eml))
    assert early.returncode == 2
    assert early.stderr == (
        "relance: error: invalid input (1):\n  --received-on: Today is before the interview "
        "(2026-12-01): say when the rejection arrived, or give it with --reply-to.\n"
    )
    monkeypatch.setenv("RELANCE_TODAY", "2026-12-14")
    result = run("rejection", str(interview_file), "--reply-to", str(eml), "-f", "json")
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["email"]["send_on"] == "2026-12-15"


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[list[str], str]]:
    """Every command path (``["templates", "check"]``) with its help, from a parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action._name_parser_map.items():
                yield [name], command.format_help()
                for path, text in _subcommands(command):
                    yield [name, *path], text


@pytest.mark.parametrize("lang", ["C.UTF-8", "fr_CA.UTF-8"])
def test_each_command_parser_made_when_chosen_helps_as_the_whole_parser_does(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`relance` makes a command's parser only when it is chosen (issue 12's --help
    target): that parser, options and French included, is the one the tests read."""
    monkeypatch.setenv("LANG", lang)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    words = words_for(os.environ)
    whole = _parser(words=words)
    translate_help(whole, words)
    every = list(_subcommands(whole))
    assert len(every) >= 20
    for path, text in every:
        result = run(*path, "--help")
        assert (result.returncode, result.stdout) == (0, text), path
