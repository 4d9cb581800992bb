from __future__ import annotations

import re

import pytest

from drafter.scoring.gated import GatedPattern, triggers

PATTERN = r"\b(?:\d+|egy|két) órán belül|\bsoon\b"


@pytest.mark.parametrize("text", ["két órán belül", "3 órán belül", "nem soon", "semmi"])
def test_gated_matches_equal_the_plain_pattern(text: str) -> None:
    gated = [m.group(0) for m in GatedPattern(PATTERN).finditer(text)]
    plain = [m.group(0) for m in re.finditer(PATTERN, text)]
    assert gated == plain


def test_a_group_mixing_digits_and_words_is_gated_by_both() -> None:
    found = triggers(r"\b(?:\d+|egy|két) órán belül")
    assert found is not None
    assert {"egy", "két", "7"} <= set(found)


def test_a_group_option_inside_a_word_still_hides_what_its_match_covers() -> None:
    """'from' never starts a word here, yet its match inside 'xfrom' covers 'next monday':
    the group's scan skips that, so dropping 'from' for want of a word start would not."""
    pattern = GatedPattern(r"\b(?:from|next)\s+(?:next\s+)?monday\b")
    text = "xfrom next monday, next monday"
    found = [(m.start(), m.group(0)) for m in pattern.finditer(text)]
    stripped = re.compile(r"(?:from|next)\s+(?:next\s+)?monday\b")
    reference = [
        (m.start(), m.group(0))
        for m in stripped.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
    ]
    assert found == reference == [(19, "next monday")]
