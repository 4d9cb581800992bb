"""What goes into the LLM personalizer and what comes out of it.

The model only ever writes the first line and the option labels of a draft, so its output
schema is exactly that and nothing more. Every string and list carries a maximum length:
the schema is sent as a ``json_schema`` response format, and small local models constrained
by an unbounded schema keep generating until they hit the token limit.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Upper bounds for the schema sent to the model. Channel-specific limits (shorter for chat)
# are enforced afterwards by validation, which can explain a violation to the model.
MAX_FIRST_LINE_CHARS = 400
MAX_OPTION_CHARS = 160
MAX_OPTIONS = 6

OptionLabel = Annotated[str, StringConstraints(min_length=1, max_length=MAX_OPTION_CHARS)]


class Personalization(BaseModel):
    """The two parts of a draft the LLM writes: the acknowledge line and the option labels."""

    model_config = ConfigDict(extra="forbid")

    first_line: str = Field(
        min_length=1,
        max_length=MAX_FIRST_LINE_CHARS,
        description="Acknowledges the customer's problem in their own words and language.",
    )
    options: list[OptionLabel] = Field(
        default_factory=list,
        max_length=MAX_OPTIONS,
        description="One rephrased label per allowed option, in the same order.",
    )


class PersonalizationRequest(BaseModel):
    """Everything the model may see. ``message`` must already be redacted by the caller."""

    model_config = ConfigDict(extra="forbid")

    message: str
    scenario: str
    entry_id: str
    language: str
    channel: str
    first_line: str
    options: list[str] = Field(default_factory=list)
    allowed_times: list[str] = Field(default_factory=list)


class LLMResult(BaseModel):
    """Outcome of one personalization call; ``personalization`` is None when it fell back."""

    model_config = ConfigDict(extra="forbid")

    personalization: Personalization | None = None
    fallback_reason: str | None = None
    attempts: int = 0
    latency_s: float = 0.0
    prompt_tokens: int = 0
    message_truncated: bool = False

    @property
    def used(self) -> bool:
        return self.personalization is not None
