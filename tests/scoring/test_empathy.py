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


@pytest.mark.parametrize(
    ("text", "scenario"),
    [
        ("Understood, you want to pause your plan, and it's paused from today.", "cancellation"),
        (
            "Picking a new payroll system is a big step, so here is the short answer.",
            "competitor_comparison",
        ),
        ("It looks like this note was meant for your gym, not for us.", "wrong_company"),
        ("Just checking in: did the new charger arrive?", "follow_up_check"),
        ("Glad to hear the sofa arrived in one piece!", "anything_else"),
        ("Úgy tűnik, a levele egy fogorvosnak szólt.", "wrong_company"),
        ("Verstanden, Sie möchten kündigen.", "cancellation"),
        ("Ուրախ եմ, որ ամեն ինչ կարգին է։", "anything_else"),
        ("Ցավում ենք, որ փաթեթը վնասված է հասել։", "damaged_item"),
    ],
)
def test_acknowledging_a_request_or_case_passes(text: str, scenario: str) -> None:
    assert score(text, scenario=scenario).empathy.passed


@pytest.mark.parametrize(
    "text",
    [
        "I can see the parcel hasn't moved for four days.",  # acknowledges, never apologizes
        "Thanks for flagging this! We'll look into it.",
        "I'm sorry.",  # bare apology: never says for what
        "Elnézést a kellemetlenségért!",
    ],
)
def test_where_we_got_it_wrong_an_apology_naming_the_problem_is_needed(text: str) -> None:
    assert not score(text, scenario="late_delivery").empathy.passed


def test_an_apology_that_names_the_problem_is_enough_on_its_own() -> None:
    assert score(
        "I'm sorry your parcel is still stuck in Vienna.", scenario="late_delivery"
    ).empathy.passed


def test_sorry_as_a_refusal_is_not_empathy() -> None:
    assert not score("Sorry, no vouchers this month.", scenario="discount_request").empathy.passed
    assert not score(
        "Sorry, but we can't change prices.", scenario="discount_request"
    ).empathy.passed


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        ("feature_request", "Great question about dark mode! It is planned for the March update."),
        ("feature_request", "Love this idea, I've passed it to the product team today."),
        ("discount_request", "Totally fair to ask. We don't run student discounts."),
        ("cancellation", "Thanks for getting in touch about cancelling. Your plan ends today."),
        ("greeting", "Hi Anna! Happy to help, what can I do for you?"),
        ("feature_released", "Good news: the CSV export you asked for is live today."),
        ("cancellation", "Alles klar, ich kümmere mich darum. Ihr Abo endet heute."),
        ("feature_request", "Danke für die Idee! Wir prüfen sie bis Freitag."),
        ("feature_request", "Köszönöm az ötletet! Továbbítottam a termékcsapatnak."),
        ("offline_message", "Köszönöm üzenetét, holnap 9-kor válaszolunk."),
        ("wrong_company", "Úgy tűnik, ezt az üzenetet a fogorvosának szántad."),
        ("greeting", "Բարև, սիրով կօգնեմ։ Ինչո՞վ կարող եմ օգնել։"),
        (
            "damaged_item",
            "That's a rough start - the mug arrived cracked. Sorry! Could you send a photo? "
            "I'll send a replacement today.",
        ),
    ],
)
def test_a_warm_welcome_acknowledges_a_request(scenario: str, text: str) -> None:
    assert score(text, scenario=scenario).empathy.passed


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        # bare praise that never says what it is about
        ("competitor_comparison", "Good question! Unlike X, we include phone support."),
        # a welcome is not enough where the customer is chasing money or a fault
        ("refund_request", "Happy to help! Your refund is processed within 5 days."),
        ("late_delivery", "Happy to help. Sorry. Your parcel arrives tomorrow."),
        (
            "late_delivery",
            "Wir entschuldigen uns vielmals. Es tut uns sehr leid. Nochmals Entschuldigung für "
            "die Verspätung. Ihr Paket kommt morgen.",
        ),
        (
            "late_delivery",
            "Ներողություն ենք խնդրում պատճառված անհարմարությունների համար։ "
            "Ձեր պատվերը կհասնի վաղը։",
        ),
        (
            "service_outage",
            "Wir bitten die entstandenen Unannehmlichkeiten zu entschuldigen. "
            "Der Dienst läuft ab 14:00 wieder.",
        ),
    ],
)
def test_bare_praise_stacked_or_form_apologies_do_not_count(scenario: str, text: str) -> None:
    assert not score(text, scenario=scenario).empathy.passed


# --- generalisation: families beyond the tuning set -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lamento mucho que el paquete siga sin llegar.",
        "Sentimos que la factura saliera duplicada este mes.",
        "Siento que hayas tenido que esperar tanto por la respuesta.",
        "Entiendo lo molesto que es quedarse sin acceso a la cuenta.",
    ],
)
def test_spanish_apologies_and_acknowledgements_pass(text: str) -> None:
    assert score(text, scenario="refund_request").empathy.passed


@pytest.mark.parametrize(
    "text",
    [
        "Sajnálom a késést!",  # one inflected noun names the problem
        "Sajnálom, hogy elromlott!",
    ],
)
def test_short_hungarian_apology_naming_the_problem_passes(text: str) -> None:
    assert score(text, scenario="refund_request").empathy.passed


@pytest.mark.parametrize(
    ("text", "scenario"),
    [
        ("Ցավում ենք անհարմարության համար։", "damaged_item"),
        ("Sajnálom a kellemetlenséget.", "late_delivery"),
        ("We are really sorry.", "late_delivery"),
    ],
)
def test_apology_for_the_inconvenience_still_names_nothing(text: str, scenario: str) -> None:
    assert not score(text, scenario=scenario).empathy.passed


@pytest.mark.parametrize(
    ("text", "scenario"),
    [
        ("Thanks for suggesting dark mode, I've passed it to the team.", "feature_request"),
        ("Vielen Dank für Ihre Frage zu den Preisen.", "discount_request"),
        ("Շնորհակալություն Ձեր գաղափարի համար։", "feature_request"),
        ("Gracias por escribirnos sobre el plan anual.", "discount_request"),
        ("Sure, I can take care of that for you.", "cancellation"),
        ("Yes, I'm here! What can I do for you?", "greeting"),
        ("Itt vagyok, miben segíthetek?", "greeting"),
        ("Ja, ich bin da. Was kann ich tun?", "greeting"),
        ("It looks like you wanted your gym, not a homeware shop.", "wrong_company"),
        ("Ihre Kündigung ist bei uns eingegangen und wird bearbeitet.", "cancellation"),
        ("You can try us free for 30 days and compare for yourself.", "competitor_comparison"),
    ],
)
def test_taking_in_a_request_is_enough_where_nothing_went_wrong(text: str, scenario: str) -> None:
    assert score(text, scenario=scenario).empathy.passed


@pytest.mark.parametrize(
    ("text", "scenario"),
    [
        # the same warm words do not acknowledge a grievance
        ("Thanks for your patience, the refund is on its way.", "refund_request"),
        ("Yes, I'm here. Your parcel is on its way.", "late_delivery"),
        # bare praise before a stock answer
        ("Great idea! It is not planned.", "feature_request"),
    ],
)
def test_warm_words_do_not_acknowledge_a_grievance(text: str, scenario: str) -> None:
    assert not score(text, scenario=scenario).empathy.passed


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry if you feel the delivery took long, but it was within the window.",
        "Sajnálom, ha úgy érzi, hogy lassúak voltunk.",
        "Es tut mir leid, wenn Sie das so empfinden.",
        "Lamento si te pareció lento el envío.",
    ],
)
def test_conditional_apologies_are_not_genuine(text: str) -> None:
    assert not score(text, scenario="late_delivery").empathy.passed


@pytest.mark.parametrize(
    "text",
    [
        "Sorry the parcel is late 🙄 couriers, eh.",
        "Well, sorry the courier is slow. Parcels take a week.",
        "Sorry it is late, but as it says on the product page, delivery takes 5 days.",
        "Thanks for asking. As per our pricing policy, prices are final.",
        "Entschuldigung für die Verspätung, wie bereits angegeben dauert der Versand 5 Tage.",
    ],
)
def test_sarcasm_blame_and_policy_boilerplate_fail(text: str) -> None:
    assert not score(text, scenario="late_delivery").empathy.passed


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


@pytest.mark.parametrize(
    "text",
    [
        "I'm so sorry.",
        "Sorry, sorry, SORRY again for the delay!",
        "We apologise for the inconvenience 🙏 and the inconveniences.",
        "Elnézést kérünk a csúszásért, nagyon sajnáljuk.",
        "Ներողություն ենք խնդրում ուշացման համար։",
        "Sorry about order 12345's late arrival, it's on us.",
        "sorry sorry sorry",
    ],
)
def test_naming_the_problem_matches_the_plain_word_test(text: str) -> None:
    """The kept answer and the set difference decide what testing every word in order did:
    ``any`` does not depend on the order or repeats of the words it tests."""
    import re

    from drafter.scoring.context import DraftContext
    from drafter.scoring.empathy import (
        _APOLOGY_FILLER,
        _NAMELESS_STEMS,
        APOLOGY,
        names_the_problem,
    )

    for variant in (text, text.upper()):
        draft = DraftContext(variant)
        for index in range(len(draft.sentences)):
            lowered = draft.lower_sentence(index)
            for phrase in draft.hits(APOLOGY).get(index, ()):
                lowered = lowered.replace(phrase, " ")
            plain = any(
                w not in _APOLOGY_FILLER and not w.startswith(_NAMELESS_STEMS)
                for w in re.findall(r"\w+", lowered)
            )
            assert names_the_problem(draft, index) is plain
            assert names_the_problem(draft, index) is plain  # the kept answer


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Don't wait: e-mail us 24/7 🙂",
        "ΟΔΟΣ Σ İstanbul",
        "Köszönjük! Շնորհակալություն։",
        "a_b 12",
    ],
)
def test_the_drafts_words_count_the_texts_word_runs(text: str) -> None:
    """``_welcoming`` counts ``draft.words`` (runs of the lower-cased text) for the text's."""
    import re

    from drafter.scoring.context import DraftContext

    assert len(DraftContext(text).words) == len(re.findall(r"\w+", text))
