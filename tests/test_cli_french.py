"""The command line's own words in French: every sentence has its French, the help is
French from its first word, and Grammalecte finds nothing in any of them."""

from __future__ import annotations

import argparse
import io
import os
import re
import string
from pathlib import Path

import pytest

from relance import thank_you_notes
from relance._cli_delivery import add_options, deliver
from relance._cli_words import HELP, TABLES, help_texts, parsers
from relance._grammalecte import INSTALL, Text, check, command
from relance._samples import example_interview, example_text
from relance.cli import _parser

from clirun import run
from mailservers import HOST, PASSWORD, USER, Inbox, smtp_server

# What is code, not French, read as one word: `commands`, --options, file extensions;
# and the metavars and choices argparse shows as they are.
_CODE = re.compile(r"`[^`]*`|--[a-z-]+|(?<!\w)\.[a-z]+\b")
_NAMES = frozenset(
    {"CODE", "DIR", "OUT", "TOML", "JSON", "HTML", "text", "relance", "demo", "Grammalecte"}
)
_SAMPLES = {"planned": "mercredi 2 décembre 2026", "day": "lundi 7 décembre 2026"}


def french_sentences() -> dict[str, str]:
    """Every French sentence of the command line as it is shown, filled in."""
    words = TABLES["fr"]
    sentences: dict[str, str] = {}
    for key, text in words.items():
        if key in ("checked", "checked_french", "no_problem", "problems"):
            continue
        fields = [name for _, name, _, _ in string.Formatter().parse(text) if name]
        sentences[key] = text.format(**{name: _SAMPLES.get(name, "3") for name in fields})
    checked = words["checked"].format(directory="modèles", count=24)
    sentences["checked-ok"] = checked + words["checked_french"] + words["no_problem"]
    sentences["checked-problems"] = checked + words["problems"].format(count=3)
    help_fr = HELP["fr"]
    # argparse follows a group's title with a colon, and the usage prefix with the usage
    titles = {group.title for each in parsers(_parser()) for group in each._action_groups}
    for english, french in help_fr.items():
        shown = " relance [-h]" if english == "usage: " else ":" if english in titles else ""
        sentences[f"help {english}"] = french.rstrip(" ") + shown
    return sentences


def test_every_help_text_has_its_french() -> None:
    missing = [text for text in help_texts(_parser()) if text not in HELP["fr"]]
    assert missing == []


def test_every_french_help_text_is_shown() -> None:
    # A help text rewritten in English leaves its old French behind: it must go.
    shown = set(help_texts(_parser())) | {"usage: "}
    assert [text for text in HELP["fr"] if text not in shown] == []


def test_a_group_title_is_french_with_its_colon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    shown = run("thank-you", "--help").stdout
    assert "\nenvoi (comptes dans le fichier `relance config path`)\u00a0:\n" in shown
    assert "\n  --journal PATH        le fichier du journal\n" in shown


def test_both_tables_hold_the_same_sentences() -> None:
    assert TABLES["en"].keys() == TABLES["fr"].keys()


def test_the_help_is_french_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    result = run()
    assert result.returncode == 0
    assert result.stdout.startswith(
        "utilisation\u00a0: relance [-h] [-V] COMMAND ...\n\n"
        "Des messages en français prêts à envoyer après une entrevue d’embauche.\n\n"
        "arguments positionnels\u00a0:\n"
    )
    # argparse's column width differs between Python versions: the words are the test.
    assert re.search(
        r"\noptions\u00a0:\n  -h, --help +afficher cette aide et quitter\n", result.stdout
    )
    english = run("thank-you", "--help")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert run("thank-you", "--help").stdout != english.stdout


def test_grammalecte_finds_nothing_in_the_cli_french() -> None:
    found = command()
    if found is None:
        message = f"Grammalecte is not installed: {INSTALL}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    texts = {
        name: Text(re.sub(" +", " ", _CODE.sub("CODE", sentence)).strip(" "), _NAMES)
        for name, sentence in french_sentences().items()
    }
    report = check(texts, grammalecte=found)
    assert {name: problems for name, problems in report.items() if problems} == {}


def test_the_journal_commands_speak_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    where = ("--journal", str(tmp_path / "journal.sqlite3"))
    assert run("status", *where).stdout == (
        "Aucune entrevue n’est encore suivie\u00a0: ajoutez-en une avec `relance track FILE`.\n"
    )
    assert run("due", "--today", "2026-12-08", *where).stdout == "Rien n’est prévu le 2026-12-08.\n"
    source = tmp_path / "interview.toml"
    source.write_bytes(run("example").stdout_bytes)
    key = run("track", str(source), *where).stdout.strip()
    logged = run(
        "log", key, "thank_you_sent", "--on", "2026-12-02", "--today", "2026-12-02", *where
    )
    assert logged.stdout == f"{key}\u00a0: thank_you_sent le 2026-12-02\n"
    shown = run("status", key, "--today", "2026-12-08", *where).stdout
    assert shown.endswith("\nProchaine date\u00a0: 2026-12-09\n")


def _delivery(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_options(parser)
    return parser.parse_args(argv)


def test_delivery_speaks_french(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[smtp]\nhost = "smtp.example.com"\nsecurity = "none"\n', encoding="utf-8")
    environ = {"RELANCE_CONFIG": str(config), "LANG": "fr_CA.UTF-8"}
    notes = thank_you_notes(example_interview())
    out, err = io.StringIO(), io.StringIO()
    assert deliver(_delivery("--send"), notes, stdin_is_tty=False, environ=environ, err=err) == 2
    assert err.getvalue().startswith(
        "relance\u00a0: erreur\u00a0: configuration non valable (1)\u00a0:\n"
        "  [smtp].security\u00a0: "
    )
    inbox = Inbox()
    with smtp_server(inbox) as server:
        config.write_text(
            f'[smtp]\nhost = "{HOST}"\nport = {server.port}\nsecurity = "none"\n'
            f'username = "{USER}"\n',
            encoding="utf-8",
        )
        environ["RELANCE_SMTP_PASSWORD"] = PASSWORD
        args = _delivery("--send", "--allow-early")
        out, err = io.StringIO(), io.StringIO()
        assert deliver(args, notes, stdin_is_tty=False, environ=environ, out=out, err=err) == 2
        assert err.getvalue() == (
            "relance\u00a0: erreur\u00a0: rien n’a été envoyé\u00a0: ajoutez --yes pour envoyer.\n"
        )
        prompts: list[str] = []

        def ask(prompt: str) -> str:
            prompts.append(prompt)
            return "non"

        out = io.StringIO()
        assert deliver(args, notes, stdin_is_tty=True, environ=environ, ask=ask, out=out) == 0
        assert prompts == ["Envoyer ces 2 courriels maintenant\u202f? [o/N] "]
        assert out.getvalue().endswith("\nRien n’a été envoyé.\n")
        assert inbox.envelopes == []
        # Each draft's line, as sent: its status, its kind, its recipient, the detail.
        out = io.StringIO()
        assert deliver(args, notes, stdin_is_tty=True, environ=environ, ask=yes, out=out) == 0
    lines = out.getvalue().splitlines()
    where = f"le serveur SMTP {HOST}:{server.port}"
    assert [re.sub(r"queued as \S+\)", "queued as …)", line) for line in lines[-2:]] == [
        f"envoyé\u00a0: thank_you à {note.to}. Accepté par {where} (250 2.0.0 Ok: queued as …)."
        for note in notes
    ]
    assert len(inbox.envelopes) == 2


def yes(prompt: str) -> str:
    return "oui"


def test_the_french_is_typeset_as_in_the_conventions() -> None:
    # U+00A0 before « : », U+202F before ; ! ? (shared french-conventions, fr_CA and fr_FR)
    wrong = {
        name: sentence
        for name, sentence in french_sentences().items()
        if re.search(r"[^\u00a0]:|[^\u202f][;!?]", _CODE.sub("CODE", sentence))
    }
    assert wrong == {}


def test_input_problems_are_french_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The problems of an input, not only the CLI's own words, follow the user's language."""
    path = tmp_path / "entrevue.toml"
    text = example_text().replace("held_at = 2026-12-01T14:30:00-05:00", 'held_at = "hier"')
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    result = run("thank-you", str(path))
    assert result.returncode == 2
    assert "held_at\u00a0: " in result.stderr
    assert "Expected" not in result.stderr
    monkeypatch.setenv("LANG", "C.UTF-8")
    english = run("thank-you", str(path))
    assert english.returncode == 2
    assert english.stderr != result.stderr
