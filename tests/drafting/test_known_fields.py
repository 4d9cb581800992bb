"""Data we already have is never asked for again, also when only part of the ask is known."""

from __future__ import annotations

import pytest

from drafter.drafting import Drafter
from drafter.drafting.rules import already_known
from drafter.playbooks import PlaybookLibrary, RecoveryPlaybook
from drafter.playbooks.models import KNOWABLE_FIELDS
from drafter.scoring import score

MESSAGES = {
    "en": "it is still not sorted",
    "hu": "Még mindig nincs megoldva a problémám",
    "hy": "Խնդիրս դեռ լուծված չէ",
}
CHANNELS = ("whatsapp", "email")
LANGUAGES = ("en", "hu", "hy")

# entry -> customer data that holds its knowable field, words naming that field as asked
# (they must leave the ask step) and words naming what is still needed (they must stay).
CASES: dict[str, tuple[dict[str, str], dict[str, str], dict[str, str] | None]] = {
    "wrong_item_recovery": (
        {"order_id": "20877"},
        {"en": "order number", "hu": "rendelésszám", "hy": "պատվերի համար"},
        {"en": "photo", "hu": "fotó", "hy": "լուսանկար"},
    ),
    "booking_problem_recovery": (
        {"booking_ref": "BK4821"},
        {"en": "booking reference", "hu": "foglalási azonosító", "hy": "ամրագրման համար"},
        {"en": "time", "hu": "időpont", "hy": "ժամ"},
    ),
    "unexpected_charge_recovery": (
        {"email": "anna@example.com"},
        {"en": "email address", "hu": "e-mail-cím", "hy": "էլփոստի հասցե"},
        {"en": "last 4 digits", "hu": "utolsó 4 számjegy", "hy": "վերջին 4 թվանշան"},
    ),
    # username OR email: once the email is known nothing more identifies the account
    "account_access_recovery": (
        {"email": "anna@example.com"},
        {"en": "username", "hu": "felhasználónev", "hy": "օգտանուն"},
        None,
    ),
    "account_access_compromised": (
        {"email": "anna@example.com"},
        {"en": "username", "hu": "felhasználónev", "hy": "օգտանուն"},
        None,
    ),
}


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("entry_id", sorted(CASES))
def test_a_known_field_is_not_asked_for_again(
    drafter: Drafter, library: PlaybookLibrary, entry_id: str, language: str, channel: str
) -> None:
    customer, asked_again, still_needed = CASES[entry_id]
    entry = library.get(entry_id)
    unknown = drafter.suggest(MESSAGES[language], channel=channel, template=entry_id)
    known = drafter.suggest(
        MESSAGES[language], channel=channel, template=entry_id, customer=customer
    )
    context = f"{entry_id}/{language}/{channel}: {known.text}"
    assert known.language == language, context
    full_ask = unknown.steps[2].text
    assert asked_again[language] in full_ask.lower(), "the full ask no longer names the field"
    assert full_ask not in known.text, context
    ask = known.steps[2]
    assert ask.step == "ask" and ask.text, context
    assert asked_again[language] not in ask.text.lower(), context
    if still_needed is not None:
        assert still_needed[language] in ask.text, context
    scores = score(known.text, channel=channel, scenario=entry.scenario)
    failed = [
        f"{name}: {getattr(scores, name).explanation}"
        for name in ("over_questioning", "structure", "concrete_timing", "safety")
        if not getattr(scores, name).passed
    ]
    assert not failed, f"{context}\n{failed}"


@pytest.mark.parametrize("channel", CHANNELS)
def test_an_order_number_in_the_message_counts_as_known(drafter: Drafter, channel: str) -> None:
    draft = drafter.suggest(
        "order 20877: wrong colour AGAIN, I ordered black", channel=channel, template="wrong_item"
    )
    assert "20877" in draft.steps[0].text
    assert "order number" not in draft.steps[2].text and "photo" in draft.steps[2].text
    assert score(draft.text, channel=channel, scenario="wrong_item").over_questioning.passed


def test_a_quoted_value_is_the_customers_own(drafter: Drafter) -> None:
    """The charge reply names the account it found, so a wrong address is caught early."""
    draft = drafter.suggest(
        "charged twice",
        channel="email",
        template="unexpected_charge_recovery",
        customer={"email": "anna@example.com"},
    )
    assert "anna@example.com" in draft.steps[2].text


def _entry(ask: list[str], ask_rest: str | None) -> RecoveryPlaybook:
    steps = {
        "acknowledge": "I can see the problem.",
        "apologize": "I'm sorry.",
        "ask": "Could you send your order number and your email?",
        "next_step": "I'll reply {next_update}.",
        "ownership": "I'll stay on it.",
    }
    if ask_rest is not None:
        steps["ask_rest"] = ask_rest
    return RecoveryPlaybook.model_validate(
        {
            "id": "test_entry",
            "kind": "recovery",
            "scenario": "wrong_item",
            "title": "test",
            "tags": ["test"],
            "ask": ask,
            "times": {"next_update": {"within_minutes": 30}},
            "variants": {
                "en": {
                    "chat": steps,
                    "email": steps,
                    "greeting": "Hi,",
                    "sign_off": "Bye",
                }
            },
        }
    )


def test_the_rest_line_needs_every_knowable_field() -> None:
    both = _entry(["order_id", "email"], None)
    assert already_known(both, "en", {"order_id": "20877"}) is None
    assert "20877, a@b.c" in (
        already_known(both, "en", {"order_id": "20877", "email": "a@b.c"}) or ""
    )
    mixed = _entry(["order_id", "photo_item"], "Order[ {order_id}] found: a photo, please?")
    assert already_known(mixed, "en", {}) is None
    assert (
        already_known(mixed, "en", {"order_id": "20877"}) == "Order 20877 found: a photo, please?"
    )
    assert already_known(mixed, "en", {"order_id": ""}) is None
    assert already_known(_entry(["order_id", "photo_item"], None), "en", {"order_id": "1"}) is None


def test_knowable_fields_are_the_ones_a_draft_can_fill() -> None:
    """Every knowable field is one the customer record may hold, or the rest line could
    never be chosen for it."""
    from drafter.catalog import CUSTOMER_FIELDS

    assert set(KNOWABLE_FIELDS) <= set(CUSTOMER_FIELDS)
