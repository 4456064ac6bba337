"""The docs say what the code does: generated pages match, every filter is listed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

DOCS = Path(__file__).parent.parent / "docs"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_regions", DOCS / "generate_regions.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_region_pages_are_what_the_code_writes() -> None:
    pages = generator().pages()
    assert len(pages) == 4
    for path, text in pages.items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is out of date: run python docs/generate_regions.py"
        )


def test_the_region_pages_show_both_registers() -> None:
    for path in (DOCS / "regions").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "## Formal register" in text
        assert "## Cordial register" in text
        assert text.count("### ") == 12


def test_the_api_page_names_every_public_name() -> None:
    import relance

    text = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = [name for name in relance.__all__ if f"`{name}" not in text]
    assert missing == []


def test_the_templates_page_is_what_the_catalogue_says() -> None:
    spec = importlib.util.spec_from_file_location(
        "generate_templates", DOCS / "generate_templates.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (DOCS / "templates.md").read_text(encoding="utf-8") == module.page(), (
        "docs/templates.md is out of date: run python docs/generate_templates.py"
    )
