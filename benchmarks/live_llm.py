"""Run the LLM path over the dev set against any OpenAI-compatible server.

Prints how many drafts used the LLM, how many fell back and why, and the latency. Goes
through ``Drafter`` (retrieval, rules draft, LLM, validation), so the figures are what an
agent would see. Works fully offline against a local llama.cpp server (see the README):

    .venv/bin/python benchmarks/live_llm.py --base-url http://127.0.0.1:8080/v1 [--model M]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from drafter import Drafter
from drafter.settings import Settings

DEVSET = Path(__file__).resolve().parents[1] / "evals" / "devset.jsonl"


# Fallback reasons that mean the model was called (or refused); others mean it was not needed.
MODEL_REASONS = frozenset(
    {
        "timeout",
        "rate_limited",
        "server_error",
        "invalid_output",
        "validation_failed",
        "budget_exceeded",
        "blocked",
        "connection_error",
        "request_rejected",
        "model_error",
        "prompt_too_long",
    }
)


def _reason_kind(reason: str | None) -> str:
    return (reason or "none").split(":", 1)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8080/v1")
    parser.add_argument("--model", default="default", help="model name the server expects")
    parser.add_argument("--api-key", default=None, help="else DRAFTER_LLM_API_KEY/OPENAI_API_KEY")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--limit", type=int, default=0, help="only the first N lines")
    parser.add_argument("--timeout", type=float, default=30.0, help="per request, seconds")
    parser.add_argument("--budget", type=float, default=60.0, help="per draft, seconds")
    parser.add_argument("--show", type=int, default=3, help="print this many LLM drafts")
    args = parser.parse_args()

    overrides: dict[str, Any] = {
        "llm_base_url": args.base_url,
        "llm_model": args.model,
        "llm_timeout_s": args.timeout,
        "llm_budget_s": args.budget,
    }
    if args.api_key:
        overrides["llm_api_key"] = args.api_key
    drafter = Drafter(Settings(**overrides))
    rows = [json.loads(line) for line in args.devset.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r.get("message")][: args.limit or None]
    drafter.suggest(rows[0]["message"], channel=rows[0].get("channel", "whatsapp"))  # warm

    by: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    examples: list[str] = []
    llm_latency: list[float] = []
    for row in rows:
        start = time.perf_counter()
        draft = drafter.suggest(
            row["message"], channel=row.get("channel", "whatsapp"), customer=row.get("customer")
        )
        elapsed = time.perf_counter() - start
        by[draft.personalized_by] += 1
        if draft.personalized_by == "llm":
            if len(examples) < args.show:
                examples.append(f"> {row['message']}\n{draft.text}")
        else:
            reasons[_reason_kind(draft.fallback_reason)] += 1
        if draft.personalized_by == "llm" or _reason_kind(draft.fallback_reason) in MODEL_REASONS:
            llm_latency.append(elapsed)

    print(f"server {args.base_url} model {args.model}: {len(rows)} dev-set messages")
    print(f"  personalized by the LLM: {by['llm']}")
    print(f"  rules draft (fallback or not personalizable): {by['rules']}")
    for reason, count in reasons.most_common():
        print(f"    {count:4d}  {reason}")
    if llm_latency:
        ms = sorted(s * 1000 for s in llm_latency)
        p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
        print(
            f"  latency of drafts that called the model: median {statistics.median(ms):.0f} ms, "
            f"p95 {p95:.0f} ms (n={len(ms)})"
        )
    for example in examples:
        print("\n" + example)


if __name__ == "__main__":
    main()
