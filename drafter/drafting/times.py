"""Turning a playbook's time rules into real, localized times a customer can hold us to.

Playbooks say "within 20 minutes" or "by 17:00"; whether that is still true depends on when
the agent sends the reply. A promise that would fall outside business hours moves to the
next business opening ("tomorrow by 09:20", "on Monday by 17:00"), so the reply never
promises something nobody is at work to keep.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from drafter.playbooks.models import TimeSpec
from drafter.settings import Settings

# A "by HH:MM" deadline closer than this is not worth promising today.
MIN_LEAD = timedelta(minutes=30)

_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    # Hungarian weekdays with the "on" suffix (hétfőn = on Monday).
    "hu": ("hétfőn", "kedden", "szerdán", "csütörtökön", "pénteken", "szombaton", "vasárnap"),
    "hy": ("երկուշաբթի", "երեքշաբթի", "չորեքշաբթի", "հինգշաբթի", "ուրբաթ", "շաբաթ", "կիրակի"),
}


class BusinessCalendar:
    """Business hours and days in the team's time zone."""

    def __init__(self, settings: Settings) -> None:
        self.zone = ZoneInfo(settings.timezone)
        self.opens = _clock(settings.business_hours[0])
        self.closes = _clock(settings.business_hours[1])
        self.days = frozenset(settings.business_days)
        if not self.days:
            raise ValueError("business_days is empty: at least one working day is needed")
        if self.opens >= self.closes:
            raise ValueError(f"business_hours {settings.business_hours} must open before closing")

    def local(self, now: datetime) -> datetime:
        """``now`` in the team's zone; a naive time is taken to be in that zone already."""
        if now.tzinfo is None:
            return now.replace(tzinfo=self.zone)
        return now.astimezone(self.zone)

    def is_open(self, moment: datetime) -> bool:
        return moment.weekday() in self.days and self.opens <= moment.time() <= self.closes

    def next_business_day(self, day: date) -> date:
        day += timedelta(days=1)
        while day.weekday() not in self.days:
            day += timedelta(days=1)
        return day

    def next_opening(self, moment: datetime) -> datetime:
        """The first business opening after ``moment`` (today's, if it is still ahead)."""
        day = moment.date()
        if day.weekday() in self.days and moment.time() < self.opens:
            return datetime.combine(day, self.opens, moment.tzinfo)
        return datetime.combine(self.next_business_day(day), self.opens, moment.tzinfo)


def render_time(spec: TimeSpec, now: datetime, language: str, calendar: BusinessCalendar) -> str:
    """The customer-facing phrase for ``spec`` at ``now`` in ``language`` (en/hu/hy)."""
    now = calendar.local(now)
    words = _Phrases(language)
    if spec.within_minutes is not None:
        deadline = now + timedelta(minutes=spec.within_minutes)
        if calendar.is_open(now) and calendar.is_open(deadline) and deadline.date() == now.date():
            return words.within_minutes(spec.within_minutes)
        due = calendar.next_opening(now) + timedelta(minutes=spec.within_minutes)
        return words.by(_day(due.date(), now.date(), language), due.time())
    if spec.by is not None:
        by = _clock(spec.by)
        today_ok = (
            now.weekday() in calendar.days
            and datetime.combine(now.date(), by, now.tzinfo) - now >= MIN_LEAD
        )
        day = now.date() if today_ok else calendar.next_business_day(now.date())
        return words.by(_day(day, now.date(), language), by)
    if spec.window is not None:
        day = calendar.next_business_day(now.date())
        start, end = (_clock(t) for t in spec.window)
        return words.between(_day(day, now.date(), language), start, end)
    assert spec.business_days is not None
    return words.business_days(*spec.business_days)


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _day(day: date, today: date, language: str) -> str:
    """ "today", "tomorrow" or the weekday (within the week ahead) in ``language``."""
    delta = (day - today).days
    names = _WEEKDAYS.get(language, _WEEKDAYS["en"])
    relative = {
        "en": ("today", "tomorrow"),
        "hu": ("ma", "holnap"),
        "hy": ("այսօր", "վաղը"),
    }.get(language, ("today", "tomorrow"))
    if delta == 0:
        return relative[0]
    if delta == 1:
        return relative[1]
    if language == "en":
        return f"on {names[day.weekday()]}"
    return names[day.weekday()]


class _Phrases:
    """Word order and suffixes of time phrases per language."""

    def __init__(self, language: str) -> None:
        self.language = language if language in ("en", "hu", "hy") else "en"

    def within_minutes(self, minutes: int) -> str:
        return {
            "en": f"within {minutes} minutes",
            "hu": f"{minutes} percen belül",
            "hy": f"{minutes} րոպեի ընթացքում",
        }[self.language]

    def by(self, day: str, at: time) -> str:
        clock = at.strftime("%H:%M")
        return {
            "en": f"{day} by {clock}",
            "hu": f"{day} {clock}-ig",
            "hy": f"{day} մինչև {clock}",
        }[self.language]

    def between(self, day: str, start: time, end: time) -> str:
        a, b = start.strftime("%H:%M"), end.strftime("%H:%M")
        return {
            "en": f"{day} between {a} and {b}",
            "hu": f"{day} {a} és {b} között",
            "hy": f"{day}՝ {a}-ից {b}-ն ընկած ժամանակահատվածում",
        }[self.language]

    def business_days(self, low: int, high: int) -> str:
        span = f"{low}-{high}" if low != high else str(low)
        plural = "s" if high > 1 else ""
        return {
            "en": f"within {span} business day{plural}",
            "hu": f"{span} munkanapon belül",
            "hy": f"{span} աշխատանքային օրվա ընթացքում",
        }[self.language]
