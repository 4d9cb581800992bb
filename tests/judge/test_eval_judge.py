from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fakes.chat_models import ScriptedChatModel as CountingChatModel
from fakes.chat_models import verdict
from typer.testing import CliRunner

from drafter.cli import app
from drafter.evaluation import load_result, load_suite, run_suite
from drafter.judge import Judge

GOOD = (
    "I can see your parcel still hasn't arrived and I understand how frustrating that is. "
    "I'm sorry for the delay. Could you send me your order number? "
    "I'll check with the courier and reply within 20 minutes. "
    "I'll stay on this until it's with you."
)
VAGUE = "We apologize for any inconvenience. We will get back to you soon."


def _suite_file(tmp_path: Path) -> Path:
    rows = [
        {"id": "good", "text": GOOD, "scenario": "late_delivery", "channel": "whatsapp"},
        {"id": "vague", "text": VAGUE, "scenario": "late_delivery", "channel": "email"},
    ]
    path = tmp_path / "suite.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_run_suite_adds_judge_verdicts_and_summary(tmp_path: Path) -> None:
    suite = load_suite(_suite_file(tmp_path))
    # Calls 1-2 judge the good draft (steady), calls 3-4 the vague one (flips).
    chat = CountingChatModel(
        replies=[verdict(5, True), verdict(5, True), verdict(2, False), verdict(4, True)]
    )
    plain = run_suite(suite)
    judged = run_suite(suite, judge=Judge(chat, repeats=2, cache_dir=tmp_path / "judge"))
    assert chat.calls == 4
    good, vague = judged.cases
    assert good.judge is not None and good.judge.verdicts == [True, True]
    assert vague.judge is not None and vague.judge.verdicts == [False, True]
    assert judged.summary.judge_mean == pytest.approx((1.0 + 0.5) / 2)
    assert judged.summary.judge_flip_rate == 0.5
    # The judge is a second opinion: pass/fail and the overall stay the deterministic ones.
    assert [c.failed for c in judged.cases] == [c.failed for c in plain.cases]
    assert judged.summary.overall == plain.summary.overall
    assert plain.summary.judge_mean is None and plain.cases[0].judge is None


def test_run_suite_takes_a_bare_chat_model(tmp_path: Path) -> None:
    suite = load_suite(_suite_file(tmp_path))
    chat = CountingChatModel(replies=["not json"])
    result = run_suite(suite, judge=chat)
    assert all(c.judge is not None and c.judge.mean_score is None for c in result.cases)
    assert result.summary.judge_mean is None and result.summary.judge_flip_rate is None
    assert chat.calls == 6  # the default 3 repeats, none cached because none was valid


def test_results_with_judge_round_trip(tmp_path: Path) -> None:
    suite = load_suite(_suite_file(tmp_path))
    chat = CountingChatModel(replies=[verdict(4, True)])
    result = run_suite(suite, judge=Judge(chat, repeats=1, cache_dir=tmp_path / "judge"))
    path = tmp_path / "results.json"
    path.write_text(result.model_dump_json(), encoding="utf-8")
    assert load_result(path) == result


def test_cli_without_endpoint_skips_the_judge(tmp_path: Path) -> None:
    suite, out = _suite_file(tmp_path), tmp_path / "results.json"
    plain = CliRunner().invoke(app, ["eval", str(suite)])
    judged = CliRunner().invoke(
        app, ["eval", str(suite), "--judge-repeats", "2", "--json", str(out)]
    )
    assert "LLM judge skipped: no LLM endpoint configured" in judged.output
    assert "LLM judge skipped" not in plain.output
    assert judged.exit_code == plain.exit_code
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["summary"]["judge_mean"] is None
    assert all(case["judge"] is None for case in saved["cases"])


def test_cli_judges_through_the_configured_endpoint(
    tmp_path: Path, stub: tuple[ModuleType, Any]
) -> None:
    module, server = stub
    # The stub pops replies while more than one is left: pass, fail, then fail forever.
    server.script(module.Reply(content=verdict(5, True)), module.Reply(content=verdict(2, False)))
    suite, out = _suite_file(tmp_path), tmp_path / "results.json"
    args = ["eval", str(suite), "--judge-repeats", "2"]
    result = CliRunner().invoke(app, [*args, "--json", str(out)])
    assert "judge stub-judge@http://127.0.0.1" in result.output, result.output
    assert "flip rate 50.0% over 2 drafts" in result.output
    assert len(server.requests) == 4
    assert server.requests[0]["response_format"]["json_schema"]["name"] == "judge_verdict"
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert [c["judge"]["verdicts"] for c in saved["cases"]] == [[True, False], [False, False]]
    assert saved["summary"]["judge_mean"] == pytest.approx((0.625 + 0.25) / 2)
    # Run again: every verdict comes from the cache, the endpoint is not asked.
    again = CliRunner().invoke(app, args)
    assert len(server.requests) == 4
    assert "flip rate 50.0% over 2 drafts" in again.output
