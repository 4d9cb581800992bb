"""Concrete times around business-hour edges, weekends, time zones and languages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from drafter.drafting.times import BusinessCalendar, render_time
from drafter.playbooks import TimeSpec
from drafter.settings import Settings

CAL = BusinessCalendar(Settings())  # UTC, 09:00-18:00, Monday-Friday
WITHIN_20 = TimeSpec(within_minutes=20)
BY_17 = TimeSpec(by="17:00")
WINDOW = TimeSpec(window=("10:00", "12:00"))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)  # 23 Nov 2026 is a Monday


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(23, 10), "within 20 minutes"),
        (at(23, 17, 40), "within 20 minutes"),
        (at(23, 17, 41), "tomorrow by 09:20"),
        (at(23, 7, 30), "today by 09:20"),
        (at(27, 18, 30), "on Monday by 09:20"),  # Friday evening
        (at(28, 12), "on Monday by 09:20"),  # Saturday
        (at(29, 23, 59), "tomorrow by 09:20"),  # Sunday night
    ],
)
def test_within_minutes_moves_to_the_next_opening(now: datetime, expected: str) -> None:
    assert render_time(WITHIN_20, now, "en", CAL) == expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(23, 10), "today by 17:00"),
        (at(23, 16, 30), "today by 17:00"),
        (at(23, 16, 31), "tomorrow by 17:00"),
        (at(27, 16, 45), "on Monday by 17:00"),
        (at(28, 9), "on Monday by 17:00"),
    ],
)
def test_by_deadline_needs_lead_time_and_a_business_day(now: datetime, expected: str) -> None:
    assert render_time(BY_17, now, "en", CAL) == expected


def test_window_is_the_next_business_day() -> None:
    assert render_time(WINDOW, at(23, 8), "en", CAL) == "tomorrow between 10:00 and 12:00"
    assert render_time(WINDOW, at(27, 10), "en", CAL) == "on Monday between 10:00 and 12:00"


def test_business_days_phrase() -> None:
    spec = TimeSpec(business_days=(5, 10))
    assert render_time(spec, at(23, 10), "en", CAL) == "within 5-10 business days"
    assert render_time(spec, at(23, 10), "hu", CAL) == "5-10 munkanapon belül"
    assert render_time(spec, at(23, 10), "hy", CAL) == "5-10 աշխատանքային օրվա ընթացքում"


@pytest.mark.parametrize(
    ("language", "spec", "now", "expected"),
    [
        ("hu", WITHIN_20, at(23, 10), "20 percen belül"),
        ("hu", BY_17, at(23, 10), "ma 17:00-ig"),
        ("hu", BY_17, at(27, 17), "hétfőn 17:00-ig"),
        ("hu", WINDOW, at(23, 10), "holnap 10:00 és 12:00 között"),
        ("hy", WITHIN_20, at(23, 10), "20 րոպեի ընթացքում"),
        ("hy", BY_17, at(23, 10), "այսօր մինչև 17:00"),
        ("hy", WITHIN_20, at(27, 19), "երկուշաբթի մինչև 09:20"),
        ("hy", WINDOW, at(23, 10), "վաղը՝ 10:00-ից 12:00-ն ընկած ժամանակահատվածում"),
    ],
)
def test_hungarian_and_armenian_forms(
    language: str, spec: TimeSpec, now: datetime, expected: str
) -> None:
    assert render_time(spec, now, language, CAL) == expected


def test_time_zone_and_custom_hours() -> None:
    calendar = BusinessCalendar(
        Settings(
            timezone="Asia/Yerevan",
            business_hours=("10:00", "19:00"),
            business_days=[0, 1, 2, 3, 4, 5],
        )
    )
    # 15:30 UTC is 19:30 in Yerevan (UTC+4): closed, and Saturday is a working day there.
    assert render_time(WITHIN_20, at(27, 15, 30), "en", calendar) == "tomorrow by 10:20"
    # A naive clock is read as the team's local time.
    assert render_time(WITHIN_20, datetime(2026, 11, 23, 12, 0), "en", calendar) == (
        "within 20 minutes"
    )


def test_bad_calendar_settings_are_rejected() -> None:
    with pytest.raises(ValueError, match="business_days"):
        BusinessCalendar(Settings(business_days=[]))
    with pytest.raises(ValueError, match="open before"):
        BusinessCalendar(Settings(business_hours=("18:00", "09:00")))
