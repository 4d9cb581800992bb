"""Strict models for playbook files: recovery playbooks and canned replies.

Every model forbids unknown fields so a typo in a YAML key is an error with its line,
not a silently ignored setting that changes what agents send.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

from drafter.catalog import ALL_SCENARIOS, ASKABLE_FIELDS

STEP_NAMES: tuple[str, ...] = ("acknowledge", "apologize", "ask", "next_step", "ownership")
LANGUAGE_CODES: frozenset[str] = frozenset({"en", "hu", "hy", "de", "es", "ru", "fr", "it"})
# Asked fields the customer record or the message can already hold. An ask that is only
# partly of these needs a second wording (``ask_rest``) so a draft never asks again for
# what it already quotes.
KNOWABLE_FIELDS: tuple[str, ...] = ("order_id", "email", "phone", "booking_ref")
_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_T = TypeVar("_T")


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TimeSpec(StrictModel):
    """A default concrete time; exactly one form is set.

    Playbooks store rules ("within 20 minutes", "by 18:00") rather than literal text so the
    drafter can turn them into real clock times for the customer's time zone and our
    business hours at drafting time.
    """

    within_minutes: int | None = Field(default=None, gt=0, le=24 * 60)
    by: str | None = Field(default=None, description="HH:MM today, or next business day")
    window: tuple[str, str] | None = Field(
        default=None, description="[HH:MM, HH:MM] on the next business day"
    )
    business_days: tuple[int, int] | None = None

    @field_validator("by")
    @classmethod
    def _clock(cls, value: str | None) -> str | None:
        if value is not None and not _CLOCK.match(value):
            raise ValueError(f"expected HH:MM, got {value!r}")
        return value

    @field_validator("window")
    @classmethod
    def _window(cls, value: tuple[str, str] | None) -> tuple[str, str] | None:
        if value is not None:
            start, end = value
            if not (_CLOCK.match(start) and _CLOCK.match(end)) or start >= end:
                raise ValueError(f"expected [HH:MM, HH:MM] with start < end, got {list(value)}")
        return value

    @field_validator("business_days")
    @classmethod
    def _days(cls, value: tuple[int, int] | None) -> tuple[int, int] | None:
        if value is not None and not (0 < value[0] <= value[1] <= 60):
            raise ValueError(f"expected [low, high] business days, got {list(value)}")
        return value

    @model_validator(mode="after")
    def _exactly_one(self) -> TimeSpec:
        set_fields = [
            n
            for n in ("within_minutes", "by", "window", "business_days")
            if getattr(self, n) is not None
        ]
        if len(set_fields) != 1:
            raise ValueError(
                "set exactly one of within_minutes, by, window, business_days "
                f"(got {set_fields or 'none'})"
            )
        return self


class Option(StrictModel):
    """A choice the reply may offer (refund, reship, ...), worded per language."""

    id: str
    label: dict[str, str]

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError(f"option id must be snake_case, got {value!r}")
        return value


class EscalationRule(StrictModel):
    """When to hand the conversation to a human instead of sending the draft."""

    reason: str
    keywords: list[str] = Field(default_factory=list)
    always: bool = False


class RecoverySteps(StrictModel):
    """The five steps, in this order; the order of fields is the order of the reply."""

    acknowledge: str
    apologize: str
    ask: str
    next_step: str
    ownership: str
    ask_rest: str | None = Field(
        default=None,
        description="The ask step once every knowable asked field (order_id, email, phone, "
        "booking_ref) is known: asks only for the rest, or says nothing more is needed when "
        "the ask is either/or. Not a sixth step: it replaces `ask` in the reply.",
    )

    @model_serializer(mode="wrap")
    def _without_unset_ask_rest(self, handler: SerializerFunctionWrapHandler) -> object:
        """Leave ``ask_rest`` out when unset, so entries without one keep their content hash
        (and their embeddings) and every dumped text field is a string."""
        data = handler(self)
        if isinstance(data, dict) and data.get("ask_rest") is None:
            data.pop("ask_rest", None)
        return data


class RecoveryText(StrictModel):
    chat: RecoverySteps
    email: RecoverySteps
    greeting: str = Field(description="Email opening line, e.g. 'Hi {first_name|there},'")
    sign_off: str = Field(description="Email closing, e.g. 'Best regards,\\n{agent_name}'")


class CannedText(StrictModel):
    chat: str
    email: str


class _EntryBase(StrictModel):
    id: str
    scenario: str
    title: str
    tags: list[str] = Field(min_length=1)
    ask: list[str] = Field(default_factory=list, max_length=2)
    options: list[Option] = Field(default_factory=list)
    times: dict[str, TimeSpec] = Field(default_factory=dict)
    escalation: list[EscalationRule] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_slug(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError(f"id must be snake_case, got {value!r}")
        return value

    @field_validator("scenario")
    @classmethod
    def _known_scenario(cls, value: str) -> str:
        if value not in ALL_SCENARIOS:
            raise ValueError(f"unknown scenario id {value!r}")
        return value

    @field_validator("ask")
    @classmethod
    def _askable(cls, value: list[str]) -> list[str]:
        unknown = [v for v in value if v not in ASKABLE_FIELDS]
        if unknown:
            raise ValueError(f"cannot ask for {unknown}; allowed: {sorted(ASKABLE_FIELDS)}")
        return value

    @field_validator("times")
    @classmethod
    def _time_names(cls, value: dict[str, TimeSpec]) -> dict[str, TimeSpec]:
        bad = [k for k in value if not _SLUG.match(k)]
        if bad:
            raise ValueError(f"time names must be snake_case, got {bad}")
        return value

    def languages(self) -> list[str]:
        return list(self.variants)  # type: ignore[attr-defined]


class RecoveryPlaybook(_EntryBase):
    kind: Literal["recovery"]
    variants: dict[str, RecoveryText]

    @field_validator("variants")
    @classmethod
    def _languages(cls, value: dict[str, RecoveryText]) -> dict[str, RecoveryText]:
        return _check_languages(value)

    @field_validator("variants")
    @classmethod
    def _ask_rest(
        cls, value: dict[str, RecoveryText], info: ValidationInfo
    ) -> dict[str, RecoveryText]:
        """``ask_rest`` is all or nothing, and only where part of the ask can be known.

        A language or channel without it would quietly ask again for data the draft
        already quotes; an entry whose ask is all knowable (or none of it) never uses it.
        """
        styles = {
            f"{lang}.{style}": getattr(text, style).ask_rest is not None
            for lang, text in value.items()
            for style in ("chat", "email")
        }
        if not any(styles.values()):
            return value
        ask = info.data.get("ask") or []
        knowable = [f for f in ask if f in KNOWABLE_FIELDS]
        if not knowable or len(knowable) == len(ask):
            raise ValueError(
                f"ask_rest is never used: it needs an ask with both a field we may already "
                f"know ({', '.join(KNOWABLE_FIELDS)}) and one we cannot (ask is {ask})"
            )
        missing = [where for where, has in styles.items() if not has]
        if missing:
            raise ValueError(f"ask_rest is set for some variants but missing for {missing}")
        return value


class CannedReply(_EntryBase):
    kind: Literal["canned"]
    shortcut: str = Field(pattern=r"^/[a-z0-9_-]+$")
    variants: dict[str, CannedText]

    @field_validator("variants")
    @classmethod
    def _languages(cls, value: dict[str, CannedText]) -> dict[str, CannedText]:
        return _check_languages(value)


def _check_languages(value: dict[str, _T]) -> dict[str, _T]:
    unknown = [k for k in value if k not in LANGUAGE_CODES]
    if unknown:
        raise ValueError(f"unknown language codes {unknown}; known: {sorted(LANGUAGE_CODES)}")
    if "en" not in value:
        raise ValueError("an English ('en') variant is required")
    return value


Entry = Annotated[RecoveryPlaybook | CannedReply, Field(discriminator="kind")]


class PlaybookFile(StrictModel):
    """One YAML file: one scenario family, one or more entries."""

    family: str
    entries: list[Entry] = Field(min_length=1)
