"""Shared pieces for drafting tests: the bundled library and a fixed clock."""

from __future__ import annotations

import pytest
from fixed_clock import MONDAY_10, fixed

from drafter.drafting import Drafter
from drafter.playbooks import PlaybookLibrary
from drafter.settings import Settings


@pytest.fixture(scope="session")
def library() -> PlaybookLibrary:
    return PlaybookLibrary.load(Settings())


@pytest.fixture
def drafter(library: PlaybookLibrary) -> Drafter:
    """A rules-mode drafter for template drafts (no retrieval needed)."""
    return Drafter(Settings(), library=library, clock=fixed(MONDAY_10))
