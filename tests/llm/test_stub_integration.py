"""The real openai client (through langchain-openai) against a loopback stub server."""

from __future__ import annotations

import asyncio

from fakes.personalization import REQUEST
from stub_server import Reply, StubServer

from drafter.llm import LLMResult, apersonalize, build_chat_model
from drafter.settings import Settings

GOOD_LINE = "Your order 58213 is 4 days late and still not with you, I get how annoying that is."
GOOD_OPTIONS = ["ship a new one to you today", "give you a full refund straight away"]


def run(settings: Settings) -> LLMResult:
    chat = build_chat_model(settings)
    assert chat is not None
    return asyncio.run(apersonalize(chat, REQUEST, settings))


def test_good_answer_is_used_and_request_carries_bounded_schema(
    stub: StubServer, stub_settings: Settings
) -> None:
    stub.script(Reply.json(GOOD_LINE, GOOD_OPTIONS))
    result = run(stub_settings)
    assert result.fallback_reason is None
    assert result.personalization is not None
    assert result.personalization.first_line == GOOD_LINE
    body = stub.requests[0]
    assert body["model"] == "stub-model"
    assert body["max_completion_tokens"] == 512
    schema = body["response_format"]["json_schema"]["schema"]
    assert body["response_format"]["type"] == "json_schema"
    assert schema["properties"]["first_line"]["maxLength"] == 400
    assert schema["properties"]["options"]["maxItems"] == 6
    assert schema["properties"]["options"]["items"]["maxLength"] == 160
    assert "<customer_message>" in body["messages"][-1]["content"]


def test_slow_server_times_out(stub: StubServer, stub_settings: Settings) -> None:
    stub.script(Reply.json(GOOD_LINE, GOOD_OPTIONS, delay_s=1.5))
    settings = stub_settings.model_copy(update={"llm_timeout_s": 0.2, "llm_max_retries": 0})
    result = run(settings)
    assert result.personalization is None
    assert result.fallback_reason == "timeout"


def test_budget_cuts_a_slow_server_short(stub: StubServer, stub_settings: Settings) -> None:
    stub.script(Reply.json(GOOD_LINE, GOOD_OPTIONS, delay_s=1.5))
    settings = stub_settings.model_copy(update={"llm_budget_s": 0.3})
    result = run(settings)
    assert result.fallback_reason == "budget_exceeded"


def test_rate_limit_then_success_is_retried_by_the_client(
    stub: StubServer, stub_settings: Settings
) -> None:
    stub.script(Reply.error(429), Reply.json(GOOD_LINE, GOOD_OPTIONS))
    result = run(stub_settings)
    assert result.fallback_reason is None
    assert result.personalization is not None
    assert len(stub.requests) == 2


def test_rate_limit_that_never_ends_falls_back(stub: StubServer, stub_settings: Settings) -> None:
    stub.script(Reply.error(429))
    result = run(stub_settings)
    assert result.fallback_reason == "rate_limited"
    assert len(stub.requests) == 1 + stub_settings.llm_max_retries


def test_server_error_falls_back_after_client_retries(
    stub: StubServer, stub_settings: Settings
) -> None:
    stub.script(Reply.error(500))
    result = run(stub_settings)
    assert result.personalization is None
    assert result.fallback_reason == "server_error: 500"
    assert len(stub.requests) == 1 + stub_settings.llm_max_retries


def test_malformed_json_falls_back_as_invalid_output(
    stub: StubServer, stub_settings: Settings
) -> None:
    stub.script(Reply(content='{"first_line": "Sorry about order 58213", "options": ['))
    result = run(stub_settings)
    assert result.personalization is None
    assert result.attempts == 2
    assert result.fallback_reason is not None
    assert result.fallback_reason.startswith("invalid_output: ")


def test_unapproved_voucher_is_rejected_then_fixed_on_retry(
    stub: StubServer, stub_settings: Settings
) -> None:
    voucher = Reply.json(
        "Order 58213 is late, so here is a 20 dollar voucher for you.", GOOD_OPTIONS
    )
    stub.script(voucher, Reply.json(GOOD_LINE, GOOD_OPTIONS))
    result = run(stub_settings)
    assert result.fallback_reason is None
    assert result.attempts == 2
    feedback = stub.requests[1]["messages"][-1]["content"]
    assert "voucher" in feedback and "money" in feedback


def test_unapproved_voucher_twice_falls_back(stub: StubServer, stub_settings: Settings) -> None:
    stub.script(Reply.json("Here is a voucher for order 58213, sorry!", GOOD_OPTIONS))
    result = run(stub_settings)
    assert result.personalization is None
    assert result.fallback_reason is not None
    assert result.fallback_reason.startswith("validation_failed: ")
    assert "voucher" in result.fallback_reason
    assert len(stub.requests) == 2
