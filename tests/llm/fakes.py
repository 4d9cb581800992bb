"""Fake chat models for the LLM seam: scripted answers, recorded prompts, no network."""

from __future__ import annotations

import asyncio
from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from drafter.llm import PersonalizationRequest

REQUEST = PersonalizationRequest(
    message="my order 58213 is 4 days late!! where is it",
    scenario="late_delivery",
    entry_id="late_delivery_recovery",
    language="en",
    channel="whatsapp",
    first_line="I can see your order 58213 still hasn't reached you, and I understand how "
    "frustrating the wait is.",
    options=["send a replacement out today", "refund you in full right away"],
    allowed_times=["within 20 minutes"],
)
GOOD = (
    '{"first_line": "Your order 58213 is now 4 days late and still not with you, I get how '
    'annoying that is.", "options": ["ship a new one to you today", "give you a full refund '
    'straight away"]}'
)


class ScriptedChatModel(BaseChatModel):
    """Answers with the scripted texts in turn (the last repeats) and records every prompt."""

    replies: list[str]
    delay_s: float = 0.0
    error: Exception | None = None
    seen: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted-fake"

    def _next(self, messages: list[BaseMessage]) -> ChatResult:
        self.seen.append(list(messages))
        if self.error is not None:
            raise self.error
        content = self.replies[min(len(self.seen), len(self.replies)) - 1]
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content))])

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return self._next(messages)

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        return self._next(messages)
