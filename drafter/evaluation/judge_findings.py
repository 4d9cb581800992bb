"""What a reviewer should read from the LLM judge's verdicts, shared by every report.

The HTML report, the JUnit file, the baseline comparison and the CLI all ask the same
questions (was the judge on, where does it disagree with the scorers, which verdicts
flipped, does a case fail the suite's judge bar); answering them once keeps the reports
from telling different stories about one run.
"""

from __future__ import annotations

from collections import Counter

from drafter.evaluation.results import CaseResult, EvalResult
from drafter.judge import JudgeResult

FLIP_EXPLANATION = (
    "A flip is a draft whose pass/fail verdict was not the same in every repeat; the flip rate "
    "is the share of drafts judged at least twice that flipped. A high rate means single "
    "verdicts are not stable enough to act on alone."
)

RUBRIC_SCORES = (5, 4, 3, 2, 1)


def judge_was_on(result: EvalResult) -> bool:
    """True when the run asked a judge, even if every repeat came back missing."""
    return any(case.judge is not None for case in result.cases)


def judged(case: CaseResult) -> JudgeResult | None:
    """The case's judge result when it holds at least one valid verdict."""
    if case.judge is None or case.judge.passed is None:
        return None
    return case.judge


def fails_judge_bar(case: CaseResult, result: EvalResult) -> bool:
    """A majority fail counts against a case only when the suite made the judge binding."""
    verdict = judged(case)
    return (
        result.summary.judge_threshold is not None
        and verdict is not None
        and verdict.passed is False
    )


def judge_fails_scorers_pass(result: EvalResult) -> list[CaseResult]:
    """The scorers let these drafts through and the judge would not send them."""
    return [c for c in result.cases if c.passed and (j := judged(c)) and j.passed is False]


def judge_passes_scorers_fail(result: EvalResult) -> list[CaseResult]:
    """The judge would send these drafts although a scorer (or retrieval) failed them."""
    return [
        c
        for c in result.cases
        if not c.passed and c.error is None and (j := judged(c)) and j.passed is True
    ]


def flipped(result: EvalResult) -> list[CaseResult]:
    return [c for c in result.cases if c.judge is not None and c.judge.flipped]


def flip_count(judge: JudgeResult) -> int:
    """Repeats whose verdict differs from the majority: 0 for a steady judge."""
    if judge.passed is None:
        return 0
    return sum(1 for v in judge.verdicts if v != judge.passed)


def rubric_score(value: float) -> int:
    """A verdict's [0, 1] value back on the judge's 1-5 rubric."""
    return round(1 + 4 * value)


def score_distribution(result: EvalResult) -> dict[int, int]:
    """How many verdicts (every repeat of every draft) gave each rubric score, 5 first."""
    counts = Counter(
        rubric_score(value) for case in result.cases if case.judge for value in case.judge.scores
    )
    return {score: counts.get(score, 0) for score in RUBRIC_SCORES}


def missing_judgements(result: EvalResult) -> list[str]:
    """Every repeat that returned no verdict, as ``case id: reason``."""
    return [f"{c.id}: {m}" for c in result.cases if c.judge for m in c.judge.missing]


def judge_models(result: EvalResult) -> list[str]:
    return sorted({c.judge.model for c in result.cases if c.judge is not None})


def describe_verdict(judge: JudgeResult) -> str:
    """One line such as ``fail, mean 2.3/5 (2 of 3 repeats fail, flipped)``."""
    if judge.passed is None:
        return f"no verdict ({len(judge.missing)} of {judge.repeats} repeats missing)"
    mean = 1 + 4 * (judge.mean_score or 0.0)
    word = "pass" if judge.passed else "fail"
    agreeing = len(judge.verdicts) - flip_count(judge)
    detail = f"{agreeing} of {len(judge.verdicts)} repeats {word}"
    if judge.flipped:
        detail += ", flipped"
    if judge.missing:
        detail += f", {len(judge.missing)} missing"
    return f"{word}, mean {mean:.1f}/5 ({detail})"


def verdict_sequence(judge: JudgeResult) -> str:
    """The repeats in order, e.g. ``pass 5, fail 2, pass 4``: what a flip looked like."""
    return ", ".join(
        f"{'pass' if ok else 'fail'} {rubric_score(value)}"
        for ok, value in zip(judge.verdicts, judge.scores, strict=True)
    )


def judge_explanation(judge: JudgeResult) -> str:
    """The judge's reason followed by the problems it named, for a failure message."""
    reason = judge.reason or "no reason given"
    if judge.problems:
        reason += " [" + " | ".join(judge.problems) + "]"
    return reason
