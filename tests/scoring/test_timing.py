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


def test_vague_next_to_concrete_lowers_value_but_passes() -> None:
    both = score("I'll check soon and write back within 30 minutes.").concrete_timing
    clean = score("I'll check and write back within 30 minutes.").concrete_timing
    assert both.passed and clean.passed
    assert both.value < clean.value


def test_durations_in_the_past_are_not_commitments() -> None:
    assert not find_concrete_times("Tracking has said in transit for 6 days, 3 days ago.")
    assert not find_concrete_times("We are available 24/7.")
