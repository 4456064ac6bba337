"""Composing a message: the context every template sees, and a draft from its templates."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from . import _cleanup, _french
from ._draft import Draft, sender
from ._locales import locale_info
from ._model import Interview
from ._render import Templates, render, render_html

__all__ = ["base_context", "draft"]


def base_context(interview: Interview, send_on: date) -> dict[str, Any]:
    """What every template sees, whatever the message."""
    info = locale_info(interview.locale)
    return {
        "locale": interview.locale,
        "words": info.words,
        "candidate": interview.candidate,
        "gender": interview.candidate.gender,
        # The names as said in running text: an institution with its article.
        "company": _cleanup.with_article(interview.company, force=interview.company_article),
        "position": _cleanup.element(interview.position, names=[interview.company]),
        "held_at": interview.held_at,
        "held_on": interview.held_on,
        "send_on": send_on,
        "when": _french.relative_day(interview.held_on, send_on, interview.locale),
        "strengths": interview.strengths,
        "forgot_to_mention": interview.forgot_to_mention,
    }


def draft(
    kind: str,
    base: str,
    context: Mapping[str, Any],
    *,
    interview: Interview,
    to: str,
    send_on: date,
    templates: Templates | None,
    html: bool,
    subject: str | None = None,
    in_reply_to: str | None = None,
    references: tuple[str, ...] = (),
) -> Draft:
    """An email drafted from the ``<base>.subject.txt`` and ``<base>.body.txt`` templates
    (and its HTML part when asked for or overridden)."""
    subject = subject or render(f"{base}.subject.txt", context, templates=templates, one_line=True)
    body = render(f"{base}.body.txt", context, templates=templates)
    return Draft._composed(
        kind=kind,
        locale=interview.locale,
        sender=sender(interview),
        to=to,
        subject=subject,
        body=body,
        send_on=send_on,
        in_reply_to=in_reply_to,
        references=references,
        html=render_html(base, body, subject, context, templates=templates, wanted=html),
    )
