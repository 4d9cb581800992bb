"""A scripted chat model for every LLM seam (personalizer, Drafter, judge): no network.

langchain-core's ``FakeListChatModel`` already answers with a list of texts in a cycle; the
tests need three things more, and only those are added here: every prompt recorded (to
count calls and to prove what the model was or was not shown), an error raised instead of
answering (timeouts, rate limits, refused connections), and a delay on the async path that
an ``asyncio`` budget can cut short (the parent's ``sleep`` blocks a thread instead).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import FakeListChatModel
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatResult
from pydantic import Field


class ScriptedChatModel(FakeListChatModel):
    """Answers with ``replies`` in a cycle, or raises ``error``; ``seen`` keeps every prompt.

    ``replies`` is the name the tests were written with for the parent's ``responses``.
    A prompt is recorded before the error is raised, so a failing call still counts.
    """

    responses: list[str] = Field(default_factory=list, alias="replies")
    delay_s: float = 0.0
    error: Exception | None = None
    seen: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted-fake"

    @property
    def calls(self) -> int:
        return len(self.seen)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.seen.append(list(messages))
        if self.error is not None:
            raise self.error
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        return self._generate(messages, stop=stop, **kwargs)


def verdict(score: int, passed: bool, reason: str = "Clear and concrete.") -> str:
    """The JSON a judge model answers with, for scripting ``ScriptedChatModel`` as a judge."""
    return json.dumps({"score": score, "passed": passed, "reason": reason, "problems": []})
