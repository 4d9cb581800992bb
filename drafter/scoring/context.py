"""What a scorer sees: the draft, split once, with its channel and playbook context.

Splitting and the playbook lookup happen once per draft, not once per scorer, which is
most of what keeps scoring above thousands of drafts per second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from drafter.catalog import ALL_SCENARIOS, CHANNEL_STYLE
from drafter.playbooks.models import Entry
from drafter.scoring.scenario_rules import ScenarioRules, rules_for
from drafter.scoring.sentences import Sentence, split_segments


@dataclass(frozen=True)
class DraftContext:
    text: str
    channel: str | None = None
    scenario: str | None = None
    entries: tuple[Entry, ...] = field(default=(), compare=False)

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
            from drafter.scoring.playbook_index import entries_for

            entries = entries_for(scenario) if scenario else ()
        return cls(text, channel, scenario, entries)

    @cached_property
    def segments(self) -> list[Sentence]:
        return split_segments(self.text)

    @cached_property
    def sentences(self) -> list[str]:
        return [s.text for s in self.segments]

    @property
    def style(self) -> str | None:
        """``chat`` or ``email``, or None when the channel is unknown."""
        return CHANNEL_STYLE.get(self.channel) if self.channel else None

    @cached_property
    def rules(self) -> ScenarioRules | None:
        """What the scenario allows (fields to ask, promises, structure), None without one."""
        return rules_for(self.scenario, self.entries) if self.scenario else None
