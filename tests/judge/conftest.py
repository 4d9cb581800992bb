"""The judge tests' LLM seam: the loopback OpenAI-compatible stub, pointed at by the settings."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def _stub_module() -> ModuleType:
    """The stub of the LLM tests, loaded from its file (``tests/llm`` is not a package)."""
    path = Path(__file__).parents[1] / "llm" / "stub_server.py"
    spec = importlib.util.spec_from_file_location("judge_stub_server", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def stub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[ModuleType, Any]]:
    """The stub module and a running stub that the settings (env) point at."""
    module = _stub_module()
    with module.running_stub() as server:
        monkeypatch.setenv("DRAFTER_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("DRAFTER_LLM_MODEL", "stub-judge")
        monkeypatch.setenv("DRAFTER_LLM_MAX_RETRIES", "0")
        monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
        yield module, server
