"""The draft handed to an agent (or a service): the reply, and everything needed to trust it.

A draft is a file format too (``--json``, batch output lines), so it is versioned and strict:
consumers can store drafts and read them back without guessing which fields exist.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class DraftingError(ValueError):
    """Input the drafter cannot draft from; the message says what was wrong and what to do."""


class Step(BaseModel):
    """One step of a recovery reply, in the order the reply gives them."""

    model_config = ConfigDict(extra="forbid")

    step: str
    text: str


class Draft(BaseModel):
    """A reply draft; ``text`` is what the agent sends after reading it."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    text: str
    scenario: str | None = Field(description="Catalog id, or None when the drafter abstained.")
    entry_id: str | None = Field(description="The playbook entry the draft follows.")
    kind: Literal["recovery", "canned", "holding"]
    channel: str
    language: str = Field(description="ISO 639-1 code of the reply's language.")
    confidence: float
    needs_human: bool = False
    human_reasons: list[str] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    options: list[str] = Field(default_factory=list)
    personalized_by: Literal["llm", "rules"] = "rules"
    fallback_reason: str | None = None
    warnings: list[str] = Field(default_factory=list)
    redacted: list[str] = Field(
        default_factory=list, description="Kinds of secret removed from the customer's message."
    )
