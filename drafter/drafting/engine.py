"""The ``Drafter``: from a customer's message to a reply draft an agent can send.

The order of work is the safety argument: validate the input, redact secrets, and only then
detect the language, retrieve, extract and fill in. The rules draft always exists first; an
LLM, when configured, may only reword its acknowledge line and option labels, and any
failure of that step leaves the rules draft in place with the reason.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from drafter.cards import find_card_numbers
from drafter.catalog import CUSTOMER_FIELDS
from drafter.drafting.draft import Draft, DraftingError
from drafter.drafting.escalation import human_reasons
from drafter.drafting.extraction import extract
from drafter.drafting.inputs import batch_arguments, channel_style, message_text
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
from drafter.playbooks.models import Entry, RecoveryPlaybook
from drafter.redaction import redact
from drafter.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from drafter.playbooks import PlaybookLibrary
    from drafter.retrieval import Retriever

MAX_FIELD_CHARS = 200
DEFAULT_CHANNEL = "webchat"
NO_LLM_REASON = "no LLM endpoint configured, drafted offline"
_SECRET_WARNINGS: dict[str, str] = {
    "card_number": "the customer shared a card number; it was removed and the draft does "
    "not repeat it: never ask for it again in chat",
    "security_code": "the customer shared a card security code or PIN; it was removed: "
    "advise them to contact their bank if they are worried",
    "password": "the customer shared a password; it was removed: suggest they change it",
}


@dataclass
class _Prepared:
    """A rules draft plus what the LLM step needs to reword it."""

    draft: Draft
    message: str = ""
    entry: Entry | None = None
    style: str = "chat"
    values: dict[str, str | None] = field(default_factory=dict)
    times: list[str] = field(default_factory=list)


class Drafter:
    """Drafts replies; cheap to construct, loads the library and retriever on first use."""

    def __init__(
        self,
        settings: Settings | None = None,
        llm: BaseChatModel | None = None,
        library: PlaybookLibrary | None = None,
        retriever: Retriever | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.calendar = BusinessCalendar(self.settings)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._library = library
        # Only a library the caller chose is pinned on the retriever: the configured one lets
        # the retriever resume from its snapshot without parsing playbooks or opening Chroma.
        self._given_library = library
        self._retriever = retriever
        self._llm = llm
        self._llm_resolved = llm is not None
        self._llm_error: str | None = None
        self._lock = threading.Lock()

    @property
    def library(self) -> PlaybookLibrary:
        with self._lock:
            if self._library is None:
                from drafter.playbooks import PlaybookLibrary

                self._library = PlaybookLibrary.load(self.settings)
            return self._library

    @property
    def retriever(self) -> Retriever:
        with self._lock:
            if self._retriever is None:
                from drafter.retrieval import Retriever

                self._retriever = Retriever(self.settings, self._given_library)
            return self._retriever

    @property
    def chat_model(self) -> BaseChatModel | None:
        """The LLM in use, or None; ``drafter.llm`` is imported only when one is configured."""
        with self._lock:
            if not self._llm_resolved:
                if self.settings.llm_configured:
                    from drafter.llm import build_chat_model

                    try:
                        self._llm = build_chat_model(self.settings)
                    except Exception as exc:  # a bad endpoint setting must not stop drafting
                        self._llm_error = f"LLM client not available: {exc}"
                self._llm_resolved = True
            return self._llm

    # -- public API ---------------------------------------------------------------------

    def suggest(
        self,
        message: str | bytes | None = None,
        *,
        channel: str = DEFAULT_CHANNEL,
        customer: Mapping[str, Any] | None = None,
        template: str | None = None,
        language: str | None = None,
    ) -> Draft:
        """Draft a reply to ``message``, or the agent-initiated reply ``template``."""
        prepared = self._prepare(message, channel, customer, template, language)
        if not self._wants_llm(prepared):
            return prepared.draft
        coroutine = self._personalize(prepared)
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(coroutine)
        # Called from inside an event loop (a notebook, a web handler): run beside it.
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, coroutine).result()

    async def asuggest(
        self,
        message: str | bytes | None = None,
        *,
        channel: str = DEFAULT_CHANNEL,
        customer: Mapping[str, Any] | None = None,
        template: str | None = None,
        language: str | None = None,
    ) -> Draft:
        prepared = await asyncio.to_thread(
            self._prepare, message, channel, customer, template, language
        )
        if not self._wants_llm(prepared):
            return prepared.draft
        return await self._personalize(prepared)

    def suggest_many(
        self,
        messages: Iterable[str | Mapping[str, Any]],
        *,
        concurrency: int = 4,
        channel: str = DEFAULT_CHANNEL,
        return_exceptions: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> list[Any]:
        """Draft many replies, in input order.

        Items are messages or dicts with ``message``/``channel``/``customer``/``template``/
        ``language``. With ``return_exceptions`` a bad item yields its ``DraftingError`` in
        place of a draft instead of stopping the batch; ``progress`` gets the count done.
        """
        return asyncio.run(
            self.asuggest_many(
                messages,
                concurrency=concurrency,
                channel=channel,
                return_exceptions=return_exceptions,
                progress=progress,
            )
        )

    async def asuggest_many(
        self,
        messages: Iterable[str | Mapping[str, Any]],
        *,
        concurrency: int = 4,
        channel: str = DEFAULT_CHANNEL,
        return_exceptions: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> list[Any]:
        items = list(messages)
        gate = asyncio.Semaphore(max(1, concurrency))
        done = 0

        async def one(item: str | Mapping[str, Any]) -> Draft | DraftingError:
            nonlocal done
            async with gate:
                try:
                    return await self.asuggest(**batch_arguments(item, channel))
                except DraftingError as exc:
                    if not return_exceptions:
                        raise
                    return exc
                finally:
                    done += 1
                    if progress is not None:
                        progress(done)

        return list(await asyncio.gather(*(one(item) for item in items)))

    # -- the rules draft ----------------------------------------------------------------

    def _prepare(
        self,
        message: str | bytes | None,
        channel: str,
        customer: Mapping[str, Any] | None,
        template: str | None,
        language: str | None,
    ) -> _Prepared:
        warnings: list[str] = []
        style = channel_style(channel)
        values = self._customer_values(customer, warnings)
        text = message_text(message, required=template is None, warnings=warnings)
        redaction = redact(text)
        text = redaction.text
        warnings += [_SECRET_WARNINGS[kind] for kind in redaction.kinds]
        wanted = language or detect_language(text)

        reasons: list[str] = []
        if template is not None:
            entry: Entry | None = self._template_entry(template)
            confidence = 1.0
        else:
            result = self.retriever.search(text, k=3)
            confidence = result.confidence
            entry = self.library.get(result.matches[0].entry_id) if result.best else None
            if entry is None:
                reasons.append(
                    f"no playbook fits this message (confidence {confidence:.2f}, "
                    f"below {self.settings.abstain_below:.2f})"
                )
        found = extract(text)
        if not values.get("order_id") and found.order_id:
            values["order_id"] = found.order_id
        if not values.get("item") and found.item:
            values["item"] = found.item
        reasons = human_reasons(
            text, entry.escalation if entry else (), low_confidence=reasons[0] if reasons else None
        )

        now = self._clock()
        if entry is None:
            reply_language, note = choose_language(list(HOLDING_REPLY), wanted)
            values["agent_name"] = signature(reply_language, self.settings.agent_name)
            values["next_update"] = render_time(HOLDING_TIME, now, reply_language, self.calendar)
            composed = Composed(text=holding_reply(reply_language, style, values))
            times = [values["next_update"] or ""]
        else:
            reply_language, note = choose_language(entry.languages(), wanted)
            values["agent_name"] = signature(reply_language, self.settings.agent_name)
            times = []
            for name, spec in entry.times.items():
                values[name] = render_time(spec, now, reply_language, self.calendar)
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
        prepared = _Prepared(draft, text, entry, style, values, times)
        if not self._wants_llm(prepared):
            prepared.draft.fallback_reason = self._rules_reason(entry)
        return _scrubbed(prepared)

    def _customer_values(
        self, customer: Mapping[str, Any] | None, warnings: list[str]
    ) -> dict[str, str | None]:
        values: dict[str, str | None] = {
            "company": self.settings.company,
            "agent_name": self.settings.agent_name,
            "support_url": self.settings.support_url,
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

    def _template_entry(self, template: str) -> Entry:
        library = self.library
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

    # -- the LLM step -------------------------------------------------------------------

    def _wants_llm(self, prepared: _Prepared) -> bool:
        return isinstance(prepared.entry, RecoveryPlaybook) and self.chat_model is not None

    def _rules_reason(self, entry: Entry | None) -> str:
        if self.chat_model is None:
            return self._llm_error or NO_LLM_REASON
        if entry is None:
            return "no playbook matched, so there was nothing to personalize"
        return "canned reply: sent as written"

    async def _personalize(self, prepared: _Prepared) -> Draft:
        from drafter.llm import PersonalizationRequest, apersonalize

        chat = self.chat_model
        draft, entry = prepared.draft, prepared.entry
        assert chat is not None and entry is not None and draft.steps
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
        result = await apersonalize(chat, request, self.settings)
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
        return _scrubbed(_Prepared(updated, prepared.message, entry)).draft


def _scrubbed(prepared: _Prepared) -> _Prepared:
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
