"""The placeholder language of playbook text, in one place for the checker and the renderer.

``{name}`` is a value drafter always has (a time, the options, the company name);
``{name|fallback}`` is a customer value that may be missing; ``[ ... {name} ... ]`` is an
optional section, dropped whole when any value inside it is missing, so a sentence reads
naturally with or without an order number in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?:\|([^{}\[\]]*))?\}")
SECTION = re.compile(r"\[([^\[\]]*)\]")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,.!?:;։])")


@dataclass(frozen=True)
class Placeholder:
    name: str
    fallback: str | None
    in_section: bool


class TemplateSyntaxError(ValueError):
    pass


def placeholders(text: str) -> Iterator[Placeholder]:
    """Every placeholder in ``text``; raises ``TemplateSyntaxError`` on stray braces/brackets."""
    for section in SECTION.finditer(text):
        inner = section.group(1)
        found = list(PLACEHOLDER.finditer(inner))
        if not found:
            raise TemplateSyntaxError(f"optional section [{inner}] holds no placeholder")
        for match in found:
            yield Placeholder(match.group(1), match.group(2), in_section=True)
    outside = SECTION.sub("", text)
    for match in PLACEHOLDER.finditer(outside):
        yield Placeholder(match.group(1), match.group(2), in_section=False)
    leftover = PLACEHOLDER.sub("", outside)
    for char in "{}[]":
        if char in leftover:
            raise TemplateSyntaxError(f"unbalanced or malformed {char!r} in text")


def render(text: str, values: Mapping[str, str | None]) -> str:
    """Fill ``text`` from ``values``; a missing value without a fallback renders empty."""

    def section(match: re.Match[str]) -> str:
        inner = match.group(1)
        names = [m.group(1) for m in PLACEHOLDER.finditer(inner)]
        if all(values.get(n) for n in names):
            return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), inner)
        return ""

    def value(match: re.Match[str]) -> str:
        got = values.get(match.group(1))
        if got:
            return str(got)
        return match.group(2) or ""

    out = PLACEHOLDER.sub(value, SECTION.sub(section, text))
    out = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", out))
    return out.strip()
