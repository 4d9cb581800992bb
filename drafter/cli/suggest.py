"""``drafter suggest``: a reply draft for one message, an agent-initiated template, or a batch.

The command is what an agent runs between two conversations, so it imports the drafting
package only when it runs and prints the draft first; every input problem becomes one red
line and exit code 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from drafter.drafting import Draft, Drafter

console = Console()
err_console = Console(stderr=True)


def suggest(
    message: Annotated[
        str | None, typer.Argument(help="The customer's message ('-' reads stdin).")
    ] = None,
    channel: Annotated[
        str,
        typer.Option(
            "--channel", "-c", help="whatsapp, instagram, telegram, messenger, webchat or email."
        ),
    ] = "webchat",
    name: Annotated[str | None, typer.Option("--name", help="Customer's first name.")] = None,
    order: Annotated[str | None, typer.Option("--order", help="Order number.")] = None,
    template: Annotated[
        str | None,
        typer.Option("--template", "-t", help="Agent-initiated reply by id, e.g. follow_up_check."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the draft as JSON.")] = False,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Batch input: one JSON object per line.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Batch output (default: stdout).")
    ] = None,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=64)] = 4,
) -> None:
    """Draft a reply to a customer's message (or a template, or a JSONL batch)."""
    from drafter.drafting import Drafter, DraftingError

    try:
        drafter = Drafter()
        if file is not None:
            _batch(drafter, file, out, channel, concurrency)
            return
        text = _read_message(message)
        customer = {k: v for k, v in (("first_name", name), ("order_id", order)) if v}
        draft = drafter.suggest(text, channel=channel, customer=customer, template=template)
    except (DraftingError, OSError) as exc:
        err_console.print(f"error: {exc}", style="bold red", markup=False, highlight=False)
        raise typer.Exit(2) from None
    if json_out:
        typer.echo(draft.model_dump_json())
        return
    _show(draft)


def _read_message(message: str | None) -> bytes | str | None:
    if message == "-":
        return sys.stdin.buffer.read()
    return message


def _show(draft: Draft) -> None:
    console.print(draft.text, markup=False, highlight=False, soft_wrap=True)
    console.print()
    scenario = draft.scenario or "none (abstained)"
    console.print(
        f"scenario: {scenario}  entry: {draft.entry_id or '-'}  confidence: "
        f"{draft.confidence:.2f}  language: {draft.language}  channel: {draft.channel}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    if draft.needs_human:
        for reason in draft.human_reasons:
            console.print(f"needs a human: {reason}", style="bold yellow", markup=False)
    for warning in draft.warnings:
        console.print(f"warning: {warning}", style="yellow", markup=False)
    how = (
        "personalized by the LLM"
        if draft.personalized_by == "llm"
        else f"personalized by rules: {draft.fallback_reason or 'offline'}"
    )
    console.print(how, style="dim", markup=False)


def _batch(drafter: Drafter, path: Path, out: Path | None, channel: str, concurrency: int) -> None:
    """Draft every line of ``path``; a bad line becomes an error object, not a stopped run."""
    from rich.progress import Progress

    from drafter.drafting import DraftingError

    lines = path.read_bytes().splitlines()
    items: list[Any] = []
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8"))
            if not isinstance(item, dict):
                raise ValueError("expected a JSON object")
        except (ValueError, UnicodeDecodeError) as exc:
            item = DraftingError(f"line {number}: not a JSON object ({exc})")
        items.append((number, item))

    good = [(n, i) for n, i in items if isinstance(i, dict)]
    requests = [{k: v for k, v in i.items() if k != "id"} for _, i in good]
    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("drafting", total=len(requests))
        results = drafter.suggest_many(
            requests,
            concurrency=concurrency,
            channel=channel,
            return_exceptions=True,
            progress=lambda done: progress.update(task, completed=done),
        )
    by_line: dict[int, Any] = {n: r for (n, _), r in zip(good, results, strict=True)}
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    failures = 0
    try:
        for number, item in items:
            result = by_line.get(number, item)
            record: dict[str, Any] = {"line": number}
            if isinstance(item, dict) and "id" in item:
                record["id"] = item["id"]
            if isinstance(result, Exception):
                failures += 1
                record["error"] = {"type": type(result).__name__, "message": str(result)}
            else:
                record["draft"] = result.model_dump(mode="json")
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out:
            sink.close()
    err_console.print(
        f"{len(items) - failures} drafted, {failures} error(s)" + (f" -> {out}" if out else ""),
        highlight=False,
    )
