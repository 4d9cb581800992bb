"""Playbook and canned-reply files: models, loading with line-accurate errors, the library."""

from drafter.playbooks.library import PlaybookLibrary
from drafter.playbooks.loader import LoadedEntry, PlaybookError, PlaybookProblem
from drafter.playbooks.models import (
    STEP_NAMES,
    CannedReply,
    Entry,
    Option,
    RecoveryPlaybook,
    TimeSpec,
)

__all__ = [
    "STEP_NAMES",
    "CannedReply",
    "Entry",
    "LoadedEntry",
    "Option",
    "PlaybookError",
    "PlaybookLibrary",
    "PlaybookProblem",
    "RecoveryPlaybook",
    "TimeSpec",
]
