"""The LLM step: which drafts go to the model, and how its answer may replace the rules draft.

An LLM may only reword the acknowledge line and the option labels of a recovery playbook's
rules draft. Everything else is recomposed from the rules inputs, and any failure (no
endpoint, a refused or broken answer, a different number of options) returns the rules
draft unchanged with the reason, so a draft always comes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.drafting.draft import Draft
from drafter.drafting.rules import compose
from drafter.drafting.rules_draft import PreparedDraft, scrubbed
from drafter.playbooks.models import Entry, RecoveryPlaybook
from drafter.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

NO_LLM_REASON = "no LLM endpoint configured, drafted offline"


def goes_to_llm(entry: Entry | None, chat: BaseChatModel | None) -> bool:
    """Only recovery playbooks are reworded: canned replies are sent as written."""
    return isinstance(entry, RecoveryPlaybook) and chat is not None


def rules_reason(entry: Entry | None, chat: BaseChatModel | None, llm_error: str | None) -> str:
    """Why a draft stayed with the rules, for a draft that never reached the model."""
    if chat is None:
        return llm_error or NO_LLM_REASON
    if entry is None:
        return "no playbook matched, so there was nothing to personalize"
    return "canned reply: sent as written"


async def personalize(prepared: PreparedDraft, chat: BaseChatModel, settings: Settings) -> Draft:
    """The draft with the model's first line and options, or the rules draft with the reason."""
    from drafter.llm import PersonalizationRequest, apersonalize

    draft, entry = prepared.draft, prepared.entry
    assert entry is not None and draft.steps
    request = PersonalizationRequest(
        message=prepared.message,
        scenario=entry.scenario,
        entry_id=entry.id,
        language=draft.language,
        channel=draft.channel,
        first_line=draft.steps[0].text,
        options=draft.options,
        allowed_times=prepared.times,
    )
    result = await apersonalize(chat, request, settings)
    written = result.personalization
    if written is None or len(written.options) != len(draft.options):
        reason = result.fallback_reason or "the model returned a different number of options"
        return draft.model_copy(update={"fallback_reason": reason})
    composed = compose(
        entry,
        language=draft.language,
        style=prepared.style,
        values=prepared.values,
        options=written.options,
        first_line=written.first_line,
    )
    updated = draft.model_copy(
        update={
            "text": composed.text,
            "steps": composed.steps,
            "options": composed.options,
            "personalized_by": "llm",
            "fallback_reason": None,
        }
    )
    return scrubbed(PreparedDraft(updated, prepared.message, entry)).draft
