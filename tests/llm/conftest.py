"""LLM tests: real model endpoints are refused, a loopback stub stands in for them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from stub_server import StubServer, running_stub

from drafter.settings import Settings


@pytest.fixture(scope="module")
def stub() -> Iterator[StubServer]:
    with running_stub() as server:
        yield server


@pytest.fixture
def stub_settings(stub: StubServer) -> Settings:
    """Settings pointing at the stub, with timeouts short enough for a fast test run."""
    return Settings(
        llm_base_url=stub.base_url,
        llm_model="stub-model",
        llm_timeout_s=2.0,
        llm_budget_s=5.0,
        llm_max_retries=2,
    )
