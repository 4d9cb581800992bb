"""``drafter suggest`` from the outside: output, stdin, batch lines, errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from drafter.cli import app

runner = CliRunner()


def test_template_draft_with_the_dim_how_line() -> None:
    result = runner.invoke(app, ["suggest", "--template", "follow_up_check", "--name", "Leo"])
    assert result.exit_code == 0, result.output
    assert "Leo" in result.stdout
    assert "scenario: follow_up_check" in result.stdout
    assert "personalized by rules" in result.stdout


def test_json_output_is_the_draft_model() -> None:
    result = runner.invoke(
        app,
        ["suggest", "-", "--template", "late_delivery_recovery", "--json", "--order", "58213"],
        input="Hol van a csomagom?",
    )
    assert result.exit_code == 0, result.output
    draft = json.loads(result.stdout)
    assert draft["schema_version"] == 1
    assert draft["language"] == "hu"
    assert "58213" in draft["text"]
    assert draft["steps"][0]["step"] == "acknowledge"


def test_bad_input_is_one_line_and_exit_2() -> None:
    for args, stdin in (
        (["suggest", "   "], None),
        (["suggest", "hi", "--channel", "fax"], None),
        (["suggest", "-"], b"\xff\xfe\x00\x01"),
        (["suggest", "--template", "nope"], None),
    ):
        result = runner.invoke(app, args, input=stdin)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
        assert "error:" in result.output


def test_batch_writes_a_line_per_input_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps(
                    {"id": "a", "template": "follow_up_check", "customer": {"first_name": "Ann"}}
                ),
                "{not json",
                json.dumps({"id": "c", "template": "follow_up_check", "channel": "fax"}),
                json.dumps(
                    {"id": "d", "message": "Hol van?", "template": "late_delivery_recovery"}
                ),
            ]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["suggest", "--file", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["line"] for line in lines] == [1, 2, 3, 4]
    assert "Ann" in lines[0]["draft"]["text"]
    assert lines[1]["error"]["type"] == "DraftingError"
    assert "channel" in lines[2]["error"]["message"] and lines[2]["id"] == "c"
    assert lines[3]["draft"]["language"] == "hu"
