"""Leading groups of words are scanned as their expansions and merged back: the merged
matches must be exactly what the unexpanded regex's finditer returns."""

from __future__ import annotations

import re

import pytest

from drafter.scoring.leading_group import expand_leading_group, group_finditer


def test_only_leading_groups_of_plain_words_are_expanded() -> None:
    assert expand_leading_group(r"(?:send|share) (?:me|us)\b") == [
        r"send (?:me|us)\b",
        r"share (?:me|us)\b",
    ]
    assert expand_leading_group(r"(?:a|b)?c") == [r"(?:a|b)?c"]
    assert expand_leading_group(r"(?:\d+|egy) perc") == [r"(?:\d+|egy) perc"]
    assert expand_leading_group(r"(?:[01]?\d|2[0-3]):") == [r"(?:[01]?\d|2[0-3]):"]
    assert expand_leading_group(r"(?:a(?:b|c)|d)e") == [r"(?:a(?:b|c)|d)e"]
    assert expand_leading_group(r"sorry\b") == [r"sorry\b"]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        # one word's match starts inside another's: the group never sees it
        (
            r"(?:check|confirm|make sure)\w*\b[^.!?]{0,60}\b(?:arrived|fits)\b",
            "i'll check in on thursday to make sure it fits, and confirm it arrived.",
        ),
        # a tie at one position: the earlier word wins, as in the group
        (r"(?:in|inside)\s*\w+", "inside the box, in 2 days, within 3"),
        (r"(?:within|in|under)\s+\d+\s*(?:min|hours?)", "in 2 hours or within 20 min, under 5 min"),
        (r"(?:a|ab|abc)c?", "abcabcab ac"),
        (r"(?:send|share) (?:me|us)\b", "resend me; share us; send mess; send us"),
        (r"(?:x|y)", ""),
    ],
)
def test_merged_expansions_find_what_the_group_finds(body: str, text: str) -> None:
    expansions = tuple(re.compile(e) for e in expand_leading_group(body))
    assert len(expansions) > 1
    regex = re.compile(body)
    for pos in range(len(text) + 1):
        expected = [(m.start(), m.end()) for m in regex.finditer(text, pos)]
        found = [(m.start(), m.end()) for m in group_finditer(expansions, text, pos)]
        assert found == expected, (body, text, pos)
