"""The opening salutation is cut only when something follows it, in every language we serve."""

from __future__ import annotations

import pytest

from drafter.lexical import CharNgramTfidf, ngrams, normalise
from drafter.salutation import opens_with_salutation, strip_salutation


@pytest.mark.parametrize(
    ("message", "rest"),
    [
        ("Hi there, my parcel is late", "my parcel is late"),
        ("hey hey!! 👋 where is my stuff", "where is my stuff"),
        ("Dear Sir or Madam, I was charged twice", "i was charged twice"),
        ("Sziasztok, nem jött meg a csomag", "nem jott meg a csomag"),
        ("Jó napot kívánok! A rendelésem hol tart?", "a rendelesem hol tart?"),
        ("Բարև ձեզ, պատվերս չի հասել", "պատվերս չի հասել"),
        ("barev dzez, patvers chi hasel", "patvers chi hasel"),
        ("Здравствуйте! Заказ не пришёл", "заказ не пришел"),
        ("Hallo zusammen, mein Paket fehlt", "mein paket fehlt"),
        ("Hola, buenas tardes. Me cobraron dos veces", "me cobraron dos veces"),
    ],
)
def test_salutation_is_cut_when_a_message_follows(message: str, rest: str) -> None:
    assert strip_salutation(normalise(message)) == rest


@pytest.mark.parametrize(
    "message",
    ["Hello?", "hi", "Sziasztok!", "Բարի երեկո", "Good afternoon 🙂", "Dear team,"],
)
def test_a_bare_greeting_is_kept_whole(message: str) -> None:
    assert strip_salutation(normalise(message)) == normalise(message)


@pytest.mark.parametrize(
    "message",
    [
        "Yo pedí una camisa azul",  # Spanish "I", not "yo!"
        "history of my orders is empty",
        "hire someone who answers the phone",
        "Service is down for the whole office",
        "Kedvezményt szeretnék",  # "kedv..." is not "kedves"
    ],
)
def test_words_that_merely_start_like_a_greeting_are_kept(message: str) -> None:
    assert strip_salutation(normalise(message)) == normalise(message)


def test_a_query_is_read_without_the_salutation_of_a_complaint() -> None:
    grams = ngrams("Sziasztok, nem jött meg a csomag", salutation=False)
    assert " szia" not in grams
    assert " csom" in grams
    assert " szia" in ngrams("Sziasztok!", salutation=False)
    assert " szia" in ngrams("Sziasztok, nem jött meg a csomag")


def test_a_greeting_scenario_still_wins_a_bare_greeting_over_a_complaint_opening() -> None:
    model = CharNgramTfidf(["Sziasztok!", "Szia, nem jött meg a csomagom"])
    greeting, late = model.scores("Sziasztok, hol a csomagom?")
    assert late > greeting
    greeting, late = model.scores("sziasztok")
    assert greeting > late


def test_an_opening_greeting_is_seen_whatever_follows() -> None:
    for text in ("Jó napot!", "Hi Ben, your refund is on its way", "Բարև ձեզ"):
        assert opens_with_salutation(normalise(text))
    assert not opens_with_salutation(normalise("Your refund is on its way"))
    assert not opens_with_salutation(normalise("history of my orders"))
