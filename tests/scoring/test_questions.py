import pytest

from drafter.scoring import score
from drafter.scoring.requested_fields import find_requested_fields


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


def test_scenario_limits_fields_to_what_its_reply_shape_needs() -> None:
    ok = score("Could you confirm your order number?", scenario="late_delivery")
    address = score("Could you send your home address?", scenario="late_delivery")
    wrong_place = score("Could you send your home address?", scenario="damaged_item")
    no_scenario = score("Could you send your home address?")
    assert ok.over_questioning.passed
    assert address.over_questioning.passed  # one delivery detail is part of late_delivery
    assert not wrong_place.over_questioning.passed
    assert "delivery_address" in wrong_place.over_questioning.explanation
    assert no_scenario.over_questioning.passed


@pytest.mark.parametrize(
    ("text", "scenario"),
    [
        ("Could you tell me which days you're home next week?", "wrong_item"),
        ("Could you confirm the model number on the box?", "damaged_item"),
        ("Could you tell me the number of people coming?", "booking_problem"),
        ("Please send the date of the payment too.", "unexpected_charge"),
        ("Which country are you connecting from?", "service_outage"),
        ("Is the card ending 1234 the one you used?", "late_delivery"),
        ("Bitte nennen Sie uns Ihre Telefonnummer.", "damaged_item"),
        ("Could you share your order number?", "unexpected_charge"),
    ],
)
def test_a_single_unneeded_request_fails(text: str, scenario: str) -> None:
    assert not score(text, scenario=scenario).over_questioning.passed


def test_home_availability_is_a_delivery_detail() -> None:
    text = "Could you tell me whether you're home on Monday morning?"
    assert score(text, scenario="late_delivery").over_questioning.passed


@pytest.mark.parametrize(
    "text",
    [
        "Please keep your PIN to yourself.",
        "Kérem, a jelszavát soha ne ossza meg senkivel.",
        "A jelszavát soha nem kérjük el.",
        "Kérjük, a kártyaszámot ne küldje el.",
        "Nothing is wrong with your browser or your device.",
    ],
)
def test_warnings_and_negations_ask_for_nothing(text: str) -> None:
    result = score(f"Could you tell me your username? {text}", scenario="account_access")
    assert result.over_questioning.passed, result.over_questioning.explanation
    assert "1 request" in result.over_questioning.explanation


def test_self_service_advice_is_not_a_password_request() -> None:
    text = "Please reset your password with the link on the login page."
    assert "card_data" not in find_requested_fields(text)
    assert score(text, scenario="account_access").over_questioning.passed


def test_a_request_next_to_a_warning_still_counts() -> None:
    text = "Don't worry about the receipt, but please send your phone number."
    result = score(text, scenario="account_access").over_questioning
    assert not result.passed
    assert "phone" in result.explanation


def test_statements_are_not_requests() -> None:
    assert score("I've checked your order number with the courier.").over_questioning.passed


# --- generalisation: lists in one sentence, data already given, Spanish ------------------


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        (
            "competitor_comparison",
            "Could you tell me how many seats you need, which tool you use now, and when "
            "your renewal is?",
        ),
        ("refund_request", "¿Me dices el número de pedido, el banco, la fecha y el importe?"),
        ("discount_request", "Wie viele Nutzer sind es, für welche Abteilung und ab wann?"),
    ],
)
def test_a_series_of_items_in_one_question_counts_each(scenario: str, text: str) -> None:
    result = score(text, scenario=scenario).over_questioning
    assert not result.passed
    assert "3 request" in result.explanation or "4 request" in result.explanation


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        ("late_delivery", "Could you send the order number and the postcode?"),
        ("late_delivery", "Could you send your order number, and I'll check it by 15:00?"),
        ("cancellation", "Megírná az e-mail-címét, és ha nem titok, azt is, miért mond le?"),
        ("greeting", "Igen, itt vagyok, miben segíthetek?"),
    ],
)
def test_two_items_or_subordinate_commas_are_not_a_series(scenario: str, text: str) -> None:
    assert score(text, scenario=scenario).over_questioning.passed


def test_asking_for_an_order_number_the_draft_already_quotes_is_unneeded() -> None:
    text = "Sorry order 552190 is late. Could you send me your order number?"
    result = score(text, scenario="late_delivery").over_questioning
    assert not result.passed
    assert "already" in result.explanation
    fine = "Sorry your order is late. Could you send me your order number?"
    assert score(fine, scenario="late_delivery").over_questioning.passed


def test_refund_request_may_ask_for_one_of_order_number_or_last_four() -> None:
    both = "Could you send the order number and the last 4 digits of the card?"
    assert not score(both, scenario="refund_request").over_questioning.passed
    one = "Could you send the order number?"
    assert score(one, scenario="refund_request").over_questioning.passed


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        ("damaged_item", "Could you send a photo of the crack and tell me which model you have?"),
        ("service_outage", "Խնդրում եմ գրեք, թե որ քաղաքում եք։"),
        ("greeting", "Pásame tu correo electrónico, por favor."),
        ("account_access", "Írd meg a jelszavad, kérlek."),
        ("unexpected_charge", "Küldj egy fotót a kártyád hátoldaláról."),
    ],
)
def test_unneeded_fields_in_every_language(scenario: str, text: str) -> None:
    assert not score(text, scenario=scenario).over_questioning.passed


def test_canned_scenarios_allow_one_open_question() -> None:
    one = "Thanks for the idea! Which app would you connect first?"
    two = "Thanks for the idea! Which app would you connect first? How often would you use it?"
    assert score(one, scenario="feature_request").over_questioning.passed
    assert not score(two, scenario="feature_request").over_questioning.passed


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


_FIELD_EDGE_CASES = [
    "",
    "Could you confirm your ORDER NUMBER and e-mail address?",
    "Please send the last 4 digits of your card 🙂 and your delivery address.",
    "Kérem, küldje el a szállítási címét és a rendelésszámot!",
    "Կհաստատե՞ք պատվերի համարը և էլ. փոստը։",
    "What's your user name? Send a photo of the item's label, and one of the receipt.",
    "Order #58213: which day are you at home? My e-mail is x@y.com, the email-address field.",
    "1234 5678: your phone, your country, your date of birth, a screenshot and your CVV?",
    "¿Me dices el número de pedido y tu correo? Bestellnummer und Lieferadresse, bitte.",
]


@pytest.mark.parametrize("text", _FIELD_EDGE_CASES)
def test_fields_narrowed_by_the_draft_masks_match_the_plain_lookup(text: str) -> None:
    """Dropping the alternatives no word of the draft can start (``MaskNarrowed``)
    finds exactly the fields the whole patterns find, in every sentence of the draft."""
    from drafter.scoring.context import DraftContext
    from drafter.scoring.requested_fields import _fields

    for variant in (text, text.upper(), text.replace(" ", "  ")):
        draft = DraftContext(variant)
        for index in range(len(draft.sentences)):
            piece = draft.lower_sentence(index)
            assert _fields(piece, draft) == _fields(piece), piece


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Could you send your order number? Your order 58213 shipped.",
        "Your order #58213 shipped. Could you confirm the order number?",
        "What's the order number?\nOrder no. 12345 is the one I see.",
        "What's your booking reference? Booking ABC123 is on file.",
        "Kérem a rendelésszámot! A rendelés száma 77120.",
        "ORDER 58213: WHAT IS YOUR ORDER NUMBER?",
        "Could you confirm the order number 🙂? reorder 12345 is not one.",
    ],
)
def test_quoted_data_is_found_as_by_a_search_per_sentence(text: str) -> None:
    """Searching the whole draft first only rules out what no sentence holds."""
    from drafter.scoring.context import DraftContext
    from drafter.scoring.questions import _GIVEN, _already_given

    for variant in (text, text.upper()):
        draft = DraftContext(variant)
        for asked_at in (set(), {0}, set(range(len(draft.sentences)))):
            plain = [
                name
                for name in {"order_id", "booking_ref"}
                if any(
                    _GIVEN[name].regex.search(draft.lower_sentence(i))
                    for i in range(len(draft.sentences))
                    if i not in asked_at
                )
            ]
            found = _already_given(draft, {"order_id", "booking_ref", "email"}, asked_at)
            assert sorted(found) == sorted(plain)
