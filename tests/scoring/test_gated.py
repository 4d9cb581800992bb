from __future__ import annotations

import re
import sys

import pytest

from drafter.scoring import trigger_table
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


WORD_EDGE_CASES = [
    "",
    "   \n\t ",
    "I'm SORRY, we'll check: order #48213 by 10:30!",
    "snake_case __init__ x_1 _",
    "don’t – wait… 😊😊 ok",
    "Látom, hogy a rendelése még nem érkezett meg. Elnézést!",
    "Կհաստատե՞ք պատվերի համարը։ 20 րոպեի",
    "İstanbul ǅ ﬁx ß ΣΑΣ ½ ² ٣ 𝟘",
    "a\u00a0b\u2009c\u3000d\x1ce\x85f",
    "".join(chr(c) for c in range(128)),
]


@pytest.mark.parametrize("text", WORD_EDGE_CASES)
def test_words_are_the_word_runs_regex_finds(text: str) -> None:
    assert trigger_table.words(text) == re.findall(r"\w+", text)


def test_every_ascii_character_splits_or_joins_words_as_regex_does() -> None:
    """The ASCII path maps each non-word character to a space; ``\\w`` on ASCII is exactly
    [A-Za-z0-9_], and no character ``\\w`` matches is whitespace anywhere in Unicode."""
    for code in range(128):
        text = f"ab{chr(code)}c1"
        assert trigger_table.words(text) == re.findall(r"\w+", text), code
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and _word(c)]


def test_an_exact_triggers_later_words_are_whole_or_a_start() -> None:
    assert trigger_table._needs("as soon as ") == (["soon", "as"], None)
    assert trigger_table._needs("i can") == ([], "can")
    assert trigger_table._needs("we'll need") == (["ll"], "need")
    assert trigger_table._needs("i ") == ([], None)


@pytest.mark.parametrize("around", ["{}", "x {}zz", "¡{}!", "1.{}_9 😊", "{}'s {}"])
def test_no_exact_trigger_at_a_word_start_is_missed(around: str) -> None:
    """Word bits only rule triggers out: wherever one occurs at a word start, on its own or
    with its last word running on ("i cannot"), its alternatives stay on."""
    import drafter.scoring  # noqa: F401  (registers every lexicon pattern)

    for filed in trigger_table._EXACT.values():
        for trigger, _, bits in filed:
            text = around.format(trigger, trigger)
            assert trigger_table.text_bits(text) & bits == bits, (trigger, text)


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"
