"""JUnit XML, so CI systems show each failing case next to the build."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from drafter.evaluation.results import EvalResult
from drafter.evaluation.runner import scores_by_name


def write_junit(result: EvalResult, path: Path) -> None:
    failures = sum(1 for c in result.cases if not c.passed and c.error is None)
    errors = sum(1 for c in result.cases if c.error is not None)
    suite = ET.Element(
        "testsuite",
        name=f"drafter.{result.suite}",
        tests=str(len(result.cases)),
        failures=str(failures),
        errors=str(errors),
        timestamp=result.created_at.isoformat(),
    )
    for case in result.cases:
        element = ET.SubElement(
            suite,
            "testcase",
            classname=f"drafter.{case.expected_scenario or 'none'}",
            name=case.id,
        )
        if case.error is not None:
            ET.SubElement(element, "error", message=case.error)
            continue
        reasons: list[str] = []
        if case.retrieval_correct is False:
            reasons.append(f"retrieval: expected {case.expected_scenario}, got {case.scenario}")
        if case.scores is not None:
            by_name = scores_by_name(case.scores)
            for name in case.failed:
                score = by_name[name]
                evidence = " | ".join(score.evidence)
                reasons.append(f"{name}: {score.explanation} [{evidence}]")
        if reasons:
            failure = ET.SubElement(element, "failure", message="; ".join(reasons)[:500])
            failure.text = "\n".join(reasons) + f"\n\nDraft:\n{case.text}"
    for name, summary in result.summary.by_scorer.items():
        element = ET.SubElement(suite, "testcase", classname="drafter.thresholds", name=name)
        if not summary.ok:
            ET.SubElement(
                element,
                "failure",
                message=f"pass rate {summary.pass_rate:.1%} < {summary.threshold:.0%}",
            )
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)
