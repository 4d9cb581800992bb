"""``drafter eval SUITE``: run a suite, print the summary, write reports, set the exit code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

console = Console()
err_console = Console(stderr=True)


def eval_command(
    suite_path: Annotated[Path, typer.Argument(metavar="SUITE", help="Suite YAML or JSONL.")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Write results JSON.")] = None,
    junit: Annotated[Path | None, typer.Option(help="Write JUnit XML.")] = None,
    report: Annotated[Path | None, typer.Option(help="Write a self-contained HTML report.")] = None,
    baseline: Annotated[
        Path | None, typer.Option(help="Previous results JSON to compare with.")
    ] = None,
    fail_under: Annotated[
        float | None, typer.Option(help="Exit 1 when the overall score is below this.")
    ] = None,
) -> None:
    """Run an eval suite over drafts and score them; exit 1 when a threshold fails."""
    from drafter.evaluation import (
        SuiteError,
        compare,
        load_result,
        load_suite,
        run_suite,
        write_html,
        write_junit,
    )

    try:
        suite = load_suite(suite_path)
        previous = load_result(baseline) if baseline is not None else None
    except (SuiteError, ValueError) as exc:
        err_console.print(str(exc), markup=False)
        raise typer.Exit(2) from None

    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task(f"eval {suite.name}", total=len(suite.cases))
        result = run_suite(suite, on_case=lambda _case: progress.advance(task))

    summary = result.summary
    table = Table("scorer", "scored", "pass rate", "threshold", "mean", title="By scorer")
    for name, s in summary.by_scorer.items():
        style = "green" if s.ok else "red"
        table.add_row(
            name,
            str(s.scored),
            f"[{style}]{s.pass_rate:.1%}[/{style}]",
            f"{s.threshold:.0%}",
            f"{s.mean_value:.3f}",
        )
    console.print(table)
    by_scenario = Table("scenario", "cases", "passed", "retrieval", title="By scenario")
    for name, group in summary.by_scenario.items():
        accuracy = "-" if group.retrieval_accuracy is None else f"{group.retrieval_accuracy:.0%}"
        by_scenario.add_row(name, str(group.cases), str(group.passed), accuracy)
    console.print(by_scenario)
    retrieval = (
        ""
        if summary.retrieval_accuracy is None
        else f", retrieval accuracy {summary.retrieval_accuracy:.1%}"
    )
    console.print(
        f"overall {summary.overall:.3f}, {summary.passed_cases}/{summary.cases} "
        f"cases passed{retrieval}, personalizer: {result.personalizer}"
    )

    comparison = compare(result, previous) if previous is not None else None
    if comparison is not None:
        for title, changes, style in (
            ("regressions", comparison.regressions, "red"),
            ("improvements", comparison.improvements, "green"),
        ):
            console.print(f"[{style}]{len(changes)} {title}[/{style}]")
            for change in changes:
                console.print(f"  {change.what}: {change.before} -> {change.after}", markup=False)
    if json_out is not None:
        json_out.write_text(result.model_dump_json(indent=2), encoding="utf-8")
    if junit is not None:
        write_junit(result, junit)
    if report is not None:
        write_html(result, report, comparison)

    failed = list(summary.failed_thresholds)
    if fail_under is not None and summary.overall < fail_under:
        failed.append(f"overall {summary.overall:.3f} < --fail-under {fail_under}")
    for line in failed:
        err_console.print(f"FAILED {line}", style="red", markup=False)
    if failed:
        raise typer.Exit(1)
