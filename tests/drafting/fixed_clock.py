"""A fixed clock for drafting tests: times in drafts depend on when they are drafted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

# Monday 23 November 2026, 10:00 UTC: inside business hours on a business day.
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def fixed(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment
