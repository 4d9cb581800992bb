import pytest

from drafter.scoring import score
from drafter.scoring.timing import find_concrete_times, find_vague_timing


@pytest.mark.parametrize(
    "text",
    [
        "I'll write back within 20 minutes.",
        "You'll hear from me in 2 hours.",
        "We'll update you today by 18:00.",
        "The courier comes tomorrow 10-12.",
        "Refunds arrive in 5-10 business days.",
        "I'll call you on Friday.",
        "It ships on 12 May.",
        "I'll confirm by 6pm.",
        "20 percen belül jelentkezem.",
        "Holnap 10 és 12 óra között érkezik.",
        "5-10 munkanapon belül megérkezik a visszatérítés.",
        "Ma 18:00-ig visszaírok.",
    ],
)
def test_concrete_times_pass(text: str) -> None:
    assert find_concrete_times(text)
    assert score(text).concrete_timing.passed


@pytest.mark.parametrize(
    "text",
    [
        "We'll get back to you soon.",
        "Our team will reply ASAP.",
        "You will hear from us shortly.",
        "This will be handled in due course.",
        "We will respond at the earliest opportunity.",
        "Hamarosan jelentkezünk.",
        "A lehető leghamarabb válaszolunk.",
        "We'll sort it out within a few days.",
    ],
)
def test_vague_words_fail(text: str) -> None:
    assert find_vague_timing(text)
    assert not find_concrete_times(text)
    result = score(text).concrete_timing
    assert not result.passed
    assert result.evidence == [text]


def test_no_time_at_all_fails_without_evidence() -> None:
    result = score("Thanks for reaching out about your parcel.").concrete_timing
    assert not result.passed
    assert result.evidence == []


def test_a_vague_word_fails_even_next_to_a_concrete_time() -> None:
    mixed = score("I'll check soon and write back within 30 minutes.").concrete_timing
    clean = score("I'll check and write back within 30 minutes.").concrete_timing
    assert not mixed.passed and clean.passed
    assert "soon" in mixed.explanation
    assert mixed.value < clean.value


@pytest.mark.parametrize(
    "text",
    [
        "The label goes out by 15:00, and the new jacket will ship promptly after that.",
        "A címkét ma 16 óráig küldöm, a cserét pedig mihamarabb feladjuk.",
        "Next review: TBD.",
        "We will handle it within our standard SLA.",
        "Die Gutschrift erfolgt umgehend.",
        "Պատասխանը կստանաք մոտակա ժամանակում։",
    ],
)
def test_vague_wordings_fail(text: str) -> None:
    assert not score(text).concrete_timing.passed


@pytest.mark.parametrize(
    "text",
    [
        "I'll write back within the hour.",
        "The fix ships in Q2, April to June.",
        "It comes with the October release.",
        "Ha bármi gond van, egy órán belül intézkedem.",
        "A funkció a novemberi frissítéssel érkezik.",
        "Ուղղումը կլինի մինչև չորեքշաբթի։",
        "Թարմացումը կթողարկվի մինչև մայիսի վերջ։",
        "Ich melde mich bis 17 Uhr.",
        "I've refunded it immediately.",
    ],
)
def test_more_concrete_wordings_pass(text: str) -> None:
    assert score(text).concrete_timing.passed


@pytest.mark.parametrize("scenario", ["greeting", "wrong_company", "competitor_comparison"])
def test_reply_shapes_with_nothing_to_time_pass_without_a_time(scenario: str) -> None:
    assert score("Happy to point you the right way!", scenario=scenario).concrete_timing.passed
    assert not score("We'll get back to you soon!", scenario=scenario).concrete_timing.passed


def test_a_not_planned_feature_answer_needs_no_time_but_a_roadmap_answer_does() -> None:
    not_planned = (
        "Thanks for the idea! We don't plan to add offline mode, but exports already work."
    )
    roadmap = "Thanks for the idea! Offline mode is on our roadmap."
    assert score(not_planned, scenario="feature_request").concrete_timing.passed
    assert not score(roadmap, scenario="feature_request").concrete_timing.passed
    assert not score(
        "Happy to point you the right way!", scenario="late_delivery"
    ).concrete_timing.passed


def test_durations_in_the_past_are_not_commitments() -> None:
    assert not find_concrete_times("Tracking has said in transit for 6 days, 3 days ago.")
    assert not find_concrete_times("We are available 24/7.")


# --- generalisation: families beyond the tuning set -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Your replacement is being packed now.",
        "We'll ship the fix next week.",
        "The patch lands by the end of the month.",
        "Wir beheben das bis Ende nächster Woche.",
        "Die Korrektur kommt nächste Woche.",
        "A javítás jövő héten érkezik.",
        "Te escribo en 20 minutos.",
        "Te lo envío mañana antes de las 12.",
        "Lo arreglamos esta semana.",
        "15 րոպեից կգրեմ Ձեզ։",
        "Ուղղումը կլինի հաջորդ շաբաթ։",
    ],
)
def test_now_and_week_or_month_windows_in_every_language_are_concrete(text: str) -> None:
    assert score(text, scenario="late_delivery").concrete_timing.passed


@pytest.mark.parametrize(
    "text",
    [
        "That's all for now.",  # "for now" is not a time for the next step
        "We'll be in touch about it.",
        "Wir melden uns.",
    ],
)
def test_no_time_still_fails(text: str) -> None:
    assert not score(text, scenario="late_delivery").concrete_timing.passed


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, that's not us. Hope you feel better soon!",
        "Nem mi vagyunk az. Mielőbbi gyógyulást kívánok!",
        "Das sind nicht wir. Gute Besserung, bald ist alles wieder gut!",
    ],
)
def test_a_vague_word_in_a_wish_is_not_a_promise(text: str) -> None:
    assert score(text, scenario="wrong_company").concrete_timing.passed


@pytest.mark.parametrize(
    "text",
    [
        "I hope we can fix this soon.",
        "Hopefully the courier replies soon.",
    ],
)
def test_hoping_about_our_own_step_is_still_vague(text: str) -> None:
    assert not score(text, scenario="late_delivery").concrete_timing.passed


def test_a_discount_answer_has_nothing_to_time() -> None:
    assert score(
        "Thanks for asking! Prices are the same for everyone.", scenario="discount_request"
    ).concrete_timing.passed
    assert not score(
        "No coupons now, but deals are coming soon.", scenario="discount_request"
    ).concrete_timing.passed
