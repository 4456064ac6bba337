"""Template overrides in a sandbox, template errors, and the HTML part."""

from __future__ import annotations

from collections.abc import Mapping
from email import message_from_bytes, policy
from email.message import EmailMessage
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from relance import (
    TemplateError,
    Templates,
    follow_up,
    plan,
    rejection_reply,
    thank_you_notes,
)
from relance._catalogue import HTML_OVERRIDES, TEMPLATES, every_message
from relance._render import FILTERS
from relance.cli import example_interview, example_rejection

from clirun import run
from scenarios import SCENARIOS

EVERY_FIELD = SCENARIOS[0].interview
PACKAGE = files("relance").joinpath("templates")


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def package_template(name: str) -> str:
    return PACKAGE.joinpath(name).read_text(encoding="utf-8")


def test_an_override_changes_only_its_message(tmp_path: Path) -> None:
    body = package_template("thank_you.body.txt").replace(
        "{{ thanks|trim }}", "Un grand merci pour votre accueil. {{ thanks|trim }}"
    )
    write(tmp_path, "thank_you.body.txt", body)
    default = thank_you_notes(EVERY_FIELD)
    custom = thank_you_notes(EVERY_FIELD, templates=tmp_path)
    for mine, theirs in zip(custom, default, strict=True):
        assert mine.body == theirs.body.replace(
            "\n\n", "\n\nUn grand merci pour votre accueil. ", 1
        )
        assert mine.subject == theirs.subject
    assert follow_up(EVERY_FIELD, templates=tmp_path) == follow_up(EVERY_FIELD)
    assert rejection_reply(
        EVERY_FIELD, received_on=EVERY_FIELD.held_on, templates=Templates(tmp_path)
    ) == rejection_reply(EVERY_FIELD, received_on=EVERY_FIELD.held_on)


def test_an_unchanged_copy_renders_exactly_like_the_package(tmp_path: Path) -> None:
    for name in TEMPLATES:
        write(tmp_path, name, package_template(name))
    assert Templates(tmp_path).overrides == tuple(sorted(TEMPLATES))
    assert thank_you_notes(EVERY_FIELD, templates=tmp_path, html=True) == thank_you_notes(
        EVERY_FIELD, html=True
    )
    assert plan(EVERY_FIELD, templates=tmp_path) == plan(EVERY_FIELD)


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ candidate.__class__.__init__.__globals__['os'] }}",
        "{{ words.__class__ }}",
        "{{ lipsum.__globals__ }}",
        "{{ (candidate|attr('__class__')) }}",
        "{{ 'x' * 100000 }}",
        "{{ 10 ** 100000 }}",
    ],
)
def test_the_sandbox_refuses_to_reach_the_host(tmp_path: Path, source: str) -> None:
    path = write(tmp_path, "thank_you.subject.txt", f"Merci\n{source}\n")
    with pytest.raises(TemplateError) as caught:
        thank_you_notes(EVERY_FIELD, templates=tmp_path)
    error = caught.value
    assert error.template == str(path)
    assert error.line == 2
    assert str(error).startswith(f"{path}, line 2: ")
    for leak in ("<module", "<function", "builtins", "/usr/lib", "site-packages"):
        assert leak not in str(error)


def test_an_undefined_name_lists_the_available_ones(tmp_path: Path) -> None:
    path = write(tmp_path, "follow_up.body.txt", "{{ greeting }}\n\n{{ candidat.name }}\n")
    with pytest.raises(TemplateError) as caught:
        follow_up(EVERY_FIELD, templates=tmp_path)
    error = caught.value
    assert (error.template, error.line) == (str(path), 3)
    assert error.available == TEMPLATES["follow_up.body.txt"].variables
    assert str(error) == (
        f"{path}, line 3: 'candidat' is undefined. The names available here are: "
        + ", ".join(TEMPLATES["follow_up.body.txt"].variables)
        + "."
    )


def test_an_undefined_attribute_fails_too(tmp_path: Path) -> None:
    write(tmp_path, "call.txt", "Bonjour {{ candidate.surnom }}.\n")
    with pytest.raises(TemplateError, match=r"call.txt, line 1: .*has no attribute 'surnom'"):
        follow_up(EVERY_FIELD, templates=tmp_path)


def test_a_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "note.txt", "{{ appel }}\n\n{% if %}\n")
    with pytest.raises(TemplateError) as caught:
        rejection_reply(EVERY_FIELD, received_on=EVERY_FIELD.held_on, templates=tmp_path)
    assert (caught.value.template, caught.value.line) == (str(path), 3)


def test_a_filter_error_names_the_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "thank_you.subject.txt", "Merci {{ 'ravi'|accord }}\n")
    interview = SCENARIOS[-1].interview  # no gender: agreement is a template bug
    with pytest.raises(TemplateError, match=r"thank_you.subject.txt, line 1: ValueError: agree"):
        thank_you_notes(interview, templates=tmp_path)


def test_values_are_never_template_code_and_are_escaped_in_html() -> None:
    from dataclasses import replace

    interview = replace(
        EVERY_FIELD,
        company="R&D <script>alert(1)</script> {{ 7*7 }}",
        forgot_to_mention="J'ai écrit {% raw %} et {{ 7*7 }} & « <b>gras</b> »",
    )
    note = thank_you_notes(interview, html=True)[0]
    assert "l’équipe de R&D <script>alert(1)</script> {{ 7*7 }}." in note.body
    assert "{% raw %} et {{ 7*7 }} & «\u00a0<b>gras</b>\u00a0»" in note.body
    assert "49" not in note.body
    assert note.html is not None
    assert "<script>" not in note.html
    assert "R&amp;D &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in note.html
    assert "&lt;b&gt;gras&lt;/b&gt;" in note.html
    assert "49" not in note.html


def test_html_is_only_there_when_asked_for() -> None:
    assert all(n.html is None for n in thank_you_notes(EVERY_FIELD))
    assert follow_up(EVERY_FIELD).email.html is None
    later = follow_up(EVERY_FIELD, html=True)
    assert later.email.html is not None
    assert later.email.html.startswith('<!DOCTYPE html>\n<html lang="fr-CA">')


def test_the_html_part_is_self_contained_and_phone_friendly() -> None:
    html = thank_you_notes(EVERY_FIELD, html=True)[0].html
    assert html is not None
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    for external in ("http://", "https://", "<link", "<img", "<script", "url(", "@import"):
        assert external not in html
    assert "max-width:36em" in html


def test_the_html_says_the_first_of_the_month_with_a_superscript() -> None:
    from datetime import date

    note = thank_you_notes(EVERY_FIELD, send_on=date(2026, 12, 9), html=True)[0]
    assert "le mardi 1er décembre" in note.body
    assert note.html is not None
    assert "le mardi 1<sup>er</sup> décembre" in note.html


def test_to_message_builds_multipart_alternative_text_first() -> None:
    email = follow_up(EVERY_FIELD, html=True).email
    parsed = message_from_bytes(email.to_eml(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    assert parsed.get_content_type() == "multipart/alternative"
    parts = list(parsed.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert parts[0].get_content().replace("\r\n", "\n").rstrip("\n") == email.body
    assert parts[1].get_content().replace("\r\n", "\n") == email.html
    assert parsed["Content-Language"] == "fr-CA"
    assert parsed.get_body(("plain",)) is parts[0] or parsed.get_body(("plain",)) == parts[0]


def test_an_html_override_gives_an_html_part_without_asking(tmp_path: Path) -> None:
    write(
        tmp_path,
        "rejection.body.html",
        "<p>{{ greeting }}</p><p>{{ company }}</p>\n",
    )
    reply = rejection_reply(EVERY_FIELD, received_on=EVERY_FIELD.held_on, templates=tmp_path)
    assert reply.email.html == "<p>Bonjour Madame Tremblay,</p><p>Ubisoft</p>\n"
    assert thank_you_notes(EVERY_FIELD, templates=tmp_path)[0].html is None


def test_templates_must_be_a_directory(tmp_path: Path) -> None:
    from relance import InvalidInput

    with pytest.raises(InvalidInput, match=r"templates: .* is not a directory"):
        thank_you_notes(EVERY_FIELD, templates=tmp_path / "absent")
    with pytest.raises(InvalidInput, match="templates: Expected a directory path"):
        thank_you_notes(EVERY_FIELD, templates=42)  # type: ignore[arg-type]


class Recording(Templates):
    """Templates that remember the names each template was given."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.seen: dict[str, set[str]] = {}

    def template(self, name: str) -> Any:
        template = super().template(name)
        seen = self.seen.setdefault(name, set())
        render = template.render

        class Spy:
            filename = template.filename

            def render(self, context: Mapping[str, Any]) -> str:
                seen.update(context)
                return render(context)

        return Spy()


def test_the_documented_variables_are_exactly_what_templates_get(tmp_path: Path) -> None:
    for name in HTML_OVERRIDES:
        write(tmp_path, name, "<p>{{ text }}</p>\n")
    recording = Recording(tmp_path)
    interview = example_interview()
    for _ in every_message(
        interview, rejection=example_rejection(), templates=recording, html=True
    ):
        pass
    rejection_reply(interview, received_on=interview.held_on, templates=recording)
    # The step of the second follow-up is worded only when it is due (relance.status).
    from datetime import date

    from relance import Event, status

    sent = [Event(date(2026, 12, 9), "follow_up_sent")]
    due = status(interview, sent, today=date(2026, 12, 21), templates=recording).due
    assert [step.draft.kind for step in due if step.draft] == ["second_follow_up"]
    (tmp_path / "plain").mkdir()
    plain = Recording(tmp_path / "plain")
    for _ in every_message(interview, rejection=example_rejection(), templates=plain, html=True):
        pass
    seen = {**recording.seen, "message.html": plain.seen["message.html"]}
    assert set(seen) == {*TEMPLATES, *HTML_OVERRIDES}
    for name, template in {**TEMPLATES, **HTML_OVERRIDES}.items():
        names = template.variables
        if name == "message.html":
            # It gets the variables of the email it lays out: their union over emails.
            assert seen[name] <= set(names)
            assert set(names) - seen[name] <= {
                "held_date",
                "phone",
                "availability",
                "contact_spoken",
                "variant",
            }
        else:
            assert seen[name] == set(names), name


DOC = Path(__file__).parent.parent / "docs" / "templates.md"


def documented() -> tuple[dict[str, set[str]], set[str]]:
    """The variables per template and the filters that docs/templates.md lists."""
    import re

    variables: dict[str, set[str]] = {}
    filters: set[str] = set()
    current: str | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^### `([\w.]+)`", line)
        if heading:
            current = heading.group(1)
            variables[current] = set()
        elif line.startswith("## "):
            current = None
        match = re.match(r"^\| `(\w+)` \|", line)
        if match and current is not None:
            variables[current].add(match.group(1))
        filter_match = re.match(r"^\| `(\w+)` \| filter \|", line)
        if filter_match:
            filters.add(filter_match.group(1))
    return variables, filters


def test_the_templates_page_lists_every_variable_and_filter() -> None:
    variables, filters = documented()
    assert variables == {
        name: set(t.variables) for name, t in {**TEMPLATES, **HTML_OVERRIDES}.items()
    }
    assert filters == set(FILTERS)


def test_cli_templates_list() -> None:
    result = run("templates", "list")
    assert result.returncode == 0
    for name, template in TEMPLATES.items():
        listed = f"{name}: {template.renders}\n  variables: {', '.join(template.variables)}"
        assert listed in result.stdout


def test_cli_templates_copy_then_check(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    result = run("templates", "copy", str(target))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in target.iterdir()) == sorted(TEMPLATES)
    again = run("templates", "copy", str(target))
    assert again.returncode == 2
    assert "already holds" in again.stderr
    checked = run("templates", "check", str(target))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.endswith(
        "every template rendered over 24 sample interviews, Grammalecte included: no problem.\n"
    )


def test_cli_templates_check_reports_errors_and_french(tmp_path: Path) -> None:
    write(tmp_path, "call.txt", "Bonjour {{ contact_spoken }},\n\n{{ inconnu }}\n")
    write(tmp_path, "note.txt", "{{ appel }}\n\nJe suis intéressé(e) a ce poste.\n")
    result = run("templates", "check", str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path / 'call.txt'}, line 3: 'inconnu' is undefined." in result.stdout
    assert f"{tmp_path / 'note.txt'}, line 3: " in result.stdout
    assert "(fr_CA-formal-example note and 23 more)" in result.stdout
    assert "problem(s)" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_message_commands_take_templates_and_html(tmp_path: Path) -> None:
    interview = tmp_path / "interview.toml"
    interview.write_text(run("example").stdout, encoding="utf-8")
    overrides = tmp_path / "overrides"
    write(overrides, "thank_you.subject.txt", "Merci, {{ contact.name }}\n")
    out = tmp_path / "out"
    result = run(
        "thank-you", str(interview), "--templates", str(overrides), "--html", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    first, second = "thank-you-1-marie-tremblay", "thank-you-2-dominique-belanger"
    assert names == [f"{first}.html", f"{first}.txt", f"{second}.html", f"{second}.txt"]
    assert "Objet\u00a0: Merci, Marie Tremblay\n" in (out / f"{first}.txt").read_text()
    broken = run("follow-up", str(interview), "--templates", str(tmp_path / "absent"))
    assert broken.returncode == 2
    assert "templates: " in broken.stderr
