"""Agreement of the scorers with hand labels: accuracy, precision and recall per dimension.

The labels in ``evals/calibration/*.jsonl`` are written by hand, independently of the
scorers; this script is how we learn where the rules disagree with people. "Positive" is a
pass (empathetic, concrete, not over-questioning, structured, safe). ``--failures`` prints
each disagreement with the scorer's explanation so rules can be improved in general terms.

Each file is reported on its own (a held-out file, written without looking at the rules,
shows whether the rules generalize) and then all of them together.

    python benchmarks/scorer_agreement.py [--file PATH ...] [--failures]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from drafter.scoring import score

DIMENSIONS = ("empathy", "concrete_timing", "over_questioning", "structure", "safety")
TARGETS = {"empathy": 0.95, "concrete_timing": 0.95, "over_questioning": 0.95, "safety": 1.0}
CALIBRATION_DIR = Path(__file__).resolve().parents[1] / "evals" / "calibration"

Counts = dict[str, dict[str, int]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--file", type=Path, action="append", help="a labelled file (default: every *.jsonl)"
    )
    parser.add_argument("--failures", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    files = args.file or sorted(CALIBRATION_DIR.glob("*.jsonl"))
    missing = [f for f in files if not f.exists()]
    if not files or missing:
        print(f"no calibration file at {missing or CALIBRATION_DIR}", file=sys.stderr)
        return 2

    total = _empty()
    total_drafts = 0
    failures: list[str] = []
    all_met = True
    for path in files:
        counts = _empty()
        drafts = _agree(path, counts, failures)
        total_drafts += drafts
        for dim in DIMENSIONS:
            for key, value in counts[dim].items():
                total[dim][key] += value
        all_met &= _report(f"{drafts} hand-labelled drafts ({path.name})", counts)
    if len(files) > 1:
        names = ", ".join(f.name for f in files)
        all_met &= _report(f"{total_drafts} hand-labelled drafts, total ({names})", total)
    if args.failures and failures:
        print("\ndisagreements:")
        print("\n".join(failures))
    return 0 if all_met else 1


def _empty() -> Counts:
    return {d: {"tp": 0, "tn": 0, "fp": 0, "fn": 0} for d in DIMENSIONS}


def _agree(path: Path, counts: Counts, failures: list[str]) -> int:
    """Score every labelled draft of ``path`` into ``counts``; returns the number of drafts."""
    drafts = 0
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        item = json.loads(raw)
        drafts += 1
        result = score(item["text"], channel=item.get("channel"), scenario=item.get("scenario"))
        for dim in DIMENSIONS:
            label = item["labels"].get(dim)
            if label is None:
                continue
            got = getattr(result, dim)
            key = ("t" if got.passed == label else "f") + ("p" if got.passed else "n")
            counts[dim][key] += 1
            if got.passed != label:
                failures.append(
                    f"{path.name}:{item.get('id', number)} {dim}: label={label} "
                    f"scorer={got.passed} ({got.explanation[:160]})\n    text: {item['text']!r}\n"
                    f"    note: {item.get('note', '')}"
                )
    return drafts


def _report(title: str, counts: Counts) -> bool:
    """Print one agreement table; True when every target is met."""
    print(f"scorer agreement on {title}")
    print(f"{'dimension':<18}{'n':>5}{'accuracy':>10}{'precision':>11}{'recall':>8}  target")
    all_met = True
    for dim in DIMENSIONS:
        c = counts[dim]
        n = sum(c.values())
        accuracy = (c["tp"] + c["tn"]) / n if n else float("nan")
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
        target = TARGETS.get(dim)
        met = "" if target is None else ("met" if accuracy >= target else "MISSED")
        if target is not None and not accuracy >= target:
            all_met = False
        goal = f">= {target:.0%} {met}" if target is not None else "-"
        print(f"{dim:<18}{n:>5}{accuracy:>10.1%}{precision:>11.1%}{recall:>8.1%}  {goal}")
    print()
    return all_met


if __name__ == "__main__":
    sys.exit(main())
