"""The judge's prompt: ``prompts/judge.yaml``, its hash, and the filled-in messages.

The rubric is a file so quality teams can tune it without touching code; its hash is part
of every cache key, so an edited rubric is never answered from verdicts of the old one.
The customer's message and the draft are data: each sits between its own tags, a copy of
the closing tag inside them is defused, and each is cut to a character budget so a 1 MB
message cannot reach the endpoint whole.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from drafter.catalog import CHANNEL_STYLE
from drafter.llm.prompt import check_placeholders
from drafter.resources import bundled_dir

# About 1,000 tokens each: enough for any real complaint or reply, bounded for the budget.
MAX_MESSAGE_CHARS = 4000
MAX_DRAFT_CHARS = 4000
TRUNCATION_MARK = " […truncated]"
NO_MESSAGE = "(none: the draft was written without a customer message)"
_TAGS = ("customer_message", "draft")

_FIELDS = {
    "system": frozenset({"channel", "channel_style"}),
    "human": frozenset({"channel", "channel_style", "scenario", "message", "draft"}),
}


class JudgePrompt(BaseModel):
    """``prompts/judge.yaml``: system (the rubric) and human templates, ``str.format`` style."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    system: str
    human: str

    @model_validator(mode="after")
    def _known_placeholders(self) -> JudgePrompt:
        check_placeholders(self, _FIELDS, {"human": frozenset({"message", "draft"})})
        return self

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.model_dump_json().encode("utf-8")).hexdigest()


class JudgeMessages(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    system: str
    human: str


def load_judge_prompt(path: Path | None = None) -> JudgePrompt:
    """Read and validate the judge prompt (the bundled one unless ``path`` is given)."""
    if path is None:
        return _bundled_prompt()
    return JudgePrompt.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@cache
def _bundled_prompt() -> JudgePrompt:
    return load_judge_prompt(bundled_dir("prompts") / "judge.yaml")


def _as_data(text: str, limit: int) -> str:
    """Cut to ``limit`` characters and defuse our tags, so the data cannot close its block."""
    text = text.strip()
    if len(text) > limit:
        text = text[:limit] + TRUNCATION_MARK
    for tag in _TAGS:
        text = text.replace(f"<{tag}", f"[{tag}").replace(f"</{tag}", f"[/{tag}")
    return text


def render_judge_prompt(
    prompt: JudgePrompt,
    draft: str,
    *,
    message: str | None,
    channel: str,
    scenario: str | None,
) -> JudgeMessages:
    style = CHANNEL_STYLE.get(channel, "chat")
    return JudgeMessages(
        system=prompt.system.format(channel=channel, channel_style=style),
        human=prompt.human.format(
            channel=channel,
            channel_style=style,
            scenario=scenario or "(unknown)",
            message=_as_data(message, MAX_MESSAGE_CHARS) if message else NO_MESSAGE,
            draft=_as_data(draft, MAX_DRAFT_CHARS),
        ),
    )
