"""The playbook library as scoring sees it: loaded once per process, entries by scenario.

Scoring thousands of drafts must not re-read YAML per draft, so the library is cached;
:func:`clear_cache` drops it when the files change (tests, a long-lived service).
It loads non-strictly: one teammate's broken file must not stop every draft from scoring,
it only leaves that scenario without playbook rules (``drafter playbooks check`` reports it).
"""

from __future__ import annotations

from functools import cache

from drafter.playbooks.library import PlaybookLibrary
from drafter.playbooks.models import Entry


@cache
def _by_scenario() -> dict[str, tuple[Entry, ...]]:
    library = PlaybookLibrary.load(strict=False)
    index: dict[str, list[Entry]] = {}
    for entry in library:
        index.setdefault(entry.scenario, []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


def entries_for(scenario: str) -> tuple[Entry, ...]:
    return _by_scenario().get(scenario, ())


def clear_cache() -> None:
    _by_scenario.cache_clear()
