"""The HTML part as a reader sees it: rendered by a real browser (headless Chromium).

Each page is written under build/html/ with its screenshot at phone width, kept as a
CI artefact (build/ is not committed). The text the browser shows must be the plain
text's words, in order.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from relance import Draft, follow_up, rejection_reply, thank_you_notes
from relance.cli import example_interview, example_rejection

BUILD = Path(__file__).parent.parent / "build" / "html"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
PHONE = "--window-size=390,1400"


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        message = "Chromium is not installed: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def drafts() -> dict[str, Draft]:
    found: dict[str, Draft] = {}
    for locale in ("fr_CA", "fr_CH"):
        interview = replace(example_interview(), locale=locale)
        found[f"{locale}-thank-you"] = thank_you_notes(interview, html=True)[0]
        found[f"{locale}-follow-up"] = follow_up(interview, html=True).email
        found[f"{locale}-rejection"] = rejection_reply(
            interview, rejection=example_rejection(), html=True
        ).email
    return found


class BodyText(HTMLParser):
    """Reads the data-text attribute the probe script puts on <body>."""

    def __init__(self) -> None:
        super().__init__()
        self.text: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.text = dict(attrs).get("data-text")


def shown_text(browser: str, page: Path, profile: Path) -> str:
    """The text Chromium shows for a page (innerText, after layout and CSS)."""
    probe = page.with_suffix(".probe.html")
    script = "<script>document.body.setAttribute('data-text', document.body.innerText)</script>"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", f"{script}</body>"))
    result = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", probe.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    probe.unlink()
    parser = BodyText()
    parser.feed(result.stdout)
    assert parser.text is not None, result.stdout[:500]
    return html.unescape(parser.text)


@pytest.mark.parametrize(("name", "draft"), list(drafts().items()))
def test_the_browser_shows_the_plain_text(name: str, draft: Draft, tmp_path: Path) -> None:
    browser = chromium()
    assert draft.html is not None
    BUILD.mkdir(parents=True, exist_ok=True)
    page = BUILD / f"{name}.html"
    page.write_text(draft.html, encoding="utf-8")
    shot = BUILD / f"{name}.png"
    shot.unlink(missing_ok=True)
    subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'shot'}",
            PHONE,
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000  # a page of text, not a blank
    assert shown_text(browser, page, tmp_path / "text").split() == draft.body.split()
