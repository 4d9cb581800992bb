"""The scorer registry: every dimension is a function registered by name.

Built-in scorers register themselves when :mod:`drafter.scoring` is imported; a team adds
its own the same way, and ``score()`` runs it and reports it under ``Scores.custom``::

    from drafter.scoring import DraftContext, Score, scorer

    @scorer("mentions_brand", weight=0.5)
    def mentions_brand(draft: DraftContext) -> Score:
        hits = [s for s in draft.sentences if "Acme" in s]
        return Score(value=float(bool(hits)), passed=bool(hits), evidence=hits,
                     explanation="names the brand" if hits else "never names the brand")

Registering a name twice is an error unless ``replace=True`` (so two modules cannot
silently fight over a dimension); :func:`unregister` removes one again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.scoring.context import DraftContext
    from drafter.scoring.models import Score

ScorerFn = Callable[["DraftContext"], "Score"]


@dataclass(frozen=True)
class RegisteredScorer:
    name: str
    fn: ScorerFn
    weight: float


SCORERS: dict[str, RegisteredScorer] = {}


def scorer(
    name: str, *, weight: float = 1.0, replace: bool = False
) -> Callable[[ScorerFn], ScorerFn]:
    """Register ``fn`` as the scorer for dimension ``name`` with a default ``weight``."""
    if weight < 0:
        raise ValueError(f"weight must be >= 0, got {weight}")

    def register(fn: ScorerFn) -> ScorerFn:
        if name in SCORERS and not replace:
            raise ValueError(f"a scorer named {name!r} is already registered")
        SCORERS[name] = RegisteredScorer(name, fn, weight)
        return fn

    return register


def unregister(name: str) -> None:
    SCORERS.pop(name, None)
