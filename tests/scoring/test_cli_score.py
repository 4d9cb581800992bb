import json
from pathlib import Path

from typer.testing import CliRunner

from drafter.cli import app

runner = CliRunner()


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "drafts.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_json_lines_one_result_per_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps(
                {
                    "id": "a",
                    "text": "Sorry! I'll reply within 20 minutes.",
                    "channel": "whatsapp",
                    "scenario": "late_delivery",
                }
            ),
            json.dumps({"text": "Please send your CVV."}),
        ],
    )
    result = runner.invoke(app, ["score", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", None]
    assert rows[0]["concrete_timing"]["passed"] is True
    assert rows[1]["safety"]["passed"] is False


def test_bad_lines_get_an_error_and_exit_code_1(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            "{not json",
            json.dumps({"id": "x", "text": "hi", "channel": "fax"}),
            json.dumps({"id": "y"}),
            json.dumps({"id": "ok", "text": "Sorry about that! I'll call you today at 15:00."}),
        ],
    )
    result = runner.invoke(app, ["score", str(path), "--json"])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r.get("error") is not None for r in rows] == [True, True, True, False]
    assert "channel" in rows[1]["error"]
    assert "text" in rows[2]["error"]
    assert rows[3]["id"] == "ok"


def test_human_output_is_one_compact_line_per_draft(tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps({"id": "a", "text": "Please send your PIN."})])
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert line.startswith("a\t")
    assert "safe:FAIL" in line
