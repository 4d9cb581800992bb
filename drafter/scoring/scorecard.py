"""``score()``: run every registered scorer on one draft and weigh them into ``overall``.

This is the one entry point the CLI, ``drafter eval`` and other services share, so weights
and playbook context are applied the same way everywhere. Suites override weights per
run; a weight of 0 keeps a dimension reported but out of ``overall``.
"""

from __future__ import annotations

from collections.abc import Mapping

from drafter.playbooks.models import Entry
from drafter.scoring.context import DraftContext
from drafter.scoring.models import BUILTIN_DIMENSIONS, Score, Scores
from drafter.scoring.registry import SCORERS

_BUILTIN = frozenset(BUILTIN_DIMENSIONS)


def score(
    text: str,
    channel: str | None = None,
    scenario: str | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    entries: tuple[Entry, ...] | None = None,
) -> Scores:
    """Score one draft on every registered dimension.

    ``channel`` (whatsapp, email, ...) sets the length limits; ``scenario`` (a catalog id)
    brings in its playbook: fields it may ask for, promises it allows, whether the five-step
    structure applies. ``entries`` replaces the library lookup (suites with their own
    playbooks, tests). Unknown channels or scenarios raise ``ValueError``.
    """
    draft = DraftContext.build(text, channel, scenario, entries)
    return score_context(draft, weights)


def score_context(draft: DraftContext, weights: Mapping[str, float] | None = None) -> Scores:
    results: dict[str, Score] = {name: entry.fn(draft) for name, entry in SCORERS.items()}
    # The checks cost a comparison, not a list per draft, unless they fail.
    if not results.keys() >= _BUILTIN:
        missing = [name for name in BUILTIN_DIMENSIONS if name not in results]
        raise RuntimeError(f"built-in scorers not registered: {missing}")
    overrides = weights or {}
    unknown = [name for name in overrides if name not in SCORERS] if overrides else None
    if unknown:
        raise ValueError(f"weights for unknown scorers {unknown}; known: {sorted(SCORERS)}")
    total = weighted = 0.0
    for name, result in results.items():
        weight = overrides.get(name, SCORERS[name].weight)
        total += weight
        weighted += weight * result.value
    overall = weighted / total if total else 0.0
    custom = (  # every built-in is in results, so only a longer dict holds custom scores
        {name: s for name, s in results.items() if name not in _BUILTIN}
        if len(results) > len(_BUILTIN)
        else {}
    )
    return Scores(
        channel=draft.channel,
        scenario=draft.scenario,
        empathy=results["empathy"],
        concrete_timing=results["concrete_timing"],
        over_questioning=results["over_questioning"],
        structure=results["structure"],
        safety=results["safety"],
        length=results["length"],
        custom=custom,
        overall=round(min(1.0, max(0.0, overall)), 4),
    )
