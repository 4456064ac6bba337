"""relance: ready-to-send French messages after a job interview.

>>> from datetime import date
>>> from relance import Candidate, Contact, Interview, thank_you_notes
>>> interview = Interview(
...     candidate=Candidate("Camille Roy", "camille.roy@example.com", gender="f"),
...     company="Ubisoft",
...     position="analyste de données",
...     held_at=date(2026, 12, 1),
...     interviewers=[Contact("Marie Tremblay", "Madame", "marie.tremblay@example.com")],
... )
>>> [note] = thank_you_notes(interview)
>>> note.send_on
datetime.date(2026, 12, 2)
>>> note.subject
'Merci pour l’entrevue du mardi 1er décembre – poste d’analyste de données'
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (10 ms)
if TYPE_CHECKING:
    from typing import Any

    from ._delivery import Delivery, ImapAccount, SmtpAccount, save_drafts, send_drafts
    from ._draft import Draft
    from ._follow_up import FollowUp, follow_up
    from ._model import Candidate, Contact, Interview
    from ._plan import Plan, Step, plan
    from ._rejection import RejectionReply, rejection_reply
    from ._render import Templates
    from ._schema import schema
    from ._script import Script
    from ._second_follow_up import second_follow_up
    from ._status import Event, Status, status
    from ._thank_you import thank_you_notes
    from .errors import (
        DeliveryError,
        InvalidInput,
        MissingRecipient,
        Problem,
        RelanceError,
        TemplateError,
    )

__all__ = [
    "Candidate",
    "Contact",
    "Delivery",
    "DeliveryError",
    "Draft",
    "Event",
    "FollowUp",
    "ImapAccount",
    "Interview",
    "InvalidInput",
    "MissingRecipient",
    "Plan",
    "Problem",
    "RejectionReply",
    "RelanceError",
    "Script",
    "SmtpAccount",
    "Status",
    "Step",
    "TemplateError",
    "Templates",
    "follow_up",
    "plan",
    "rejection_reply",
    "save_drafts",
    "schema",
    "second_follow_up",
    "send_drafts",
    "status",
    "thank_you_notes",
]

__version__ = "0.1.0.dev0"

# Each public name's module, imported on first use (PEP 562): `relance --help` and a
# program that needs one message need not load Jinja2, Babel and the email package.
_MODULES = {
    "Candidate": "_model",
    "Contact": "_model",
    "Delivery": "_delivery",
    "DeliveryError": "errors",
    "Draft": "_draft",
    "Event": "_status",
    "FollowUp": "_follow_up",
    "ImapAccount": "_delivery",
    "Interview": "_model",
    "InvalidInput": "errors",
    "MissingRecipient": "errors",
    "Plan": "_plan",
    "Problem": "errors",
    "RejectionReply": "_rejection",
    "RelanceError": "errors",
    "Script": "_script",
    "SmtpAccount": "_delivery",
    "Status": "_status",
    "Step": "_plan",
    "TemplateError": "errors",
    "Templates": "_render",
    "follow_up": "_follow_up",
    "plan": "_plan",
    "rejection_reply": "_rejection",
    "save_drafts": "_delivery",
    "schema": "_schema",
    "second_follow_up": "_second_follow_up",
    "send_drafts": "_delivery",
    "status": "_status",
    "thank_you_notes": "_thank_you",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'relance' has no attribute {name!r}")
    value = getattr(import_module(f"relance.{module}"), name)
    globals()[name] = value  # found once; later look-ups do not come here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
