"""``drafter playbooks check|list|show``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from drafter.playbooks import PlaybookLibrary

app = typer.Typer(help="Validate and browse the playbook library.", no_args_is_help=True)
console = Console()
err_console = Console(stderr=True)


def _library(paths: list[Path] | None, strict: bool) -> PlaybookLibrary:
    # Imported here: `drafter search` and `drafter suggest` start faster without it.
    from drafter.playbooks import PlaybookLibrary
    from drafter.settings import Settings

    if paths:
        return PlaybookLibrary.from_paths(*paths, strict=strict)
    return PlaybookLibrary.load(Settings(), strict=strict)


@app.command()
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders; default: the configured library.")
    ] = None,
) -> None:
    """Validate every playbook file; one line per problem, exit code 1 on any."""
    library = _library(paths, strict=False)
    for problem in library.problems:
        err_console.print(str(problem), markup=False, highlight=False)
    if library.problems:
        err_console.print(f"{len(library.problems)} problem(s)", style="bold red")
        raise typer.Exit(1)
    console.print(f"ok: {len(library)} entries, {len(library.scenarios())} scenarios")


@app.command("list")
def list_(json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List every entry of the library."""
    library = _library(None, strict=True)
    rows: list[dict[str, str | int | list[str]]] = [
        {
            "id": e.id,
            "kind": e.kind,
            "scenario": e.scenario,
            "title": e.title,
            "languages": sorted(e.variants),
            "examples": len(e.examples),
        }
        for e in sorted(library, key=lambda e: (e.scenario, e.id))
    ]
    if json_out:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table("id", "kind", "scenario", "title", "languages", "examples")
    for row in rows:
        table.add_row(*(",".join(v) if isinstance(v, list) else str(v) for v in row.values()))
    console.print(table)


@app.command()
def show(
    entry_id: Annotated[str, typer.Argument(help="Entry id, e.g. late_delivery_recovery.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one entry in full."""
    library = _library(None, strict=True)
    try:
        entry = library.get(entry_id)
    except KeyError as exc:
        err_console.print(str(exc.args[0]), style="red")
        raise typer.Exit(2) from None
    if json_out:
        typer.echo(entry.model_dump_json(indent=2))
        return
    import yaml

    console.print(f"[bold]{entry.id}[/bold]  ({entry.kind}, scenario {entry.scenario})")
    console.print(
        yaml.safe_dump(entry.model_dump(mode="json"), allow_unicode=True, sort_keys=False),
        markup=False,
        highlight=False,
    )
