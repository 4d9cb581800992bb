"""How two channels' nearest examples become one ranked, calibrated answer (or an abstention).

Kept apart from the ``Retriever`` so the decision can be replayed on saved evidence: the
quality benchmark embeds each message once and ranks it in every mode, and tests can feed
hand-made evidence without building an index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Mode = Literal["fused", "dense", "lexical"]

# Nearest examples kept per scenario and channel; a scenario's channel score blends its best
# example with the mean of its TOP_M best, so one lucky example counts less than several
# agreeing ones and more examples per scenario make the score steadier.
TOP_N = 5
TOP_M = 5
BLEND = 0.6
WEIGHTS: dict[str, float] = {"dense": 1.0, "lexical": 1.0}
# Similarities mapped linearly onto [0, 1] between "unrelated" and "clearly this scenario";
# measured on the dev set by benchmarks/retrieval_quality.py.
CALIBRATION: dict[str, tuple[float, float]] = {"dense": (0.35, 0.70), "lexical": (0.0, 0.30)}
# Vocabulary coverage below LOW means "not English": the dense vote is dropped; above HIGH it
# counts in full.
COVERAGE: tuple[float, float] = (0.5, 0.8)
# How far the best scenario must lead the out-of-scope examples to keep its full confidence;
# a tie or a lead for the negatives means zero confidence, so such a message always abstains.
OUT_OF_SCOPE_MARGIN = 0.1
OUT_OF_SCOPE = "__out_of_scope__"  # same value as drafter.index.OUT_OF_SCOPE (no chromadb here)

Hits = dict[str, list[tuple[float, str]]]


class Match(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scenario: str
    entry_id: str
    score: float = Field(ge=0.0, le=1.0)


class SearchResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    best: str | None
    confidence: float = Field(ge=0.0, le=1.0)
    matches: list[Match]


@dataclass
class Evidence:
    """Per scenario and channel, the nearest examples best first: (similarity, entry id).

    The out-of-scope negatives appear as the pseudo-scenario ``OUT_OF_SCOPE``.
    """

    dense: Hits = field(default_factory=dict)
    lexical: Hits = field(default_factory=dict)
    # How far the dense channel is trusted for this message (MiniLM is English-only).
    dense_weight: float = 1.0

    def channel(self, name: str) -> Hits:
        return self.dense if name == "dense" else self.lexical


def ramp(value: float, low: float, high: float) -> float:
    return min(1.0, max(0.0, (value - low) / (high - low)))


def collect_hit(into: Hits, scenario: str, sim: float, entry: str) -> None:
    into.setdefault(scenario, []).append((sim, entry))


def keep_nearest(hits: Hits) -> None:
    for found in hits.values():
        found.sort(key=lambda h: -h[0])
        del found[TOP_N:]


def channel_score(hits: list[tuple[float, str]], channel: str) -> float:
    """Calibrated support of one scenario from one channel's nearest examples, not yet
    clipped to [0, 1]: how far past "clearly this scenario" the examples are breaks ties
    between scenarios that both reached full support.
    """
    if not hits:
        return 0.0
    sims = [h[0] for h in hits[:TOP_M]]
    raw = (1.0 - BLEND) * sims[0] + BLEND * sum(sims) / len(sims)
    low, high = CALIBRATION[channel]
    return (raw - low) / (high - low)


def decide(evidence: Evidence, k: int, threshold: float, mode: Mode = "fused") -> SearchResult:
    """Score every scenario (and the out-of-scope class), then decide whether to answer.

    Scores are a weighted mean of the calibrated channels: measured on the dev set this beats
    reciprocal-rank fusion, because rank throws away how close the best example really is,
    which is exactly what abstention needs.
    """
    channels = ["dense", "lexical"] if mode == "fused" else [mode]
    weights = {
        n: WEIGHTS[n] * (evidence.dense_weight if n == "dense" and mode == "fused" else 1.0)
        for n in channels
    }
    total = sum(weights.values())
    if total <= 0.0:
        channels, weights, total = ["lexical"], {"lexical": 1.0}, 1.0
    scenarios = {s for n in channels for s in evidence.channel(n)}
    fused: dict[str, float] = {}
    # Several scenarios can all reach full support (short Armenian or Hungarian messages
    # often do on the lexical channel alone); the unclipped support ranks those, where the
    # clipped one would leave the order to the alphabet.
    beyond: dict[str, float] = {}
    entry: dict[str, str] = {}
    for scenario in scenarios:
        best_support = -1.0
        value = unclipped = 0.0
        for name in channels:
            hits = evidence.channel(name).get(scenario, [])
            beyond_ramp = channel_score(hits, name)
            support = min(1.0, max(0.0, beyond_ramp))
            value += weights[name] * support
            unclipped += weights[name] * beyond_ramp
            if hits and weights[name] * support > best_support:
                best_support, entry[scenario] = weights[name] * support, hits[0][1]
        fused[scenario] = value / total
        beyond[scenario] = unclipped
    negative = fused.pop(OUT_OF_SCOPE, None)
    order = sorted(fused, key=lambda s: (-fused[s], -beyond[s], s))
    matches = [
        Match(scenario=s, entry_id=entry[s], score=round(min(1.0, fused[s]), 4)) for s in order[:k]
    ]
    if not order:
        return SearchResult(best=None, confidence=0.0, matches=[])
    top = fused[order[0]]
    confidence = top
    if negative is not None:
        lead = top - negative
        confidence = top * ramp(lead, 0.0, OUT_OF_SCOPE_MARGIN)
    confidence = min(1.0, max(0.0, confidence))
    best = order[0] if confidence >= threshold and confidence > 0.0 else None
    return SearchResult(best=best, confidence=round(confidence, 4), matches=matches)
