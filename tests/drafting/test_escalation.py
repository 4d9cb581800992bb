"""When a draft needs a human: fixed concerns in several languages plus the entry's rules."""

from __future__ import annotations

import pytest

from drafter.drafting.escalation import (
    HUMAN_ASKED_REASON,
    LEGAL_REASON,
    SAFETY_REASON,
    human_reasons,
)
from drafter.playbooks.models import EscalationRule


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("my lawyer will contact you", LEGAL_REASON),
        ("I'll sue you", LEGAL_REASON),
        ("az ügyvédemhez fordulok", LEGAL_REASON),
        ("դատարան կդիմեմ", LEGAL_REASON),
        ("Ich gehe vor Gericht", LEGAL_REASON),
        ("the charger caught fire", SAFETY_REASON),
        ("my son was injured by the blade", SAFETY_REASON),
        ("kigyulladt a töltő", SAFETY_REASON),
        ("լիցքավորիչից ծուխ էր գալիս", SAFETY_REASON),
        ("can I talk to a human please", HUMAN_ASKED_REASON),
        ("I want a real person, not a bot", HUMAN_ASKED_REASON),
        ("egy élő ügyintézővel szeretnék beszélni", HUMAN_ASKED_REASON),
        ("ուզում եմ խոսել մարդու հետ", HUMAN_ASKED_REASON),
        ("quiero hablar con una persona", HUMAN_ASKED_REASON),
        ("соедините с оператором", HUMAN_ASKED_REASON),
    ],
)
def test_fixed_concerns(message: str, reason: str) -> None:
    assert reason in human_reasons(message)


@pytest.mark.parametrize(
    "message",
    [
        "my order 58213 is 4 days late",
        "the sushi set arrived brand new but wrong size",
        "I'd like to pursue a personal discount",
        "is the issue fixed?",
    ],
)
def test_ordinary_complaints_need_no_human(message: str) -> None:
    assert human_reasons(message) == []


def test_entry_rules_keywords_and_always() -> None:
    rules = [
        EscalationRule(reason="chargeback mentioned", keywords=["chargeback", "visszaterhelés"]),
        EscalationRule(reason="hacked accounts always go to security", always=True),
    ]
    assert human_reasons("I will file a Chargeback", rules) == [
        "chargeback mentioned",
        "hacked accounts always go to security",
    ]
    assert human_reasons("hello", rules[:1]) == []


def test_low_confidence_comes_first() -> None:
    reasons = human_reasons("talk to a human", low_confidence="no playbook fits")
    assert reasons == ["no playbook fits", HUMAN_ASKED_REASON]
