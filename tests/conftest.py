"""Test-wide isolation: no user config, no user cache, no real model endpoint.

Every test runs with the settings a fresh machine would have, pointed at a per-session
cache folder, so nothing a developer configured locally can make a test pass or fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_CLEARED = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "DRAFTER_CONFIG")


@pytest.fixture(scope="session", autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory) -> None:
    for name in list(os.environ):
        if name.startswith("DRAFTER_") or name in _CLEARED:
            del os.environ[name]
    cache = tmp_path_factory.getbasetemp() / "drafter-cache"
    os.environ["DRAFTER_CACHE_DIR"] = str(cache)
    os.environ["DRAFTER_CONFIG"] = str(Path(cache) / "no-such-drafter.toml")


@pytest.fixture(autouse=True)
def _no_real_model_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Like pydantic-ai's ALLOW_MODEL_REQUESTS=False: only loopback stubs may be called."""
    import drafter.llm

    monkeypatch.setattr(drafter.llm, "ALLOW_MODEL_REQUESTS", False)
