"""Rules the generalisation pass over-reached with, pinned from our own playbook drafts: each
case is a sentence shape a real reply uses, checked in both directions."""

from __future__ import annotations

from drafter import score


def test_a_request_to_confirm_what_arrived_is_an_ask_not_a_check_back() -> None:
    text = (
        "I can see the wrong item arrived, and I'm sorry we mixed this up. Could you confirm "
        "your order number and send a photo of what you received? I'll email a return label "
        "within 30 minutes. I'll stay on this until the right item is with you."
    )
    assert score(text, channel="whatsapp", scenario="wrong_item").structure.passed
    late_check = text.replace(
        "I'll stay on this until the right item is with you.",
        "",
    ).replace("I can see", "I'll check that the replacement arrived. I can see")
    assert not score(late_check, channel="whatsapp", scenario="wrong_item").structure.passed


def test_hungarian_whether_clause_is_ownership_only_after_a_check_verb() -> None:
    opening = (
        "Látom, hogy nem tudja, megvan-e még a foglalása, és értem, milyen kellemetlen. "
        "Elnézést kérek a kavarodásért. Megírná a foglalási azonosítót? "
        "Holnap 10:00-ig visszaigazolom az új időpontot."
    )
    without = score(opening, channel="whatsapp", scenario="booking_problem").structure
    assert not without.passed and "missing ownership" in without.explanation
    closing = opening + " Utána megnézem, hogy rendben megérkezett-e a visszaigazolás."
    assert score(closing, channel="whatsapp", scenario="booking_problem").structure.passed


def test_a_field_named_in_a_leading_condition_is_not_requested() -> None:
    text = (
        "I'm sorry you're locked out. Could you send the email address on the account? "
        "If you no longer have that email or your two-step device, write to me and our "
        "security team will verify you another way by 18:00 today."
    )
    scores = score(text, channel="email", scenario="account_access").over_questioning
    assert scores.passed, scores.explanation
    asked = text.replace(
        "If you no longer have that email or your two-step device, write to me and our",
        "Please also tell me your device model, and our",
    )
    assert not score(asked, channel="email", scenario="account_access").over_questioning.passed


def test_a_time_range_in_a_choice_question_is_not_a_list_of_items() -> None:
    text = (
        "Köszönöm a kérdését. Kedvezményt nem adunk, de szívesen megmutatom egy bemutatón, "
        "pontosan mit kap az árért: megfelelne holnap 10:00 és 12:00 között?"
    )
    assert score(text, channel="whatsapp", scenario="discount_request").over_questioning.passed
    wall = "Mekkora a csapata, milyen eszközt használ és mennyi a kerete?"
    assert not score(wall, channel="whatsapp", scenario="discount_request").over_questioning.passed


def test_an_invitation_restates_the_open_question_but_a_second_question_counts() -> None:
    one = "Hi there! What can I help you with? Tell me a little about it and I'll take it on."
    assert score(one, channel="webchat", scenario="greeting").over_questioning.passed
    two = "Hi there! What can I help you with? Which product is it about?"
    assert not score(two, channel="webchat", scenario="greeting").over_questioning.passed


def test_praise_before_an_answer_acknowledges_but_before_a_questionnaire_does_not() -> None:
    answer = (
        "Great question! Our tracking refreshes every 10 minutes instead of once a day, so "
        "you always see where your parcel is."
    )
    assert score(answer, channel="instagram", scenario="competitor_comparison").empathy.passed
    quiz = "Great idea! How many users? Which apps do you use? How often would you sync?"
    assert not score(quiz, channel="webchat", scenario="feature_request").empathy.passed
    brush_off = "Great idea! It is not planned."
    assert not score(brush_off, channel="webchat", scenario="feature_request").empathy.passed


def test_greeting_back_is_the_acknowledgement_a_bare_hello_needs() -> None:
    for text in ("Hello! What can I help you with?", "Jó napot! Miben segíthetek?"):
        assert score(text, channel="webchat", scenario="greeting").empathy.passed
    assert not score("What do you want?", channel="webchat", scenario="greeting").empathy.passed
    assert not score(
        "Hello! We do not plan that.", channel="webchat", scenario="feature_request"
    ).empathy.passed
