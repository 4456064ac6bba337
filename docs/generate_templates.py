"""Write the « Templates and their variables » section of docs/templates.md from the
message catalogue (``relance._catalogue``).

Run ``python docs/generate_templates.py`` after adding a kind or a variable; the test
suite fails while the page differs from what the catalogue says.
"""

from __future__ import annotations

from pathlib import Path

from relance._catalogue import HTML_OVERRIDES, HTML_VARIABLES, KINDS, TEMPLATES, VARIABLES

PAGE = Path(__file__).parent / "templates.md"
HEADING = "## Templates and their variables\n"


def section() -> str:
    """The section, from its heading to the end of the page."""
    extra = ", ".join(f"`{name}`" for name in HTML_VARIABLES)
    parts = [
        HEADING,
        (
            "One kind of message per row of relance's catalogue; each template sees the "
            "variables listed under it. `message.html` and the `*.body.html` templates get "
            f"the variables of the email they render, plus {extra}.\n"
        ),
    ]
    templates = [*(t for kind in KINDS for t in kind.templates), TEMPLATES["message.html"]]
    templates += list(HTML_OVERRIDES.values())
    for kind in KINDS:
        names = ", ".join(f"`{t.name}`" for t in kind.templates)
        parts.append(f"- **{kind.name}** (`relance {kind.command}`): {kind.purpose}; {names}.")
    parts.append("")
    for template in templates:
        rows = "\n".join(f"| `{name}` | {VARIABLES[name]} |" for name in template.variables)
        what = template.renders[:1].upper() + template.renders[1:]
        parts.append(
            f"### `{template.name}`\n\n{what}.\n\n| variable | what it holds |\n"
            f"| --- | --- |\n{rows}\n"
        )
    return "\n".join(parts)


def page() -> str:
    """docs/templates.md as it should read."""
    text = PAGE.read_text(encoding="utf-8")
    return text[: text.index(HEADING)] + section()


if __name__ == "__main__":
    PAGE.write_text(page(), encoding="utf-8")
