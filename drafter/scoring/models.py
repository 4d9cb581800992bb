"""Result models of scoring: one ``Score`` per dimension, ``Scores`` for a whole draft.

They are the stable, versioned output quality teams store and diff between runs (``drafter
eval`` writes them into its results), so they forbid unknown fields and carry a
``schema_version`` that changes whenever a field changes meaning.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class Score(BaseModel):
    """One dimension of one draft: a value, the verdict, and the sentences that decided it."""

    model_config = ConfigDict(extra="forbid")

    value: float = Field(ge=0.0, le=1.0)
    passed: bool
    evidence: list[str] = Field(default_factory=list)
    explanation: str = ""


_VALIDATE_SCORE = Score.__pydantic_validator__.validate_python


def new_score(
    value: float,
    passed: bool,
    evidence: list[str] | None = None,
    explanation: str | None = None,
) -> Score:
    """``Score(value=..., passed=..., ...)`` with the arguments given (None: left out): the
    same validator on the same fields, so the same object, fields set included, but without
    ``BaseModel.__init__``'s Python frame and keyword dict (about 1 us of 3.5, six per
    draft)."""
    fields: dict[str, object] = {"value": value, "passed": passed}
    if evidence is not None:
        fields["evidence"] = evidence
    if explanation is not None:
        fields["explanation"] = explanation
    score: Score = _VALIDATE_SCORE(fields)
    return score


class Scores(BaseModel):
    """Every dimension of one draft plus the weighted ``overall``.

    Built-in dimensions are fields so ``s.empathy.passed`` type-checks; scorers a team
    registers itself land in ``custom`` under their registered name.
    """

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    channel: str | None = None
    scenario: str | None = None
    empathy: Score
    concrete_timing: Score
    over_questioning: Score
    structure: Score
    safety: Score
    length: Score
    custom: dict[str, Score] = Field(default_factory=dict)
    overall: float = Field(ge=0.0, le=1.0)

    def items(self) -> Iterator[tuple[str, Score]]:
        """Every score by its registered name, built-in ones first."""
        for name in BUILTIN_DIMENSIONS:
            yield name, getattr(self, name)
        yield from self.custom.items()

    def failed(self) -> list[str]:
        return [name for name, s in self.items() if not s.passed]


BUILTIN_DIMENSIONS: tuple[str, ...] = (
    "empathy",
    "concrete_timing",
    "over_questioning",
    "structure",
    "safety",
    "length",
)
