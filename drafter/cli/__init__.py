"""The ``drafter`` command: wiring only; each command group lives in its own module."""

from __future__ import annotations

import typer

from drafter.cli import evaluate, playbooks
from drafter.cli import score as score_cli
from drafter.cli import search as search_cli
from drafter.cli import suggest as suggest_cli

app = typer.Typer(
    name="drafter",
    help="Draft customer-support replies from recovery playbooks and canned replies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(playbooks.app, name="playbooks")
app.command("score")(score_cli.score_file)
app.command("search")(search_cli.search)
app.command("index")(search_cli.index)
app.command("eval")(evaluate.eval_command)
app.command("suggest")(suggest_cli.suggest)


def main() -> None:
    app()
