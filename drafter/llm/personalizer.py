"""``apersonalize``: ask the model for the first line and option labels, check them, or fall back.

One call is a small state machine that always returns: render the prompt within its token
budget, ask once, validate, ask once more with the problems spelled out, then give up with a
machine-readable ``fallback_reason``. Transport trouble (timeouts, 429, 5xx) is retried by
the openai client itself (``max_retries`` with its own backoff and ``Retry-After``); the
whole call sits under one ``asyncio.timeout`` so a slow endpoint cannot hold a draft longer
than ``llm_budget_s``.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

from drafter.llm.chat_model import is_blocked
from drafter.llm.models import LLMResult, Personalization, PersonalizationRequest
from drafter.llm.prompt import PromptTooLong, render, render_retry
from drafter.llm.structured import (
    InvalidStructuredOutput,
    bind_schema,
    json_schema_format,
    parse_answer,
    short,
)
from drafter.llm.validation import problems

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

    from drafter.settings import Settings

MAX_ATTEMPTS = 2
RESPONSE_FORMAT: dict[str, Any] = json_schema_format(
    "personalization", "First line and option labels of a customer-support reply.", Personalization
)

# Kept as the personalizer's name for a malformed answer.
InvalidOutput = InvalidStructuredOutput


def transport_reason(exc: BaseException) -> str:
    """Map a client exception onto a fallback reason without importing openai.

    langchain-openai re-raises the openai client's errors as subclasses
    (``OpenAITimeoutError(openai.APITimeoutError)``), so the whole class hierarchy counts.
    """
    names = {cls.__name__ for cls in type(exc).__mro__}
    status = getattr(exc, "status_code", None)
    if isinstance(exc, TimeoutError) or names & {"APITimeoutError", "TimeoutException"}:
        return "timeout"
    if status == 429 or "RateLimitError" in names:
        return "rate_limited"
    if isinstance(status, int) and status >= 500:
        return f"server_error: {status}"
    if isinstance(status, int):
        return f"request_rejected: {status}"
    if names & {"APIConnectionError", "ConnectError", "ConnectionError"}:
        return "connection_error"
    if names & {"LengthFinishReasonError", "OutputParserException", "JSONDecodeError"}:
        return f"invalid_output: {short(str(exc))}"
    return f"model_error: {type(exc).__name__}"


async def _attempts(
    chat: BaseChatModel, request: PersonalizationRequest, settings: Settings, result: LLMResult
) -> None:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    prompt = render(request, settings.llm_max_prompt_tokens)
    result.prompt_tokens = prompt.tokens
    result.message_truncated = prompt.message_truncated
    messages: list[BaseMessage] = [SystemMessage(prompt.system), HumanMessage(prompt.human)]
    runnable = bind_schema(chat, Personalization, RESPONSE_FORMAT)
    last = ""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        result.attempts = attempt
        output = await (runnable or chat).ainvoke(messages)
        raw: BaseMessage | None = None
        try:
            personalization, raw = parse_answer(output, Personalization)
        except InvalidOutput as exc:
            last, issues = f"invalid_output: {short(str(exc))}", [str(exc)]
        else:
            issues = problems(personalization, request)
            if not issues:
                result.personalization = personalization
                return
            last = f"validation_failed: {short('; '.join(issues))}"
        if raw is None and isinstance(output, dict):
            raw = output.get("raw")
        answer = raw.content if raw is not None else ""
        feedback = HumanMessage(render_retry(issues, request))
        messages += [AIMessage(answer or "(no answer)"), feedback]
    result.fallback_reason = last


async def apersonalize(
    chat: BaseChatModel, request: PersonalizationRequest, settings: Settings
) -> LLMResult:
    """Personalize ``request`` with ``chat``; never raises for model or network problems."""
    started = time.perf_counter()
    result = LLMResult()
    if is_blocked(chat):
        result.fallback_reason = "blocked"
    else:
        budget = asyncio.timeout(settings.llm_budget_s)
        try:
            async with budget:
                await _attempts(chat, request, settings, result)
        except TimeoutError:
            result.fallback_reason = "budget_exceeded" if budget.expired() else "timeout"
        except PromptTooLong as exc:
            result.fallback_reason = f"prompt_too_long: {short(str(exc))}"
        except Exception as exc:  # any provider's error must end in a rules draft, not a trace
            result.fallback_reason = transport_reason(exc)
    if result.personalization is not None:
        result.fallback_reason = None
    result.latency_s = time.perf_counter() - started
    return result
