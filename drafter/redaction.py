"""Removing secrets from a customer's message before anything else sees it.

Customers paste card numbers, security codes and passwords into chat. None of it may reach
an LLM endpoint or a draft, so the drafter redacts the message first and works only on the
redacted text. Markers name what was removed, so an agent (and the model) can still see
that the customer shared something sensitive and reply accordingly.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from drafter.cards import find_card_numbers

CARD_MARKER = "[card number removed]"
CODE_MARKER = "[security code removed]"
PASSWORD_MARKER = "[password removed]"

# Words that introduce a card security code or PIN, in the languages customers write in.
_CODE_WORDS = (
    r"cvv2?|cvc2?|cvn|cid|csc|security\s+code|card\s+code|verification\s+code|pin(?:\s*code)?"
    r"|biztonsági\s+kód(?:ja|om)?|biztonsági\s+számo?m?|pin\s*kód(?:ja|om)?"
    r"|անվտանգության\s+կոդ(?:ը|ս)?|փին(?:\s*կոդ(?:ը|ս)?)?|պին(?:\s*կոդ(?:ը|ս)?)?"
    r"|prüfnummer|prüfziffer|sicherheitscode|kartenprüfnummer|geheimzahl"
    r"|código\s+de\s+seguridad|código\s+cvv|clave\s+pin"
    r"|код\s+безопасности|пин(?:\s*-?\s*код)?|cvv-код|свв"
)
# "my cvv is 123", "CVV: 1234", "PIN kódom 1234", "CVV-ն 123 է"
_CODE = re.compile(
    rf"(?P<lead>\b(?:{_CODE_WORDS})[\w-]*[\s:=\-–—]*(?:(?:is|was|=|es|ist|է|:|-)\s*)?)"
    r"(?P<code>\d{3,6})(?!\d)",
    re.IGNORECASE,
)
# Words that introduce a password. After an explicit "is"/":"/"=" the next token is the
# secret; after a bare possessive ("jelszavam X", "գաղտնաբառս X") only a token that looks
# like a secret (holds a digit or a symbol) is, so "գաղտնաբառս մոռացել եմ" stays intact.
_PASSWORD_WORDS = (
    r"password|passcode|passwd|pwd|pw"
    r"|jelszó|jelszavam|jelszava|jelszavamat|jelszót"
    r"|գաղտնաբառ(?:ս|ը|ն)?|ծածկագիր(?:ս|ը)?"
    r"|passwort|kennwort"
    r"|contraseña"
    r"|пароль|пароля"
)
_SEPARATOR = r"(?:\s*[:=]\s*|\s+(?:is|was|is\s+now|now|ist|lautet|es|era|է|—|-|–)\s*[:]?\s*)"
_SECRET = r"[\"'«“]?[^\s\"'»”]{3,}?[\"'»”]?(?=[\s.,;!?)]*(?:\s|$))"
_PASSWORD_STATED = re.compile(
    rf"(?P<lead>(?<!\[)\b(?:{_PASSWORD_WORDS}){_SEPARATOR})(?P<secret>{_SECRET})", re.IGNORECASE
)
_PASSWORD_BARE = re.compile(
    r"(?P<lead>(?<!\[)\b(?:jelszavam|գաղտնաբառս|ծածկագիրս|пароль|passwort|password|contraseña)\s+)"
    r"(?P<secret>[^\s]*[\d!@#$%^&*_+=~/\\|<>][^\s]*)",
    re.IGNORECASE,
)
# Words after "password is" that describe the password rather than state it.
_NOT_A_SECRET = frozenset(
    {
        "wrong",
        "incorrect",
        "not",
        "correct",
        "right",
        "fine",
        "ok",
        "okay",
        "expired",
        "invalid",
        "rejected",
        "reset",
        "changed",
        "blocked",
        "locked",
        "too",
        "the",
        "my",
        "a",
        "still",
        "definitely",
        "probably",
        "hibás",
        "rossz",
        "nem",
        "helyes",
        "falsch",
        "nicht",
        "abgelaufen",
        "incorrecta",
        "no",
        "неверный",
        "неправильный",
        "не",
        "սխալ",
        "չի",
    }
)


class Redaction(BaseModel):
    """The redacted text and the kinds of secret that were found (in order, unique)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    kinds: list[str]


def redact(text: str) -> Redaction:
    """Replace card numbers, security codes/PINs and passwords with markers.

    Card numbers go first so a PIN pattern never eats part of one; each kind is reported
    once so callers can warn the agent without echoing the secret back.
    """
    kinds: list[str] = []

    cards = list(find_card_numbers(text))
    if cards:
        kinds.append("card_number")
        for match in reversed(cards):
            text = text[: match.start()] + CARD_MARKER + text[match.end() :]

    text, codes = _CODE.subn(lambda m: m.group("lead") + CODE_MARKER, text)
    if codes:
        kinds.append("security_code")

    found_password = False

    def password(match: re.Match[str]) -> str:
        nonlocal found_password
        secret = match.group("secret")
        if secret.strip("\"'«»“”.,!?").lower() in _NOT_A_SECRET or secret.startswith("["):
            return match.group(0)
        found_password = True
        return match.group("lead") + PASSWORD_MARKER

    text = _PASSWORD_STATED.sub(password, text)
    text = _PASSWORD_BARE.sub(password, text)
    if found_password:
        kinds.append("password")
    return Redaction(text=text, kinds=kinds)
