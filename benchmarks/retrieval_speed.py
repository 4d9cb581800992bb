"""Retrieval speed: warm query, cold ``drafter search``, build from scratch, no-op re-index.

Usage: .venv/bin/python benchmarks/retrieval_speed.py [--repeat 3]

Each figure is the median of several runs in a fresh cache folder (the user's cache is not
touched). Targets: warm p50 <= 25 ms, cold search <= 2.5 s, build <= 20 s, no-op <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from drafter.retrieval import Retriever
from drafter.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "my order 58213 is 4 days late!!",
    "The blender arrived with a cracked jar",
    "Még mindig nem érkezett meg a csomagom",
    "I was charged twice this month",
    "can you add dark mode to the app?",
    "write me a poem about the sea",
]


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    drafter_bin = Path(sys.executable).with_name("drafter")
    builds: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            settings = Settings(cache_dir=Path(tmp) / f"build{i}")
            builds.append(_timed(lambda s=settings: Retriever(s).ensure_index()))
        settings = Settings(cache_dir=Path(tmp) / "build0")
        noops = [_timed(lambda: Retriever(settings).ensure_index()) for _ in range(5)]
        retriever = Retriever(settings)
        retriever.search("warm up")
        warm = []
        for _ in range(10):
            for query in QUERIES:
                warm.append(_timed(lambda q=query: retriever.search(q)))
        env = {**os.environ, "DRAFTER_CACHE_DIR": str(settings.cache_dir)}
        cold = [
            _timed(
                lambda: subprocess.run(
                    [str(drafter_bin), "search", QUERIES[0]],
                    env=env,
                    check=True,
                    capture_output=True,
                )
            )
            for _ in range(5)
        ]
    print(f"warm query p50          {statistics.median(warm) * 1000:7.1f} ms  (target <= 25 ms)")
    print(f"cold drafter search     {statistics.median(cold):7.2f} s   (target <= 2.5 s)")
    print(f"build from scratch      {statistics.median(builds):7.2f} s   (target <= 20 s)")
    print(f"no-op re-index          {statistics.median(noops):7.2f} s   (target <= 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
