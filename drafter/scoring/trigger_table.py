"""Which alternatives of every lexicon pattern a text can match, looked up word by word.

A :class:`~drafter.scoring.gated.GatedPattern` alternative only matches where a word starts
with its trigger ("soon", "apologi", "i "). Every registered pattern owns a run of bits in
one integer, one bit per alternative, so a text's word list resolves all of them at once:
each distinct word maps to the bits of the triggers it starts with, and that map is cached
per word. Words repeat from draft to draft far more than texts do, so after warm-up a draft
costs one dictionary lookup per distinct word instead of a substring test per trigger.

Three kinds of trigger, by where a match can start:

- all word characters ("sorry", "frustrat", "2"): the word starts with it;
- a word and more ("i can", "as soon as "): the word is exactly its head, the text's words
  hold the trigger's other words (see :func:`_needs`), and the text contains the trigger;
- no leading word character ("'s"): the text contains it.

Gating only decides what runs, never what is found, so it may over-approximate; it must
never miss a word a match starts at (``tests/scoring/test_gated_equivalence.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from drafter.scoring.triggers import DIGIT_TRIGGERS

_WORD = re.compile(r"\w+")
# Every ASCII character that ``\w`` does not match, to a space: on an ASCII string ``\w`` is
# exactly [A-Za-z0-9_] and every whitespace character is one of the mapped ones, so
# ``split()`` after this returns the same runs as ``_WORD.findall``, three times faster.
_ASCII_GAPS = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")}

_PREFIX: dict[str, int] = {}  # trigger of word characters -> its alternatives' bits
# Head word -> (whole trigger, the word bits it needs, its alternatives' bits), one entry
# per distinct trigger.
_EXACT: dict[str, list[tuple[str, int, int]]] = {}
_UNKEYED: list[tuple[str, int]] = []  # triggers that do not start with a word character
# Words of exact triggers after the head, each with a bit of its own: whole words the text
# must hold, and trailing words the text must hold a word starting with. Their bits come
# from the same count as the alternatives' but belong to no pattern, so one integer per
# word carries both and no pattern's mask ever sees them.
_WHOLE: dict[str, int] = {}
_PARTIAL: dict[str, int] = {}
# Runs of word characters the lexicon scans test for (:func:`register`'s ``infixes``) ->
# their bits: a run occurs in a text exactly when it occurs inside one of its words, since
# every character of the run is a word character and so lies in one maximal ``\w`` run.
_INFIX: dict[str, int] = {}
_INFIX_STEMS: set[str] = set()  # every infix's every leading slice: where a lookup can stop
_longest_prefix = 0
_width = 0  # bits handed out so far
# Word -> (bits it always brings, exact triggers it heads). Replaced, not cleared, when a
# pattern registers, so a lookup racing a registration cannot store an entry computed from
# the old tables into the new cache.
_Entry = tuple[int, tuple[tuple[str, int, int], ...]]
_by_word: dict[str, _Entry] = {}
_CACHE_LIMIT = 100_000


def words(text: str) -> list[str]:
    """``re.findall(r"\\w+", text)``: the runs of word characters, in order."""
    if text.isascii():
        return text.translate(_ASCII_GAPS).split()
    return _WORD.findall(text)


def register(
    triggers: list[tuple[str, int]], alternatives: int, infixes: Iterable[str] = ()
) -> int:
    """Take ``alternatives`` bits for one pattern and file its ``(trigger, alternative)``
    pairs, then one bit each for ``infixes`` (runs of word characters), set where some word
    contains it; returns the offset of the pattern's first bit."""
    global _width, _longest_prefix, _by_word
    offset = _width
    _width += alternatives
    for infix in infixes:
        _INFIX[infix] = _INFIX.get(infix, 0) | 1 << _width
        _width += 1
        _INFIX_STEMS.update(infix[:end] for end in range(1, len(infix) + 1))
    for trigger, index in triggers:
        bit = 1 << (offset + index)
        head = _WORD.match(trigger)
        if head is None:
            _UNKEYED.append((trigger, bit))
        elif head.end() == len(trigger):
            _PREFIX[trigger] = _PREFIX.get(trigger, 0) | bit
            _longest_prefix = max(_longest_prefix, len(trigger))
        else:
            _file_exact(head.group(0), trigger, bit)
    _by_word = {}
    return offset


def _file_exact(head: str, trigger: str, bit: int) -> None:
    """File a trigger of a word and more ("i can") under its head, with the bits of the
    words it needs; a trigger filed already only gains the new alternative's bit."""
    global _longest_prefix
    filed = _EXACT.setdefault(head, [])
    for i, (known, needs, bits) in enumerate(filed):
        if known == trigger:  # "i'm" in two patterns: one test for both
            filed[i] = (known, needs, bits | bit)
            return
    whole, partial = _needs(trigger)
    needs = 0
    for word in whole:
        needs |= _word_bit(_WHOLE, word)
    if partial is not None:
        needs |= _word_bit(_PARTIAL, partial)
        _longest_prefix = max(_longest_prefix, len(partial))
    filed.append((trigger, needs, bit))


def _word_bit(table: dict[str, int], word: str) -> int:
    """The bit of ``word`` in ``table``, taken from the shared count the first time."""
    global _width
    bit = table.get(word)
    if bit is None:
        bit = table[word] = 1 << _width
        _width += 1
    return bit


def _needs(trigger: str) -> tuple[list[str], str | None]:
    """The words after the head that a text holding ``trigger`` where a word starts must
    hold: each run of word characters after the head starts a word there (a non-word
    character of the trigger precedes it), and it ends one too unless it ends the trigger.
    So the runs before the last are whole words of the text, and the last is one too if the
    trigger ends in a non-word character ("as soon as "), else the start of one ("i can":
    "i cannot")."""
    runs = _WORD.findall(trigger)[1:]
    if runs and trigger.endswith(runs[-1]):
        return runs[:-1], runs[-1]
    return runs, None


def text_bits(text: str, text_words: Iterable[str] | None = None) -> int:
    """The bits of every alternative whose trigger some word of ``text`` starts with;
    ``text_words`` is ``words(text)`` when the caller has it already."""
    cache = _by_word
    bits = 0
    heads = []
    for word in set(words(text) if text_words is None else text_words):
        entry = cache.get(word)
        if entry is None:
            entry = _word_entry(word)
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()  # a service scoring for months must not grow without bound
            cache[word] = entry
        more, exact = entry
        if more:  # most words bring nothing: skip copying a long integer
            bits |= more
        if exact:
            heads.append(exact)
    for exact in heads:
        for trigger, needs, more in exact:
            # The word bits rule out most triggers for the price of an AND; the substring
            # test is the exact check for the rest.
            if bits & needs == needs and trigger in text:
                bits |= more
    for trigger, more in _UNKEYED:
        if trigger in text:
            bits |= more
    return bits


def _word_entry(word: str) -> _Entry:
    bits = _WHOLE.get(word, 0)
    prefix, partial = _PREFIX, _PARTIAL
    for end in range(1, min(len(word), _longest_prefix) + 1):
        start = word[:end]
        bits |= prefix.get(start, 0) | partial.get(start, 0)
    if word[:1].isdecimal():
        # Digit-first alternatives are filed under "0"-"9", but their ``\d`` matches every
        # decimal digit (Unicode Nd, exactly what ``str.isdecimal`` accepts): "١٢/٠٥" must
        # turn them on as "12/05" does.
        for digit in DIGIT_TRIGGERS:
            bits |= prefix.get(digit, 0)
    return bits | _infix_bits(word), tuple(_EXACT.get(word, ()))


def _infix_bits(word: str) -> int:
    """The bits of every registered infix inside ``word`` (only on a cache miss): from each
    start, slices grow while they still begin some infix, so most starts cost one lookup."""
    bits = 0
    size = len(word)
    known, stems = _INFIX, _INFIX_STEMS
    for start in range(size):
        end = start + 1
        while end <= size and (piece := word[start:end]) in stems:
            more = known.get(piece)
            if more:
                bits |= more
            end += 1
    return bits
