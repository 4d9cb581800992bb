import pytest

from drafter.scoring import score
from drafter.scoring.structure import tag_steps

FIVE_STEPS = (
    "I can see your order still hasn't arrived, and I understand how frustrating that is. "
    "I'm sorry we let you down. Could you confirm your order number? "
    "I'll come back to you within 20 minutes with a new date. "
    "I'm staying on this until the parcel is with you."
)


def test_five_steps_in_order_pass() -> None:
    result = score(FIVE_STEPS, channel="email", scenario="late_delivery").structure
    assert result.passed, result.explanation
    assert result.value == 1.0


def test_tags_follow_the_steps() -> None:
    text = (
        "I can see the parcel is late. I'm sorry. Could you confirm your order number? "
        "I'll write back within 20 minutes. I'll personally follow this up."
    )
    tagged = tag_steps(text)
    assert tagged[0][0] == "I can see the parcel is late."
    tags = [found for _, found in tagged]
    assert tags[0] == ["acknowledge"]
    assert tags[1] == ["apologize"]
    assert tags[2] == ["ask"]
    assert "next_step" in tags[3]
    assert "ownership" in tags[4]


def test_missing_steps_are_named() -> None:
    result = score("Could you confirm your order number?", scenario="late_delivery").structure
    assert not result.passed
    assert "missing acknowledge, apologize, next_step, ownership" in result.explanation


def test_asking_before_apologizing_is_out_of_order() -> None:
    text = (
        "Could you confirm your order number? I can see the parcel is late and I'm sorry. "
        "I'll write back within 20 minutes. I'm staying on this until it's sorted."
    )
    result = score(text, scenario="late_delivery").structure
    assert not result.passed
    assert "out of order" in result.explanation


def test_canned_scenarios_and_no_scenario_are_not_applicable() -> None:
    canned = score("Hi! How can I help you today?", scenario="greeting").structure
    none = score("Hi! How can I help you today?").structure
    assert canned.passed and "not applicable" in canned.explanation
    assert "canned" in canned.explanation
    assert none.passed and "not applicable" in none.explanation


def test_length_depends_on_the_channel() -> None:
    long_text = " ".join(["Thanks for waiting, I'm looking into it right now."] * 12)
    assert not score(long_text, channel="whatsapp").length.passed
    assert score(long_text, channel="email").length.passed
    assert score(FIVE_STEPS, channel="whatsapp").length.passed


def test_empty_draft_fails_length() -> None:
    assert not score("", channel="email").length.passed


def test_a_vague_next_step_or_a_missing_apology_breaks_structure() -> None:
    base = (
        "I can see your parcel is stuck, I'm sorry. Could you confirm the order number? "
        "I'll chase the courier and reply {when}. I'll stay on it until it arrives."
    )
    good = score(base.format(when="by 15:00"), scenario="late_delivery").structure
    vague = score(base.format(when="shortly"), scenario="late_delivery").structure
    assert good.passed, good.explanation
    assert not vague.passed


def test_ownership_in_german_and_a_check_back_count() -> None:
    text = (
        "Es tut mir leid, dass Ihr Paket fehlt. Könnten Sie mir die Bestellnummer nennen? "
        "Ich melde mich heute bis 16 Uhr. Ich bleibe dran, bis alles geklärt ist."
    )
    assert score(text, scenario="late_delivery").structure.passed


def test_a_time_in_the_customers_story_is_not_the_next_step() -> None:
    text = (
        "Your table for 7:30 was never confirmed. I understand how stressful that is, and I'm "
        "sorry. Could you send the booking reference? I'll confirm within 10 minutes and check "
        "with the venue that everything is set."
    )
    result = score(text, scenario="booking_problem").structure
    assert result.passed, result.explanation


def test_a_choice_offer_can_stand_in_for_the_ask_when_nothing_else_is_needed() -> None:
    text = (
        "I can see order 4411 is late, and I'm sorry. I'll call the courier and write back "
        "within 20 minutes. If you'd rather not wait, we can reship today or refund you now: "
        "just tell me which you prefer. I'll stay on it until it's sorted."
    )
    result = score(text, scenario="late_delivery").structure
    assert result.passed, result.explanation


# --- generalisation: ownership lines in every language ----------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "I'll text you when the courier picks it up.",
        "I'll email you once the refund has gone through.",
        "I'll check back with you on Friday.",
        "I'll chase the warehouse myself.",
        "I'll see this through until you're back in.",
        "I'll keep your case with me until it's closed.",
        "Ich kümmere mich selbst darum.",
        "Ich behalte den Fall im Blick, bis Sie Ihr Paket haben.",
        "Végig én viszem az ügyet.",
        "Holnap megnézem, hogy megérkezett-e.",
        "Yo me encargo hasta que te llegue.",
        "Կհետևենք մինչև վերջ։",
    ],
)
def test_ownership_families_are_recognised(line: str) -> None:
    tags = dict(tag_steps(line))
    assert "ownership" in tags[line]


@pytest.mark.parametrize(
    "line",
    [
        "The price at checkout isn't right.",  # "checkout ... right" is not a check-back
        "Your table never got confirmed, so you didn't know whether you're booked.",
        "I'll email you the label within the hour.",  # a next step, not a follow-up
    ],
)
def test_look_alikes_are_not_ownership(line: str) -> None:
    tags = dict(tag_steps(line))
    assert "ownership" not in tags[line]


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


@pytest.mark.parametrize(
    "line",
    [
        "I already have what I need (58213), so there's nothing else you need to send.",
        "Minden adat megvan, amire szükségem van (80231), így nem kell mást küldenie.",
        "Անհրաժեշտ տվյալներն արդեն ունեմ (80231), այնպես որ այլ բան ուղարկել պետք չէ։",
    ],
)
def test_saying_nothing_needs_asking_is_the_ask_step(line: str) -> None:
    opening, closing = "Sorry your parcel is late.", "I'll stay on this until it arrives."
    timed = "I'll call you within 20 minutes."
    assert score(f"{opening} {line} {timed} {closing}", scenario="late_delivery").structure.passed
    missing = score(f"{opening} {timed} {closing}", scenario="late_delivery").structure
    assert not missing.passed and "missing ask" in missing.explanation


def test_furniture_gate_letters_fold_to_themselves() -> None:
    """The literal gate before the case-insensitive furniture search is exact: every
    character that regex IGNORECASE matches to a gate letter lower-cases to that letter."""
    import re
    import sys

    from drafter.scoring.context import fold
    from drafter.scoring.length import FURNITURE_GATE

    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in sorted(set("".join(FURNITURE_GATE))):
        for match in re.finditer(re.escape(letter), everything, re.IGNORECASE):
            assert fold(match.group(0)) == letter, (letter, match.group(0))


@pytest.mark.parametrize(
    "text",
    [
        "DEAR Anna, your parcel is late. I'm sorry.",
        "Kind RegardS, Support",
        "Tisztelt Ügyfelünk! Elnézést kérünk.",
        "ÜDVÖZLETTEL: Support",
        "Հարգելի հաճախորդ, ներողություն։",
        "Dear Anna 😊 thanks",
    ],
)
def test_chat_furniture_is_found_in_any_case_or_script(text: str) -> None:
    result = score(text, channel="whatsapp").length
    assert "email greeting or sign-off in a chat" in result.explanation


def test_lower_casing_keeps_every_character_a_word_character_or_not() -> None:
    """Length counts the runs of ``DraftContext.words``, found in the lower-cased text: the
    same as the text's own only because ``fold`` keeps each character's length and whether
    ``\\w`` matches it, over all of Unicode (final sigma included: both of its lower cases
    are letters)."""
    import re
    import sys

    from drafter.scoring.context import fold

    word = re.compile(r"\w")
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    folded = fold(everything)
    assert len(folded) == len(everything)
    changed = [i for i, (a, b) in enumerate(zip(everything, folded, strict=True)) if a != b]
    for i in changed:
        assert bool(word.match(everything[i])) == bool(word.match(folded[i])), hex(i)
    assert fold("ΟΔΟΣ Σ") == "οδος σ" and fold("ΟΔΟΣ") == "οδος"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "-",
        "a-b-c don't e-mail",
        "a--b a'-b 'quoted' -lead trail- x’y",
        "_-_ 1-2 é-ő ΣΑΣ-ΟΔΟΣ",
        "😊-a a-😊 Կհաստատե՞ք պատվերի-համարը։",
        "I'M SORRY—WE'LL FIX IT; THE E-MAIL IS ON ITS WAY.",
        "line\n-\nline'\n'next",
    ],
)
def test_words_are_runs_minus_joins(text: str) -> None:
    """``\\w+(?:['’-]\\w+)*`` matches are the ``\\w+`` runs less the joiners between two word
    characters, in any case or script."""
    import re

    from drafter.scoring.context import DraftContext
    from drafter.scoring.length import _count_words

    expected = len(re.findall(r"\w+(?:['’-]\w+)*", text))
    assert _count_words(text, len(DraftContext(text).words)) == expected


@pytest.mark.parametrize("count", [120, 121])
def test_the_longest_paragraph_counts_joined_words_once(count: int) -> None:
    paragraph = " ".join(["e-mail"] * count)
    result = score(f"Hi.\n\n{paragraph}\n\nBest,\n \nSupport", channel="email").length
    expected = (
        "too long: a 121-word paragraph (limit 120)"
        if count > 120
        else "fits: 123 words, 4 sentences (email)"
    )
    assert result.explanation == expected


def test_paragraphs_under_the_limit_pass_in_a_draft_over_it() -> None:
    paragraph = " ".join(["don't"] * 100)
    result = score(f"{paragraph}\n \n{paragraph}", channel="email").length
    assert result.passed and result.explanation == "fits: 200 words, 2 sentences (email)"
