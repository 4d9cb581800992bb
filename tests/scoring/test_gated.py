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
