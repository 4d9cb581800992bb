"""What a scenario allows, read from its playbook entries.

Scorers ask three questions of a scenario: is it a recovery (five-step structure applies)
or a canned reply, which customer fields may a reply ask for, and which kinds of money-like
promise its options allow. A scenario whose playbook is not written yet falls back to the
reply shape in the domain brief's catalog, with no field or promise allowance known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from drafter.playbooks.models import Entry
from drafter.scoring.promises import promise_kinds_in, promised_kinds
from drafter.scoring.sentences import split_sentences

# The catalog's reply shape per incoming scenario (domain brief); agent-initiated ones are canned.
RECOVERY_SCENARIOS: frozenset[str] = frozenset(
    {
        "late_delivery",
        "damaged_item",
        "wrong_item",
        "booking_problem",
        "unexpected_charge",
        "service_outage",
        "account_access",
    }
)


# What each reply shape may ask the customer for (domain brief, "Over-questioning"): a
# playbook may narrow its wording but a draft is held to this, so a scenario whose playbook is
# not written yet is still checked. Anything else ("the model name", "the dates of the
# charges", "your region") is an unneeded request even when it is the only one.
BRIEF_ASK: dict[str, frozenset[str]] = {
    "late_delivery": frozenset({"order_id", "delivery_address", "preferred_slot"}),
    "damaged_item": frozenset({"photo_item", "photo_label"}),
    "wrong_item": frozenset({"order_id", "photo_item", "photo_label"}),
    "booking_problem": frozenset({"booking_ref", "preferred_slot"}),
    "unexpected_charge": frozenset({"email", "phone", "card_last4"}),
    "account_access": frozenset({"username", "email"}),
    "service_outage": frozenset(),
    "refund_request": frozenset({"order_id", "card_last4"}),
    "cancellation": frozenset({"order_id", "email", "reason"}),
}


# Promises the brief's reply shape allows whatever the playbook's options say: a bug on our
# side may earn a small goodwill gesture (a credit, a voucher, a free month).
BRIEF_PROMISES: dict[str, frozenset[str]] = {
    "bug_report": frozenset({"credit", "voucher", "discount", "free"}),
}


@dataclass(frozen=True)
class ScenarioRules:
    scenario: str
    kind: Literal["recovery", "canned"]
    ask_fields: frozenset[str]
    allowed_promises: frozenset[str]
    from_playbook: bool


# Keyed by entry identity; the value keeps the entries alive so an id is never reused.
_CACHE: dict[tuple[str, tuple[int, ...]], tuple[tuple[Entry, ...], ScenarioRules]] = {}


def rules_for(scenario: str, entries: tuple[Entry, ...]) -> ScenarioRules:
    """The rules of ``scenario`` given its entries, computed once per set of entries."""
    key = (scenario, tuple(id(e) for e in entries))
    cached = _CACHE.get(key)
    if cached is None:
        if len(_CACHE) > 512:
            _CACHE.clear()
        cached = (entries, _compute(scenario, entries))
        _CACHE[key] = cached
    return cached[1]


def _compute(scenario: str, entries: tuple[Entry, ...]) -> ScenarioRules:
    if not entries:
        kind: Literal["recovery", "canned"] = (
            "recovery" if scenario in RECOVERY_SCENARIOS else "canned"
        )
        ask = BRIEF_ASK.get(scenario, frozenset())
        return ScenarioRules(scenario, kind, ask, frozenset(), from_playbook=False)
    kind = "recovery" if any(e.kind == "recovery" for e in entries) else "canned"
    ask = frozenset(f for e in entries for f in e.ask) | BRIEF_ASK.get(scenario, frozenset())
    promises: set[str] = set()
    for entry in entries:
        for option in entry.options:
            promises |= promise_kinds_in(option.id.replace("_", " "))
            for label in option.label.values():
                promises |= promise_kinds_in(label)
        if entry.kind == "canned":
            # A canned reply's own text is approved wording: "your refund was sent" is its point.
            for variant in entry.variants.values():
                for sentence in split_sentences(f"{variant.chat}\n{variant.email}"):
                    promises |= promised_kinds(sentence)
    promises |= BRIEF_PROMISES.get(scenario, frozenset())
    return ScenarioRules(scenario, kind, ask, frozenset(promises), from_playbook=True)
