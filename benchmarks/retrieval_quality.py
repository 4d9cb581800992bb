"""Retrieval quality on the labeled dev set: dense only, lexical only and fused, in one run.

Usage: .venv/bin/python benchmarks/retrieval_quality.py [--devset FILE ...] [--misses]

By default it reports the dev set (used while tuning) and then the held-out set
(``evals/retrieval_holdout.jsonl``, written later by someone who never saw the playbooks): the
gap between the two is how much of the dev-set figure is tuning.

Top-1 counts an abstention on an in-scope message as a miss; abstention is measured on the
out-of-scope messages (scenario null). Each message is embedded and scored once; the three
modes differ only in how the same evidence is ranked and thresholded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from drafter.retrieval import Evidence, Mode, Retriever, decide

ROOT = Path(__file__).resolve().parents[1]
MODES: tuple[Mode, ...] = ("dense", "lexical", "fused")


class DevItem(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    message: str
    scenario: str | None
    language: str
    channel: str | None = None


def load_devset(path: Path) -> list[DevItem]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [DevItem.model_validate_json(line) for line in lines if line.strip()]


def evaluate(
    items: list[DevItem], evidence: list[Evidence], mode: Mode, threshold: float
) -> dict[str, float]:
    top1 = top3 = abstained = foreign_hits = 0
    in_scope = [i for i, it in enumerate(items) if it.scenario is not None]
    out_scope = [i for i, it in enumerate(items) if it.scenario is None]
    foreign = [i for i in in_scope if items[i].language != "en"]
    for i in range(len(items)):
        result = decide(evidence[i], 3, threshold, mode)
        want = items[i].scenario
        if want is None:
            abstained += result.best is None
            continue
        hit = result.best == want
        top1 += hit
        top3 += want in [m.scenario for m in result.matches[:3]]
        if items[i].language != "en":
            foreign_hits += hit
    return {
        "top1": top1 / max(1, len(in_scope)),
        "top3": top3 / max(1, len(in_scope)),
        "abstain": abstained / max(1, len(out_scope)),
        "foreign_top1": foreign_hits / max(1, len(foreign)),
    }


TARGETS = {"top1": 0.95, "abstain": 0.90, "foreign_top1": 0.90}


def report(path: Path, retriever: Retriever, misses: bool) -> None:
    items = load_devset(path)
    threshold = retriever.settings.abstain_below
    evidence = [retriever.evidence(item.message) for item in items]
    n_in = sum(it.scenario is not None for it in items)
    n_foreign = sum(it.scenario is not None and it.language != "en" for it in items)
    print(
        f"{path.name}: {len(items)} messages, {n_in} in scope ({n_foreign} non-English), "
        f"{len(items) - n_in} out of scope; abstain below {threshold}"
    )
    print(f"{'mode':<8} {'top-1':>7} {'top-3':>7} {'abstain':>8} {'non-en top-1':>13}")
    results = {mode: evaluate(items, evidence, mode, threshold) for mode in MODES}
    for mode, m in results.items():
        print(
            f"{mode:<8} {m['top1']:>7.1%} {m['top3']:>7.1%} {m['abstain']:>8.1%} "
            f"{m['foreign_top1']:>13.1%}"
        )
    languages = sorted({it.language for it in items if it.scenario is not None})
    per_language = []
    for language in languages:
        chosen = [i for i, it in enumerate(items) if it.language == language and it.scenario]
        hits = sum(
            decide(evidence[i], 3, threshold, "fused").best == items[i].scenario for i in chosen
        )
        per_language.append(f"{language} {hits}/{len(chosen)} ({hits / len(chosen):.0%})")
    print("fused top-1 by language: " + ", ".join(per_language))
    fused = results["fused"]
    verdicts = [
        f"{name} {fused[name]:.1%} {'met' if fused[name] >= goal else 'MISSED'} (>= {goal:.0%})"
        for name, goal in TARGETS.items()
    ]
    print("fused against the targets: " + "; ".join(verdicts))
    if misses:
        for item, ev in zip(items, evidence, strict=True):
            result = decide(ev, 3, threshold, "fused")
            if result.best != item.scenario:
                print(
                    f"MISS {item.id} [{item.language}] want={item.scenario} got={result.best} "
                    f"conf={result.confidence:.2f} top={[m.scenario for m in result.matches]} "
                    f"| {item.message[:90]!r}"
                )
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--devset",
        type=Path,
        action="append",
        help="a labelled file (default: the dev set, then the held-out set)",
    )
    parser.add_argument("--misses", action="store_true", help="list fused misses")
    args = parser.parse_args()
    paths = args.devset or [
        ROOT / "evals" / "devset.jsonl",
        ROOT / "evals" / "retrieval_holdout.jsonl",
    ]
    retriever = Retriever()
    retriever.ensure_index()
    for path in paths:
        report(path, retriever, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
