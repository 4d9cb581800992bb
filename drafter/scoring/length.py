"""Length and format: does the draft fit its channel?

Chat apps (WhatsApp, Instagram, Telegram, Messenger, web chat) want a few short sentences
an agent can send while juggling other conversations; email allows a greeting, detail and a
sign-off. Limits are in words and sentences rather than characters so Hungarian's long
words are not punished. Without a channel the draft is held to the email limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.scoring import trigger_table
from drafter.scoring.context import DraftContext
from drafter.scoring.models import Score, new_score
from drafter.scoring.registry import scorer


@dataclass(frozen=True)
class LengthLimits:
    max_words: int
    max_sentences: int
    max_paragraph_words: int


LIMITS: dict[str, LengthLimits] = {
    # The five steps in chat are five or six short sentences; more is a wall of text.
    "chat": LengthLimits(max_words=95, max_sentences=7, max_paragraph_words=95),
    "email": LengthLimits(max_words=260, max_sentences=18, max_paragraph_words=120),
}
# A word: ``\w+(?:['’-]\w+)*``, runs of word characters joined by single apostrophes or
# hyphens ("don't", "e-mail"). Counted as runs minus joins, see _count_words.
_JOIN = re.compile(r"['’-](?<=\w.)(?=\w)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
EMAIL_FURNITURE = re.compile(
    r"^\s*(?:dear\b|kedves\b|tisztelt\b|հարգելի)|\b(?:best|kind|warm)(?:est)? regards\b|"
    r"\byours (?:sincerely|faithfully)\b|\büdvözlettel\b|հարգանքով",
    re.IGNORECASE | re.MULTILINE,
)


# Every match of EMAIL_FURNITURE contains one of these in the lower-cased text, so most
# drafts skip its slow case-insensitive search. None of them holds an "i" or "s": under
# IGNORECASE those also match "ı", "İ" and "ſ", which lower-casing does not turn into them;
# every character that matches one of these letters folds to it (test_structure_length.py).
FURNITURE_GATE = (
    "dear",
    "kedve",
    "ztelt",
    "հարգել",
    "regard",
    "ncerely",
    "thfully",
    "üdvözlettel",
    "հարգանքով",
)


def _count_words(text: str, runs: int) -> int:
    r"""How many matches ``\w+(?:['’-]\w+)*`` has in ``text``, given its number of ``\w+``
    runs. A match starts at a run (what precedes it is not a word character) and takes the
    next run whenever a single joiner separates them, so each joiner between two word
    characters merges two runs into one match and nothing else does. ``_JOIN`` finds exactly
    those joiners; most drafts hold none of the three, and three substring tests say so
    faster than the scan."""
    if "'" in text or "’" in text or "-" in text:
        return runs - len(_JOIN.findall(text))
    return runs


def _longest_paragraph(text: str) -> int:
    """Words in the longest paragraph. A paragraph break is whitespace, which no word holds,
    so each paragraph's words are its own; blank ones count 0."""
    return max(
        _count_words(paragraph, len(trigger_table.words(paragraph)))
        for paragraph in _PARAGRAPH_BREAK.split(text)
    )


def _has_furniture(draft: DraftContext) -> bool:
    lowered = draft.lowered
    for literal in FURNITURE_GATE:
        if literal in lowered:
            return bool(EMAIL_FURNITURE.search(draft.text))
    return False


@scorer("length", weight=0.5)
def length(draft: DraftContext) -> Score:
    # draft.words are the runs of the lower-cased text, as many as the text's own.
    words = _count_words(draft.text, len(draft.words))
    if words == 0:
        return new_score(value=0.0, passed=False, explanation="empty draft")
    style = draft.style or "email"
    limits = LIMITS[style]
    sentences = len(draft.sentences)
    # No paragraph holds more words than the draft, and the longest one only shows in the
    # verdict when it is over the limit: below it, there is nothing to split and count.
    paragraph_limit = limits.max_paragraph_words
    longest = words if words <= paragraph_limit else _longest_paragraph(draft.text)
    problems = []
    if words > limits.max_words:
        problems.append(f"{words} words (limit {limits.max_words} for {style})")
    if sentences > limits.max_sentences:
        problems.append(f"{sentences} sentences (limit {limits.max_sentences} for {style})")
    if longest > paragraph_limit:
        problems.append(f"a {longest}-word paragraph (limit {paragraph_limit})")
    value = min(1.0, limits.max_words / words)
    furniture = style == "chat" and _has_furniture(draft)
    if furniture:
        value *= 0.8
    channel = draft.channel or "no channel given, email limits"
    summary = f"{words} words, {sentences} sentences ({channel})"
    if problems:
        return new_score(value=value, passed=False, explanation=f"too long: {'; '.join(problems)}")
    note = "; email greeting or sign-off in a chat" if furniture else ""
    return new_score(value=value, passed=True, explanation=f"fits: {summary}{note}")
