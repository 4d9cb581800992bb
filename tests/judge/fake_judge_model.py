"""A fake chat model for the judge seam: scripted answers in turn, every prompt recorded."""

from __future__ import annotations

import json
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field


def verdict(score: int, passed: bool, reason: str = "Clear and concrete.") -> str:
    return json.dumps({"score": score, "passed": passed, "reason": reason, "problems": []})


class CountingChatModel(BaseChatModel):
    """Answers with ``replies`` in a cycle; ``error`` raises instead. ``seen`` counts the calls."""

    replies: list[str] = Field(default_factory=list)
    error: Exception | None = None
    seen: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "counting-fake"

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
        content = self.replies[(len(self.seen) - 1) % len(self.replies)]
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content))])
