"""What a scorer sees: the draft, split once, with its channel and playbook context.

Splitting and the playbook lookup happen once per draft, not once per scorer, which is
most of what keeps scoring above thousands of drafts per second.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from drafter.catalog import ALL_SCENARIOS, CHANNEL_STYLE
from drafter.playbooks.models import Entry
from drafter.scoring import trigger_table
from drafter.scoring.gated import GatedPattern, trigger_masks
from drafter.scoring.playbook_index import entries_for
from drafter.scoring.scenario_rules import ScenarioRules, rules_for
from drafter.scoring.sentences import Sentence, is_question, split_flagged

T = TypeVar("T")


class once(Generic[T]):
    """``functools.cached_property`` without its lock: Python 3.11 takes an ``RLock`` on
    every first access, seven times per draft. Two threads racing on one draft would only
    both compute the same value; the later write wins, and either is right.
    """

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, draft: None, owner: type | None = None) -> once[T]: ...
    @overload
    def __get__(self, draft: object, owner: type | None = None) -> T: ...
    def __get__(self, draft: object | None, owner: type | None = None) -> once[T] | T:
        if draft is None:
            return self
        value = self.compute(draft)
        draft.__dict__[self.name] = value  # shadows this non-data descriptor from now on
        return value


def per_draft(compute: Callable[[DraftContext], T]) -> Callable[[DraftContext], T]:
    """Compute once per draft: structure reuses the empathy and timing verdicts, so a scorer
    another one calls must not run twice on the same draft."""

    def memoized(draft: DraftContext) -> T:
        cached: T | None = draft._memo.get(compute)
        if cached is None:
            cached = draft._memo[compute] = compute(draft)
        return cached

    memoized.__name__, memoized.__doc__ = compute.__name__, compute.__doc__
    return memoized


def per_sentence(compute: Callable[[DraftContext, int], T]) -> Callable[[DraftContext, int], T]:
    """Compute once per draft and sentence: structure asks about the sentences empathy and
    over-questioning judged already (the apologies that name the problem, the fields asked)."""

    def memoized(draft: DraftContext, index: int) -> T:
        key = (compute, index)
        cached: T | None = draft._memo.get(key)
        if cached is None:
            cached = draft._memo[key] = compute(draft, index)
        return cached

    memoized.__name__, memoized.__doc__ = compute.__name__, compute.__doc__
    return memoized


@dataclass(frozen=True)
class DraftContext:
    text: str
    channel: str | None = None
    scenario: str | None = None
    entries: tuple[Entry, ...] = field(default=(), compare=False)
    _memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(
        cls,
        text: str,
        channel: str | None = None,
        scenario: str | None = None,
        entries: tuple[Entry, ...] | None = None,
    ) -> DraftContext:
        """Validate channel and scenario and attach the scenario's playbook entries."""
        if channel is not None and channel not in CHANNEL_STYLE:
            raise ValueError(f"unknown channel {channel!r}; known: {sorted(CHANNEL_STYLE)}")
        if scenario is not None and scenario not in ALL_SCENARIOS:
            raise ValueError(f"unknown scenario {scenario!r}")
        if entries is None:
            entries = entries_for(scenario) if scenario else ()
        return cls(text, channel, scenario, entries)

    @once
    def flagged(self) -> tuple[list[str], list[bool]]:
        """:func:`split_flagged`: the sentences and their bullet flags, split once."""
        return split_flagged(self.text)

    @once
    def segments(self) -> list[Sentence]:
        """Sentences with their bullet flags as ``Sentence`` tuples. Building the tuples costs
        about as much as splitting saves by not making them: read ``sentences`` and
        ``bullets`` where the pair is not needed as one object."""
        return list(map(Sentence, *self.flagged))

    @once
    def sentences(self) -> list[str]:
        return self.flagged[0]

    @once
    def bullets(self) -> list[bool]:
        """Whether each sentence came from a bulleted line (``segments[i].bullet``)."""
        return self.flagged[1]

    @once
    def questions(self) -> list[bool]:
        """Which sentences ask (:func:`is_question`): over-questioning and structure both look."""
        return [is_question(sentence) for sentence in self.sentences]

    @once
    def lowered(self) -> str:
        """Lower-cased text, same length as ``text`` so match offsets map back to sentences."""
        return fold(self.text)

    @once
    def words(self) -> list[str]:
        """The ``\\w+`` runs of ``lowered``, in order: the trigger lookup reads their set and
        length counts them. They are the runs of ``text`` lower-cased too, since lower-casing
        keeps each character a word character or not (``test_structure_length.py``)."""
        return trigger_table.words(self.lowered)

    @once
    def trigger_masks(self) -> list[int]:
        """Which alternatives of every lexicon pattern can match, resolved once per draft."""
        return trigger_masks(self.lowered, self.words)

    @once
    def starts(self) -> list[int]:
        """Offset in ``text`` where each sentence starts."""
        offsets: list[int] = []
        position = 0
        for sentence in self.sentences:
            found = self.text.find(sentence, position)
            offsets.append(found if found >= 0 else position)
            position = (found if found >= 0 else position) + len(sentence)
        return offsets

    def hits(self, pattern: re.Pattern[str] | GatedPattern) -> dict[int, list[str]]:
        """Sentence index -> matched strings of ``pattern`` (lower-case) in that sentence.

        Every pattern scans the whole draft once, however many scorers ask for it: this is
        what keeps scoring in the thousands of drafts per second. A match belongs to the
        last sentence starting at or before it, or to sentence 0 when it starts before
        every sentence (leading space).
        """
        cached = self._memo.get(pattern)  # the pattern itself is the key: no tuple per call
        if cached is not None:
            return cached
        matches = (
            pattern.scan(self.lowered, self.trigger_masks)
            if isinstance(pattern, GatedPattern)
            else pattern.finditer(self.lowered)
        )
        starts = self.starts
        cached = self._memo[pattern] = {}
        for match in matches:
            # lo=1: the insertion point is at least 1, so the index is at least 0, without
            # a max() per match (starts is sorted: each is found after the one before).
            index = bisect_right(starts, match.start(), 1) - 1 if starts else 0
            cached.setdefault(index, []).append(match[0])
        return cached

    def lower_sentence(self, index: int) -> str:
        start = self.starts[index]
        return self.lowered[start : start + len(self.sentences[index])]

    @property
    def style(self) -> str | None:
        """``chat`` or ``email``, or None when the channel is unknown."""
        return CHANNEL_STYLE.get(self.channel) if self.channel else None

    @once
    def rules(self) -> ScenarioRules | None:
        """What the scenario allows (fields to ask, promises, structure), None without one."""
        return rules_for(self.scenario, self.entries) if self.scenario else None


def fold(text: str) -> str:
    """``text.lower()`` keeping the length (a few characters lower-case to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
