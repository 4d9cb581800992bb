"""JUnit XML, so CI systems show each failing case next to the build.

When the LLM judge ran, each judged case carries its score and flip count as properties
(CI dashboards chart them) and its flipped verdicts in system-out; a judge fail is a case
failure only when the suite set a ``judge_threshold``, so an advisory judge never turns a
build red.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from drafter.evaluation import judge_findings as findings
from drafter.evaluation.results import CaseResult, EvalResult
from drafter.evaluation.runner import scores_by_name

# Characters XML 1.0 cannot carry at all; a customer message or a model answer may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _judge_properties(element: ET.Element, case: CaseResult) -> None:
    judge = case.judge
    if judge is None:
        return
    properties = ET.SubElement(element, "properties")
    values = {
        "judge.model": judge.model,
        "judge.repeats": str(judge.repeats),
        "judge.verdict": "none" if judge.passed is None else ("pass" if judge.passed else "fail"),
        "judge.flips": str(findings.flip_count(judge)),
        "judge.missing": str(len(judge.missing)),
    }
    if judge.mean_score is not None:
        values["judge.score"] = f"{judge.mean_score:.3f}"
    for name, value in values.items():
        ET.SubElement(properties, "property", name=name, value=_xml(value))


def _failure_reasons(case: CaseResult, result: EvalResult) -> list[str]:
    reasons: list[str] = []
    if case.retrieval_correct is False:
        reasons.append(f"retrieval: expected {case.expected_scenario}, got {case.scenario}")
    if case.scores is not None:
        by_name = scores_by_name(case.scores)
        for name in case.failed:
            score = by_name[name]
            evidence = " | ".join(score.evidence)
            reasons.append(f"{name}: {score.explanation} [{evidence}]")
    if case.judge is not None and findings.fails_judge_bar(case, result):
        reasons.append(f"judge: {findings.judge_explanation(case.judge)}")
    return reasons


def write_junit(result: EvalResult, path: Path) -> None:
    cases = [(case, _failure_reasons(case, result)) for case in result.cases]
    failures = sum(1 for case, reasons in cases if reasons and case.error is None)
    errors = sum(1 for case, _ in cases if case.error is not None)
    suite = ET.Element(
        "testsuite",
        name=f"drafter.{result.suite}",
        tests=str(len(result.cases)),
        failures=str(failures),
        errors=str(errors),
        timestamp=result.created_at.isoformat(),
    )
    for case, reasons in cases:
        element = ET.SubElement(
            suite,
            "testcase",
            classname=f"drafter.{case.expected_scenario or 'none'}",
            name=_xml(case.id),
        )
        _judge_properties(element, case)
        if case.error is not None:
            ET.SubElement(element, "error", message=_xml(case.error))
            continue
        if reasons:
            failure = ET.SubElement(element, "failure", message=_xml("; ".join(reasons)[:500]))
            failure.text = _xml("\n".join(reasons) + f"\n\nDraft:\n{case.text}")
        if case.judge is not None and case.judge.flipped:
            out = ET.SubElement(element, "system-out")
            out.text = _xml(
                f"judge verdict flipped across {len(case.judge.verdicts)} repeats: "
                f"{findings.verdict_sequence(case.judge)}\n"
                f"majority: {findings.describe_verdict(case.judge)}\n"
                f"reason: {findings.judge_explanation(case.judge)}"
            )
    summary = result.summary
    thresholds = [
        (name, s.ok, f"pass rate {s.pass_rate:.1%} < {s.threshold:.0%}")
        for name, s in summary.by_scorer.items()
    ]
    if summary.judge_threshold is not None and summary.judge_pass_rate is not None:
        thresholds.append(
            (
                "judge",
                summary.judge_pass_rate >= summary.judge_threshold,
                f"pass rate {summary.judge_pass_rate:.1%} < {summary.judge_threshold:.0%}",
            )
        )
    for name, ok, message in thresholds:
        element = ET.SubElement(suite, "testcase", classname="drafter.thresholds", name=name)
        if not ok:
            ET.SubElement(element, "failure", message=message)
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)
