"""Verdicts on disk, one JSON file per (model, prompt, text, repeat) key.

A judge run over a suite costs one model call per draft and repeat; quality teams re-run
suites after every tweak, so a verdict already paid for is read back instead of asked for
again. Only valid verdicts are stored: a timeout or a junk answer is retried next run.
A file per key (not one big file) keeps concurrent runs from overwriting each other, and a
file that cannot be read is treated as absent, never as an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from drafter.judge.models import JudgeVerdict


def cache_key(model: str, prompt_sha256: str, system: str, human: str, repeat: int) -> str:
    """Repeat ``i`` has its own key: n repeats are n independent samples, each cached."""
    payload = json.dumps(
        {
            "model": model,
            "prompt": prompt_sha256,
            "system": system,
            "human": human,
            "repeat": repeat,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class VerdictCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> JudgeVerdict | None:
        try:
            return JudgeVerdict.model_validate_json(self._path(key).read_bytes())
        except (OSError, ValidationError, ValueError):
            return None

    def put(self, key: str, verdict: JudgeVerdict) -> None:
        """Write atomically; a read-only or full disk only costs the cache, not the run."""
        path = self._path(key)
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(verdict.model_dump_json())
            os.replace(tmp, path)
        except OSError:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
