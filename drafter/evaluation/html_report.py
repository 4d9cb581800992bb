"""One self-contained HTML file: charts as inline SVG, no scripts or network fetches.

Quality teams attach it to tickets and open it offline, so nothing may load from a CDN.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from drafter.evaluation.baseline import Comparison
from drafter.evaluation.results import EvalResult
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
    if comparison is not None:
        out.append("<h2>Against the baseline</h2>")
        for title, changes in (
            ("Regressions", comparison.regressions),
            ("Improvements", comparison.improvements),
        ):
            items = (
                "".join(
                    f"<li>{escape(c.what)}: {escape(str(c.before))} → {escape(str(c.after))}</li>"
                    for c in changes
                )
                or "<li>none</li>"
            )
            out.append(f"<h3>{title}</h3><ul>{items}</ul>")
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
        out.append(f"<pre>{escape(case.text)}</pre></div>")
    out.append("</body></html>")
    return "\n".join(out)


def write_html(result: EvalResult, path: Path, comparison: Comparison | None = None) -> None:
    path.write_text(render_html(result, comparison), encoding="utf-8")
