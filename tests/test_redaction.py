"""Redaction: secrets customers paste must never survive into what the drafter works on."""

from __future__ import annotations

import re

import pytest

from drafter.redaction import CARD_MARKER, CODE_MARKER, PASSWORD_MARKER, redact

CARDS = ["4111 1111 1111 1111", "5500-0000-0000-0004", "340000000000009", "6011000990139424"]


@pytest.mark.parametrize("card", CARDS)
def test_card_numbers_are_replaced_in_any_position(card: str) -> None:
    result = redact(f"charged twice on {card}, please check")
    assert card not in result.text
    assert re.sub(r"\D", "", card) not in re.sub(r"\D", "", result.text)
    assert CARD_MARKER in result.text
    assert result.kinds == ["card_number"]


def test_order_and_phone_numbers_are_left_alone() -> None:
    text = "order 58213, call me on +36 30 123 4567, tracking 1234567890123 (not Luhn)"
    assert redact(text).text == text
    assert redact(text).kinds == []


@pytest.mark.parametrize(
    "text",
    [
        "my cvv is 123",
        "CVC: 4321",
        "security code 987",
        "PIN kódom 1234",
        "a biztonsági kód 555",
        "CVV-ն 321 է",
        "Meine Geheimzahl ist 9999",
        "código de seguridad 123",
        "код безопасности 555",
        "пин-код 1234",
    ],
)
def test_security_codes_near_their_words_are_removed(text: str) -> None:
    result = redact(text)
    assert CODE_MARKER in result.text
    assert not re.search(r"\d{3,}", result.text)
    assert "security_code" in result.kinds


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("my password is hunter2!", "hunter2"),
        ("jelszavam: Titok123", "Titok123"),
        ("գաղտնաբառս Abc12345", "Abc12345"),
        ("Passwort: geheim99", "geheim99"),
        ("мой пароль: qwerty12", "qwerty12"),
        ("Mi contraseña es perro123", "perro123"),
        ('the password is "sunshine".', "sunshine"),
    ],
)
def test_stated_passwords_are_removed(text: str, secret: str) -> None:
    result = redact(text)
    assert secret not in result.text
    assert PASSWORD_MARKER in result.text
    assert result.kinds == ["password"]


@pytest.mark.parametrize(
    "text",
    [
        "I forgot my password and can't log in",
        "my password is wrong apparently",
        "password reset link never came",
        "գաղտնաբառս մոռացել եմ",
        "elfelejtettem a jelszavam",
    ],
)
def test_talking_about_a_password_is_not_a_password(text: str) -> None:
    assert redact(text).text == text


def test_every_kind_is_reported_once_in_order() -> None:
    text = "card 4111111111111111 cvv 123, also 5500 0000 0000 0004; password: pw12345"
    result = redact(text)
    assert result.kinds == ["card_number", "security_code", "password"]
    assert result.text.count(CARD_MARKER) == 2
    assert "pw12345" not in result.text


def test_redaction_is_idempotent() -> None:
    once = redact("my password is hunter2 and card 4111 1111 1111 1111, cvv 123").text
    assert redact(once).text == once
