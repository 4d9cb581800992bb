"""What the judge returns: one model's verdict, and the n verdicts on one draft together.

Every field is bounded: the verdict schema is sent to the endpoint (so llama.cpp and vLLM
constrain generation to it) and a model that runs on anyway is rejected, not stored.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

MAX_REPEATS = 20
MAX_REASON_CHARS = 400
MAX_PROBLEMS = 6
MAX_PROBLEM_CHARS = 160
MAX_MISSING_CHARS = 240

Problem = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_PROBLEM_CHARS)]
MissingReason = Annotated[str, StringConstraints(max_length=MAX_MISSING_CHARS)]


class JudgeVerdict(BaseModel):
    """One answer of the judge model, exactly as the prompt asks for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    score: int = Field(ge=1, le=5, description="1 = unsafe or useless, 5 = ready to send.")
    passed: bool = Field(description="True when the agent could send the draft as it is.")
    reason: str = Field(min_length=1, max_length=MAX_REASON_CHARS)
    problems: list[Problem] = Field(default_factory=list, max_length=MAX_PROBLEMS)

    @property
    def value(self) -> float:
        """The 1-5 score on the [0, 1] scale every other scorer uses."""
        return (self.score - 1) / 4


class JudgeResult(BaseModel):
    """The n judgements of one draft: scores, verdicts, whether they flipped, what was missing.

    A repeat that failed (transport error, junk answer) is left out of ``scores`` and
    ``verdicts`` and named in ``missing``, so a flaky endpoint lowers coverage, never the score.
    """

    model_config = ConfigDict(extra="forbid")

    model: str = Field(max_length=200)
    repeats: int = Field(ge=1, le=MAX_REPEATS)
    scores: list[float] = Field(default_factory=list, max_length=MAX_REPEATS)
    verdicts: list[bool] = Field(default_factory=list, max_length=MAX_REPEATS)
    mean_score: float | None = Field(default=None, ge=0.0, le=1.0)
    passed: bool | None = Field(
        default=None, description="Majority verdict; a tie fails. None when nothing was judged."
    )
    flipped: bool | None = Field(
        default=None, description="Verdicts differ across repeats; None below two verdicts."
    )
    reason: str | None = Field(default=None, max_length=MAX_REASON_CHARS)
    problems: list[Problem] = Field(default_factory=list, max_length=MAX_PROBLEMS)
    missing: list[MissingReason] = Field(default_factory=list, max_length=MAX_REPEATS)
    cache_hits: int = Field(default=0, ge=0, le=MAX_REPEATS)

    @classmethod
    def from_verdicts(
        cls,
        model: str,
        verdicts: list[JudgeVerdict | None],
        missing: list[str],
        cache_hits: int,
    ) -> JudgeResult:
        """Combine the repeats; the reason shown is the first one that agrees with the majority."""
        valid = [v for v in verdicts if v is not None]
        fields: dict[str, object] = {
            "model": model[:200],
            "repeats": len(verdicts),
            "missing": [m[:MAX_MISSING_CHARS] for m in missing],
            "cache_hits": cache_hits,
        }
        if valid:
            passes = [v.passed for v in valid]
            majority = sum(passes) * 2 > len(passes)
            explaining = next(v for v in valid if v.passed == majority)
            scores = [v.value for v in valid]
            fields.update(
                scores=scores,
                verdicts=passes,
                mean_score=sum(scores) / len(scores),
                passed=majority,
                flipped=len(set(passes)) > 1 if len(passes) >= 2 else None,
                reason=explaining.reason,
                problems=list(explaining.problems),
            )
        return cls.model_validate(fields)


def summarise_judgements(results: list[JudgeResult]) -> tuple[float | None, float | None]:
    """``(judge_mean, judge_flip_rate)`` over the judged drafts of a run.

    The mean is over drafts (each draft's mean score), so a draft judged five times weighs
    as much as one judged once. The flip rate is the share of drafts with at least two
    verdicts whose pass/fail verdict was not the same every time; None when no draft had two.
    """
    means = [r.mean_score for r in results if r.mean_score is not None]
    repeated = [r.flipped for r in results if r.flipped is not None]
    mean = sum(means) / len(means) if means else None
    flip_rate = sum(repeated) / len(repeated) if repeated else None
    return mean, flip_rate
