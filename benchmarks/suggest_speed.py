"""How fast rules-mode drafting is, in the three ways agents and services use it.

Prints medians (and p90 where useful) for:
- warm ``Drafter.suggest`` in rules mode, per message of the dev set (target p50 <= 40 ms);
- cold ``drafter suggest "..."`` in a new process, index already built (target <= 2.5 s);
- 1,000 messages through ``suggest_many`` in rules mode (target <= 30 s).

    .venv/bin/python benchmarks/suggest_speed.py [--runs 5] [--batch 1000] [--concurrency 4]

The first run builds the Chroma index in the cache folder; that one-time cost is reported
separately and not counted in the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from drafter import Drafter
from drafter.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "evals" / "devset.jsonl"
FALLBACK_MESSAGES = [
    "my order 58213 is 4 days late!!",
    "Hol van a csomagom? Már egy hete várok rá.",
    "Պատվերս դեռ չի հասել",
    "I was charged twice for my subscription",
    "the blender arrived broken",
]


def messages() -> list[dict[str, object]]:
    if not DEVSET.exists():
        return [{"message": m, "channel": "whatsapp"} for m in FALLBACK_MESSAGES]
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line]
    return [
        {
            "message": r["message"],
            "channel": r.get("channel", "webchat"),
            "customer": r.get("customer") or {},
        }
        for r in rows
    ]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def warm(drafter: Drafter, items: list[dict[str, object]]) -> None:
    timings, retrieval = [], []
    for item in items:
        started = time.perf_counter()
        drafter.retriever.search(str(item["message"]), k=3)
        retrieval.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        drafter.suggest(**item)  # type: ignore[arg-type]
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"warm suggest (rules), {len(timings)} messages: p50 {statistics.median(timings):.1f} ms, "
        f"p90 {percentile(timings, 0.9):.1f} ms  (target p50 <= 40 ms)"
    )
    overhead = [t - r for t, r in zip(timings, retrieval, strict=True)]
    print(
        f"  of which retrieval.search p50 {statistics.median(retrieval):.1f} ms; drafting "
        f"around it p50 {statistics.median(overhead):.1f} ms"
    )


def cold(runs: int) -> None:
    command = [
        str(Path(sys.executable).parent / "drafter"),
        "suggest",
        "my order 58213 is 4 days late!!",
        "--channel",
        "whatsapp",
        "--name",
        "Anna",
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRAFTER_LLM")}
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        timings.append(time.perf_counter() - started)
    print(
        f"cold `drafter suggest` in a new process, {runs} runs: median "
        f"{statistics.median(timings):.2f} s, max {max(timings):.2f} s  (target <= 2.5 s)"
    )


def batch(drafter: Drafter, items: list[dict[str, object]], size: int, concurrency: int) -> None:
    work = [items[i % len(items)] for i in range(size)]
    started = time.perf_counter()
    results = drafter.suggest_many(work, concurrency=concurrency, return_exceptions=True)
    elapsed = time.perf_counter() - started
    errors = sum(1 for r in results if isinstance(r, Exception))
    print(
        f"batch of {size} (rules, concurrency {concurrency}): {elapsed:.1f} s, "
        f"{size / elapsed:.0f} drafts/s, {errors} errors  (target <= 30 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()

    settings = Settings(llm_base_url=None, llm_model=None)
    drafter = Drafter(settings)
    started = time.perf_counter()
    drafter.retriever.ensure_index()
    drafter.suggest("warm up", channel="whatsapp")
    print(f"first use (load, index sync, model): {time.perf_counter() - started:.1f} s")
    items = messages()
    warm(drafter, items)
    cold(args.runs)
    batch(drafter, items, args.batch, args.concurrency)


if __name__ == "__main__":
    main()
