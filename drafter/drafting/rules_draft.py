"""The rules draft: from a customer's message to a reply, offline, before any LLM is asked.

The order of work is the safety argument: validate the input, redact secrets, and only then
detect the language, retrieve, extract and fill in. ``rules.py`` composes one entry's text;
this module decides which entry (or the holding reply), with which values and times, so the
LLM step downstream only ever rewords a draft that is already complete and safe to send.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from drafter.cards import find_card_numbers
from drafter.catalog import CUSTOMER_FIELDS
from drafter.drafting.draft import Draft, DraftingError
from drafter.drafting.escalation import human_reasons
from drafter.drafting.extraction import extract
from drafter.drafting.inputs import channel_style, message_text
from drafter.drafting.rules import (
    HOLDING_REPLY,
    HOLDING_TIME,
    Composed,
    choose_language,
    compose,
    holding_reply,
    option_labels,
    signature,
)
from drafter.drafting.times import BusinessCalendar, render_time
from drafter.language import detect_language
from drafter.playbooks.models import Entry
from drafter.redaction import redact
from drafter.settings import Settings

if TYPE_CHECKING:
    from drafter.playbooks import PlaybookLibrary
    from drafter.retrieval import Retriever

MAX_FIELD_CHARS = 200
_SECRET_WARNINGS: dict[str, str] = {
    "card_number": "the customer shared a card number; it was removed and the draft does "
    "not repeat it: never ask for it again in chat",
    "security_code": "the customer shared a card security code or PIN; it was removed: "
    "advise them to contact their bank if they are worried",
    "password": "the customer shared a password; it was removed: suggest they change it",
}


class DraftSources(Protocol):
    """What the rules draft reads from its owner; properties, so the library, the retriever
    and Chroma behind it are loaded only by a message that needs them."""

    @property
    def settings(self) -> Settings: ...

    @property
    def calendar(self) -> BusinessCalendar: ...

    @property
    def library(self) -> PlaybookLibrary: ...

    @property
    def retriever(self) -> Retriever: ...


@dataclass
class PreparedDraft:
    """A rules draft plus what the LLM step needs to reword it."""

    draft: Draft
    message: str = ""
    entry: Entry | None = None
    style: str = "chat"
    values: dict[str, str | None] = field(default_factory=dict)
    times: list[str] = field(default_factory=list)


def prepare_rules_draft(
    sources: DraftSources,
    clock: Callable[[], datetime],
    message: str | bytes | None,
    channel: str,
    customer: Mapping[str, Any] | None,
    template: str | None,
    language: str | None,
) -> PreparedDraft:
    """The rules draft, not yet scrubbed: the caller sets its fallback reason first.

    ``clock`` is read once, after retrieval, so every time promised in one draft counts
    from the same moment.
    """
    settings = sources.settings
    warnings: list[str] = []
    style = channel_style(channel)
    values = customer_values(settings, customer, warnings)
    text = message_text(message, required=template is None, warnings=warnings)
    redaction = redact(text)
    text = redaction.text
    warnings += [_SECRET_WARNINGS[kind] for kind in redaction.kinds]
    wanted = language or detect_language(text)

    reasons: list[str] = []
    if template is not None:
        entry: Entry | None = template_entry(sources.library, template)
        confidence = 1.0
    else:
        result = sources.retriever.search(text, k=3)
        confidence = result.confidence
        entry = sources.library.get(result.matches[0].entry_id) if result.best else None
        if entry is None:
            reasons.append(
                f"no playbook fits this message (confidence {confidence:.2f}, "
                f"below {settings.abstain_below:.2f})"
            )
    found = extract(text)
    if not values.get("order_id") and found.order_id:
        values["order_id"] = found.order_id
    if not values.get("item") and found.item:
        values["item"] = found.item
    reasons = human_reasons(
        text, entry.escalation if entry else (), low_confidence=reasons[0] if reasons else None
    )

    now = clock()
    calendar = sources.calendar
    if entry is None:
        reply_language, note = choose_language(list(HOLDING_REPLY), wanted)
        values["agent_name"] = signature(reply_language, settings.agent_name)
        values["next_update"] = render_time(HOLDING_TIME, now, reply_language, calendar)
        composed = Composed(text=holding_reply(reply_language, style, values))
        times = [values["next_update"] or ""]
    else:
        reply_language, note = choose_language(entry.languages(), wanted)
        values["agent_name"] = signature(reply_language, settings.agent_name)
        times = []
        for name, spec in entry.times.items():
            values[name] = render_time(spec, now, reply_language, calendar)
            times.append(values[name] or "")
        labels = option_labels(entry, reply_language, values)
        composed = compose(
            entry, language=reply_language, style=style, values=values, options=labels
        )
    if note:
        warnings.append(note)
    draft = Draft(
        text=composed.text,
        scenario=entry.scenario if entry else None,
        entry_id=entry.id if entry else None,
        kind=entry.kind if entry else "holding",
        channel=channel,
        language=reply_language,
        confidence=round(confidence, 4),
        needs_human=bool(reasons),
        human_reasons=reasons,
        steps=composed.steps,
        options=composed.options,
        personalized_by="rules",
        warnings=warnings,
        redacted=redaction.kinds,
    )
    return PreparedDraft(draft, text, entry, style, values, times)


def customer_values(
    settings: Settings, customer: Mapping[str, Any] | None, warnings: list[str]
) -> dict[str, str | None]:
    """Placeholder values: company defaults, then the agent's customer fields, cleaned and
    redacted, because agent data reaches the customer verbatim."""
    values: dict[str, str | None] = {
        "company": settings.company,
        "agent_name": settings.agent_name,
        "support_url": settings.support_url,
    }
    if customer is None:
        return values
    if not isinstance(customer, Mapping):
        raise DraftingError("customer must be a mapping of field names to values")
    for key, value in customer.items():
        if key not in CUSTOMER_FIELDS:
            warnings.append(
                f"ignored unknown customer field {key!r}; known fields: "
                + ", ".join(sorted(CUSTOMER_FIELDS))
            )
            continue
        if value is None:
            continue
        if not isinstance(value, str | int):
            raise DraftingError(f"customer field {key!r} must be text, got {value!r}")
        cleaned = " ".join(str(value).split())[:MAX_FIELD_CHARS]
        values[key] = redact(cleaned).text or None
    return values


def template_entry(library: PlaybookLibrary, template: str) -> Entry:
    """The entry an agent asked for by entry id, scenario id or shortcut, in that order."""
    if template in library.loaded:
        return library.get(template)
    by_scenario = sorted(library.for_scenario(template), key=lambda e: e.id)
    if by_scenario:
        return by_scenario[0]
    for entry in library:
        if getattr(entry, "shortcut", None) == template:
            return entry
    raise DraftingError(
        f"unknown template {template!r}: give an entry id, a scenario id or a shortcut "
        "(see `drafter playbooks list`)"
    )


def scrubbed(prepared: PreparedDraft) -> PreparedDraft:
    """Last line of defence: a card number reaching the text (via agent data) is removed."""
    draft = prepared.draft
    if any(True for _ in find_card_numbers(draft.text)):
        cleaned = redact(draft.text).text
        steps = [s.model_copy(update={"text": redact(s.text).text}) for s in draft.steps]
        prepared.draft = draft.model_copy(
            update={
                "text": cleaned,
                "steps": steps,
                "warnings": [*draft.warnings, "a card number in the draft was removed"],
            }
        )
    return prepared
