"""Which alternatives of every lexicon pattern a text can match, looked up word by word.

A :class:`~drafter.scoring.gated.GatedPattern` alternative only matches where a word starts
with its trigger ("soon", "apologi", "i "). Every registered pattern owns a run of bits in
one integer, one bit per alternative, so a text's word list resolves all of them at once:
each distinct word maps to the bits of the triggers it starts with, and that map is cached
per word. Words repeat from draft to draft far more than texts do, so after warm-up a draft
costs one dictionary lookup per distinct word instead of a substring test per trigger.

Three kinds of trigger, by where a match can start:

- all word characters ("sorry", "frustrat", "2"): the word starts with it;
- a word and more ("i ", "money back"): the word is exactly its head and the text
  contains the whole trigger;
- no leading word character ("'s"): the text contains it.

Gating only decides what runs, never what is found, so it may over-approximate; it must
never miss a word a match starts at (``tests/scoring/test_gated_equivalence.py``).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")

_PREFIX: dict[str, int] = {}  # trigger of word characters -> its alternatives' bits
_EXACT: dict[str, list[tuple[str, int]]] = {}  # head word -> (whole trigger, bits)
_UNKEYED: list[tuple[str, int]] = []  # triggers that do not start with a word character
_longest_prefix = 0
_width = 0  # bits handed out so far
# Word -> (bits it always brings, triggers it brings if the text holds them). Replaced,
# not cleared, when a pattern registers, so a lookup racing a registration cannot store an
# entry computed from the old tables into the new cache.
_by_word: dict[str, tuple[int, tuple[tuple[str, int], ...]]] = {}
_CACHE_LIMIT = 100_000


def register(triggers: list[tuple[str, int]], alternatives: int) -> int:
    """Take ``alternatives`` bits for one pattern and file its ``(trigger, alternative)``
    pairs; returns the offset of the pattern's first bit."""
    global _width, _longest_prefix, _by_word
    offset = _width
    _width += alternatives
    for trigger, index in triggers:
        bit = 1 << (offset + index)
        head = _WORD.match(trigger)
        if head is None:
            _UNKEYED.append((trigger, bit))
        elif head.end() == len(trigger):
            _PREFIX[trigger] = _PREFIX.get(trigger, 0) | bit
            _longest_prefix = max(_longest_prefix, len(trigger))
        else:
            _EXACT.setdefault(head.group(0), []).append((trigger, bit))
    _by_word = {}
    return offset


def text_bits(text: str) -> int:
    """The bits of every alternative whose trigger some word of ``text`` starts with."""
    cache = _by_word
    bits = 0
    for word in set(_WORD.findall(text)):
        entry = cache.get(word)
        if entry is None:
            entry = _word_entry(word)
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()  # a service scoring for months must not grow without bound
            cache[word] = entry
        bits |= entry[0]
        for trigger, more in entry[1]:
            if trigger in text:
                bits |= more
    for trigger, more in _UNKEYED:
        if trigger in text:
            bits |= more
    return bits


def _word_entry(word: str) -> tuple[int, tuple[tuple[str, int], ...]]:
    bits = 0
    prefix = _PREFIX
    for end in range(1, min(len(word), _longest_prefix) + 1):
        found = prefix.get(word[:end])
        if found:
            bits |= found
    return bits, tuple(_EXACT.get(word, ()))
