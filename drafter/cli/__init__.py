"""The ``drafter`` command: wiring only; each command group lives in its own module."""

from __future__ import annotations

import typer

from drafter.cli import playbooks

app = typer.Typer(
    name="drafter",
    help="Draft customer-support replies from recovery playbooks and canned replies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(playbooks.app, name="playbooks")


def main() -> None:
    app()
