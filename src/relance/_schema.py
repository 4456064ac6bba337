"""The JSON Schemas of relance's data, shipped in the package (``schemas/*.json``).

The files are written by ``docs/generate_schemas.py`` from the model's own rules.
"""

from __future__ import annotations

from functools import lru_cache

from . import TYPE_CHECKING

if TYPE_CHECKING:  # the command line reads SCHEMAS for its help: JSON loads on first use
    from typing import Any, Final

__all__ = ["SCHEMAS", "schema"]

SCHEMAS: Final = (
    "draft",
    "follow_up",
    "interview",
    "plan",
    "rejection_reply",
    "script",
    "step",
)
"""The names :func:`schema` knows: each is the ``as_dict()`` of one class."""


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of relance data, as a new dict.

    ``"interview"`` describes what :meth:`Interview.from_dict` reads; ``"draft"``,
    ``"follow_up"``, ``"rejection_reply"``, ``"plan"``, ``"script"`` and ``"step"``
    what the ``as_dict()`` of :class:`Draft`, :class:`FollowUp`,
    :class:`RejectionReply`, :class:`Plan`, :class:`Script` and :class:`Step` write
    and their ``from_dict()`` read. Each stands alone, with no reference to another
    file.

    >>> from relance import schema
    >>> draft = schema("draft")
    >>> draft["$schema"], draft["$defs"]["draft"]["required"][:3]
    ('https://json-schema.org/draft/2020-12/schema', ['kind', 'locale', 'sender'])

    Raises:
        InvalidInput: ``name`` is not one of :data:`SCHEMAS`.
    """
    import json

    from .errors import InvalidInput

    if name not in SCHEMAS:
        raise InvalidInput.of("name", "schema.unknown", value=name, known=list(SCHEMAS))
    loaded: dict[str, Any] = json.loads(_text(name))
    return loaded


@lru_cache(maxsize=len(SCHEMAS))
def _text(name: str) -> str:
    from importlib.resources import files

    return files("relance").joinpath(f"schemas/{name}.json").read_text(encoding="utf-8")
