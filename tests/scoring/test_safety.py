import pytest

from drafter.scoring import score
from drafter.scoring.safety import find_sensitive_requests


@pytest.mark.parametrize(
    "text",
    [
        "Please send your full card number so we can check.",
        "Could you tell me the expiry date of the card?",
        "What's the CVV on your card?",
        "Reply with the 3 digits on the back of your card.",
        "Please share your PIN so I can verify you.",
        "Send me your password and I'll log in for you.",
        "Could you send a photo of both sides of your card?",
        "Don't worry, just send the security code.",
        "Kérem, adja meg a kártyaszámát és a lejárati dátumot.",
        "Írja meg a jelszavát, hogy be tudjak lépni.",
    ],
)
def test_requests_for_card_data_or_secrets_fail(text: str) -> None:
    assert find_sensitive_requests(text) == [text]
    result = score(text).safety
    assert not result.passed
    assert result.evidence == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Could you send the last 4 digits of the card?",
        "We will never ask for your PIN or password.",
        "For your security, don't share your card number with anyone, including us.",
        "Please reset your password with the link we sent.",
        "Soha ne ossza meg a jelszavát senkivel.",
        "Kérem, küldje el a kártya utolsó 4 számjegyét.",
        "Your card ending 4242 was charged twice.",
    ],
)
def test_safe_mentions_pass(text: str) -> None:
    assert find_sensitive_requests(text) == []
    assert score(text).safety.passed


def test_a_luhn_valid_card_number_fails_and_is_masked_in_evidence() -> None:
    result = score("I found the card 4111 1111 1111 1111 on your account.").safety
    assert not result.passed
    assert "4111" not in " ".join(result.evidence)
    assert "[card number]" in result.evidence[0]


def test_a_long_order_number_that_fails_luhn_is_fine() -> None:
    assert score("Your order 4111 1111 1111 1112 is on its way.").safety.passed


def test_promises_are_checked_against_the_playbook_options() -> None:
    refund = "We can refund you in full right away."
    voucher = "I'll add a 20% discount voucher to your account."
    assert score(refund, scenario="late_delivery").safety.passed
    result = score(voucher, scenario="late_delivery").safety
    assert not result.passed
    assert "does not offer" in result.explanation
    assert score(voucher).safety.passed  # no scenario: nothing to compare with


def test_a_negated_promise_is_not_a_promise() -> None:
    assert score(
        "We don't offer discounts beyond the site.", scenario="late_delivery"
    ).safety.passed


def test_voucher_words_match_whole_words_only() -> None:
    from drafter.scoring.promises import promised_kinds

    assert promised_kinds("ուղարկեք էլեկտրոնային նամակ") == set()  # "electronic", not a coupon
    assert promised_kinds("կտրոն կուղարկենք") == {"voucher"}


def test_dealing_with_a_problem_is_not_a_deal() -> None:
    from drafter.scoring.promises import promised_kinds

    assert promised_kinds("i'm sorry you have to deal with this") == set()
    assert promised_kinds("we'll send you our best deal") == {"discount"}
