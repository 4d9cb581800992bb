"""Compare a run with a previous one: what got worse, what got better."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.evaluation import judge_findings as findings
from drafter.evaluation.results import RESULT_SCHEMA_VERSION, CaseResult, EvalResult

# A pass-rate move smaller than this is noise, not a regression worth failing a build over.
MIN_DELTA = 0.005


class Change(BaseModel):
    model_config = ConfigDict(extra="forbid")

    what: str
    before: float | str
    after: float | str

    def shown(self) -> tuple[str, str]:
        """Before and after as a reader wants them: rates and scores to three decimals."""
        return _shown(self.before), _shown(self.after)


def _shown(value: float | str) -> str:
    return f"{value:.3f}" if isinstance(value, float) else value


class Comparison(BaseModel):
    model_config = ConfigDict(extra="forbid")

    regressions: list[Change]
    improvements: list[Change]
    notes: list[str] = Field(
        default_factory=list,
        description="What could not be compared fairly and why (e.g. only one run judged).",
    )


def load_result(path: Path) -> EvalResult:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read baseline: {exc}") from None
    version = data.get("schema_version") if isinstance(data, dict) else None
    if version != RESULT_SCHEMA_VERSION:
        raise ValueError(
            f"{path}: baseline schema_version {version!r}, this drafter writes "
            f"{RESULT_SCHEMA_VERSION}; re-run the baseline with this version"
        )
    try:
        return EvalResult.model_validate(data)
    except ValidationError as exc:
        raise ValueError(f"{path}: not an eval result: {exc.errors()[0]['msg']}") from None


def compare(current: EvalResult, baseline: EvalResult) -> Comparison:
    regressions: list[Change] = []
    improvements: list[Change] = []

    def record(what: str, before: float, after: float) -> None:
        if after < before - MIN_DELTA:
            regressions.append(Change(what=what, before=before, after=after))
        elif after > before + MIN_DELTA:
            improvements.append(Change(what=what, before=before, after=after))

    record("overall", baseline.summary.overall, current.summary.overall)
    before_retrieval = baseline.summary.retrieval_accuracy
    after_retrieval = current.summary.retrieval_accuracy
    if before_retrieval is not None and after_retrieval is not None:
        record("retrieval accuracy", before_retrieval, after_retrieval)
    for name, now in current.summary.by_scorer.items():
        then = baseline.summary.by_scorer.get(name)
        if then is not None:
            record(f"{name} pass rate", then.pass_rate, now.pass_rate)
    previous = {c.id: c for c in baseline.cases}
    for case in current.cases:
        old = previous.get(case.id)
        if old is None or old.passed == case.passed:
            continue
        before = "pass" if old.passed else "fail: " + ", ".join(old.failed or ["retrieval"])
        after = "pass" if case.passed else "fail: " + ", ".join(case.failed or ["retrieval"])
        target = improvements if case.passed else regressions
        target.append(Change(what=f"case {case.id}", before=before, after=after))
    notes = _compare_judge(current, baseline, record, regressions, improvements)
    return Comparison(regressions=regressions, improvements=improvements, notes=notes)


def _judge_state(case: CaseResult | None) -> str:
    judge = findings.judged(case) if case is not None else None
    if judge is None:
        return "not judged"
    return findings.describe_verdict(judge)


def _compare_judge(
    current: EvalResult,
    baseline: EvalResult,
    record: Callable[[str, float, float], None],
    regressions: list[Change],
    improvements: list[Change],
) -> list[str]:
    """Judge mean and per-case verdicts, only where both runs were judged by the same model.

    A run without the judge, or with another judge model, is no evidence that the judge's
    opinion changed, so those cases become notes instead of regressions. So does a verdict
    change on a draft where either run's judge flipped: that is the judge's noise.
    """
    now_on, then_on = findings.judge_was_on(current), findings.judge_was_on(baseline)
    if not now_on and not then_on:
        return []
    if not (now_on and then_on):
        judged_run = "this run" if now_on else "the baseline"
        return [f"only {judged_run} was judged by the LLM; judge results were not compared"]
    now_models, then_models = findings.judge_models(current), findings.judge_models(baseline)
    if now_models != then_models:
        return [
            f"judged by different models ({', '.join(then_models)} before, "
            f"{', '.join(now_models)} now); judge results were not compared"
        ]
    notes: list[str] = []
    before_mean, after_mean = baseline.summary.judge_mean, current.summary.judge_mean
    if before_mean is not None and after_mean is not None:
        record("judge mean", before_mean, after_mean)
    previous = {c.id: c for c in baseline.cases}
    for case in current.cases:
        old_case = previous.get(case.id)
        now, then = findings.judged(case), findings.judged(old_case) if old_case else None
        if now is None or then is None or now.passed == then.passed:
            continue
        change = Change(
            what=f"judge on case {case.id}", before=_judge_state(old_case), after=_judge_state(case)
        )
        if now.flipped or then.flipped:
            notes.append(
                f"{change.what}: {' -> '.join(change.shown())}; not counted, the judge "
                "flipped on this draft"
            )
        else:
            (improvements if now.passed else regressions).append(change)
    return notes
