"""One self-contained HTML file: charts as inline SVG, no scripts or network fetches.

Quality teams attach it to tickets and open it offline, so nothing may load from a CDN.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from drafter.evaluation import judge_findings as findings
from drafter.evaluation.baseline import Comparison
from drafter.evaluation.results import CaseResult, EvalResult
from drafter.evaluation.runner import scores_by_name

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:72rem}
h1{margin-bottom:.2rem} .muted{color:#666} table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
.ok{color:#17663a;font-weight:600} .bad{color:#b3261e;font-weight:600}
.case{border:1px solid #e3c0bc;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}
"""


def _bar_chart(title: str, rows: list[tuple[str, float, float | None]]) -> str:
    """Horizontal bars of rates in [0, 1], with a tick at each row's threshold."""
    height = 24 * len(rows) + 30
    parts = [
        f'<svg role="img" aria-label="{escape(title)}" width="640" height="{height}" '
        'xmlns="http://www.w3.org/2000/svg" font-size="12">'
    ]
    for i, (label, rate, threshold) in enumerate(rows):
        y = 20 + 24 * i
        colour = "#2e7d4f" if threshold is None or rate >= threshold else "#c0392b"
        parts.append(f'<text x="0" y="{y + 13}">{escape(label)}</text>')
        parts.append(f'<rect x="170" y="{y}" width="400" height="16" fill="#eee"/>')
        parts.append(
            f'<rect x="170" y="{y}" width="{400 * rate:.1f}" height="16" fill="{colour}"/>'
        )
        if threshold is not None:
            x = 170 + 400 * threshold
            parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 2}" y2="{y + 18}" '
                'stroke="#000" stroke-width="2"/>'
            )
        parts.append(f'<text x="580" y="{y + 13}">{rate:.0%}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _judge_line(case: CaseResult) -> str:
    """The judge's verdict on one case with its reason and the problems it named."""
    judge = case.judge
    if judge is None:
        return ""
    css = "ok" if judge.passed else "bad"
    problems = "".join(f"<li>{escape(p)}</li>" for p in judge.problems)
    reason = f": {escape(judge.reason)}" if judge.reason else ""
    return (
        f'<p><i>LLM judge:</i> <span class="{css}">{escape(findings.describe_verdict(judge))}'
        f"</span>{reason}</p>" + (f"<ul>{problems}</ul>" if problems else "")
    )


def _judged_case(case: CaseResult) -> str:
    scorers = (
        '<span class="ok">scorers pass</span>'
        if case.passed
        else '<span class="bad">scorers fail: '
        + escape(", ".join(case.failed or ["retrieval"]))
        + "</span>"
    )
    message = f"<p><i>Customer:</i> {escape(case.message[:500])}</p>" if case.message else ""
    return (
        f'<div class="case"><b>{escape(case.id)}</b> · {escape(str(case.scenario))} · {scorers}'
        f"{_judge_line(case)}{message}<pre>{escape(case.text)}</pre></div>"
    )


def _judge_section(result: EvalResult) -> list[str]:
    """Mean, pass rate, flips, the score histogram and the cases a reviewer should read."""
    summary = result.summary
    models = ", ".join(findings.judge_models(result))
    mean = "–" if summary.judge_mean is None else f"{summary.judge_mean:.3f}"
    rate = "–" if summary.judge_pass_rate is None else f"{summary.judge_pass_rate:.1%}"
    flips = "–" if summary.judge_flip_rate is None else f"{summary.judge_flip_rate:.1%}"
    bar = (
        "advisory (the suite sets no judge_threshold)"
        if summary.judge_threshold is None
        else f"must pass at least {summary.judge_threshold:.0%}"
    )
    out = [
        "<h2>LLM judge</h2>",
        f'<p class="muted">{escape(models)} · {summary.judge_cases} of {summary.cases} cases '
        f"judged · {bar}</p>",
        f"<table><tr><th>mean score</th><td>{mean}</td></tr>"
        f"<tr><th>pass rate</th><td>{rate}</td></tr>"
        f"<tr><th>flip rate</th><td>{flips}</td></tr></table>",
        f'<p class="muted">{escape(findings.FLIP_EXPLANATION)}</p>',
    ]
    missing = findings.missing_judgements(result)
    if missing:
        items = "".join(f"<li>{escape(m)}</li>" for m in missing[:10])
        more = f"<li>… and {len(missing) - 10} more</li>" if len(missing) > 10 else ""
        out.append(
            f'<p class="bad">{len(missing)} judgement(s) missing (not counted in the '
            f"scores)</p><ul>{items}{more}</ul>"
        )
    distribution = findings.score_distribution(result)
    verdicts = sum(distribution.values())
    if verdicts:
        out.append(f"<h3>Judge scores ({verdicts} verdicts, every repeat)</h3>")
        out.append(
            _bar_chart(
                "judge score distribution",
                [(f"score {s}", n / verdicts, None) for s, n in distribution.items()],
            )
        )
    for title, cases in (
        ("Scorers pass, judge fails", findings.judge_fails_scorers_pass(result)),
        ("Scorers fail, judge passes", findings.judge_passes_scorers_fail(result)),
    ):
        out.append(f"<h3>{title} ({len(cases)})</h3>")
        out.extend(_judged_case(case) for case in cases)
    unstable = findings.flipped(result)
    if unstable:
        items = "".join(
            f"<li>{escape(c.id)}: {escape(findings.verdict_sequence(c.judge))}</li>"
            for c in unstable
            if c.judge is not None
        )
        out.append(f"<h3>Verdicts that flipped ({len(unstable)})</h3><ul>{items}</ul>")
    return out


def render_html(result: EvalResult, comparison: Comparison | None = None) -> str:
    summary = result.summary
    verdict = '<span class="ok">PASSED</span>' if result.ok else '<span class="bad">FAILED</span>'
    out = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>drafter eval: {escape(result.suite)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>drafter eval: {escape(result.suite)} {verdict}</h1>",
        f'<p class="muted">{result.created_at:%Y-%m-%d %H:%M} UTC · drafter '
        f"{escape(result.drafter_version)} · personalizer {escape(result.personalizer)} · "
        f"{summary.cases} cases · overall {summary.overall:.3f}"
        + (
            f" · retrieval accuracy {summary.retrieval_accuracy:.1%}"
            if summary.retrieval_accuracy is not None
            else ""
        )
        + "</p>",
    ]
    if summary.failed_thresholds:
        items = "".join(f"<li>{escape(t)}</li>" for t in summary.failed_thresholds)
        out.append(f'<h2 class="bad">Failed thresholds</h2><ul>{items}</ul>')
    out.append("<h2>Pass rate by scorer</h2>")
    out.append(
        _bar_chart(
            "pass rate by scorer",
            [(name, s.pass_rate, s.threshold) for name, s in summary.by_scorer.items()],
        )
    )
    out.append("<h2>Cases passing by scenario</h2>")
    out.append(
        _bar_chart(
            "pass rate by scenario",
            [
                (name, s.passed / s.cases if s.cases else 0.0, None)
                for name, s in summary.by_scenario.items()
            ],
        )
    )
    out.append(
        "<table><tr><th>scenario</th><th>cases</th><th>passed</th><th>retrieval accuracy</th></tr>"
    )
    for name, s in summary.by_scenario.items():
        accuracy = "" if s.retrieval_accuracy is None else f"{s.retrieval_accuracy:.0%}"
        out.append(
            f"<tr><td>{escape(name)}</td><td>{s.cases}</td><td>{s.passed}</td>"
            f"<td>{accuracy}</td></tr>"
        )
    out.append("</table>")
    if findings.judge_was_on(result):
        out.extend(_judge_section(result))
    if comparison is not None:
        out.append("<h2>Against the baseline</h2>")
        for title, changes in (
            ("Regressions", comparison.regressions),
            ("Improvements", comparison.improvements),
        ):
            items = (
                "".join(
                    f"<li>{escape(c.what)}: {' → '.join(escape(v) for v in c.shown())}</li>"
                    for c in changes
                )
                or "<li>none</li>"
            )
            out.append(f"<h3>{title}</h3><ul>{items}</ul>")
        if comparison.notes:
            items = "".join(f"<li>{escape(n)}</li>" for n in comparison.notes)
            out.append(f"<h3>Notes</h3><ul>{items}</ul>")
    failing = [c for c in result.cases if not c.passed]
    out.append(f"<h2>Failing cases ({len(failing)})</h2>")
    for case in failing:
        out.append(
            f'<div class="case"><b>{escape(case.id)}</b> · expected '
            f"{escape(str(case.expected_scenario))} · got {escape(str(case.scenario))}"
        )
        if case.message:
            out.append(f"<p><i>Customer:</i> {escape(case.message[:500])}</p>")
        if case.error:
            out.append(f'<p class="bad">error: {escape(case.error)}</p>')
        if case.scores is not None:
            by_name = scores_by_name(case.scores)
            for name in case.failed:
                score = by_name[name]
                evidence = "".join(f"<li>{escape(e)}</li>" for e in score.evidence)
                out.append(
                    f'<p><span class="bad">{escape(name)}</span>: '
                    f"{escape(score.explanation)}</p><ul>{evidence}</ul>"
                )
        out.append(_judge_line(case))
        out.append(f"<pre>{escape(case.text)}</pre></div>")
    out.append("</body></html>")
    return "\n".join(out)


def write_html(result: EvalResult, path: Path, comparison: Comparison | None = None) -> None:
    path.write_text(render_html(result, comparison), encoding="utf-8")
