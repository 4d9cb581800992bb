"""``drafter search`` and ``drafter index``: thin wrappers over :mod:`drafter.retrieval`.

Agents call ``drafter search`` per message, so this module imports nothing heavy at load
time; the retriever brings in chromadb and the model only when the command runs.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from drafter.index import IndexReport

console = Console()
err_console = Console(stderr=True)


def _print_report(report: IndexReport, out: Console) -> None:
    if report.reason:
        out.print(f"[yellow]index rebuilt: {report.reason}[/yellow]")
    for label, ids in (
        ("added", report.added),
        ("updated", report.updated),
        ("removed", report.removed),
    ):
        for entry_id in ids:
            out.print(f"  {label:<8} {entry_id}", highlight=False)
    if not report.changed:
        out.print("  up to date", highlight=False)
    out.print(f"{report.documents} documents in collection {report.collection}", highlight=False)


def search(
    message: Annotated[str, typer.Argument(help="The customer's message ('-' reads stdin).")],
    k: Annotated[int, typer.Option("--k", min=1, help="How many scenarios to list.")] = 3,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Find the scenario a customer message is about (or abstain)."""
    from drafter.retrieval import Retriever

    text = sys.stdin.read() if message == "-" else message
    retriever = Retriever()
    result = retriever.search(text, k)
    report = retriever.last_report
    if report is not None and report.changed:
        _print_report(report, err_console)
    if json_out:
        typer.echo(result.model_dump_json(indent=2))
        return
    if result.best is None:
        console.print(f"no confident match (confidence {result.confidence:.2f})")
    else:
        console.print(f"[bold]{result.best}[/bold]  confidence {result.confidence:.2f}")
    for match in result.matches:
        console.print(
            f"  {match.score:.3f}  {match.scenario:<22} {match.entry_id}", highlight=False
        )


def index() -> None:
    """Bring the Chroma index in line with the playbooks and print what changed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from drafter.retrieval import Retriever

    retriever = Retriever()
    with Progress(
        TextColumn("embedding"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("embed", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        report = retriever.ensure_index(advance)
    _print_report(report, console)
