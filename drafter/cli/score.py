"""``drafter score FILE.jsonl [--json]``: score drafts given as JSON lines.

One result line per input line, in order, so the output can be pasted next to the input or
piped into ``jq``. A bad line (not JSON, no ``text``, unknown channel) gets an error line and
scoring goes on; the exit code is 1 when any line failed, so CI notices.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel, ConfigDict, ValidationError

SHORT_NAMES = {
    "empathy": "emp",
    "concrete_timing": "time",
    "over_questioning": "ask",
    "structure": "struct",
    "safety": "safe",
    "length": "len",
}


class DraftLine(BaseModel):
    """One input line; extra keys (labels, notes) are allowed and ignored."""

    model_config = ConfigDict(extra="ignore")

    text: str
    channel: str | None = None
    scenario: str | None = None
    id: str | int | None = None


def score_file(
    path: Annotated[
        Path, typer.Argument(help="JSON lines with text, optional channel, scenario, id.")
    ],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per line.")
    ] = False,
) -> None:
    """Score each draft of a JSONL file; one result line each."""
    from drafter.scoring import score

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        typer.echo(f"cannot read {path}: {exc}", err=True)
        raise typer.Exit(2) from None
    failed = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            item = DraftLine.model_validate_json(raw)
            result = score(item.text, channel=item.channel, scenario=item.scenario)
        except (ValidationError, ValueError) as exc:
            failed += 1
            _emit_error(number, raw, exc, json_out)
            continue
        ident = item.id if item.id is not None else f"line {number}"
        if json_out:
            payload: dict[str, Any] = {"line": number, "id": item.id}
            payload.update(result.model_dump(mode="json"))
            typer.echo(json.dumps(payload, ensure_ascii=False))
        else:
            marks = " ".join(
                f"{SHORT_NAMES.get(name, name)}:{'ok' if s.passed else 'FAIL'}"
                for name, s in result.items()
            )
            typer.echo(f"{ident}\t{result.overall:.2f}\t{marks}")
    if failed:
        typer.echo(f"{failed} line(s) could not be scored", err=True)
        raise typer.Exit(1)


def _emit_error(number: int, raw: str, exc: Exception, json_out: bool) -> None:
    if isinstance(exc, ValidationError):
        message = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'line'}: {err['msg']}"
            for err in exc.errors()
        )
    else:
        message = str(exc)
    ident: Any = None
    try:
        data = json.loads(raw)
        ident = data.get("id") if isinstance(data, dict) else None
    except json.JSONDecodeError:
        pass
    if json_out:
        typer.echo(json.dumps({"line": number, "id": ident, "error": message}, ensure_ascii=False))
    else:
        typer.echo(f"{ident if ident is not None else f'line {number}'}\tERROR\t{message}")
