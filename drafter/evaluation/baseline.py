"""Compare a run with a previous one: what got worse, what got better."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from drafter.evaluation.results import RESULT_SCHEMA_VERSION, EvalResult

# A pass-rate move smaller than this is noise, not a regression worth failing a build over.
MIN_DELTA = 0.005


class Change(BaseModel):
    model_config = ConfigDict(extra="forbid")

    what: str
    before: float | str
    after: float | str


class Comparison(BaseModel):
    model_config = ConfigDict(extra="forbid")

    regressions: list[Change]
    improvements: list[Change]


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
    return Comparison(regressions=regressions, improvements=improvements)
