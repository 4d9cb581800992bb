"""``Judge``: ask a chat model n times how a draft fares against the rubric, never failing.

The deterministic scorers are the contract; the judge is a second opinion that is only as
trustworthy as it is stable, so every draft is judged ``repeats`` times (each repeat its own
call and cache slot) and the run reports how often the verdict flipped. Whatever goes wrong
in one repeat (no connection, a timeout, prose instead of JSON, a score of 7) makes that
repeat missing, with its reason; it never raises into the eval run.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.judge.cache import VerdictCache, cache_key
from drafter.judge.models import MAX_REPEATS, JudgeResult, JudgeVerdict
from drafter.judge.prompt import JudgeMessages, JudgePrompt, load_judge_prompt, render_judge_prompt
from drafter.llm.structured import (
    InvalidStructuredOutput,
    bind_schema,
    json_schema_format,
    parse_answer,
    short,
)

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.runnables import Runnable

    from drafter.settings import Settings


def response_format() -> dict[str, Any]:
    """Built on first use: the schema costs milliseconds that ``drafter eval`` without a judge
    should not pay at import."""
    return json_schema_format(
        "judge_verdict",
        "Rubric score, pass/fail and reason for one customer-support draft.",
        JudgeVerdict,
    )


# Kept as the judge's name for a malformed answer.
InvalidVerdict = InvalidStructuredOutput


def model_id(chat: BaseChatModel) -> str:
    """Model name and endpoint: the part of the cache key that says who judged."""
    from drafter.llm.chat_model import endpoint_urls

    name = getattr(chat, "model_name", None) or getattr(chat, "model", None)
    label = name if isinstance(name, str) and name else chat._llm_type
    urls = endpoint_urls(chat)
    return f"{label}@{urls[0]}" if urls else label


class Judge:
    """A rubric judge over one chat model; ``judge()`` returns a ``JudgeResult`` per draft."""

    def __init__(
        self,
        chat: BaseChatModel,
        *,
        repeats: int = 3,
        cache_dir: Path | None = None,
        prompt: JudgePrompt | None = None,
    ) -> None:
        if not 1 <= repeats <= MAX_REPEATS:
            raise ValueError(f"repeats must be between 1 and {MAX_REPEATS}, got {repeats}")
        if cache_dir is None:
            from drafter.settings import Settings

            cache_dir = Settings().cache_dir / "judge"
        self.chat = chat
        self.repeats = repeats
        self.prompt = prompt or load_judge_prompt()
        self.cache = VerdictCache(cache_dir)
        self.model = model_id(chat)
        self._runnable: Runnable[Any, Any] | None = None
        self._bound = False

    @classmethod
    def from_settings(cls, settings: Settings, repeats: int = 3) -> Judge | None:
        """The judge on the drafting endpoint, or None when no endpoint is configured.

        Raises ``drafter.llm.ModelRequestBlocked`` for a real endpoint while model requests
        are switched off (in tests).
        """
        if not settings.llm_configured:
            return None
        from drafter.llm import build_chat_model

        chat = build_chat_model(settings)
        if chat is None:
            return None
        return cls(chat, repeats=repeats, cache_dir=settings.cache_dir / "judge")

    def judge(
        self,
        draft: str,
        *,
        message: str | None = None,
        channel: str = "webchat",
        scenario: str | None = None,
    ) -> JudgeResult:
        from drafter.llm.chat_model import is_blocked

        messages = render_judge_prompt(
            self.prompt, draft, message=message, channel=channel, scenario=scenario
        )
        verdicts: list[JudgeVerdict | None] = []
        missing: list[str] = []
        hits = 0
        blocked = is_blocked(self.chat)
        for repeat in range(self.repeats):
            key = cache_key(self.model, self.prompt.sha256, messages.system, messages.human, repeat)
            verdict = self.cache.get(key)
            if verdict is not None:
                hits += 1
            elif blocked:
                missing.append(f"repeat {repeat + 1}: blocked")
            else:
                try:
                    verdict = self._ask(messages)
                except InvalidVerdict as exc:
                    missing.append(f"repeat {repeat + 1}: invalid_output: {short(str(exc))}")
                except Exception as exc:  # any provider's error is a missing judgement
                    from drafter.llm.personalizer import transport_reason

                    missing.append(f"repeat {repeat + 1}: {transport_reason(exc)}")
                else:
                    self.cache.put(key, verdict)
            verdicts.append(verdict)
        return JudgeResult.from_verdicts(self.model, verdicts, missing, hits)

    def _ask(self, messages: JudgeMessages) -> JudgeVerdict:
        from langchain_core.messages import HumanMessage, SystemMessage

        if not self._bound:
            self._runnable = bind_schema(self.chat, JudgeVerdict, response_format())
            self._bound = True
        output = (self._runnable or self.chat).invoke(
            [SystemMessage(messages.system), HumanMessage(messages.human)]
        )
        return parse_answer(output, JudgeVerdict)[0]
