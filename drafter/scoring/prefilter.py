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
from collections.abc import Callable, Iterator, Mapping

from drafter.scoring.regex_facts import literal_gate, split_alternatives

_PLAN_LIMIT = 1024
# Narrowing a pattern of a few alternatives saves less than its per-alternative tests cost,
# and each new set of survivors is a regex to compile (0.3 ms): such a pattern only gets the
# flat any-literal test. Measured on the calibration drafts, first pass and warm.
_NARROW_FROM = 10


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
        if len(self._alternatives) < _NARROW_FROM:
            return self.regex
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


NamedPattern = tuple[str, Prefiltered]


def prefiltered(patterns: Mapping[str, re.Pattern[str]]) -> list[NamedPattern]:
    """Each named pattern (a field, a promise kind) ready for :func:`names_matching`."""
    return [(name, Prefiltered(pattern)) for name, pattern in patterns.items()]


def names_matching(named: list[NamedPattern], lowered: str) -> list[str]:
    """The names, in order, whose pattern matches somewhere in ``lowered``."""
    return [name for name, pattern in named if pattern.search(lowered) is not None]
