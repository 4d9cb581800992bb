from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.evaluation import SuiteError, compare, load_suite, run_suite

GOOD = (
    "I can see your parcel still hasn't arrived and I understand how frustrating that is. "
    "I'm sorry for the delay. Could you send me your order number? "
    "I'll check with the courier and reply within 20 minutes. "
    "I'll stay on this until it's with you."
)
CARD_REQUEST = (
    "Sorry for the trouble with the charge. Please send your full card number and the CVV "
    "so I can check it. I'll reply today by 17:00 and stay on it until it's fixed."
)


# A passing draft and one that asks for card data: the smallest suite that must fail.
GOOD_AND_CARD_REQUEST: list[dict[str, object]] = [
    {"id": "good", "text": GOOD, "channel": "whatsapp", "scenario": "late_delivery"},
    {"id": "card", "text": CARD_REQUEST, "channel": "whatsapp", "scenario": "unexpected_charge"},
]


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_jsonl_errors_name_the_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": GOOD, "channel": "whatsapp"})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "c", "text": GOOD, "scenario": "late_delivry"})
        + "\n"
        + json.dumps({"id": "d"})
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(SuiteError) as info:
        load_suite(path)
    lines = str(info.value).splitlines()
    assert lines[0].startswith(f"{path}:2: not JSON")
    assert lines[1].startswith(f"{path}:3: ") and "late_delivry" in lines[1]
    assert lines[2].startswith(f"{path}:4: ") and "needs a message" in lines[2]


def test_yaml_suite_rejects_unknown_fields(tmp_path: Path) -> None:
    path = tmp_path / "suite.yaml"
    path.write_text("name: x\nscorers:\n  empathy: {threshold: 0.9, wieght: 2}\ncases: []\n")
    with pytest.raises(SuiteError, match=r"scorers\.empathy\.wieght"):
        load_suite(path)


def test_duplicate_case_ids_are_rejected(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "dup.jsonl", [{"id": "a", "text": GOOD}, {"id": "a", "text": GOOD}])
    with pytest.raises(SuiteError, match="duplicate case ids"):
        load_suite(path)


def test_scoring_given_drafts_summarises_and_fails_thresholds(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "given.jsonl", GOOD_AND_CARD_REQUEST)
    result = run_suite(load_suite(path))
    by_id = {c.id: c for c in result.cases}
    assert by_id["good"].passed, by_id["good"].failed
    assert "safety" in by_id["card"].failed
    assert result.summary.by_scorer["safety"].pass_rate == 0.5
    assert any(t.startswith("safety") for t in result.summary.failed_thresholds)
    assert not result.ok
    # Scoring given drafts never touches retrieval.
    assert result.summary.retrieval_accuracy is None


def test_baseline_comparison_lists_regressions(tmp_path: Path) -> None:
    before = run_suite(
        load_suite(
            _jsonl(
                tmp_path / "a.jsonl",
                [
                    {"id": "x", "text": GOOD, "channel": "whatsapp", "scenario": "late_delivery"},
                ],
            )
        )
    )
    after = run_suite(
        load_suite(
            _jsonl(
                tmp_path / "b.jsonl",
                [
                    {
                        "id": "x",
                        "text": CARD_REQUEST,
                        "channel": "whatsapp",
                        "scenario": "late_delivery",
                    },
                ],
            )
        )
    )
    comparison = compare(after, before)
    whats = [c.what for c in comparison.regressions]
    assert "case x" in whats and "safety pass rate" in whats
    assert comparison.improvements == []
    assert [c.what for c in compare(before, after).improvements][-1] == "case x"


def test_cli_writes_json_junit_html_and_sets_exit_code(tmp_path: Path) -> None:
    suite = _jsonl(tmp_path / "given.jsonl", GOOD_AND_CARD_REQUEST)
    out = tmp_path / "results.json"
    junit = tmp_path / "junit.xml"
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            str(suite),
            "--json",
            str(out),
            "--junit",
            str(junit),
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text())
    assert data["schema_version"] == 1 and len(data["cases"]) == 2
    tree = ET.parse(junit).getroot()
    assert tree.get("tests") == "2" and tree.get("failures") == "1"
    failure = tree.find("./testcase[@name='card']/failure")
    assert failure is not None and "safety" in (failure.get("message") or "")
    html = report.read_text()
    assert "card" in html and "<svg" in html
    assert "full card number" in html  # the evidence sentence is shown
    assert "src=" not in html and "href=" not in html  # self-contained

    again = CliRunner().invoke(app, ["eval", str(suite), "--baseline", str(out)])
    assert "0 regressions" in again.output


def test_cli_fail_under_on_passing_suite(tmp_path: Path) -> None:
    suite = _jsonl(
        tmp_path / "good.jsonl",
        [
            {"id": "good", "text": GOOD, "channel": "whatsapp", "scenario": "late_delivery"},
        ],
    )
    assert CliRunner().invoke(app, ["eval", str(suite)]).exit_code == 0
    low = CliRunner().invoke(app, ["eval", str(suite), "--fail-under", "1.01"])
    assert low.exit_code == 1 and "fail-under" in low.output


def test_bad_baseline_version_is_a_clear_error(tmp_path: Path) -> None:
    suite = _jsonl(tmp_path / "good.jsonl", [{"id": "good", "text": GOOD}])
    baseline = tmp_path / "old.json"
    baseline.write_text(json.dumps({"schema_version": 0}))
    result = CliRunner().invoke(app, ["eval", str(suite), "--baseline", str(baseline)])
    assert result.exit_code == 2 and "schema_version" in result.output


def test_drafting_suite_checks_retrieval_and_abstention(tmp_path: Path) -> None:
    suite = _jsonl(
        tmp_path / "drafted.jsonl",
        [
            {
                "id": "late",
                "message": "My parcel is a week late and tracking hasn't moved",
                "scenario": "late_delivery",
                "channel": "whatsapp",
            },
            {"id": "poem", "message": "write me a poem about the sea", "scenario": None},
        ],
    )
    result = run_suite(load_suite(suite))
    by_id = {c.id: c for c in result.cases}
    assert by_id["late"].retrieval_correct is True and by_id["late"].scores is not None
    assert by_id["poem"].scenario is None and by_id["poem"].retrieval_correct is True
    assert result.personalizer == "rules"
