import pytest

from drafter.scoring import score


@pytest.mark.parametrize(
    "text",
    [
        "I can see why this is frustrating. I'm sorry we let you down.",
        "Sorry about the wait!",
        "That must be really annoying after a week of waiting.",
        "Látom, hogy a csomag még nem érkezett meg, elnézést kérek.",
        "Megértem, mennyire bosszantó ez.",
    ],
)
def test_acknowledgement_or_apology_passes(text: str) -> None:
    result = score(text).empathy
    assert result.passed
    assert result.value > 0
    assert result.evidence


def test_both_signals_score_higher_than_one() -> None:
    both = score("I understand how frustrating this is, and I'm sorry.").empathy
    one = score("I'm sorry.").empathy
    assert both.value > one.value


@pytest.mark.parametrize(
    "text",
    [
        "We apologize for any inconvenience this may have caused.",
        "Elnézést kérünk az esetleges kellemetlenségért.",
        "Your order will ship on Monday.",
    ],
)
def test_form_apology_or_nothing_fails(text: str) -> None:
    assert not score(text).empathy.passed


def test_defensive_boilerplate_fails_even_with_an_apology() -> None:
    result = score("Sorry, but as per our terms we are not liable for courier delays.").empathy
    assert not result.passed
    assert "defensive" in result.explanation


def test_stacked_apologies_without_acknowledgement_fail() -> None:
    result = score("Sorry! So sorry! We're very sorry, apologies again.").empathy
    assert not result.passed
    assert "stacked" in result.explanation
