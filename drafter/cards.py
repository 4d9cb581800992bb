"""Payment-card numbers: the one pattern both redaction and the safety scorer rely on.

A run of 13-19 digits (spaces or dashes allowed between groups) is only treated as a card
when it passes the Luhn checksum, so order numbers and phone numbers are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CARD_CANDIDATE = re.compile(r"(?<![\d])(?:\d[ \-]?){12,18}\d(?![\d])")


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = ord(char) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def find_card_numbers(text: str) -> Iterator[re.Match[str]]:
    """Yield matches that look like real card numbers (13-19 digits, Luhn-valid)."""
    for match in CARD_CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if 13 <= len(digits) <= 19 and luhn_valid(digits):
            yield match
