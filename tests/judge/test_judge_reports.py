"""The judge's verdicts in every report: HTML, JUnit, baseline comparison and the CLI table."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

from fakes.chat_models import ScriptedChatModel as CountingChatModel
from fakes.chat_models import verdict
from typer.testing import CliRunner

from drafter.cli import app
from drafter.evaluation import EvalResult, compare, load_suite, run_suite, write_junit
from drafter.evaluation.html_report import render_html
from drafter.judge import Judge
from drafter.judge.rubric_judge import model_id

GOOD = (
    "I can see your parcel still hasn't arrived and I understand how frustrating that is. "
    "I'm sorry for the delay. Could you send me your order number? "
    "I'll check with the courier and reply within 20 minutes. "
    "I'll stay on this until it's with you."
)
VAGUE = "We apologize for any inconvenience. We will get back to you soon."
HOSTILE = "<script>alert('x')</script>"


def _suite_file(tmp_path: Path, judge_threshold: float | None = None, vague: str = VAGUE) -> Path:
    cases = [
        {"id": "good", "text": GOOD, "scenario": "late_delivery", "channel": "whatsapp"},
        {"id": "vague", "text": vague, "scenario": "late_delivery", "channel": "email"},
    ]
    suite: dict[str, Any] = {"name": "nightly", "retrieval_threshold": None, "cases": cases}
    if judge_threshold is not None:
        suite["judge_threshold"] = judge_threshold
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "suite.yaml"
    path.write_text(json.dumps(suite), encoding="utf-8")  # JSON is YAML
    return path


def _judged(
    tmp_path: Path, replies: list[str], repeats: int = 2, **suite_kw: Any
) -> tuple[EvalResult, CountingChatModel]:
    chat = CountingChatModel(replies=replies)
    judge = Judge(chat, repeats=repeats, cache_dir=tmp_path / "judge")
    return run_suite(load_suite(_suite_file(tmp_path, **suite_kw)), judge=judge), chat


# Repeats 1-3 judge the good draft, 4-6 the vague one: the judge disagrees with the scorers on
# both (fails the draft the scorers pass, passes the one they fail) and flips on the vague one.
DISAGREEING = [
    *[verdict(2, False, "Asks for the order number twice.")] * 3,
    verdict(4, True, "Short but fine."),
    verdict(2, False, "No time given."),
    verdict(4, True, "Short but fine."),
]


def test_html_has_a_judge_section_only_when_judged(tmp_path: Path) -> None:
    plain = run_suite(load_suite(_suite_file(tmp_path)))
    assert "judge" not in render_html(plain).lower()

    result, _ = _judged(tmp_path, DISAGREEING, repeats=3)
    html = render_html(result)
    assert "<h2>LLM judge</h2>" in html
    assert "A flip is a draft whose pass/fail verdict" in html
    assert html.count("<svg") == render_html(plain).count("<svg") + 1
    section = html.split("<h2>LLM judge</h2>")[1]
    fails_pass = section.split("Scorers pass, judge fails (1)")[1].split("Scorers fail")[0]
    assert "<b>good</b>" in fails_pass and "Asks for the order number twice." in fails_pass
    passes_fail = section.split("Scorers fail, judge passes (1)")[1].split("flipped (1)")[0]
    assert "Short but fine." in passes_fail
    assert "<b>vague</b>" in passes_fail and "scorers fail: " in passes_fail
    assert "vague: pass 4, fail 2, pass 4" in section  # the flipped verdicts, in order
    # The failing case also shows the judge's verdict next to the scorers' explanations.
    failing = html.split("Failing cases (1)")[1]
    assert "LLM judge:" in failing and "pass, mean 3.3/5 (2 of 3 repeats pass, flipped)" in failing
    assert f"{result.summary.judge_mean:.3f}" in section


def test_html_escapes_customer_and_judge_text(tmp_path: Path) -> None:
    hostile_verdict = json.dumps(
        {"score": 1, "passed": False, "reason": f"Quotes {HOSTILE}", "problems": ["<img src=x>"]}
    )
    result, _ = _judged(tmp_path, [hostile_verdict], repeats=1, vague=f"Sorry. {HOSTILE}")
    html = render_html(result)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x&gt;" in html


def test_junit_carries_judge_properties_and_flips(tmp_path: Path) -> None:
    result, chat = _judged(tmp_path, DISAGREEING, repeats=3)
    path = tmp_path / "junit.xml"
    write_junit(result, path)
    root = ET.parse(path).getroot()
    props = {
        case.get("name"): {p.get("name"): p.get("value") for p in case.iter("property")}
        for case in root.iter("testcase")
    }
    assert props["good"]["judge.score"] == "0.250" and props["good"]["judge.flips"] == "0"
    assert props["vague"]["judge.flips"] == "1" and props["vague"]["judge.verdict"] == "pass"
    assert props["good"]["judge.model"] == model_id(chat) and "judge.model" in props["vague"]
    # Advisory judge: its fail on the good draft is no failure, and there is no judge threshold.
    assert root.find("./testcase[@name='good']/failure") is None
    assert root.find("./testcase[@name='judge']") is None
    assert root.get("failures") == "1"
    out = root.find("./testcase[@name='vague']/system-out")
    assert out is not None and "pass 4, fail 2, pass 4" in (out.text or "")
    assert root.find("./testcase[@name='good']/system-out") is None


def test_junit_fails_a_case_the_binding_judge_fails(tmp_path: Path) -> None:
    result, _ = _judged(tmp_path, DISAGREEING, repeats=3, judge_threshold=0.9)
    assert "judge: pass rate 50.0% < 90%" in result.summary.failed_thresholds
    assert not result.ok
    path = tmp_path / "junit.xml"
    write_junit(result, path)
    root = ET.parse(path).getroot()
    failure = root.find("./testcase[@name='good']/failure")
    assert failure is not None
    assert failure.get("message") == "judge: Asks for the order number twice."
    assert root.get("failures") == "2"  # the judge fails good, the scorers fail vague
    vague = root.find("./testcase[@name='vague']/failure")
    assert vague is not None and "judge" not in (vague.get("message") or "")
    threshold = root.find("./testcase[@name='judge']/failure")
    assert threshold is not None and threshold.get("message") == "pass rate 50.0% < 90%"


def test_judge_without_threshold_never_fails_the_run(tmp_path: Path) -> None:
    plain = run_suite(load_suite(_suite_file(tmp_path)))
    result, _ = _judged(tmp_path, [verdict(1, False, "Unsendable.")])
    assert result.summary.judge_pass_rate == 0.0 and result.summary.judge_cases == 2
    assert result.summary.failed_thresholds == plain.summary.failed_thresholds
    assert result.summary.judge_threshold is None


def test_junit_survives_characters_xml_cannot_hold(tmp_path: Path) -> None:
    reason = json.dumps({"score": 1, "passed": False, "reason": "bad \x1b[0m draft"})
    result, _ = _judged(tmp_path, [reason], repeats=1, judge_threshold=1.0)
    path = tmp_path / "junit.xml"
    write_junit(result, path)
    failure = ET.parse(path).getroot().find("./testcase[@name='good']/failure")
    assert failure is not None and "bad \ufffd[0m draft" in (failure.get("message") or "")


def test_baseline_compares_judge_when_both_runs_were_judged(tmp_path: Path) -> None:
    before, _ = _judged(tmp_path / "a", [verdict(5, True)])
    after, _ = _judged(tmp_path / "b", [verdict(2, False, "Too vague.")])
    comparison = compare(after, before)
    judge_changes = {c.what: c for c in comparison.regressions if "judge" in c.what}
    assert set(judge_changes) == {"judge mean", "judge on case good", "judge on case vague"}
    assert judge_changes["judge mean"].before == 1.0 and judge_changes["judge mean"].after == 0.25
    assert str(judge_changes["judge on case good"].after).startswith("fail, mean 2.0/5")
    assert comparison.notes == []
    back = compare(before, after)
    assert {c.what for c in back.improvements} == set(judge_changes)


def test_baseline_with_judge_on_one_side_only_reports_no_judge_change(tmp_path: Path) -> None:
    plain = run_suite(load_suite(_suite_file(tmp_path)))
    judged, _ = _judged(tmp_path, [verdict(1, False)])
    without = compare(plain, plain)
    for current, baseline, side in ((judged, plain, "this run"), (plain, judged, "the baseline")):
        comparison = compare(current, baseline)
        assert comparison.regressions == without.regressions
        assert comparison.improvements == without.improvements
        assert comparison.notes == [
            f"only {side} was judged by the LLM; judge results were not compared"
        ]


def test_baseline_does_not_count_a_flipping_verdict(tmp_path: Path) -> None:
    before, _ = _judged(tmp_path / "a", [verdict(5, True)], repeats=3)
    # pass, fail, fail on the good draft: a majority fail, but the judge flipped.
    after, _ = _judged(tmp_path / "b", [verdict(5, True), verdict(2, False), verdict(2, False)])
    comparison = compare(after, before)
    assert [c.what for c in comparison.regressions if "case" in c.what] == []
    assert comparison.notes[0].startswith("judge on case good: pass")
    assert "the judge flipped on this draft" in comparison.notes[0]


def test_baseline_judged_by_another_model_is_not_compared(tmp_path: Path) -> None:
    before, _ = _judged(tmp_path / "a", [verdict(5, True)])
    after, chat = _judged(tmp_path / "b", [verdict(1, False)])
    relabelled = before.model_copy(
        update={
            "cases": [
                c.model_copy(update={"judge": c.judge.model_copy(update={"model": "other"})})
                for c in before.cases
                if c.judge is not None
            ]
        }
    )
    comparison = compare(after, relabelled)
    assert not any("judge" in c.what for c in comparison.regressions)
    assert comparison.notes == [
        f"judged by different models (other before, {model_id(chat)} now); "
        "judge results were not compared"
    ]


def test_cli_table_has_a_judge_row_and_notes_a_one_sided_baseline(
    tmp_path: Path, stub: tuple[ModuleType, Any]
) -> None:
    module, server = stub
    # The stub pops replies while more than one is left: pass, fail, then fail forever.
    server.script(module.Reply(content=verdict(5, True)), module.Reply(content=verdict(2, False)))
    suite, plain_json = _suite_file(tmp_path, judge_threshold=0.5), tmp_path / "plain.json"
    plain = CliRunner().invoke(app, ["eval", str(suite), "--json", str(plain_json)])
    assert "judge (LLM)" not in plain.output and "flip rate" not in plain.output
    assert "judge_threshold not checked" in plain.output

    report, junit = tmp_path / "report.html", tmp_path / "junit.xml"
    args = ["eval", str(suite), "--judge-repeats", "2", "--baseline", str(plain_json)]
    judged = CliRunner().invoke(app, [*args, "--report", str(report), "--junit", str(junit)])
    row = next(line for line in judged.output.splitlines() if "judge (LLM)" in line)
    # Two drafts judged, majority fail on both (a tie fails), mean (0.625 + 0.25) / 2, one flip.
    assert "0.0%" in row and "50%" in row and "0.438" in row and "50.0%" in row
    assert "only this run was judged by the LLM" in judged.output
    assert "FAILED judge: pass rate 0.0% < 50%" in judged.output
    assert judged.exit_code == 1
    assert "<h2>LLM judge</h2>" in report.read_text(encoding="utf-8")
    assert ET.parse(junit).getroot().find("./testcase[@name='judge']/failure") is not None
