from __future__ import annotations

import re
import sys

import pytest

from drafter.scoring import trigger_table
from drafter.scoring.gated import GatedPattern
from drafter.scoring.triggers import triggers

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


@pytest.mark.parametrize(
    "text",
    [
        "",
        "9",
        "at 10:30\n12/05 and 2024-05-12",
        "x12:30, 112:30, 1234:56",  # inside words, runs of digits, overlapping candidates
        "١٢/٠٥ and ３:３０",  # digits outside ASCII are \d too
        "IN 2 HOURS, 3PM 😊 5-10 business days 20 percen belül",
        "1\n2\n3",
    ],
)
def test_digit_finder_yields_each_digit_where_an_alternative_matches(text: str) -> None:
    from drafter.scoring.timing import CONCRETE

    digit_first = [
        r for r, step in zip(CONCRETE._compiled, CONCRETE._steps, strict=True) if step[6]
    ]
    expected = [
        at
        for at, char in enumerate(text)
        if char.isdecimal() and any(r.match(text, at) for r in digit_first)
    ]
    finder = CONCRETE._digit_starts
    assert finder is not None
    assert [m.start() for m in finder.finditer(text)] == expected


DROPPED_TESTS = r"\border (?:number|id)\b|\bthe (?:card|one) you used\b|\blast (?:4|four) digits\b"


def test_tests_that_cannot_pay_are_dropped() -> None:
    steps = GatedPattern(DROPPED_TESTS)._steps
    assert steps[0][4] is None  # "order " starts every match: re scans for it itself
    assert steps[1][3] is None  # gate " you" is inside the required literal " you used"
    assert steps[1][4] == " you used"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "order number",
        "ORDER NUMBER",  # lexicons scan lower-cased text: upper case matches nowhere
        "reorder number, the one you used 😊 order id",
        "xthe card you used; the card you used, last 4 digits, last four digits",
        "rendelés order—number order  id the card you’re used",
        "0rder number 4 digits last 4 digits",
    ],
)
def test_dropped_tests_find_what_the_plain_pattern_finds(text: str) -> None:
    gated = [(m.start(), m.group(0)) for m in GatedPattern(DROPPED_TESTS).finditer(text)]
    plain = [(m.start(), m.group(0)) for m in re.finditer(DROPPED_TESTS, text)]
    assert gated == plain


def test_any_decimal_digit_turns_digit_first_alternatives_on() -> None:
    """``\\d`` matches exactly the characters ``str.isdecimal`` accepts, so a word starting
    with any of them brings the bits a word starting with an ASCII digit brings."""
    import drafter.scoring  # noqa: F401  (registers every lexicon pattern)

    digit = re.compile(r"\d")
    assert all(bool(digit.match(c)) == c.isdecimal() for c in map(chr, range(sys.maxunicode + 1)))
    ascii_bits = 0  # the digit-first alternatives' bits: filed under each of "0"-"9"
    for digit in "0123456789":
        ascii_bits |= trigger_table._PREFIX.get(digit, 0)
    assert ascii_bits
    for text in ["١٢", "３", "৫x", "٢٠ percen"]:
        assert trigger_table.text_bits(text) & ascii_bits == ascii_bits, text


@pytest.mark.parametrize(
    "text", [*WORD_EDGE_CASES, "", "it's 12:30, ok", "ÁRVÍZTŰRŐ tükörfúrógép", "😊in😊", "x" * 300]
)
def test_an_infix_bit_is_set_exactly_where_the_text_holds_the_infix(text: str) -> None:
    """An infix is all word characters, so it occurs in a text exactly when it occurs in
    one of its ``\\w`` runs: its bits are set then, and never otherwise."""
    import drafter.scoring  # noqa: F401  (registers every lexicon pattern)

    bits = trigger_table.text_bits(text)
    for infix, infix_bits in trigger_table._INFIX.items():
        assert re.fullmatch(r"\w+", infix), infix
        assert bits & infix_bits == (infix_bits if infix in text else 0), (infix, text)
