"""Grammalecte, the outside judge of the French, run over texts relance wrote.

Used by ``relance templates check`` and by the test suite. Grammalecte is a Debian
package (``grammalecte-cli``) that runs on the system's Python, so it is called as a
command, once for a whole batch of texts.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["INSTALL", "ORDINAL_RULE", "Finding", "Text", "check", "command", "findings"]

ORDINAL_RULE = "g2__typo_ordinaux_chiffres_exposants__b1_a1_1"
"""Asks for « 1ᵉʳ » where plain text keeps « 1er »: switched off by decision (the
project's French conventions, section 7). Grammalecte 2.1.2 ignores ``-roff`` for its
graph rules, this one among them, so it is also filtered out by id."""

INSTALL = "apt-get install grammalecte-cli python3-grammalecte"
"""How to install Grammalecte on Debian."""


@dataclass(frozen=True)
class Text:
    """One text to check, with the words Grammalecte may not know (names in the input)."""

    text: str
    proper_nouns: frozenset[str] = frozenset()


def command() -> str | None:
    """The ``grammalecte-cli`` command, or None when it is not installed."""
    return shutil.which("grammalecte-cli")


@dataclass(frozen=True)
class Finding:
    """One thing Grammalecte reports in one line of a text."""

    rule: str
    """The rule's id, or ``"spelling"``."""
    message: str
    """What Grammalecte says (empty for a spelling mistake)."""
    words: str
    """The words it underlines."""
    line: str
    """The line of the text they are in."""

    def __str__(self) -> str:
        if self.rule == "spelling":
            return f"spelling: « {self.words} » in {self.line!r}"
        return f"{self.rule}: {self.message} « {self.words} » in {self.line!r}"


def check(texts: Mapping[str, Text], *, grammalecte: str) -> dict[str, list[str]]:
    """Run Grammalecte once over every text; return what it reports, by text name.

    Unknown proper nouns of the text and the superscript-ordinal rule are not reported.
    """
    found = findings(texts, grammalecte=grammalecte)
    return {name: [str(finding) for finding in items] for name, items in found.items()}


def findings(texts: Mapping[str, Text], *, grammalecte: str) -> dict[str, list[Finding]]:
    """What :func:`check` reports, as :class:`Finding` records, by text name."""
    lines: list[tuple[str, str]] = []
    for name, item in texts.items():
        lines += [(name, line) for line in item.text.split("\n")]
        lines.append((name, ""))
    with tempfile.TemporaryDirectory(prefix="relance-grammalecte-") as folder:
        source = Path(folder) / "messages.txt"
        source.write_text("\n".join(line for _, line in lines) + "\n", encoding="utf-8")
        result = subprocess.run(  # noqa: S603 - a fixed command on a file we wrote
            [grammalecte, "-f", str(source), "-j", "-ctx", "-roff", ORDINAL_RULE],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
    report: dict[str, list[Finding]] = {name: [] for name in texts}
    for paragraph in json.loads(result.stdout)["data"]:
        name, line = lines[paragraph["iParagraph"] - 1]
        for error in paragraph["lGrammarErrors"]:
            if error["sRuleId"] != ORDINAL_RULE:
                report[name].append(
                    Finding(error["sRuleId"], error["sMessage"], error["sUnderlined"], line)
                )
        for error in paragraph["lSpellingErrors"]:
            if error["sValue"] not in texts[name].proper_nouns:
                report[name].append(Finding("spelling", "", error["sValue"], line))
    return report
