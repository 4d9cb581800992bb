"""``drafter eval SUITE``: run a suite, print the summary, write reports, set the exit code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

if TYPE_CHECKING:
    from drafter.evaluation import EvalResult
    from drafter.judge import Judge

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
    judge_repeats: Annotated[
        int,
        typer.Option(
            min=0,
            max=20,
            help="Also ask the configured LLM to judge each draft this many times (0 = off).",
        ),
    ] = 0,
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

    judge = _judge(judge_repeats)
    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task(f"eval {suite.name}", total=len(suite.cases))
        result = run_suite(suite, on_case=lambda _case: progress.advance(task), judge=judge)

    summary = result.summary
    judged = any(case.judge is not None for case in result.cases)
    columns = ["scorer", "scored", "pass rate", "threshold", "mean"]
    table = Table(*columns, *(["flip rate"] if judged else []), title="By scorer")
    for name, s in summary.by_scorer.items():
        style = "green" if s.ok else "red"
        table.add_row(
            name,
            str(s.scored),
            f"[{style}]{s.pass_rate:.1%}[/{style}]",
            f"{s.threshold:.0%}",
            f"{s.mean_value:.3f}",
            *([""] if judged else []),
        )
    if judged:
        table.add_row(*_judge_row(result))
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
    if judge is not None:
        _print_judge(result, judge_repeats)
    elif suite.judge_threshold is not None:
        err_console.print(
            "judge_threshold not checked: the LLM judge did not run (--judge-repeats N and an "
            "LLM endpoint turn it on)",
            style="dim",
            markup=False,
            soft_wrap=True,
        )

    comparison = compare(result, previous) if previous is not None else None
    if comparison is not None:
        for title, changes, style in (
            ("regressions", comparison.regressions, "red"),
            ("improvements", comparison.improvements, "green"),
        ):
            console.print(f"[{style}]{len(changes)} {title}[/{style}]")
            for change in changes:
                console.print(f"  {change.what}: {' -> '.join(change.shown())}", markup=False)
        for note in comparison.notes:
            console.print(f"note: {note}", style="dim", markup=False, soft_wrap=True)
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


# --- optional LLM judge (drafter.judge) ---------------------------------------------------


def _judge(repeats: int) -> Judge | None:
    """The judge on the configured endpoint, or None (with one dim line) when there is none."""
    if repeats <= 0:
        return None
    from drafter.judge import Judge
    from drafter.llm import ModelRequestBlocked
    from drafter.settings import Settings

    try:
        judge = Judge.from_settings(Settings(), repeats=repeats)
    except (ModelRequestBlocked, ImportError) as exc:
        err_console.print(f"LLM judge skipped: {exc}", style="dim", markup=False, soft_wrap=True)
        return None
    if judge is None:
        err_console.print(
            "LLM judge skipped: no LLM endpoint configured (DRAFTER_LLM_BASE_URL or "
            "DRAFTER_LLM_MODEL)",
            style="dim",
            markup=False,
            soft_wrap=True,
        )
    return judge


def _judge_row(result: EvalResult) -> list[str]:
    """The judge as one more table row; it has no threshold unless the suite sets one."""
    summary = result.summary
    rate = "-"
    if summary.judge_pass_rate is not None:
        threshold = summary.judge_threshold
        style = "green" if threshold is None or summary.judge_pass_rate >= threshold else "red"
        rate = f"[{style}]{summary.judge_pass_rate:.1%}[/{style}]"
    return [
        "judge (LLM)",
        str(summary.judge_cases),
        rate,
        "advisory" if summary.judge_threshold is None else f"{summary.judge_threshold:.0%}",
        "-" if summary.judge_mean is None else f"{summary.judge_mean:.3f}",
        "-" if summary.judge_flip_rate is None else f"{summary.judge_flip_rate:.1%}",
    ]


def _print_judge(result: EvalResult, repeats: int) -> None:
    summary = result.summary
    judged = [c.judge for c in result.cases if c.judge is not None]
    missing = sum(len(j.missing) for j in judged)
    model = judged[0].model if judged else "?"
    mean = "-" if summary.judge_mean is None else f"{summary.judge_mean:.3f}"
    flips = "-" if summary.judge_flip_rate is None else f"{summary.judge_flip_rate:.1%}"
    line = f"judge {model} x{repeats}: mean {mean}, flip rate {flips} over {len(judged)} drafts"
    if missing:
        first = next(m for j in judged for m in j.missing)
        line += f", {missing} missing judgement(s) (first: {first})"
    console.print(line, markup=False, soft_wrap=True)
