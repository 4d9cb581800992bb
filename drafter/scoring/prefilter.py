"""Plain regexes that only run the alternatives whose literal the text contains.

Python's ``re`` tries every top-level alternative of ``\\bnever\\b...|\\bsoha\\b...|...`` at
every position of the text, and a leading ``\\b`` gives it no first character to skip to:
the warning and clause lexicons cost 10-70 us per sentence that way. Most alternatives
carry a literal every match must contain (read from ``re``'s own parse tree by
:func:`~drafter.scoring.regex_facts.literal_gate`); one whose literals are all absent can
match nowhere in the text, so dropping it changes nothing ``re`` finds: at each position
the alternatives are tried in order, and one that can never succeed never decides which
match wins. A :class:`Prefiltered` pattern runs only the rest, compiled once per set.

Unlike :class:`~drafter.scoring.gated.GatedPattern` it keeps ``re``'s semantics exactly
(matches may start inside a word), so any compiled pattern can become one; patterns with
capturing groups (dropping an alternative would renumber them) or ``IGNORECASE`` (the
literals would need case folding) are refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from drafter.scoring.regex_facts import literal_gate, split_alternatives
from drafter.scoring.triggers import starts_a_word

_PLAN_LIMIT = 1024


class Prefiltered:
    """A compiled pattern whose ``search``/``sub``/``split``/``finditer`` run only the
    alternatives a text can match; the results are ``re``'s, unchanged."""

    def __init__(self, pattern: str | re.Pattern[str]) -> None:
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        if regex.groups:
            raise ValueError(f"capturing groups would renumber: {regex.pattern[:60]!r}")
        if regex.flags & re.IGNORECASE:
            raise ValueError(f"literals of an IGNORECASE pattern need folding: {regex.pattern!r}")
        self.regex = regex
        self.pattern = regex.pattern
        self._alternatives = split_alternatives(regex.pattern)
        self._gates = [literal_gate(a) for a in self._alternatives]
        self._full = (1 << len(self._alternatives)) - 1
        # Every literal of every alternative, when each has one: a text holding none of them
        # is ruled out by one flat loop, the common case, before the per-alternative tests.
        union: list[str] = []
        for gate in self._gates:
            if gate is None:
                union = []
                break
            union.extend(literal for literal in gate if literal not in union)
        self._any_literal = tuple(union)
        self._by_mask: dict[int, re.Pattern[str] | None] = {0: None, self._full: regex}

    def for_text(self, text: str) -> re.Pattern[str] | None:
        """The pattern of the alternatives ``text`` can match; None when there are none.

        It also narrows any piece of ``text`` (a clause of a sentence, a sentence of a draft):
        a literal the text lacks is in none of its pieces."""
        if self._any_literal:
            for literal in self._any_literal:
                if literal in text:
                    break
            else:
                return None
        mask = 0
        bit = 1
        for gate in self._gates:
            if gate is None:
                mask |= bit
            else:
                for literal in gate:  # a plain loop: any() over a generator costs more here
                    if literal in text:
                        mask |= bit
                        break
            bit <<= 1
        try:
            return self._by_mask[mask]
        except KeyError:
            return self._compile(mask)

    def _compile(self, mask: int) -> re.Pattern[str]:
        kept = [a for i, a in enumerate(self._alternatives) if mask >> i & 1]
        regex = re.compile("|".join(kept), self.regex.flags)
        if len(self._by_mask) >= _PLAN_LIMIT:  # drafts share a few sets; bound the rest
            self._by_mask = {0: None, self._full: self.regex}
        self._by_mask[mask] = regex
        return regex

    def search(self, text: str) -> re.Match[str] | None:
        regex = self.for_text(text)
        return None if regex is None else regex.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        regex = self.for_text(text)
        return iter(()) if regex is None else regex.finditer(text)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        regex = self.for_text(text)
        return text if regex is None else regex.sub(replacement, text)

    def split(self, text: str) -> list[str]:
        regex = self.for_text(text)
        return [text] if regex is None else regex.split(text)


class KeptLiterals:
    """``whole`` where only some of its alternatives can match (see :class:`MaskNarrowed`):
    a text holding none of their literals has no match; any other text gets ``whole``'s own
    narrowing, which may keep more alternatives but never finds more (those cannot match).
    Nothing is compiled per set of kept alternatives: their literals are all it holds."""

    __slots__ = ("literals", "whole")

    def __init__(self, whole: Prefiltered, literals: tuple[str, ...]) -> None:
        self.whole = whole
        self.literals = literals

    def for_text(self, text: str) -> re.Pattern[str] | None:
        for literal in self.literals:  # a plain loop: any() over a generator costs more here
            if literal in text:
                return self.whole.for_text(text)
        return None

    def search(self, text: str) -> re.Match[str] | None:
        regex = self.for_text(text)
        return None if regex is None else regex.search(text)


NamedPattern = tuple[str, Prefiltered | KeptLiterals]


def prefiltered(patterns: Mapping[str, re.Pattern[str]]) -> list[tuple[str, Prefiltered]]:
    """Each named pattern (a field, a promise kind) ready for :func:`names_matching`."""
    return [(name, Prefiltered(pattern)) for name, pattern in patterns.items()]


def names_matching(named: Sequence[NamedPattern], lowered: str) -> list[str]:
    """The names, in order, whose pattern matches somewhere in ``lowered``."""
    return [name for name, pattern in named if pattern.search(lowered) is not None]


class MaskNarrowed:
    """Named patterns narrowed to the alternatives some word of a draft can start.

    ``named`` are the patterns a :class:`~drafter.scoring.gated.GatedPattern` joins in
    order (its first alternative is theirs); :meth:`for_mask` takes the draft's mask of
    that pattern. An alternative that starts a word (:func:`starts_a_word`) and has a clear
    bit has no match in the draft, nor in any piece of it that starts where a word may (a
    sentence, a clause of one), so dropping it leaves ``search`` finding a match in such a
    piece exactly when the whole pattern does: a top-level alternation matches at a
    position where one of its alternatives does. Fewer alternatives make the literal tests
    (:class:`KeptLiterals`: the kept alternatives' literals rule most sentences out; the
    rest get the whole pattern's own narrowing).

    Each pattern is narrowed once per set of its own bits (a few per pattern over many
    distinct drafts), not once per draft mask, and nothing is compiled: a new draft costs a
    lookup per pattern, a repeated mask one lookup.
    """

    def __init__(self, named: list[tuple[str, Prefiltered]]) -> None:
        self._named = named
        self._alternatives: list[list[tuple[str, int | None]]] = []
        self._bits: list[int] = []  # per pattern, the bits of its word-starting alternatives
        bit = 1
        for _, pattern in named:
            alternatives: list[tuple[str, int | None]] = []
            for alternative in split_alternatives(pattern.pattern):
                alternatives.append((alternative, bit if starts_a_word(alternative) else None))
                bit <<= 1
            self._alternatives.append(alternatives)
            self._bits.append(sum(b for _, b in alternatives if b is not None))
        # each alternative's literals, as the whole pattern's narrowing reads them
        self._gates = [[literal_gate(a) for a, _ in alts] for alts in self._alternatives]
        self._by_bits: list[dict[int, Prefiltered | KeptLiterals | None]] = [{} for _ in named]
        self._by_mask: dict[int, list[NamedPattern]] = {}

    def for_mask(self, possible: int) -> list[NamedPattern]:
        """The patterns, in order, with the alternatives ``possible`` leaves; those left
        with none are dropped."""
        narrowed = self._by_mask.get(possible)
        if narrowed is None:
            narrowed = []
            for index, (name, _) in enumerate(self._named):
                pattern = self._narrow(index, possible & self._bits[index])
                if pattern is not None:
                    narrowed.append((name, pattern))
            if len(self._by_mask) >= _PLAN_LIMIT:  # drafts share a few sets; bound the rest
                self._by_mask.clear()
            self._by_mask[possible] = narrowed
        return narrowed

    def _narrow(self, index: int, bits: int) -> Prefiltered | KeptLiterals | None:
        cache = self._by_bits[index]
        try:
            return cache[bits]
        except KeyError:
            pass
        whole = self._named[index][1]
        alternatives = self._alternatives[index]
        gates = self._gates[index]
        kept = [i for i, (_, bit) in enumerate(alternatives) if bit is None or bits & bit]
        pattern: Prefiltered | KeptLiterals | None
        if not kept:
            pattern = None
        elif len(kept) == len(alternatives) or any(gates[i] is None for i in kept):
            pattern = whole  # every alternative kept, or one with no literal to test
        else:
            literals: list[str] = []
            for i in kept:
                literals.extend(literal for literal in gates[i] or () if literal not in literals)
            pattern = KeptLiterals(whole, tuple(literals))
        cache[bits] = pattern
        return pattern
