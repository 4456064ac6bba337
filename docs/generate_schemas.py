"""Write the JSON Schemas of relance's data into src/relance/schemas/.

Run ``python docs/generate_schemas.py`` after changing a field; the tests check
that the files are what this script writes. Each schema stands alone (draft
2020-12, its parts under ``$defs``), so a backend in any language can load one
file and validate with no resolver. The character rules come from the code's own
patterns, so the schemas and relance refuse the same text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from relance._draft import _MAX_ADDRESSES_TEXT, _MAX_SUBJECT, MAX_BODY
from relance._draft import KINDS as DRAFT_KINDS
from relance._headers import ENCODED_WORD as _ENCODED_WORD
from relance._headers import FORBIDDEN as _FORBIDDEN
from relance._headers import MAX_REFERENCES
from relance._locales import LOCALES, TONES
from relance._model import (
    _CIVILITY_ALIASES,
    _GENDER_ALIASES,
    CIVILITIES,
    GENDERS,
    MAX_INTERVIEWERS,
    MAX_STRENGTHS,
)
from relance._plan import CHANNELS
from relance._script import KINDS

SCHEMAS = Path(__file__).resolve().parent.parent / "src" / "relance" / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

# JSON Schema patterns are ECMA-262 regular expressions, without flags: the
# classes below are written so that Python and ECMA-262 read them alike.
FORBIDDEN = _FORBIDDEN.pattern
"""Control characters, line breaks and bidirectional overrides: searched for rather
than excluded up to ``$``, which Python's ``re`` matches before a final line break."""
NOT_BLANK = r"\S"
ENCODED_WORD = _ENCODED_WORD.pattern
"""The start of an encoded word (``=?``), which the model and a draft refuse in any
text that may reach a header."""
MESSAGE_ID_LENGTH = 998
"""The longest Message-ID field a draft reads: one header line."""
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
ISO_MOMENT = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$"
)
DAY = {"type": "string", "format": "date", "pattern": ISO_DATE, "maxLength": 10}
"""A day in ISO 8601, as ``as_dict()`` writes it."""
PHONE = (
    r"^\+?[0-9(][0-9 ().\-\u00a0]{5,23}[0-9]"
    r"(?:,? ?(?:[Pp][Oo][Ss][Tt][Ee]|[Ee][Xx][Tt]\.?|[Xx]) ?[0-9]{1,6})?$"
)
"""The model's phone pattern, spelt without \\d and without the ignore-case flag."""


def text(max_length: int, description: str) -> dict[str, Any]:
    """One line of text, not blank, at most ``max_length`` characters once its
    spaces are collapsed."""
    return {
        "type": "string",
        "description": description,
        "minLength": 1,
        "maxLength": max_length,
        "pattern": NOT_BLANK,
        "not": {"anyOf": [{"pattern": FORBIDDEN}, {"pattern": ENCODED_WORD}]},
    }


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema``, or null (a field left out)."""
    return {"anyOf": [schema, {"type": "null"}]}


def header(description: str, max_length: int, *, empty: bool = False) -> dict[str, Any]:
    """A value that becomes an email header: one line, no encoded word."""
    schema: dict[str, Any] = {
        "type": "string",
        "description": description,
        "maxLength": max_length,
        "not": {"anyOf": [{"pattern": FORBIDDEN}, {"pattern": ENCODED_WORD}]},
    }
    if not empty:
        schema["pattern"] = NOT_BLANK
    return schema


def prose(description: str, max_length: int | None = None) -> dict[str, Any]:
    """Text of several lines, not blank."""
    schema: dict[str, Any] = {"type": "string", "description": description, "pattern": NOT_BLANK}
    if max_length is not None:
        schema["maxLength"] = max_length
    return schema


def obj(description: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def document(name: str, title: str, root: str, defs: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "$id": f"urn:relance:schema:{name}",
        "title": title,
        "$ref": f"#/$defs/{root}",
        "$defs": defs,
    }


def people() -> dict[str, Any]:
    one_line = {"not": {"pattern": FORBIDDEN}}
    email = {"type": "string", "format": "email", "maxLength": 254, **one_line}
    phone = {"type": "string", "maxLength": 40, "pattern": PHONE, **one_line}
    candidate = obj(
        "The job seeker, sender of every message.",
        {
            "name": text(100, "First and last name."),
            "email": {**email, "description": "The candidate's email address."},
            "phone": nullable({**phone, "description": "A phone number: 514 555-0199."}),
            "gender": nullable(
                {
                    "enum": [*GENDERS, *(g.upper() for g in _GENDER_ALIASES)],
                    "description": "For agreement: f or m (F and M are read as such).",
                }
            ),
            "city": nullable(text(80, "The candidate's city, for a handwritten note.")),
            "availability": nullable(text(80, "When the candidate can be called back.")),
        },
        ["name", "email"],
    )
    contact = obj(
        "A person at the company: an interviewer or the hiring contact.",
        {
            "name": text(100, "First and last name."),
            "civility": nullable(
                {
                    "enum": [
                        *CIVILITIES,
                        *(
                            a.capitalize()
                            for a in _CIVILITY_ALIASES
                            if a.capitalize() not in CIVILITIES
                        ),
                    ],
                    "description": "Madame or Monsieur (Mme and M. are read as such).",
                }
            ),
            "email": nullable({**email, "description": "Their email address."}),
            "role": nullable(text(120, "Their job title.")),
            "phone": nullable({**phone, "description": "Their phone number."}),
            "topic": nullable(text(150, "What the candidate discussed with them.")),
            "surname": nullable(text(100, "The family name said after Madame/Monsieur.")),
        },
        ["name"],
    )
    return {"candidate": candidate, "contact": contact}


def interview() -> dict[str, Any]:
    defs = people()
    defs["interview"] = obj(
        "One job interview: what Interview.from_dict reads and Interview.as_dict writes.",
        {
            "candidate": {"$ref": "#/$defs/candidate"},
            "company": text(100, "The employer's name as it is written."),
            "position": text(100, "The job title without article."),
            "held_at": {
                "type": "string",
                "description": "A date, or a date and time, in ISO 8601.",
                "pattern": ISO_MOMENT,
                "not": {"pattern": FORBIDDEN},
            },
            "interviewers": {
                "type": "array",
                "items": {"$ref": "#/$defs/contact"},
                "minItems": 1,
                "maxItems": MAX_INTERVIEWERS,
            },
            "hiring_contact": nullable({"$ref": "#/$defs/contact"}),
            "strengths": {
                "type": "array",
                "items": text(120, "A short noun phrase."),
                "maxItems": MAX_STRENGTHS,
            },
            "forgot_to_mention": nullable(text(400, "One sentence.")),
            "locale": {"enum": list(LOCALES)},
            "tone": {"enum": list(TONES)},
            "region": nullable(text(20, "A holidays subdivision: VD, ON, 57.")),
            "company_article": nullable(
                {
                    "type": "boolean",
                    "description": "Whether the company's name takes an article "
                    "(« l’Université Laval »); unset: relance decides from the name.",
                }
            ),
        },
        ["candidate", "company", "position", "held_at", "interviewers"],
    )
    return defs


def draft() -> dict[str, Any]:
    return {
        "draft": obj(
            "An email drafted and dated: what Draft.as_dict writes.",
            {
                "kind": {"enum": list(DRAFT_KINDS), "description": "What the message is."},
                "locale": {"enum": list(LOCALES)},
                "sender": header("The candidate, as a formatted address.", _MAX_ADDRESSES_TEXT),
                "to": header(
                    "The recipient as a formatted address, or empty.",
                    _MAX_ADDRESSES_TEXT,
                    empty=True,
                ),
                "subject": header("The subject line.", _MAX_SUBJECT),
                "body": prose("Plain text; paragraphs separated by one blank line.", MAX_BODY),
                "send_on": DAY,
                "in_reply_to": nullable(
                    header("The Message-ID this message answers.", MESSAGE_ID_LENGTH)
                ),
                "references": {
                    "type": "array",
                    "items": header("A Message-ID.", MESSAGE_ID_LENGTH),
                    "maxItems": MAX_REFERENCES,
                },
                "html": nullable(
                    {"type": "string", "description": "The HTML part.", "maxLength": MAX_BODY}
                ),
            },
            ["kind", "locale", "sender", "to", "subject", "body", "send_on"],
        )
    }


def script() -> dict[str, Any]:
    return {
        "script": obj(
            "A text to say on the phone or to copy by hand: what Script.as_dict writes.",
            {
                "kind": {"enum": list(KINDS)},
                "text": prose("The text, in paragraphs separated by one blank line."),
                "words": {"type": "integer", "minimum": 0},
                "seconds": {"type": "number", "minimum": 0},
            },
            ["kind", "text", "words", "seconds"],
        )
    }


def step() -> dict[str, Any]:
    return {
        **draft(),
        **script(),
        "contact": people()["contact"],
        "step": obj(
            "One thing to do on one day: what Step.as_dict writes.",
            {
                "on": nullable(DAY),
                "action": prose("What to do, in a few words."),
                "channel": {"enum": list(CHANNELS)},
                "to": nullable(prose("The contact's name.")),
                "contact": nullable({"$ref": "#/$defs/contact"}),
                "detail": prose("How to do it, and why."),
                "draft": {
                    "anyOf": [
                        {"$ref": "#/$defs/draft"},
                        {"$ref": "#/$defs/script"},
                        {"type": "null"},
                    ]
                },
            },
            ["action", "channel", "detail"],
        ),
    }


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema by name, as ``relance.schema(name)`` returns it."""
    follow_up = {
        **draft(),
        **script(),
        "follow_up": obj(
            "The one-week follow-up: what FollowUp.as_dict writes.",
            {
                "email": {"$ref": "#/$defs/draft"},
                "call": {"$ref": "#/$defs/script"},
                "voicemail": {"$ref": "#/$defs/script"},
            },
            ["email", "call", "voicemail"],
        ),
    }
    rejection_reply = {
        **draft(),
        **script(),
        "rejection_reply": obj(
            "After a rejection: what RejectionReply.as_dict writes.",
            {
                "email": {"$ref": "#/$defs/draft"},
                "note": {"$ref": "#/$defs/script"},
                "warnings": {
                    "type": "array",
                    "description": "What relance chose for the reply and the card, and why "
                    "(a mailbox greeted « Madame, Monsieur, », a no-reply sender avoided).",
                    "items": prose("One warning, in English."),
                },
            },
            ["email", "note"],
        ),
    }
    plan = {
        **step(),
        "plan": obj(
            "Every step of the follow-up: what Plan.as_dict writes.",
            {
                "locale": {"enum": list(LOCALES)},
                "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}},
                "if_rejected": prose(
                    "The heading of the steps that wait on a rejection "
                    "(« Si la réponse est négative »)."
                ),
            },
            ["locale", "steps"],
        ),
    }
    return {
        "draft": document("draft", "relance draft", "draft", draft()),
        "follow_up": document("follow_up", "relance follow-up", "follow_up", follow_up),
        "interview": document("interview", "relance interview", "interview", interview()),
        "plan": document("plan", "relance plan", "plan", plan),
        "rejection_reply": document(
            "rejection_reply", "relance rejection reply", "rejection_reply", rejection_reply
        ),
        "script": document("script", "relance script", "script", script()),
        "step": document("step", "relance plan step", "step", step()),
    }


def files() -> dict[Path, str]:
    """Each schema file and its text."""
    return {
        SCHEMAS / f"{name}.json": json.dumps(body, ensure_ascii=False, indent=2) + "\n"
        for name, body in schemas().items()
    }


if __name__ == "__main__":
    SCHEMAS.mkdir(exist_ok=True)
    for path, text_ in files().items():
        path.write_text(text_, encoding="utf-8")
        print(path)
