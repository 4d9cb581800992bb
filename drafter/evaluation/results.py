"""The versioned result of an eval run, the file a quality team keeps and compares.

Like inspect_ai's EvalLog, the result carries its schema version so a baseline written by
an older drafter is recognised instead of misread.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from drafter.judge import JudgeResult
from drafter.scoring import Scores

RESULT_SCHEMA_VERSION = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CaseResult(_Strict):
    id: str
    message: str | None
    channel: str
    expected_scenario: str | None
    scenario: str | None
    retrieval_checked: bool
    retrieval_correct: bool | None
    text: str
    personalized_by: str | None = None
    fallback_reason: str | None = None
    needs_human: bool = False
    scores: Scores | None
    failed: list[str] = Field(default_factory=list, description="Scorers that did not pass.")
    error: str | None = None
    judge: JudgeResult | None = Field(
        default=None, description="The optional LLM judge's verdicts; None when it was off."
    )

    @property
    def passed(self) -> bool:
        return not self.failed and self.error is None and self.retrieval_correct is not False


class ScorerSummary(_Strict):
    scored: int
    passed: int
    pass_rate: float
    mean_value: float
    threshold: float
    weight: float
    ok: bool


class ScenarioSummary(_Strict):
    cases: int
    passed: int
    retrieval_accuracy: float | None


class EvalSummary(_Strict):
    cases: int
    errors: int
    passed_cases: int
    overall: float = Field(description="Weighted mean of scorer pass rates, in [0, 1].")
    retrieval_accuracy: float | None
    by_scorer: dict[str, ScorerSummary]
    by_scenario: dict[str, ScenarioSummary]
    failed_thresholds: list[str]
    judge_mean: float | None = Field(
        default=None, description="Mean LLM-judge score over judged drafts; None when off."
    )
    judge_flip_rate: float | None = Field(
        default=None, description="Share of drafts whose judge verdict changed across repeats."
    )
    judge_cases: int = Field(default=0, description="Drafts with at least one judge verdict.")
    judge_pass_rate: float | None = Field(
        default=None, description="Share of judged drafts whose majority verdict was a pass."
    )
    judge_threshold: float | None = Field(
        default=None, description="The suite's judge bar; None when the judge was advisory."
    )


class EvalResult(_Strict):
    schema_version: int = RESULT_SCHEMA_VERSION
    suite: str
    created_at: datetime
    drafter_version: str
    personalizer: str
    summary: EvalSummary
    cases: list[CaseResult]

    @property
    def ok(self) -> bool:
        return not self.summary.failed_thresholds and self.summary.errors == 0
