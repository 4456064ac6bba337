"""Templates: one Jinja2 environment, compiled once, and the filters the language layer offers.

Templates are package data under ``relance/templates``. Values reach them only as
context variables, never as template source, so « {{ 7*7 }} » in a name stays literal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, pass_context
from jinja2.runtime import Context

from . import _french
from ._locales import locale_info

__all__ = ["FILTERS", "render"]


@pass_context
def _agree(context: Context, word: str) -> str:
    return _french.agree(word, context["gender"])


@pass_context
def _join(context: Context, items: Iterable[str]) -> str:
    return _french.join(items, context["locale"])


@pass_context
def _long_date(context: Context, day: date, *, weekday: bool = True, year: bool = True) -> str:
    return _french.long_date(day, context["locale"], weekday=weekday, year=year)


def _clock_time(moment: time | datetime) -> str:
    return _french.clock_time(moment.time() if isinstance(moment, datetime) else moment)


FILTERS: Mapping[str, Any] = {
    "de": _french.de,
    "a": _french.a,
    "que": _french.que,
    "accord": _agree,
    "liste": _join,
    "date": _long_date,
    "heure": _clock_time,
}
"""The filters every template can use, by name (documented in docs/french.md)."""


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("relance", "templates"),
        undefined=StrictUndefined,
        autoescape=False,  # noqa: S701 - the output is plain text, never HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env


@cache
def _template(name: str) -> Template:
    return _environment().get_template(name)


_BLANK_LINES = re.compile(r"\n{3,}")


def render(name: str, context: Mapping[str, Any], *, one_line: bool = False) -> str:
    """Render a package template and finish the text: paragraphs, then typography."""
    text = _template(name).render(context)
    if one_line:
        text = " ".join(text.split())
    else:
        text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
        if "\n\n\n" in text:
            text = _BLANK_LINES.sub("\n\n", text)
        text = text.strip()
    return _french.typography(text, locale_info(context["locale"]).typography)
