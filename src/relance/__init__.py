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
