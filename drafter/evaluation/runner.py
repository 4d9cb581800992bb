"""Run a suite: draft (or take the given text), score, and summarise against thresholds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from drafter import __version__
from drafter.evaluation.results import (
    CaseResult,
    EvalResult,
    EvalSummary,
    ScenarioSummary,
    ScorerSummary,
)
from drafter.evaluation.suite import Suite, SuiteCase
from drafter.scoring import Score, Scores, score

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from drafter.drafting import Drafter
    from drafter.judge import Judge


def scores_by_name(scores: Scores) -> dict[str, Score]:
    """Every score of a result by scorer name, built-in and team-registered alike."""
    return {name: value for name, value in scores.items()}


def _run_case(case: SuiteCase, suite: Suite, drafter: Drafter | None) -> CaseResult:
    retrieval_checked = case.message is not None and case.text is None
    fields: dict[str, object] = {
        "id": case.id,
        "message": case.message,
        "channel": case.channel,
        "expected_scenario": case.scenario,
        "retrieval_checked": retrieval_checked,
        "retrieval_correct": None,
        "scores": None,
    }
    if case.text is not None:
        text, scenario = case.text, case.scenario
    else:
        if drafter is None:
            raise ValueError("a drafter is needed for cases without a text")
        try:
            if case.template is not None:
                draft = drafter.suggest(
                    template=case.template, channel=case.channel, customer=case.customer
                )
            else:
                draft = drafter.suggest(
                    case.message or "", channel=case.channel, customer=case.customer
                )
        except ValueError as exc:
            return CaseResult.model_validate(
                {**fields, "scenario": None, "text": "", "error": str(exc)}
            )
        text, scenario = draft.text, draft.scenario
        fields.update(
            personalized_by=draft.personalized_by,
            fallback_reason=draft.fallback_reason,
            needs_human=draft.needs_human,
        )
    fields.update(text=text, scenario=scenario)
    if retrieval_checked:
        fields["retrieval_correct"] = scenario == case.scenario
    if scenario is not None or case.text is not None:
        # An abstention has no reply to score: it is judged only on whether it was right.
        scores = score(text, channel=case.channel, scenario=scenario)
        by_name = scores_by_name(scores)
        fields["scores"] = scores
        fields["failed"] = [n for n in suite.scorers if n in by_name and not by_name[n].passed]
    return CaseResult.model_validate(fields)


def summarise(suite: Suite, cases: list[CaseResult]) -> EvalSummary:
    by_scorer: dict[str, ScorerSummary] = {}
    failed_thresholds: list[str] = []
    for name, config in suite.scorers.items():
        values = [
            scores_by_name(c.scores)[name]
            for c in cases
            if c.scores is not None and name in scores_by_name(c.scores)
        ]
        passed = sum(1 for v in values if v.passed)
        rate = passed / len(values) if values else 1.0
        ok = rate >= config.threshold
        by_scorer[name] = ScorerSummary(
            scored=len(values),
            passed=passed,
            pass_rate=rate,
            mean_value=sum(v.value for v in values) / len(values) if values else 1.0,
            threshold=config.threshold,
            weight=config.weight,
            ok=ok,
        )
        if not ok:
            failed_thresholds.append(f"{name}: pass rate {rate:.1%} < {config.threshold:.0%}")
    total_weight = sum(s.weight for s in by_scorer.values()) or 1.0
    overall = sum(s.pass_rate * s.weight for s in by_scorer.values()) / total_weight

    checked = [c for c in cases if c.retrieval_correct is not None]
    retrieval = sum(1 for c in checked if c.retrieval_correct) / len(checked) if checked else None
    if (
        retrieval is not None
        and suite.retrieval_threshold is not None
        and retrieval < suite.retrieval_threshold
    ):
        failed_thresholds.append(
            f"retrieval: accuracy {retrieval:.1%} < {suite.retrieval_threshold:.0%}"
        )
    groups: dict[str, list[CaseResult]] = defaultdict(list)
    for case in cases:
        groups[case.expected_scenario or case.scenario or "(none)"].append(case)
    by_scenario = {}
    for key in sorted(groups):
        group = groups[key]
        group_checked = [c for c in group if c.retrieval_correct is not None]
        by_scenario[key] = ScenarioSummary(
            cases=len(group),
            passed=sum(1 for c in group if c.passed),
            retrieval_accuracy=(
                sum(1 for c in group_checked if c.retrieval_correct) / len(group_checked)
                if group_checked
                else None
            ),
        )
    errors = sum(1 for c in cases if c.error is not None)
    if errors:
        failed_thresholds.append(f"errors: {errors} case(s) could not be drafted")
    from drafter.judge import summarise_judgements

    judge_mean, judge_flip_rate = summarise_judgements([c.judge for c in cases if c.judge])
    verdicts = [c.judge.passed for c in cases if c.judge and c.judge.passed is not None]
    judge_pass_rate = sum(verdicts) / len(verdicts) if verdicts else None
    if (
        judge_pass_rate is not None
        and suite.judge_threshold is not None
        and judge_pass_rate < suite.judge_threshold
    ):
        failed_thresholds.append(
            f"judge: pass rate {judge_pass_rate:.1%} < {suite.judge_threshold:.0%}"
        )
    return EvalSummary(
        cases=len(cases),
        errors=errors,
        passed_cases=sum(1 for c in cases if c.passed),
        overall=overall,
        retrieval_accuracy=retrieval,
        by_scorer=by_scorer,
        by_scenario=by_scenario,
        failed_thresholds=failed_thresholds,
        judge_mean=judge_mean,
        judge_flip_rate=judge_flip_rate,
        judge_cases=len(verdicts),
        judge_pass_rate=judge_pass_rate,
        judge_threshold=suite.judge_threshold,
    )


def run_suite(
    suite: Suite,
    drafter: Drafter | None = None,
    on_case: Callable[[CaseResult], None] | None = None,
    judge: Judge | BaseChatModel | None = None,
) -> EvalResult:
    """Run every case; a drafter is created only when some case needs drafting.

    ``judge`` (a ``Judge``, or a chat model judged with the default repeats) adds the
    optional LLM rubric verdicts to every scored case. It never changes a case's scorer
    verdicts; it fails the run only when the suite sets ``judge_threshold``.
    """
    if judge is not None:
        from drafter.judge import Judge

        judge = judge if isinstance(judge, Judge) else Judge(judge)
    if drafter is None and any(c.text is None for c in suite.cases):
        from drafter.drafting import Drafter

        drafter = Drafter()
    results: list[CaseResult] = []
    for case in suite.cases:
        result = _run_case(case, suite, drafter)
        if judge is not None and result.scores is not None:
            verdicts = judge.judge(
                result.text, message=case.message, channel=case.channel, scenario=result.scenario
            )
            result = result.model_copy(update={"judge": verdicts})
        results.append(result)
        if on_case is not None:
            on_case(result)
    personalizer = "none"
    if drafter is not None:
        personalizer = "llm" if any(c.personalized_by == "llm" for c in results) else "rules"
    return EvalResult(
        suite=suite.name,
        created_at=datetime.now(UTC),
        drafter_version=__version__,
        personalizer=personalizer,
        summary=summarise(suite, results),
        cases=results,
    )
