from drafter.playbooks import PlaybookLibrary
from drafter.scoring import score
from drafter.scoring.questions import find_requested_fields


def test_one_or_two_requests_pass() -> None:
    result = score("Could you confirm your order number? I'll check right away.").over_questioning
    assert result.passed
    assert result.evidence == ["Could you confirm your order number?"]


def test_question_wall_fails() -> None:
    text = "What is your order number? When did you order? Which courier was it? Did you check?"
    result = score(text).over_questioning
    assert not result.passed
    assert len(result.evidence) == 4


def test_bulleted_fields_count_one_each() -> None:
    text = "Please send us:\n- your order number\n- your email address\n- your phone number"
    result = score(text).over_questioning
    assert not result.passed
    assert "3 request(s)" in result.explanation


def test_one_request_naming_many_fields_counts_each() -> None:
    text = "Kérem, küldje el a rendelésszámát, az e-mail címét és a telefonszámát."
    assert find_requested_fields(text) == ["email", "order_id", "phone"]
    assert not score(text).over_questioning.passed


def test_a_choice_question_is_not_counted() -> None:
    text = (
        "Could you confirm your order number? Should I reship it today or refund you now, "
        "which do you prefer? What's the best email for you?"
    )
    result = score(text).over_questioning
    assert result.passed
    assert "choice" in result.explanation


def test_scenario_limits_fields_to_the_playbooks_ask_list() -> None:
    allowed = set(PlaybookLibrary.load().get("late_delivery_recovery").ask)
    assert "order_id" in allowed and "delivery_address" not in allowed
    ok = score("Could you confirm your order number?", scenario="late_delivery")
    extra = score("Could you send your home address?", scenario="late_delivery")
    no_scenario = score("Could you send your home address?")
    assert ok.over_questioning.passed
    assert not extra.over_questioning.passed
    assert "delivery_address" in extra.over_questioning.explanation
    assert no_scenario.over_questioning.passed


def test_statements_are_not_requests() -> None:
    assert score("I've checked your order number with the courier.").over_questioning.passed
