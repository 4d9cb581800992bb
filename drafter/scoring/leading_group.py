"""Scanning ``(?:within|in|under)\\s+...`` as ``within\\s+...``, ``in\\s+...``, ``under\\s+...``.

An alternative that opens with a group of words gives ``re`` no literal to search for, so it
tries the group at every position that starts like one of the words: in English text that
is a third of all positions, and such alternatives were the slowest part of the lexicon
scans. Each expansion starts with a literal, which ``re`` finds with its fast prefix search.

Run on their own the expansions would find more than the group does (a match of one can
start inside a match of another, which the group's scan never looks at), so
:func:`group_finditer` merges them back into exactly the group's matches: at each step the
leftmost next match wins, the earlier word on a tie (the order the group tries its words),
and the scan resumes where that match ends.
"""

from __future__ import annotations

import re

from drafter.scoring.regex_facts import split_alternatives

_PLAIN_WORD = re.compile(r"[^\\()\[\]{}?*+|^$.]+")


def expand_leading_group(body: str) -> list[str]:
    """``(?:send|share) (?:me|us)`` -> ``send (?:me|us)``, ``share (?:me|us)``; any other
    body (no leading group, an optional one, or one with more than plain words) as is."""
    if not body.startswith("(?:"):
        return [body]
    depth, end = 0, -1
    for index, char in enumerate(body):
        if char in "\\[":
            return [body]  # escapes or classes inside: not a group of plain words
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                end = index
                break
    if end < 0 or body[end + 1 : end + 2] in ("?", "*", "+", "{"):
        return [body]
    options = split_alternatives(body[3:end])
    if not all(_PLAIN_WORD.fullmatch(option) for option in options):
        return [body]
    return [option + body[end + 1 :] for option in options]


def group_finditer(
    expansions: tuple[re.Pattern[str], ...], text: str, pos: int
) -> list[re.Match[str]]:
    """What ``finditer(text, pos)`` of the unexpanded alternative returns.

    Whether a regex matches at a position does not depend on where the search began, so
    an expansion's pending match stays its leftmost one until the scan passes its start.
    """
    pending = [expansion.search(text, pos) for expansion in expansions]
    out: list[re.Match[str]] = []
    while True:
        best: re.Match[str] | None = None
        for match in pending:
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            return out
        out.append(best)
        pos = best.end()  # never empty: every expansion starts with a word
        for index, match in enumerate(pending):
            if match is not None and match.start() < pos:
                pending[index] = expansions[index].search(text, pos)
