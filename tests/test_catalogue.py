"""The catalogue of message kinds, and « Adding a message kind » (docs/development.md)
followed step by step with a throw-away kind, on a copy of the installed package."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import relance
from relance._catalogue import HTML_OVERRIDES, KINDS, TEMPLATES, VARIABLES, every_message, kind
from relance._samples import example_interview, example_rejection

PACKAGE = Path(relance.__file__).parent


def test_every_template_of_the_package_is_in_the_catalogue() -> None:
    files = {p.name for p in (PACKAGE / "templates").iterdir() if p.suffix in (".txt", ".html")}
    assert files == set(TEMPLATES)
    assert set(HTML_OVERRIDES) == {
        f"{k.name.split('_reply')[0]}.body.html" for k in KINDS if k.html
    }


def test_every_variable_is_described() -> None:
    used = {v for t in (*TEMPLATES.values(), *HTML_OVERRIDES.values()) for v in t.variables}
    assert used == set(VARIABLES)


def test_kinds_are_found_by_name_and_command() -> None:
    assert kind("thank-you") is kind("thank_you")
    assert kind("rejection").name == "rejection_reply"


def test_every_message_walks_every_kind() -> None:
    seen = {
        row.name for row, _ in every_message(example_interview(), rejection=example_rejection())
    }
    assert seen == {row.name for row in KINDS}


STEP_1 = {
    "accueil.subject.txt": "Merci pour votre accueil – poste {{ position|de }}\n",
    "accueil.body.txt": (
        "{{ greeting }}\n\nJe vous remercie de votre accueil chez {{ company }} et du temps "
        "que vous m’avez consacré.\n\n{{ sign_off }}\n"
    ),
}
STEP_2 = '''"""A throw-away kind: a word of thanks for the welcome, to the hiring contact."""

from __future__ import annotations

from datetime import date

from ._calendar import send_date
from ._catalogue import Output
from ._compose import base_context, draft
from ._draft import Draft, recipient
from ._etiquette import courtesy
from ._model import Interview
from ._render import Templates, as_templates


def accueil(
    interview: Interview, /, *, send_on: date | None = None, templates=None, html: bool = False
) -> Draft:
    day = send_date(interview, send_on, days_after=1)
    contact = interview.main_contact
    context = {**base_context(interview, day), "contact": contact, **courtesy(contact, interview)}
    return draft(
        "accueil", "accueil", context, interview=interview, to=recipient(contact),
        send_on=day, templates=as_templates(templates), html=html,
    )


def messages(interview, *, send_on=None, rejection=None, received_on=None,
             templates: Templates | None = None, html: bool = False) -> list[Output]:
    note = accueil(interview, send_on=send_on, templates=templates, html=html)
    return [Output("accueil", note, "hiring_contact.email")]
'''
STEP_3 = """    Kind(
        name="accueil",
        command="accueil",
        purpose="a word of thanks for the welcome, to the hiring contact",
        templates=(
            _template("accueil.subject.txt", "the subject of the word of thanks", _COMMON),
            _template("accueil.body.txt", "the word of thanks for the welcome", _COMMON),
        ),
        html="accueil.body.html",
        producer="_accueil:messages",
    ),
"""
SCRIPT = """
import json, sys
from relance._catalogue import KINDS, TEMPLATES, every_message
from relance._samples import example_interview, example_rejection
out = [(k.name, m.name, m.text.as_text()) for k, m in every_message(
    example_interview(), rejection=example_rejection(), html=True)]
print(json.dumps({"kinds": [k.name for k in KINDS], "messages": out, "templates": list(TEMPLATES)}))
"""


def test_adding_a_kind_is_one_row_two_templates_and_one_function(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy = site / "relance"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for name, text in STEP_1.items():
        (copy / "templates" / name).write_text(text, encoding="utf-8")
    (copy / "_accueil.py").write_text(STEP_2, encoding="utf-8")
    catalogue = (copy / "_catalogue.py").read_text(encoding="utf-8")
    end = ')\n"""Every kind of message relance drafts'
    assert catalogue.count(end) == 1
    (copy / "_catalogue.py").write_text(catalogue.replace(end, STEP_3 + end), encoding="utf-8")

    def python(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
            timeout=600,
            check=False,
        )

    rendered = python("-c", SCRIPT)
    assert rendered.returncode == 0, rendered.stderr
    data = json.loads(rendered.stdout)
    assert data["kinds"][-1] == "accueil"
    assert {"accueil.subject.txt", "accueil.body.txt"} <= set(data["templates"])
    [(_, name, text)] = [m for m in data["messages"] if m[0] == "accueil"]
    assert name == "accueil"
    assert "Objet\u00a0: Merci pour votre accueil – poste d’analyste de données\n" in text
    assert "Je vous remercie de votre accueil chez Ubisoft" in text

    listed = python("-m", "relance", "templates", "list")
    assert "accueil.body.txt: the word of thanks for the welcome\n" in listed.stdout
    assert "accueil.body.html" in listed.stdout

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "accueil.body.txt").write_text("{{ greeting }}\n\n{{ inconnu }}\n", encoding="utf-8")
    checked = python("-m", "relance", "templates", "check", str(mine))
    assert checked.returncode == 2
    assert f"{mine / 'accueil.body.txt'}, line 3: 'inconnu' is undefined." in checked.stdout
