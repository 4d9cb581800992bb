"""A prefiltered pattern must find exactly what the plain ``re`` pattern finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drafter.scoring import promises, questions, requested_fields, safety
from drafter.scoring.clauses import CLAUSE
from drafter.scoring.prefilter import Prefiltered, names_matching, prefiltered

CALIBRATION = Path(__file__).resolve().parents[2] / "evals" / "calibration"
# Matches inside words, at the very start and end, overlapping alternatives, non-ASCII.
EDGES = [
    "",
    "n't need it, isn't needed; donot send",
    "we never ask for your pin, but please send the cvv",
    "xlast 4 digits, last four, utolsó 4 számjegy, վերջին 4 թվանշան",
    "order 12345 and booking ab123; rendelés száma 99999",
    "soha ne küldje el a jelszavát, de a rendelésszámot igen",
    "reset your password via the link — then confirm, however, your email",
    "😊 İstanbul ǅ, բայց, но",
]


def _texts() -> list[str]:
    texts = list(EDGES)
    for path in sorted(CALIBRATION.glob("*.jsonl")):
        texts += [json.loads(line)["text"].lower() for line in path.read_text().splitlines()]
    return texts


PATTERNS = {
    "never_ask": safety.NEVER_ASK,
    "safe_mention": safety.SAFE_MENTION,
    "self_service": safety.SELF_SERVICE,
    "asking": safety.ASKING,
    "negation": promises.NEGATION,
    "clause": CLAUSE,
    "not_an_item": questions._NOT_AN_ITEM,
    "given_order": questions._GIVEN["order_id"],
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_prefiltered_finds_what_re_finds(name: str) -> None:
    prefiltered_pattern = PATTERNS[name]
    plain = re.compile(prefiltered_pattern.pattern)
    for text in _texts():
        assert [m.span() for m in prefiltered_pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text
        assert prefiltered_pattern.sub("#", text) == plain.sub("#", text)
        assert prefiltered_pattern.split(text) == plain.split(text)
        found, expected = prefiltered_pattern.search(text), plain.search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_an_alternative_without_a_literal_always_runs() -> None:
    pattern = Prefiltered(r"\bsoon\b|\d+ days|[,;]")
    assert pattern.for_text("nothing here") is not None  # [,;] has no literal
    assert pattern.split("a, b; c") == ["a", " b", " c"]
    assert pattern.search("in 3 days").group(0) == "3 days"  # type: ignore[union-attr]
    assert pattern.search("3days, soon").group(0) == ","  # type: ignore[union-attr]


def test_a_match_inside_a_word_is_kept_as_re_keeps_it() -> None:
    pattern = Prefiltered(r"\bnot\b|n't")
    assert pattern.search("it isn't").group(0) == "n't"  # type: ignore[union-attr]
    assert pattern.search("knot") is None


def test_no_alternative_can_match_means_no_regex_runs() -> None:
    pattern = Prefiltered(r"\bsoon\b|\bshortly\b")
    assert pattern.for_text("we will reply tomorrow") is None
    assert pattern.sub(" ", "unchanged") == "unchanged"
    assert pattern.split("unchanged") == ["unchanged"]


def test_patterns_whose_alternatives_cannot_be_dropped_are_refused() -> None:
    with pytest.raises(ValueError, match="capturing groups"):
        Prefiltered(r"(a)|b")
    with pytest.raises(ValueError, match="IGNORECASE"):
        Prefiltered(re.compile(r"dear|regards", re.IGNORECASE))


def test_names_matching_keeps_the_order_of_the_names() -> None:
    named = prefiltered({"b": re.compile(r"\bbee\b"), "a": re.compile(r"ant|\d")})
    assert names_matching(named, "an ant and a bee") == ["b", "a"]
    assert names_matching(named, "4 bees") == ["a"]
    assert names_matching(named, "") == []


@pytest.mark.parametrize("which", ["fields", "promises"])
def test_mask_narrowing_lines_up_with_the_gated_pattern(which: str) -> None:
    """MaskNarrowed numbers the alternatives of its patterns in order from bit 0: the
    GatedPattern whose mask it reads must start with exactly those alternatives."""
    from drafter.scoring.regex_facts import split_alternatives

    named, gated = (
        (requested_fields._FIELD_GATES, requested_fields.ANY_FIELD)
        if which == "fields"
        else (promises._KIND_GATES, promises.ANY_PROMISE)
    )
    ours = [a for _, pattern in named for a in split_alternatives(pattern.pattern)]
    assert split_alternatives(gated.pattern)[: len(ours)] == ours


@pytest.mark.parametrize(
    "text",
    [
        "",
        "We'll refund you in full today, and a 10% discount code is yours.",
        "No refund, but I can add a month free to your account!",
        "REFUND ISSUED; A VOUCHER FOR YOUR NEXT ORDER IS ON US 🎁",
        "Visszatérítjük az összeget, és kap egy 20%-os kuponkódot.",
        "Ձեզ կտանք զեղչ, և գումարը կվերադարձնենք։",
        "Your credit (store credit) is credited to your account: a free upgrade too.",
        "freedelivery, refunds-only, a free\ntrial",
    ],
)
def test_promise_kinds_narrowed_by_the_draft_masks_match_the_plain_lookup(text: str) -> None:
    from drafter.scoring.context import DraftContext
    from drafter.scoring.promises import promised_kinds

    for variant in (text, text.upper(), text.replace(" ", "  ")):
        draft = DraftContext(variant)
        for index in range(len(draft.sentences)):
            piece = draft.lower_sentence(index)
            assert promised_kinds(piece, draft.trigger_masks) == promised_kinds(piece), piece
