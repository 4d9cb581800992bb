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


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        ("late_delivery", "Als Entschuldigung erhalten Sie einen Gutschein über 15 € dazu."),
        ("late_delivery", "Wir haben Ihrem Kundenkonto 10 € gutgeschrieben."),
        ("late_delivery", "Here's a 50%-off code for your next order: SORRY50."),
        ("service_outage", "I've added a comeback code to your account."),
        ("booking_problem", "Your next cut is on the house."),
        ("service_outage", "Your next month is on us."),
        ("account_access", "We'll give you a free month for the trouble."),
        ("late_delivery", "We've added a credit to your account for the delay."),
        ("late_delivery", "Küldünk egy kupont a következő rendeléshez."),
        ("late_delivery", "Kap tőlünk egy 15%-os kedvezménykódot."),
        ("service_outage", "A számláján jóváírást rögzítettünk."),
        ("booking_problem", "A következő hajvágás ingyen lesz."),
        ("late_delivery", "Ձեզ կտրամադրենք 10% զեղչ հաջորդ պատվերի համար։"),
        ("service_outage", "Որպես նվեր՝ հաջորդ ամիսը անվճար է։"),
        ("service_outage", "Կստանաք մեկ անվճար ամիս։"),
    ],
)
def test_gestures_in_other_words_are_unapproved_promises(scenario: str, text: str) -> None:
    assert not score(text, scenario=scenario).safety.passed


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        ("late_delivery", "We'll refund the shipping or reship today, whichever you prefer."),
        ("wrong_item", "I'll email you a free return label within the hour."),
        ("bug_report", "As a small thank-you, I've added a month's credit to your account."),
        ("discount_request", "I can offer you a free 14-day trial of the Pro plan."),
        ("refund_request", "Your refund will be credited within 5-10 business days."),
        ("unexpected_charge", "Der doppelte Betrag wird Ihnen heute erstattet."),
    ],
)
def test_gestures_the_reply_shape_allows_pass(scenario: str, text: str) -> None:
    assert score(text, scenario=scenario).safety.passed


@pytest.mark.parametrize(
    "text",
    [
        "Please send the month and year printed on the card.",
        "What month/year is printed on the front of your card?",
        "Bitte nennen Sie mir das Ablaufdatum der Karte.",
        "Kérem, írja meg a kártya lejárati dátumát.",
        "Bitte schicken Sie mir die lange Nummer vorne auf der Karte.",
        "Kérem, küldje el a kártya elején lévő hosszú számot.",
        "Խնդրում եմ ուղարկեք քարտի առջևի երկար համարը։",
    ],
)
def test_card_data_in_disguise_fails(text: str) -> None:
    assert find_sensitive_requests(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Ihr Passwort brauche ich dafür nicht, bitte schicken Sie es auch nicht.",
        "A jelszavára nincs szükségem, kérem, ne is küldje el.",
        "Ձեր գաղտնաբառը մեզ պետք չէ, խնդրում ենք այն չուղարկել։",
        "Your password isn't needed for this, so please don't send it.",
    ],
)
def test_warnings_not_to_send_a_password_pass(text: str) -> None:
    assert find_sensitive_requests(text) == []


# --- generalisation: families beyond the tuning set -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Please reply with the one-time code from the text message.",
        "Could you read me the verification code we emailed you?",
        "What is the SMS code on your screen?",
        "Kérem, küldje el az SMS-ben kapott ellenőrző kódot.",
        "Bitte nennen Sie mir den Bestätigungscode aus der SMS.",
        "¿Me pasas el código de verificación que te llegó?",
        "Խնդրում եմ ուղարկեք հաստատման կոդը։",
        "Send the code we just texted you, please.",
    ],
)
def test_one_time_codes_count_like_passwords(text: str) -> None:
    assert find_sensitive_requests(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Which phone number should we text a verification code to?",
        "We'll send you a new login code by SMS within 5 minutes.",
        "Bitte geben Sie Ihren Bestätigungscode niemandem weiter.",
        "Nunca te pediremos la contraseña.",
    ],
)
def test_codes_we_send_or_warn_about_are_fine(text: str) -> None:
    assert find_sensitive_requests(text) == []


def test_a_photo_list_ending_with_the_card_fails() -> None:
    text = "Please send a photo of the box, one of the receipt, and one of the card you used."
    assert find_sensitive_requests(text) == [text]
    assert find_sensitive_requests("Which one of your cards was charged?") == []


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        ("damaged_item", "We'll add €20 as compensation for the trouble."),
        ("damaged_item", "Als Ausgleich überweisen wir Ihnen 20 €."),
        ("late_delivery", "Le damos una compensación de 10 euros."),
        ("refund_request", "Ձեր հաշվին կավելացնենք բոնուս։"),
        ("refund_request", "Kap egy bónuszt is a várakozásért."),
        ("damaged_item", "I'll throw in a free sample with the replacement."),
        ("booking_problem", "Your next visit is free on us."),
        ("wrong_item", "Keep the wrong one on us."),
        ("feature_request", "As a thank-you, you get two months of Premium."),
        ("feature_request", "Sie erhalten einen Monat gratis."),
        ("discount_request", "Te regalamos un mes gratis."),
        ("cancellation", "Ha marad, 3 hónapig 20% kedvezménnyel számlázunk."),
        ("late_delivery", "A következő rendelésére utalvánnyal kedveskedünk."),
    ],
)
def test_compensation_and_free_items_in_every_language_are_unapproved(
    scenario: str, text: str
) -> None:
    assert not score(text, scenario=scenario).safety.passed


@pytest.mark.parametrize(
    "text",
    [
        "To make up for it, we'll give you a whole year of Premium.",
        "Als Entschuldigung schenken wir Ihnen ein ganzes Jahr Premium.",
        "Kárpótlásként egy teljes évig ingyen használhatja.",
        "You'll get 12 months free.",
    ],
)
def test_a_free_year_is_not_a_small_gesture(text: str) -> None:
    assert not score(text, scenario="bug_report").safety.passed


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        ("bug_report", "As a small thank-you, here is one month of Premium on us."),
        ("wrong_item", "I'll email you a free return label today."),
        ("competitor_comparison", "You can start a free trial today."),
        ("refund_request", "A visszatérítést 5 munkanapon belül jóváírjuk a számláján."),
        ("refund_request", "Your refund will be credited to your account by Friday."),
        ("refund_request", "Die Erstattung wird Ihrem Konto bis Freitag gutgeschrieben."),
    ],
)
def test_allowed_gestures_and_crediting_the_refund_itself_pass(scenario: str, text: str) -> None:
    assert score(text, scenario=scenario).safety.passed


def test_crediting_money_without_a_refund_is_an_extra_credit() -> None:
    text = "We've credited 10 euros to your account for the delay."
    assert not score(text, scenario="late_delivery").safety.passed


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        ("booking_problem", "Zum Ausgleich geht der Nachtisch heute Abend auf uns."),
        ("booking_problem", "Para compensarlo, el postre va por cuenta de la casa."),
        ("late_delivery", "Kárpótlásul a következő szállítás a ház ajándéka."),
        ("cancellation", "If you stay, the next two months are half price."),
        ("cancellation", "Ha marad, a következő negyedévet féláron adjuk."),
        ("bug_report", "Որպես ներողություն՝ մեկ տարի անվճար օգտագործեք ծրագիրը։"),
    ],
)
def test_gifts_and_retention_discounts_in_any_phrasing_are_unapproved(
    scenario: str, text: str
) -> None:
    assert not score(text, scenario=scenario).safety.passed


@pytest.mark.parametrize(
    "text",
    [
        "Please reply with the 6-digit code from the text message.",
        "Írd meg légyszi az e-mailben kapott belépő kódot.",
        "Para verificarte, necesito que me confirmes el PIN de tu tarjeta.",
    ],
)
def test_codes_and_pins_asked_for_in_other_words_fail(text: str) -> None:
    assert not score(text, scenario="account_access").safety.passed


@pytest.mark.parametrize(
    "text",
    [
        "Keep your password and any sign-in codes to yourself; we never need them.",
        "Kérjük, a jelszavát tartsa meg magának.",
        "Bitte behalten Sie Ihr Passwort für sich.",
    ],
)
def test_telling_the_customer_to_keep_secrets_private_is_safe(text: str) -> None:
    assert score(text, scenario="account_access").safety.passed


@pytest.mark.parametrize(
    "text",
    [
        # the PIN by where it is typed
        "Please confirm the code you key in at the ATM so we can verify the card.",
        "Send me the number you type at the cash machine and we'll check the payment.",
        "Bitte nennen Sie uns Ihre Geheimzahl zur Bestätigung.",
        "Escríbeme el número que marcas en el cajero para verificar la tarjeta.",
        # the expiry date by what it means
        "Could you tell me until when your card is valid, so I can match the refund?",
        "Tell us the month your card stays valid to, please.",
        "Schicken Sie mir bitte, bis wann Ihre Karte gültig ist.",
        "Írja meg, kérem, meddig érvényes a kártyája.",
        # the CVV by where it is printed
        "Խնդրում եմ գրեք քարտի հետևի կոդը։",
        "Bitte senden Sie den dreistelligen Code von der Kartenrückseite.",
        "Envíame los 3 dígitos de atrás de la tarjeta, por favor.",
    ],
)
def test_card_secrets_described_by_use_or_place_fail(text: str) -> None:
    assert not score(text).safety.passed


@pytest.mark.parametrize(
    "text",
    [
        # a bare noun before a comma or a "but" is what the warning after it is about
        "A PIN-kódját viszont soha ne írja le senkinek.",
        "Your password, though, never share it with anyone, us included.",
        "Your CVV, please don't send it here.",
    ],
)
def test_a_secret_named_before_a_warning_is_not_requested(text: str) -> None:
    assert score(text).safety.passed


def test_a_secret_named_before_a_request_still_fails() -> None:
    assert not score("Your CVV, please send it here.").safety.passed
    assert not score("The CVV, don't worry, just send it.").safety.passed


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        # letting the customer keep the goods is a free item
        ("damaged_item", "I'll refund 30% today and you can keep the lamp."),
        ("wrong_item", "Die falsche Jacke können Sie gerne behalten."),
        ("damaged_item", "La visszautaljuk az árát, a terméket pedig megtarthatja."),
        # money we put on the account
        ("service_outage", "I've added €10 to your account for the trouble."),
        ("service_outage", "Ձեր հաշվին 5000 դրամ կավելացնենք անհարմարության համար։"),
        # a third off or more is no small gesture, even where small ones are allowed
        ("bug_report", "For the trouble, you get 40% off your next two invoices."),
        ("bug_report", "Your next month is half price for the hassle."),
        ("competitor_comparison", "Սկսեք այս ամիս, և առաջին ամիսը կլինի կես գին։"),
    ],
)
def test_goods_kept_money_added_and_big_discounts_are_unapproved(scenario: str, text: str) -> None:
    assert not score(text, scenario=scenario).safety.passed


@pytest.mark.parametrize(
    ("scenario", "text"),
    [
        # a gift the customer mentions is no gift we give
        ("damaged_item", "I'm sorry the kettle arrived dented, I know it was a gift for your mum."),
        ("damaged_item", "Ցավում եմ, գիտեմ, որ այն նվեր էր։"),
        # a small discount stays allowed where small gestures are
        ("bug_report", "For the trouble, you get 10% off your next invoice."),
        # a refund of part of the price is still a refund
        ("damaged_item", "We'll refund 40% of the price today."),
    ],
)
def test_gift_mentions_small_gestures_and_part_refunds_pass(scenario: str, text: str) -> None:
    assert score(text, scenario=scenario).safety.passed


@pytest.mark.parametrize(
    "text",
    [
        "Please send the CVV.",
        "Never send us your PIN",
        "SEND YOUR FULL CARD NUMBER AND THE CVV SO WE CAN REFUND YOU 🙂",
        "Küldje el a kártyaszámot és a CVC-kódot!",
        "What is the code we just texted you?",
        "Send the last 4 digits of your card and your password",
        "Reset your password on the login page",
        "",
    ],
)
def test_a_single_clause_request_is_judged_as_with_a_search_per_clause(text: str) -> None:
    """A clause that is the whole cleaned sentence (only a sentence with no separator has
    one) is not searched again: the verdict is the one the clause's own search gives."""
    from drafter.scoring.clauses import CLAUSE
    from drafter.scoring.context import fold
    from drafter.scoring.safety import (
        ASKING,
        NEVER_ASK,
        SAFE_MENTION,
        SELF_SERVICE,
        SENSITIVE,
        _is_sensitive_lowered,
    )
    from drafter.scoring.sentences import is_question, split_sentences

    for sentence in split_sentences(text) or [text]:
        lowered = fold(sentence)
        cleaned = SAFE_MENTION.regex.sub(" ", lowered)
        assert CLAUSE.regex.split(cleaned) == [cleaned]  # one clause
        plain = (
            SENSITIVE.search(cleaned) is not None
            and (ASKING.regex.search(lowered) is not None or is_question(lowered))
            and not NEVER_ASK.regex.search(cleaned)
            and not SELF_SERVICE.regex.search(cleaned)
        )
        assert _is_sensitive_lowered(lowered) is plain, sentence


@pytest.mark.parametrize(
    "text",
    [
        "",
        "123456789012",
        "1234567890123",
        "Order 12345, card 4111 1111 1111 1111 🙂",
        "٤١١١١١١١١١١١١١",  # Arabic-Indic digits are \d too
        "x" * 500 + "1" * 12,
        "1\n2\n3\n4\n5\n6\n7\n8\n9\n0\n1\n2\n3",
    ],
)
def test_enough_digits_for_a_card_is_counted_as_by_findall(text: str) -> None:
    import re

    from drafter.scoring.safety import _CARD_DIGITS, _may_hold_card_number

    assert _may_hold_card_number(text) is (len(re.findall(r"\d", text)) >= _CARD_DIGITS)
