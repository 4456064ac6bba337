"""``relance templates check`` reports what a template writer needs, once: files it
does not know (with the nearest name), empty subjects and bodies, and each mistake by
template and line however many sample interviews show it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from relance._grammalecte import INSTALL, command

from clirun import run


def write(directory: Path, name: str, text: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")


def needs_grammalecte() -> None:
    if command() is None:
        message = f"Grammalecte is not installed: {INSTALL}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def test_misnamed_files_are_reported_with_the_nearest_name(tmp_path: Path) -> None:
    write(tmp_path, "thank_you.body.text", "Merci.\n")
    write(tmp_path, "notes.txt", "Merci.\n")
    write(tmp_path, "README", "mes modèles\n")
    write(tmp_path, ".gitkeep", "")
    (tmp_path / "old").mkdir()
    result = run("templates", "check", str(tmp_path))
    assert result.returncode == 2
    unknown = "not a template relance knows, so it changes nothing"
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'README'}: {unknown}; see `relance templates list`.",
        f"{tmp_path / 'notes.txt'}: {unknown}; did you mean note.txt?",
        f"{tmp_path / 'thank_you.body.text'}: {unknown}; did you mean thank_you.body.txt?",
    ]
    assert result.stderr.endswith(": 3 problem(s).\n")


def test_empty_subjects_and_bodies_are_problems(tmp_path: Path) -> None:
    write(tmp_path, "thank_you.subject.txt", "{# plus tard #}\n")
    write(tmp_path, "rejection.body.txt", "\n\n")
    write(tmp_path, "voicemail.txt", " \n")
    result = run("templates", "check", str(tmp_path))
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        (
            f"{tmp_path / 'rejection.body.txt'}: the body is empty (fr_CA-formal-example "
            "rejection-reply and 23 more)"
        ),
        (
            f"{tmp_path / 'thank_you.subject.txt'}: the subject is empty (fr_CA-formal-example "
            "thank-you-1 and 39 more)"
        ),
        (
            f"{tmp_path / 'voicemail.txt'}: the text is empty (fr_CA-formal-example voicemail "
            "and 23 more)"
        ),
    ]


def test_three_typos_are_three_lines_with_their_template_line(tmp_path: Path) -> None:
    needs_grammalecte()
    write(tmp_path, "note.txt", "{{ appel }}\n\nMerci boucoup de votre acceuil.\n")
    write(tmp_path, "call.txt", "Bonjour {{ contact_spoken }},\n\nJe rapelle pour le poste.\n")
    result = run("templates", "check", str(tmp_path))
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        (
            f"{tmp_path / 'call.txt'}, line 3: spelling: « rapelle » in 'Je rapelle pour le "
            "poste.' (fr_CA-formal-example call and 23 more)"
        ),
        (
            f"{tmp_path / 'note.txt'}, line 3: spelling: « acceuil » in 'Merci boucoup de "
            "votre acceuil.' (fr_CA-formal-example note and 23 more)"
        ),
        (
            f"{tmp_path / 'note.txt'}, line 3: spelling: « boucoup » in 'Merci boucoup de "
            "votre acceuil.' (fr_CA-formal-example note and 23 more)"
        ),
    ]
    assert result.stderr.endswith(": 3 problem(s).\n")
