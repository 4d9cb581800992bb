"""The opening salutation of a message ("Hi team,", "Sziasztok!", "Բարև ձեզ"), found and cut.

Most customers open with a greeting, and so do the examples of the ``greeting`` scenario,
which are nothing else. Left in, "Sziasztok, 38-as cipőt rendeltem..." shares its strongest
character n-grams with "Sziasztok!" and is read as a bare hello. A greeting only means the
greeting scenario when nothing follows it, so the lexical channel matches what comes after.

Patterns are written for text already folded by ``drafter.lexical.normalise`` (lower case,
accents and compatibility forms removed: "jó napot" is "jo napot", "բարև" is "բարեւ").
"""

from __future__ import annotations

import re

_OPENERS = (
    # English
    r"hi+|hiya|hey+|heya|hel+o+|hal+o+|howdy|greetings|good\s+(?:morning|afternoon|evening|day)"
    r"|dear"
    # Hungarian
    r"|szia+|sziasztok|szevasz|szervusz(?:tok)?|udv|udvozlom|udvozlettel|hali"
    r"|jo\s+(?:napot|reggelt|estet)(?:\s+kivanok)?|kedves|tisztelt"
    # Armenian, in its script and in Latin letters
    r"|բարեւ|ողջույն|բարի\s+(?:լույս|օր|երեկո)|հարգելի"
    r"|barev|barew|voghjuyn|bari\s+(?:luys|or|yereko|ereko)|hargeli"
    # German, Spanish, Russian, French
    r"|guten\s+(?:tag|morgen|abend)|servus|moin|liebe[rs]?|sehr\s+geehrte[rs]?"
    r"|hola|buenos\s+dias|buenas\s+(?:tardes|noches)|buenas|estimad[oa]s?"
    r"|привет|здравствуите|здравствуи|добрыи\s+(?:день|вечер)|доброе\s+утро"
    r"|bonjour|bonsoir|salut"
)
# Who the greeting is addressed to, when it is a role rather than a name.
_ADDRESSEES = (
    r"there|team|all|guys|folks|everyone|sir|or|madam"
    r"|ugyfelszolgalat|csapat|dzez|ձեզ|equipo|команда|zusammen"
)
_SALUTATION = re.compile(
    rf"^\W*(?:(?:{_OPENERS})\b(?:\s+(?:{_ADDRESSEES})\b)*[\W_]*)+",
    re.UNICODE,
)
_WORD = re.compile(r"\w", re.UNICODE)


def opens_with_salutation(folded: str) -> bool:
    """Whether the text starts with a greeting, whatever follows ("Jó napot!", "Hi Ben, ...")."""
    return _SALUTATION.match(folded) is not None


def strip_salutation(folded: str) -> str:
    """What follows the opening salutation; the text itself when nothing would remain.

    A message that is only a greeting keeps it, so "Hello?" still meets the greeting
    examples, while "hello, my parcel is late" is matched on "my parcel is late".
    """
    found = _SALUTATION.match(folded)
    if found is None or found.end() == 0:
        return folded
    rest = folded[found.end() :]
    return rest if _WORD.search(rest) else folded
