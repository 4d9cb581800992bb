"""One sentence splitter for every scorer, so evidence lines up across dimensions.

Scorers cite whole sentences as evidence, and structure tags sentences with steps, so they
must agree on where a sentence ends. The rules are deliberately simple and predictable:

- ``!``, ``?``, ``…`` and the Armenian full stop ``։`` end a sentence when followed by space;
- ``.`` ends one too, except after a known abbreviation, after a number when the next word
  starts lower-case (Hungarian ordinals and dates: "május 5. után"), or inside numbers;
- a newline always ends a sentence, and a bullet marker at the start of a line is dropped
  (the line is still reported as a bullet, because a bulleted list of fields is a question
  wall even without question marks).

The Armenian question mark ``՞`` sits on the stressed word, not at the end, so it never
splits; :func:`is_question` knows it marks a question.
"""

from __future__ import annotations

import re
from typing import NamedTuple

BULLET = re.compile(r"^\s*(?:[-*•·–—▪►✓✔]|\d{1,2}[.)]|[a-zA-Z][.)])\s+")
# The end mark, closing quotes or brackets, then space. The mark is part of the match (one
# past match.start() is where the old look-behind form started) so ``re`` can skip ahead
# to a candidate character instead of testing a look-behind at every position.
_BOUNDARY = re.compile(r"[!?…։.][\"'”»)\]]*\s+")
_ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "etc",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "nr",
        "approx",
        "vs",
        "min",
        "hrs",
        "sz",
        "pl",
        "kb",
        "ill",
        "stb",
        "ún",
        "u",
        "vö",
        "dec",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "tel",
        "inc",
        "ltd",
        "էլ",  # Armenian "էլ. փոստ" (e-mail), often followed by a quote or capital
    }
)
_QUESTION = re.compile(r"[?？\u037e]\s*[\"'”»)\]]*\s*$|՞")  # the rule; is_question runs it
_QUESTION_MARKS = ("?", "？", "\u037e")
_CLOSERS = "\"'”»)]"
_BULLET_MARKS = frozenset("-*•·–—▪►✓✔")  # BULLET's first alternative
_AFTER_LETTER = (".", ")")


class Sentence(NamedTuple):
    text: str
    bullet: bool


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, stripped, in order; never empty strings."""
    return split_flagged(text)[0]


def split_segments(text: str) -> list[Sentence]:
    """Sentences with a flag telling whether each came from a bulleted line."""
    return list(map(Sentence, *split_flagged(text)))


def split_flagged(text: str) -> tuple[list[str], list[bool]]:
    """The sentences of ``text`` and, for each, whether its line was bulleted: the two
    columns of :func:`split_segments` without a ``Sentence`` tuple per sentence."""
    sentences: list[str] = []
    bullets: list[bool] = []
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        marker = BULLET.match(raw_line) if _may_be_bullet(line) else None
        if marker:
            line = raw_line[marker.end() :].strip()
            if not line:
                continue  # a marker alone on its line
        parts = _split_line(line)
        sentences += parts
        bullets += [marker is not None] * len(parts)
    return sentences, bullets


def _may_be_bullet(line: str) -> bool:
    """False where ``BULLET`` cannot match, so most lines skip the regex. ``line`` is the
    stripped line; ``^\\s*`` skips exactly what ``strip`` does (both are
    ``str.isspace``), and no marker is a space, so the marker starts at ``line[0]``: one
    of the marks, a digit (``\\d`` is ``str.isdecimal``), or a letter followed by ``.``
    or ``)`` (checking the second character alone is a cheap superset)."""
    return line[0] in _BULLET_MARKS or line[0].isdecimal() or line[1:2] in _AFTER_LETTER


def _split_line(line: str) -> list[str]:
    """The sentences of one stripped, non-empty line.

    A piece runs from ``start`` (never a space: ``line`` is stripped and each boundary's
    ``\\s+`` takes every space after it) to the boundary's closing quotes; no piece is
    empty (it holds the mark) and the tail is not either (a stripped line cannot end in a
    boundary's space), so the ``strip`` and emptiness checks of each piece are not needed.
    """
    parts: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        mark = match.start()
        if line[mark] == "." and not _period_ends_sentence(
            line[start : mark + 1], line[match.end() :]
        ):
            continue
        parts.append(line[start : match.end()].rstrip())
        start = match.end()
    parts.append(line[start:])
    return parts


def _period_ends_sentence(chunk: str, rest: str) -> bool:
    last = last_word(chunk)
    if last is None:
        return True
    last = last.lower().lstrip("(\"'")
    if last in _ABBREVIATIONS:
        return False
    if last[:1].isdigit() and (not rest or rest[0].islower() or rest[0].isdigit()):
        return False
    if len(last) <= 3 and rest[:1].islower():
        return False  # a short abbreviation mid-sentence: "approx. két", "էլ. փոստ"
    return not (len(last) == 1 and last.isalpha() and rest[:1].isupper())


def last_word(chunk: str) -> str | None:
    """What ``(\\S+)\\.$`` captures in ``chunk``, a stripped chunk ending in ".": the
    non-space run before the final dot. A regex search for it tries ``\\S+`` from every
    position of the chunk (quadratic in its longest word run); this is one ``rsplit``."""
    head = chunk[:-1]
    if not head or head[-1].isspace():
        return None
    return head.rsplit(None, 1)[-1]


def is_question(sentence: str) -> bool:
    """True for a sentence that asks: ends with ``?`` or carries the Armenian ``՞``.

    What ``_QUESTION.search`` finds, without its attempt at every position of the sentence:
    the mark, then space, closing quotes and space up to the end."""
    if "՞" in sentence:
        return True
    end = sentence.rstrip().rstrip(_CLOSERS).rstrip()
    return end.endswith(_QUESTION_MARKS)
