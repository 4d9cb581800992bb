"""What validation accepts and rejects in a model's answer."""

from __future__ import annotations

import pytest
from fakes.personalization import REQUEST

from drafter.llm import Personalization, PersonalizationRequest
from drafter.llm.validation import problems

OPTIONS = ["ship a new one to you today", "give you a full refund straight away"]


def check(
    first_line: str, options: list[str] = OPTIONS, request: PersonalizationRequest = REQUEST
) -> list[str]:
    return problems(Personalization(first_line=first_line, options=options), request)


def test_clean_answer_in_the_customers_words_passes() -> None:
    assert (
        check("Order 58213 is 4 days late and still not with you, I know how annoying that is.")
        == []
    )


def test_allowed_time_and_refund_from_the_playbook_pass() -> None:
    assert check("Order 58213 is late; I will have news within 20 minutes.") == []


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("Order 58213 is late, we will send it by 17:00.", "time"),
        ("Order 58213 is late, it will arrive on Monday.", "date"),
        ("Order 58213 is late, here is 10% off.", "discount"),
        ("Order 58213 is late, so shipping is free of charge.", "free"),
        ("Order 58213 is late, we will credit your account.", "credit"),
        ("Order 58213 is late, please send your card number.", "card data or a password"),
        ("Order 58213 is late, it was 3 weeks ago you ordered 99 items.", "numbers"),
    ],
)
def test_additions_the_playbook_does_not_allow_are_rejected(first_line: str, expected: str) -> None:
    found = check(first_line)
    assert any(expected in problem for problem in found), found


def test_chat_length_is_enforced_but_email_allows_more() -> None:
    long_line = "Order 58213 is late and I understand how frustrating the wait is for you. " * 3
    assert any("characters" in p for p in check(long_line))
    email = REQUEST.model_copy(update={"channel": "email"})
    assert check(long_line, request=email) == []


def test_option_count_must_match() -> None:
    assert any("exactly 2 options" in p for p in check("Order 58213 is late.", OPTIONS[:1]))


def test_reply_in_another_language_is_rejected() -> None:
    hungarian = REQUEST.model_copy(update={"language": "hu"})
    found = check("Order 58213 is 4 days late and still not with you, sorry.", request=hungarian)
    assert any("written in 'en'" in p for p in found), found


def test_reply_in_the_customers_language_passes() -> None:
    hungarian = REQUEST.model_copy(
        update={
            "language": "hu",
            "options": ["még ma újra feladjuk", "azonnal visszautaljuk az összeget"],
        }
    )
    answer = ["még ma újra feladjuk a csomagot", "azonnal visszautaljuk a teljes összeget"]
    line = "Látom, hogy a 58213-as rendelése már 4 napja késik, ez tényleg bosszantó."
    assert check(line, answer, hungarian) == []
