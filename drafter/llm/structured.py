"""Structured answers from any chat model, parsed strictly: shared by personalizer and judge.

OpenAI-compatible models get the ``json_schema`` response format (what
``with_structured_output(method="json_schema")`` sends) as a plain dict with ``strict`` off,
so llama.cpp and vLLM constrain generation with the same bounded schema, and the raw text
comes back for strict parsing here: langchain's JSON parser would accept a truncated
object, and the SDK's pydantic ``parse`` path raises before we can tell the model what was
wrong. Other langchain models use ``with_structured_output`` where they support it, or
plain text.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage
    from langchain_core.runnables import Runnable

M = TypeVar("M", bound=BaseModel)

_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)
_DETAIL_CHARS = 160


class InvalidStructuredOutput(ValueError):
    """The model answered, but not with the expected structure."""


def short(text: str) -> str:
    """One line of at most 160 characters, for reasons and error details."""
    text = " ".join(text.split())
    return text if len(text) <= _DETAIL_CHARS else text[: _DETAIL_CHARS - 1] + "…"


def json_schema_format(name: str, description: str, model: type[BaseModel]) -> dict[str, Any]:
    return {
        "name": name,
        "description": description,
        "schema": model.model_json_schema(),
        "strict": False,
    }


def bind_schema(
    chat: BaseChatModel, model: type[BaseModel], response_format: dict[str, Any]
) -> Runnable[Any, Any] | None:
    """The model bound to ``model``'s schema, or None for models that only return text."""
    if type(chat).__module__.startswith("langchain_openai"):
        return chat.bind(response_format={"type": "json_schema", "json_schema": response_format})
    try:
        return chat.with_structured_output(model, include_raw=True)
    except NotImplementedError:
        return None


def validation_summary(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error["loc"]) or "answer"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


def parse_text(content: Any, model: type[M]) -> M:
    text = content if isinstance(content, str) else json.dumps(content)
    match = _JSON_OBJECT.search(text)
    if match is None:
        raise InvalidStructuredOutput(f"no JSON object in the answer: {short(text) or 'empty'}")
    try:
        return model.model_validate_json(match.group(0))
    except ValidationError as exc:
        raise InvalidStructuredOutput(validation_summary(exc)) from exc


def parse_answer(output: Any, model: type[M]) -> tuple[M, BaseMessage | None]:
    """Normalize what the runnable returned (structured dict, model, or a bare message)."""
    from langchain_core.messages import BaseMessage

    if isinstance(output, BaseMessage):
        return parse_text(output.content, model), output
    if not isinstance(output, dict):
        raise InvalidStructuredOutput(f"unexpected answer type {type(output).__name__}")
    raw = output.get("raw")
    raw_message = raw if isinstance(raw, BaseMessage) else None
    parsed = output.get("parsed")
    if output.get("parsing_error") is not None or parsed is None:
        content = raw_message.content if raw_message is not None else ""
        return parse_text(content, model), raw_message
    try:
        if isinstance(parsed, model):
            return parsed, raw_message
        return model.model_validate(parsed), raw_message
    except ValidationError as exc:
        raise InvalidStructuredOutput(validation_summary(exc)) from exc
