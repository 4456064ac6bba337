"""The names of what can happen after an interview: light enough for the command line's
parser to list them without loading the drafting libraries (``relance --help``)."""

from __future__ import annotations

from typing import Final

__all__ = ["JOURNAL_ENVIRONMENT", "KINDS"]

KINDS: Final = (
    "thank_you_sent",
    "call_no_answer",
    "voicemail_left",
    "call_reached",
    "follow_up_sent",
    "second_follow_up_sent",
    "answer_received",
    "rejection_received",
    "rejection_reply_sent",
    "note_sent",
    "offer_received",
    "withdrawn",
)
"""Every kind of event, in the order they usually happen."""

JOURNAL_ENVIRONMENT: Final = "RELANCE_JOURNAL"
"""The environment variable that names the journal file, when ``--journal`` does not."""
