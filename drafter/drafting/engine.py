"""The ``Drafter``: from a customer's message to a reply draft an agent can send.

This is the facade callers hold: it owns the settings and loads the library, the retriever
and the chat model lazily, once, under a lock, because constructing a Drafter must stay
cheap (the CLI builds one per run). The work itself lives beside it: ``rules_draft`` writes
the offline draft that always exists first, ``llm_step`` decides whether an LLM may reword
it and falls back to it on any failure, and ``batch`` runs many in input order.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from drafter.drafting.batch import draft_in_order
from drafter.drafting.draft import Draft
from drafter.drafting.llm_step import NO_LLM_REASON, goes_to_llm, personalize, rules_reason
from drafter.drafting.rules_draft import (
    MAX_FIELD_CHARS,
    PreparedDraft,
    prepare_rules_draft,
    scrubbed,
)
from drafter.drafting.times import BusinessCalendar
from drafter.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from drafter.playbooks import PlaybookLibrary
    from drafter.retrieval import Retriever

__all__ = ["DEFAULT_CHANNEL", "MAX_FIELD_CHARS", "NO_LLM_REASON", "Drafter"]

DEFAULT_CHANNEL = "webchat"


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
        return await draft_in_order(
            self.asuggest,
            messages,
            concurrency=concurrency,
            channel=channel,
            return_exceptions=return_exceptions,
            progress=progress,
        )

    # -- the two steps ------------------------------------------------------------------

    def _prepare(
        self,
        message: str | bytes | None,
        channel: str,
        customer: Mapping[str, Any] | None,
        template: str | None,
        language: str | None,
    ) -> PreparedDraft:
        prepared = prepare_rules_draft(
            self, self._clock, message, channel, customer, template, language
        )
        if not self._wants_llm(prepared):
            # chat_model is read before _llm_error: resolving it is what records the error.
            prepared.draft.fallback_reason = rules_reason(
                prepared.entry, self.chat_model, self._llm_error
            )
        return scrubbed(prepared)

    def _wants_llm(self, prepared: PreparedDraft) -> bool:
        return goes_to_llm(prepared.entry, self.chat_model)

    async def _personalize(self, prepared: PreparedDraft) -> Draft:
        chat = self.chat_model
        assert chat is not None
        return await personalize(prepared, chat, self.settings)
