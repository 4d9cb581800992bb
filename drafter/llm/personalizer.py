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
import json
import re
import time
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from drafter.llm.chat_model import is_blocked
from drafter.llm.models import LLMResult, Personalization, PersonalizationRequest
from drafter.llm.prompt import PromptTooLong, render, render_retry
from drafter.llm.validation import problems

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage
    from langchain_core.runnables import Runnable

    from drafter.settings import Settings

MAX_ATTEMPTS = 2
RESPONSE_FORMAT: dict[str, Any] = {
    "name": "personalization",
    "description": "First line and option labels of a customer-support reply.",
    "schema": Personalization.model_json_schema(),
    "strict": False,
}
_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)
_DETAIL_CHARS = 160


class InvalidOutput(ValueError):
    """The model answered, but not with a Personalization."""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _DETAIL_CHARS else text[: _DETAIL_CHARS - 1] + "…"


def _structured(chat: BaseChatModel) -> Runnable[Any, Any] | None:
    """The model bound to our schema, or None for models that only return text.

    OpenAI-compatible models get the ``json_schema`` response format (what
    ``with_structured_output(method="json_schema")`` sends) as a plain dict with ``strict``
    off, so llama.cpp and vLLM constrain generation with the same bounded schema, and the
    raw text comes back for strict parsing here: langchain's JSON parser would accept a
    truncated object, and the SDK's pydantic ``parse`` path raises before we can tell the
    model what was wrong.
    """
    if type(chat).__module__.startswith("langchain_openai"):
        return chat.bind(response_format={"type": "json_schema", "json_schema": RESPONSE_FORMAT})
    try:
        return chat.with_structured_output(Personalization, include_raw=True)
    except NotImplementedError:
        return None


def _parse_text(content: Any) -> Personalization:
    text = content if isinstance(content, str) else json.dumps(content)
    match = _JSON_OBJECT.search(text)
    if match is None:
        raise InvalidOutput(f"no JSON object in the answer: {_short(text) or 'empty'}")
    try:
        return Personalization.model_validate_json(match.group(0))
    except ValidationError as exc:
        raise InvalidOutput(_validation_summary(exc)) from exc


def _validation_summary(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error["loc"]) or "answer"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


def _to_personalization(output: Any) -> tuple[Personalization, BaseMessage | None]:
    """Normalize what the runnable returned (structured dict, model, or a bare message)."""
    from langchain_core.messages import BaseMessage

    if isinstance(output, BaseMessage):
        return _parse_text(output.content), output
    raw = output.get("raw")
    if output.get("parsing_error") is not None or output.get("parsed") is None:
        content = raw.content if isinstance(raw, BaseMessage) else ""
        return _parse_text(content), raw
    parsed = output["parsed"]
    try:
        if isinstance(parsed, Personalization):
            return parsed, raw
        return Personalization.model_validate(parsed), raw
    except ValidationError as exc:
        raise InvalidOutput(_validation_summary(exc)) from exc


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
        return f"invalid_output: {_short(str(exc))}"
    return f"model_error: {type(exc).__name__}"


async def _attempts(
    chat: BaseChatModel, request: PersonalizationRequest, settings: Settings, result: LLMResult
) -> None:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    prompt = render(request, settings.llm_max_prompt_tokens)
    result.prompt_tokens = prompt.tokens
    result.message_truncated = prompt.message_truncated
    messages: list[BaseMessage] = [SystemMessage(prompt.system), HumanMessage(prompt.human)]
    runnable = _structured(chat)
    last = ""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        result.attempts = attempt
        output = await (runnable or chat).ainvoke(messages)
        raw: BaseMessage | None = None
        try:
            personalization, raw = _to_personalization(output)
        except InvalidOutput as exc:
            last, issues = f"invalid_output: {_short(str(exc))}", [str(exc)]
        else:
            issues = problems(personalization, request)
            if not issues:
                result.personalization = personalization
                return
            last = f"validation_failed: {_short('; '.join(issues))}"
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
            result.fallback_reason = f"prompt_too_long: {_short(str(exc))}"
        except Exception as exc:  # any provider's error must end in a rules draft, not a trace
            result.fallback_reason = transport_reason(exc)
    if result.personalization is not None:
        result.fallback_reason = None
    result.latency_s = time.perf_counter() - started
    return result
