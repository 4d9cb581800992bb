"""The held-out retrieval set must stay a valid, balanced measuring stick.

`evals/retrieval_holdout.jsonl` is only worth its figure if nobody tunes against it, so
nothing else reads it line by line; these checks are what stops a malformed line, a
scenario id that no longer exists or a lopsided edit from silently changing what the
benchmark reports.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from drafter.catalog import CHANNEL_STYLE, CUSTOMER_FIELDS, INCOMING_SCENARIOS, LANGUAGE_NAMES

HOLDOUT = Path(__file__).resolve().parent.parent / "evals" / "retrieval_holdout.jsonl"

# Languages the held-out set is written in (the brief's languages plus a few neighbours).
KNOWN_LANGUAGES = ("en", "hu", "hy", "de", "es", "ru")


class HoldoutCustomer(BaseModel):
    """What the CRM would know; only the fields a playbook can personalise with."""

    model_config = ConfigDict(extra="forbid")

    first_name: str | None = Field(default=None, min_length=1)
    order_id: str | None = Field(default=None, pattern=r"^\d+$")


class HoldoutLine(BaseModel):
    """One incoming message and the scenario retrieval should reach (None: abstain)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^hold-r-\d{4}$")
    message: str = Field(min_length=1)
    scenario: str | None
    language: str
    channel: str
    customer: HoldoutCustomer | None = None

    @field_validator("scenario")
    @classmethod
    def _incoming_scenario(cls, value: str | None) -> str | None:
        if value is not None and value not in INCOMING_SCENARIOS:
            raise ValueError(f"not an incoming scenario: {value}")
        return value

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in KNOWN_LANGUAGES:
            raise ValueError(f"unknown language code: {value}")
        return value

    @field_validator("channel")
    @classmethod
    def _known_channel(cls, value: str) -> str:
        if value not in CHANNEL_STYLE:
            raise ValueError(f"unknown channel: {value}")
        return value


@cache
def _lines() -> tuple[HoldoutLine, ...]:
    text = HOLDOUT.read_text(encoding="utf-8")
    return tuple(HoldoutLine.model_validate_json(line) for line in text.splitlines())


def test_every_line_is_a_valid_holdout_line() -> None:
    errors: list[str] = []
    for number, line in enumerate(HOLDOUT.read_text(encoding="utf-8").splitlines(), 1):
        try:
            HoldoutLine.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as error:
            errors.append(f"line {number}: {error}")
    assert errors == []


def test_the_line_model_rejects_what_the_format_forbids() -> None:
    """The checks above are only as good as the model, so it must refuse bad lines."""
    good = {"id": "hold-r-0001", "message": "hi", "scenario": "greeting"}
    good |= {"language": "en", "channel": "webchat"}
    HoldoutLine.model_validate(good)
    for bad in (
        {"scenario": "follow_up_check"},
        {"language": "xx"},
        {"channel": "fax"},
        {"id": "dev-0001"},
        {"customer": {"first_name": "Ann", "password": "x"}},
        {"note": "unexpected field"},
    ):
        with pytest.raises(ValidationError):
            HoldoutLine.model_validate(good | bad)


def test_known_languages_have_names_and_customer_keys_are_customer_fields() -> None:
    assert set(KNOWN_LANGUAGES) <= set(LANGUAGE_NAMES)
    assert set(HoldoutCustomer.model_fields) <= CUSTOMER_FIELDS


def test_ids_are_unique() -> None:
    counts = Counter(line.id for line in _lines())
    assert [name for name, count in counts.items() if count > 1] == []


def test_the_set_is_large_and_multilingual() -> None:
    lines = _lines()
    assert len(lines) >= 150
    non_english = sum(line.language != "en" for line in lines)
    assert non_english / len(lines) >= 0.30


def test_every_incoming_scenario_and_abstention_is_covered() -> None:
    counts = Counter(line.scenario for line in _lines())
    thin = {name: counts[name] for name in INCOMING_SCENARIOS if counts[name] < 10}
    assert thin == {}
    assert counts[None] >= 10


def test_every_scenario_has_hungarian_and_armenian_messages() -> None:
    """A per-language miss should show per scenario, not hide in an English majority."""
    seen = {(line.scenario, line.language) for line in _lines()}
    missing = [
        (name, language)
        for name in INCOMING_SCENARIOS
        for language in ("hu", "hy")
        if (name, language) not in seen
    ]
    assert missing == []
