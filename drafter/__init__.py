"""drafter: drafts customer-support replies from recovery playbooks and canned replies.

The public names load lazily: an agent waiting on ``drafter search`` should not pay for the
LLM client or the scoring tables it does not use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Settings": "drafter.settings",
    "PlaybookLibrary": "drafter.playbooks",
    "PlaybookError": "drafter.playbooks",
    "search": "drafter.retrieval",
    "Retriever": "drafter.retrieval",
    "SearchResult": "drafter.retrieval",
    "Match": "drafter.retrieval",
    "Drafter": "drafter.drafting",
    "Draft": "drafter.drafting",
    "score": "drafter.scoring",
    "Score": "drafter.scoring",
    "Scores": "drafter.scoring",
    "scorer": "drafter.scoring",
}

__all__ = [
    "Draft",
    "Drafter",
    "Match",
    "PlaybookError",
    "PlaybookLibrary",
    "Retriever",
    "Score",
    "Scores",
    "SearchResult",
    "Settings",
    "score",
    "scorer",
    "search",
]

if TYPE_CHECKING:
    from drafter.drafting import Draft, Drafter
    from drafter.playbooks import PlaybookError, PlaybookLibrary
    from drafter.retrieval import Match, Retriever, SearchResult, search
    from drafter.scoring import Score, Scores, score, scorer
    from drafter.settings import Settings


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'drafter' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
