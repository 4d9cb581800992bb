"""Deterministic, offline scorers for support-reply drafts.

``score(text, channel=..., scenario=...)`` returns ``Scores``: one ``Score`` per dimension
(empathy, concrete_timing, over_questioning, structure, safety, length) with the sentences
that decided it, and a weighted ``overall``. Each dimension is a small module that
registers itself with ``@scorer(name)``; see :mod:`drafter.scoring.registry` for adding
your own.
"""

from __future__ import annotations

# Importing the scorer modules registers them, in report order.
from drafter.scoring import empathy as _empathy  # noqa: F401
from drafter.scoring import length as _length  # noqa: F401
from drafter.scoring import questions as _questions  # noqa: F401
from drafter.scoring import safety as _safety  # noqa: F401
from drafter.scoring import structure as _structure  # noqa: F401
from drafter.scoring import timing as _timing  # noqa: F401
from drafter.scoring.context import DraftContext
from drafter.scoring.models import SCHEMA_VERSION, Score, Scores
from drafter.scoring.playbook_index import clear_cache
from drafter.scoring.registry import SCORERS, RegisteredScorer, scorer, unregister
from drafter.scoring.scorecard import score, score_context
from drafter.scoring.sentences import split_sentences

__all__ = [
    "SCHEMA_VERSION",
    "SCORERS",
    "DraftContext",
    "RegisteredScorer",
    "Score",
    "Scores",
    "clear_cache",
    "score",
    "score_context",
    "scorer",
    "split_sentences",
    "unregister",
]
