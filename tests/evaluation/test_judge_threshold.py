"""The suite's optional judge bar and results written before the judge's summary fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.evaluation import SuiteError, compare, load_result, load_suite, run_suite
from drafter.evaluation.html_report import render_html

GOOD = (
    "I can see your parcel still hasn't arrived and I understand how frustrating that is. "
    "I'm sorry for the delay. Could you send me your order number? "
    "I'll check with the courier and reply within 20 minutes. "
    "I'll stay on this until it's with you."
)


def _suite(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "suite.yaml"
    path.write_text(
        f"name: bar\n{extra}cases:\n  - id: good\n    text: {json.dumps(GOOD)}\n"
        "    channel: whatsapp\n    scenario: late_delivery\n",
        encoding="utf-8",
    )
    return path


def test_judge_threshold_is_a_share_in_zero_to_one(tmp_path: Path) -> None:
    with pytest.raises(SuiteError, match="judge_threshold"):
        load_suite(_suite(tmp_path, "judge_threshold: 90\n"))
    assert load_suite(_suite(tmp_path, "judge_threshold: 0.9\n")).judge_threshold == 0.9
    assert load_suite(_suite(tmp_path, "")).judge_threshold is None


def test_a_judge_bar_without_a_judge_checks_nothing(tmp_path: Path) -> None:
    result = run_suite(load_suite(_suite(tmp_path, "judge_threshold: 1.0\n")))
    assert result.ok and result.summary.judge_pass_rate is None
    assert result.summary.judge_threshold == 1.0
    assert "judge" not in render_html(result).split("</h1>")[1].lower()


def test_results_written_before_the_judge_fields_still_load(tmp_path: Path) -> None:
    result = run_suite(load_suite(_suite(tmp_path, "")))
    data = json.loads(result.model_dump_json())
    for field in ("judge_cases", "judge_pass_rate", "judge_threshold"):
        del data["summary"][field]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    old = load_result(path)
    assert old.summary.judge_cases == 0 and old.summary.judge_pass_rate is None
    comparison = compare(result, old)
    assert comparison.regressions == comparison.improvements == comparison.notes == []
