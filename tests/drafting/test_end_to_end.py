"""Message in, draft out, through the real retriever over a small library (real embeddings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixed_clock import MONDAY_10, fixed

from drafter.drafting import Drafter
from drafter.playbooks import PlaybookLibrary
from drafter.resources import bundled_dir
from drafter.retrieval import Retriever
from drafter.settings import Settings

FILES = ("late_delivery.yaml", "refund_request.yaml", "damaged_item.yaml")


@pytest.fixture(scope="module")
def small() -> tuple[Settings, PlaybookLibrary, Retriever]:
    settings = Settings(collection_prefix="drafting-e2e")
    library = PlaybookLibrary.from_paths(*(Path(bundled_dir("playbooks")) / f for f in FILES))
    retriever = Retriever(settings, library)
    retriever.ensure_index()
    return settings, library, retriever


@pytest.fixture
def drafter(small: tuple[Settings, PlaybookLibrary, Retriever]) -> Drafter:
    settings, library, retriever = small
    return Drafter(settings, library=library, retriever=retriever, clock=fixed(MONDAY_10))


def test_a_late_order_gets_the_late_delivery_playbook(drafter: Drafter) -> None:
    draft = drafter.suggest(
        "my order 58213 is 4 days late!!", channel="whatsapp", customer={"first_name": "Anna"}
    )
    assert draft.scenario == "late_delivery"
    assert draft.entry_id == "late_delivery_recovery"
    assert "58213" in draft.steps[0].text  # taken from the message
    assert "within 20 minutes" in draft.text
    assert draft.personalized_by == "rules" and draft.fallback_reason
    assert 0.0 < draft.confidence <= 1.0 and not draft.needs_human


def test_hungarian_complaint_gets_a_hungarian_reply(drafter: Drafter) -> None:
    draft = drafter.suggest("A csomag összetörve érkezett meg, a bögre darabokban", channel="email")
    assert draft.scenario == "damaged_item"
    assert draft.language == "hu"
    assert draft.text.startswith("Kedves")


def test_abstaining_gives_a_holding_reply_for_a_human(
    small: tuple[Settings, PlaybookLibrary, Retriever],
) -> None:
    _, library, _ = small
    strict = Settings(collection_prefix="drafting-e2e", abstain_below=0.999)
    drafter = Drafter(
        strict, library=library, retriever=Retriever(strict, library), clock=fixed(MONDAY_10)
    )
    draft = drafter.suggest("write me a poem about the sea", channel="whatsapp")
    assert draft.scenario is None and draft.kind == "holding"
    assert draft.needs_human
    assert "no playbook fits" in draft.human_reasons[0]
    assert "within 30 minutes" in draft.text


def test_legal_threat_is_flagged(drafter: Drafter) -> None:
    draft = drafter.suggest("parcel is 2 weeks late, my lawyer will hear about this")
    assert draft.needs_human
    assert any("lawyer" in reason for reason in draft.human_reasons)


def test_batch_keeps_order_and_reports_bad_items(drafter: Drafter) -> None:
    done: list[int] = []
    results = drafter.suggest_many(
        [
            "where is my parcel??",
            "",
            {"message": "refund pls", "channel": "fax"},
            {"message": "I want my money back", "channel": "email"},
        ],
        concurrency=3,
        return_exceptions=True,
        progress=done.append,
    )
    assert results[0].scenario == "late_delivery"
    assert isinstance(results[1], ValueError) and "empty" in str(results[1])
    assert isinstance(results[2], ValueError) and "channel" in str(results[2])
    assert results[3].scenario == "refund_request" and results[3].channel == "email"
    assert sorted(done) == [1, 2, 3, 4]
    with pytest.raises(ValueError, match="empty"):
        drafter.suggest_many(["fine", ""])
