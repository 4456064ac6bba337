"""Templates: the package's, compiled once, and a user's overrides, rendered in a sandbox.

Templates are package data under ``relance/templates``. Values reach them only as
context variables, never as template source, so « {{ 7*7 }} » in a name stays literal.
Plain-text templates (``.txt``) are never escaped; HTML templates (``.html``) always are.
"""

from __future__ import annotations

import os
import re
import types
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    PackageLoader,
    StrictUndefined,
    Template,
    pass_context,
)
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.runtime import Context
from markupsafe import Markup, escape

from . import _cleanup, _french
from ._catalogue import HTML_OVERRIDES, TEMPLATES
from ._locales import locale_info
from ._sandbox import MAX_OUTPUT, ConfinedLoader, Sandbox, budget
from .errors import InvalidInput, TemplateError

__all__ = ["FILTERS", "Templates", "as_templates", "render", "render_html"]


@pass_context
def _agree(context: Context, word: str) -> str:
    return _french.agree(word, context["gender"])


@pass_context
def _join(context: Context, items: Iterable[str]) -> str:
    return _french.join(items, context["locale"])


@pass_context
def _long_date(context: Context, day: date, *, weekday: bool = True, year: bool = True) -> str:
    return _french.long_date(day, context["locale"], weekday=weekday, year=year)


def _names(context: Context) -> tuple[str, ...]:
    """Names a user's phrase may start with, which keep their capital."""
    candidate = context["candidate"]
    return (str(context["company"]), candidate.city or "")


@pass_context
def _element(context: Context, text: str) -> str:
    return _cleanup.element(text, names=_names(context))


@pass_context
def _enumeration(context: Context, items: Iterable[str]) -> str:
    return _cleanup.enumeration(items, context["locale"], names=_names(context))


def _clock_time(moment: time | datetime) -> str:
    return _french.clock_time(moment.time() if isinstance(moment, datetime) else moment)


_FIRST = re.compile(r"\b1er\b")


def _superscript_ordinals(text: str) -> Markup:
    """Escape a line of plain text for HTML, with « 1er » as 1<sup>er</sup>."""
    # Safe: the text is escaped first, and the only markup added is a fixed <sup>.
    return Markup(_FIRST.sub("1<sup>er</sup>", str(escape(text))))  # noqa: S704


FILTERS: Mapping[str, Any] = types.MappingProxyType(
    {
        "de": _french.de,
        "a": _french.a,
        "que": _french.que,
        "accord": _agree,
        "liste": _join,
        "element": _element,
        "enumeration": _enumeration,
        "phrase": _cleanup.phrase,
        "chez": _cleanup.chez,
        "date": _long_date,
        "heure": _clock_time,
        "exposants": _superscript_ordinals,
    }
)
"""The filters every template can use, besides Jinja2's own (see docs/templates.md)."""


def _configure(env: Environment) -> Environment:
    env.filters.update(FILTERS)
    return env


def _options(loader: Any) -> dict[str, Any]:
    return {
        "loader": loader,
        "undefined": StrictUndefined,
        "autoescape": _is_html,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": False,
    }


def _is_html(name: str | None) -> bool:
    return bool(name and name.endswith(".html"))


@cache
def _package() -> Environment:
    """The package's own templates: trusted, compiled once for the process."""
    # Autoescaping is on for .html templates and off for plain text (_is_html).
    loader = PackageLoader("relance", "templates")
    env = Environment(auto_reload=False, **_options(loader))  # noqa: S701
    return _configure(env)


class Templates:
    """A directory of template overrides.

    Its files replace the package's templates of the same name (``relance templates
    copy DIR`` writes them all there, ready to edit); the others come from the
    package. Everything is then rendered in Jinja2's sandbox with ``StrictUndefined``,
    with the same filters and context as the package's templates. Compiled templates
    are kept, and a file changed on disk is compiled again.

    >>> Templates("/no/such/dir")
    Traceback (most recent call last):
      ...
    relance.errors.InvalidInput: Invalid input: templates: /no/such/dir is not a directory.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.is_dir():
            raise InvalidInput.of("templates", "templates.not_a_directory", path=str(self.path))
        loader = ChoiceLoader([ConfinedLoader(self.path), PackageLoader("relance", "templates")])
        sandbox = Sandbox(auto_reload=True, **_options(loader))
        _configure(sandbox)
        sandbox.guard_filters()
        self._env = sandbox

    def __repr__(self) -> str:
        return f"Templates({str(self.path)!r})"

    @property
    def overrides(self) -> tuple[str, ...]:
        """The names of the package templates this directory replaces or adds."""
        known = {*TEMPLATES, *HTML_OVERRIDES}
        return tuple(sorted(p.name for p in self.path.iterdir() if p.name in known))

    def has(self, name: str) -> bool:
        """Whether the directory holds a template of that name."""
        return (self.path / name).is_file()

    def template(self, name: str) -> Template:
        """The compiled template (the override, else the package's)."""
        return self._env.get_template(name)


def as_templates(value: Templates | str | os.PathLike[str] | None) -> Templates | None:
    """``templates=`` as the message functions take it: None, a Templates, or a path."""
    if value is None or isinstance(value, Templates):
        return value
    if isinstance(value, str | os.PathLike):
        return _templates_at(str(Path(value).resolve()))
    raise InvalidInput.of("templates", "type.templates")


@lru_cache(maxsize=32)
def _templates_at(path: str) -> Templates:
    return Templates(path)


def _raw(name: str, context: Mapping[str, Any], templates: Templates | None) -> str:
    if templates is None:
        return _render_package(_template(name), context)
    try:
        template = templates.template(name)
    except TemplateSyntaxError as err:
        message = err.message or "syntax error"
        raise TemplateError(message, template=_file(err), line=err.lineno) from None
    except SecurityError as err:  # a symbolic link, a file too large
        raise TemplateError(f"the sandbox refused this: {err}.", template=name) from None
    except JinjaTemplateError as err:  # pragma: no cover - a missing package template
        raise TemplateError(str(err), template=name) from err
    try:
        with budget():
            text = template.render(context)
        if len(text) > MAX_OUTPUT:
            raise SecurityError(f"more than {MAX_OUTPUT:,} characters of output (the size limit)")
        return text
    except UndefinedError as err:
        message, available = f"{err.message}.", tuple(sorted(context))
        failure: BaseException = err
    except SecurityError as err:
        message, available, failure = f"the sandbox refused this: {err}.", (), err
    except Exception as err:  # a user's template may fail in any way
        message, available, failure = f"{type(err).__name__}: {err}.", (), err
    raise TemplateError(
        message,
        template=template.filename or name,
        line=_line(failure, template),
        available=available,
    )


@cache
def _template(name: str) -> Template:
    template = _package().get_template(name)
    # Every render's context still lists the names of the template's globals (none of
    # them is passed in: see _render_package). Kept as a ChainMap over the environment's
    # globals, which relance never changes once made, that listing walks both maps; a
    # dict holds the same names.
    template.globals = dict(template.globals)
    return template


def _render_package(template: Template, context: Mapping[str, Any]) -> str:
    """What ``template.render(context)`` does, for a package template: the context is
    passed as it is (``shared``), where render() copies it twice, once to merge the
    globals in, which no package template reads (a test renders them all, and
    ``StrictUndefined`` would refuse a global missing). Jinja2 never writes to the
    mapping it is given: what a template sets goes to the context's own ``vars``."""
    variables = context if type(context) is dict else dict(context)
    environment = template.environment
    try:
        return environment.concat(
            template.root_render_func(template.new_context(variables, shared=True))
        )
    except Exception:
        environment.handle_exception()


def _file(err: TemplateSyntaxError) -> str:
    return err.filename or err.name or "template"


def _line(err: BaseException, template: Template) -> int | None:
    """The template line where rendering failed, from Jinja2's rewritten traceback."""
    line = None
    traceback = err.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == template.filename:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


_BLANK_LINES = re.compile(r"\n{3,}")


def render(
    name: str,
    context: Mapping[str, Any],
    *,
    templates: Templates | None = None,
    one_line: bool = False,
) -> str:
    """Render a template and finish the text: paragraphs, then typography."""
    text = _raw(name, context, templates)
    if one_line:
        text = " ".join(text.split())
    else:
        if " \n" in text or "\t\n" in text:  # else only the end has any: strip() below
            text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
        if "\n\n\n" in text:
            text = _BLANK_LINES.sub("\n\n", text)
        text = text.strip()
    return _french.typography(text, locale_info(context["locale"]).typography)


def render_html(
    base: str,
    text: str,
    subject: str,
    context: Mapping[str, Any],
    *,
    templates: Templates | None,
    wanted: bool,
) -> str | None:
    """The HTML part of an email, or None when neither asked for nor overridden.

    ``message.html`` lays out the finished plain text, paragraph by paragraph, so the
    HTML says exactly what the text says (an override directory may restyle it). An
    override directory may also give ``<base>.body.html``: that email then always has
    an HTML part, from that template.
    """
    own = f"{base}.body.html"
    overridden = templates is not None and templates.has(own)
    if not (wanted or overridden):
        return None
    name = own if overridden else "message.html"
    html_context = {
        **context,
        "text": text,
        "subject": subject,
        "paragraphs": [paragraph.split("\n") for paragraph in text.split("\n\n")],
        "lang": locale_info(context["locale"]).language_tag,
    }
    return _raw(name, html_context, templates).strip() + "\n"
