"""Fast matching of the big lexicon patterns: only the alternatives that can match run.

Python's ``re`` tries every alternative of ``\\bsoon\\b|\\bshortly\\b|...`` at every position,
and a leading ``\\b`` stops it from skipping ahead to a likely first character, so a
60-word lexicon costs milliseconds per draft. A :class:`GatedPattern` splits the pattern into
its top-level alternatives, each with the literal its matches must start with
(:mod:`~drafter.scoring.triggers`) and the literals it needs (:mod:`~drafter.scoring.scan_steps`).
A draft's words decide once which alternatives and which literals it can hold
(:mod:`~drafter.scoring.trigger_table`); a plan per such mask keeps the steps that can match,
and each runs on its own with the leading word boundary moved into a check on each match, so
``re`` can use its fast prefix scan; their matches merge leftmost-first.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from operator import itemgetter
from re import _parser  # type: ignore[attr-defined]

from drafter.scoring import trigger_table
from drafter.scoring.leading_group import group_finditer
from drafter.scoring.regex_facts import (
    gate_in,
    required_in,
    split_alternatives,
    starts_with_digit,
)
from drafter.scoring.scan_steps import (
    Plan,
    Step,
    digit_finder,
    literal_fact,
    literal_runs,
    make_step,
    step_literals,
)
from drafter.scoring.triggers import LEADING_ANCHOR, triggers


def _start(text: str, gate: tuple[str, ...] | None, needed: str | None, skip: int) -> int:
    """Where an alternative's scan may start, or -1 when it cannot match at all: none of its
    gate literals is in the text, or its required literal is not (a match holds it at most
    ``skip`` characters in, so nothing earlier can start one)."""
    if gate is not None:
        for literal in gate:  # a plain loop: any() over a generator costs more per call
            if literal in text:
                break
        else:
            return -1
    if needed is None:
        return 0
    first = text.find(needed)
    if first < 0:
        return -1
    return first - skip if first > skip else 0


class GatedPattern:
    """A lower-case lexicon pattern that only runs the alternatives a text can match.

    Each surviving alternative scans the text on its own (a literal-prefix scan in C), and
    the matches merge leftmost-first, the earlier alternative winning a tie. Which
    alternatives survive only decides what runs, never what is found: an alternative whose
    trigger is missing has no match that starts a word, so gating is free to over-approximate.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        alternatives = split_alternatives(pattern)
        bodies = [LEADING_ANCHOR.sub("", a) for a in alternatives]
        self._compiled = [re.compile(b) for b in bodies]  # fail at import, not mid-run
        # A literal each alternative's matches contain: absent, the alternative is skipped;
        # present, its scan starts as late as the literal's first occurrence allows.
        parsed = [_parser.parse(b).data for b in bodies]
        self._required = [required_in(ops) for ops in parsed]
        # Literals one of which every match contains ("belül" or "múlva" or ...): none in
        # the text, and the alternative cannot match.
        self._gates = [gate_in(ops) for ops in parsed]
        # Alternatives that start with a digit are tried only where the text has one.
        self._digit_first = [starts_with_digit(ops) for ops in parsed]
        # The digits where some digit-first alternative matches (:func:`digit_finder`): a
        # match of one is a match of their alternation, so no other digit can start one.
        digit_bodies = [b for b, first in zip(bodies, self._digit_first, strict=True) if first]
        self._digit_starts = digit_finder(digit_bodies) if digit_bodies else None
        always: list[int] = []
        keyed: list[tuple[str, int]] = []
        for index, alternative in enumerate(alternatives):
            found = triggers(alternative)
            if found is None:
                always.append(index)
            else:
                keyed.extend((trigger, index) for trigger in found)
        self._always_mask = sum(1 << i for i in always)
        self._steps = [
            make_step(i, regex, body, gate, self._required[i], self._digit_first[i], found)
            for i, (regex, body, gate, found) in enumerate(
                zip(
                    self._compiled,
                    bodies,
                    self._gates,
                    (triggers(a) for a in alternatives),
                    strict=True,
                )
            )
        ]
        # Above the alternatives' bits, one per run of word characters in the steps'
        # literals, set where the text holds it (:func:`trigger_table.register`): a plan
        # settles most literal tests from the mask, once per mask instead of once per scan.
        runs = literal_runs(self._steps)
        self._offset = trigger_table.register(keyed, len(alternatives), runs)
        self._alternatives_mask = (1 << len(alternatives)) - 1
        self._width_mask = (1 << (len(alternatives) + len(runs))) - 1
        run_bits = {run: 1 << (len(alternatives) + j) for j, run in enumerate(runs)}
        self._literal_facts = {
            literal: literal_fact(literal, run_bits) for literal in step_literals(self._steps)
        }
        self._plans: dict[int, Plan] = {}
        self._slot = len(_PATTERNS)
        _PATTERNS.append(self)

    def mask(self, bits: int) -> int:
        """This pattern's alternatives that may run and the runs of its literals the text holds,
        from :func:`trigger_table.text_bits`."""
        return self._always_mask | (bits >> self._offset) & self._width_mask

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Leftmost non-overlapping matches in lower-case ``text`` that start a word."""
        return self._scan(text, self.mask(trigger_table.text_bits(text)))

    def scan(self, text: str, masks: list[int]) -> list[re.Match[str]]:
        """:meth:`finditer` with the alternatives chosen by :func:`trigger_masks` of ``text``,
        which resolves every pattern's triggers in one go."""
        if self._slot >= len(masks):  # a pattern made after the masks were
            return self.finditer(text)
        return self._scan(text, masks[self._slot])

    def _plan(self, mask: int) -> Plan:
        """The steps to run for one mask, built once per mask: drafts share a few hundred,
        so the bit loop, the per-alternative lookups and the literal tests the mask settles
        (:meth:`_narrow`) are paid once, not per draft. Digit-first steps come apart: where
        no digit can start any of them (most drafts), the group stops after its first gate
        that passes."""
        plan = self._plans.get(mask)
        if plan is None:
            active = [
                narrowed
                for i in range(len(self._compiled))
                if mask >> i & 1 and (narrowed := self._narrow(self._steps[i], mask)) is not None
            ]
            plan = (
                tuple(step for step in active if not step[6]),
                tuple(step for step in active if step[6]),
            )
            if len(self._plans) >= _PLAN_LIMIT:
                self._plans.clear()
            self._plans[mask] = plan
        return plan

    def _narrow(self, step: Step, mask: int) -> Step | None:
        """``step`` with the literal tests ``mask`` settles dropped, or None when it shows a
        literal the step needs is missing. A literal can only occur where every run of word
        characters in it does, and a literal that is one run occurs exactly when its bit is
        set; so this only drops a step that cannot match, or a test that would pass."""
        index, regex, expansions, gate, needed, skip, digit_first = step
        facts = self._literal_facts

        def possible(literal: str) -> bool:
            bits = facts[literal][0]
            return mask & bits == bits

        if gate is not None:
            left = [literal for literal in gate if possible(literal)]
            if not left:
                return None
            gate = None if any(facts[literal][1] for literal in left) else tuple(left)
        if needed is not None:
            if not possible(needed):
                return None
            if facts[needed][1] and skip == sys.maxsize:
                needed, skip = None, 0  # present, and its place bounds nothing
        if expansions is not None:
            expansions = tuple(
                ("" if facts[literal][1] else literal, expansion)
                for literal, expansion in expansions
                if possible(literal)
            )
            if not expansions:
                return None
        return index, regex, expansions, gate, needed, skip, digit_first

    def _scan(self, text: str, mask: int, leftmost: bool = False) -> list[re.Match[str]]:
        """Matches of the alternatives in ``mask``; with ``leftmost`` only the first (each
        alternative stops at its first word-start match: a later one can never come first)."""
        if not mask & self._alternatives_mask:
            return []
        found: list[tuple[int, int, re.Match[str]]] = []
        steps, digit_steps = self._plan(mask)
        if digit_steps:
            self._scan_digit_steps(text, digit_steps, found, leftmost)
        for index, regex, expansions, gate, needed, skip, _ in steps:
            pos = _start(text, gate, needed, skip)
            if pos < 0:
                continue
            if expansions is None:
                matches: Iterable[re.Match[str]] = regex.finditer(text, pos)
            else:
                # An expansion whose literal is nowhere in the text matches nowhere, so it
                # can neither be found nor hide another's match: dropping it is exact, and
                # a substring test is cheaper than the regex search it saves. The plan left
                # "" where the mask showed the literal present ("" is in every text).
                live = [expansion for literal, expansion in expansions if literal in text]
                if not live:
                    continue
                matches = (
                    live[0].finditer(text, pos)
                    if len(live) == 1
                    else group_finditer(tuple(live), text, pos)
                )
            for match in matches:
                start = match.start()
                # _starts_word, inlined: this runs for every match of every lexicon
                if start:
                    char = text[start]
                    if char.isalnum() or char == "_":
                        before = text[start - 1]
                        if before.isalnum() or before == "_":
                            continue
                found.append((start, index, match))
                if leftmost:
                    break
        if not found:
            return []
        if len(found) == 1:
            return [found[0][2]]
        if leftmost:
            return [min(found, key=_by_start_then_index)[2]]
        found.sort(key=_by_start_then_index)
        out: list[re.Match[str]] = []
        end = -1
        for start, _, match in found:
            if start >= end:
                out.append(match)
                end = max(match.end(), start + 1)
        return out

    def _scan_digit_steps(
        self,
        text: str,
        steps: tuple[Step, ...],
        found: list[tuple[int, int, re.Match[str]]],
        leftmost: bool,
    ) -> None:
        """Digit-first alternatives try only the digits where one of them can match: what
        ``finditer`` would find, since no match starts elsewhere. Those digits are found
        first, in one C-level scan; none (most drafts), and the group is done without
        testing a single gate."""
        digits = [m.start() for m in self._digit_starts.finditer(text)]  # type: ignore[union-attr]
        if not digits:
            return
        for index, regex, _, gate, needed, skip, _ in steps:
            pos = _start(text, gate, needed, skip)
            if pos < 0:
                continue
            for at in digits:
                if at < pos:
                    continue
                match = regex.match(text, at)
                if match is not None:
                    pos = match.end()  # never empty: it starts with a digit
                    if _starts_word(text, at):
                        found.append((at, index, match))
                        if leftmost:
                            break

    def search(self, text: str) -> re.Match[str] | None:
        matches = self._scan(text, self.mask(trigger_table.text_bits(text)), leftmost=True)
        return matches[0] if matches else None

    def search_piece(self, piece: str, masks: list[int]) -> re.Match[str] | None:
        """:meth:`search` in ``piece``, a run of the text ``masks`` were computed for (by
        :func:`trigger_masks`) that starts where a word may start: a sentence, or what
        follows a comma in one.

        Every word start in such a piece is one in the whole text, with the same characters
        from there on, so any trigger a match in the piece starts with is the whole text's
        too: its masks over-approximate the piece's, which gating allows, and the piece's
        own trigger lookup is saved.
        """
        if self._slot >= len(masks):
            return self.search(piece)
        matches = self._scan(piece, masks[self._slot], leftmost=True)
        return matches[0] if matches else None

    def alternative_bits(self, first: int, count: int) -> int:
        """The mask bits of alternatives ``first`` to ``first + count - 1``."""
        return ((1 << count) - 1) << first


_PATTERNS: list[GatedPattern] = []
_PLAN_LIMIT = 4096


def trigger_masks(text: str, words: list[str] | None = None) -> list[int]:
    """Per pattern (by slot), the alternatives that may match ``text``; ``words`` is
    :func:`trigger_table.words` of it when the caller has it already."""
    bits = trigger_table.text_bits(text, words)
    return [p._always_mask | (bits >> p._offset) & p._width_mask for p in _PATTERNS]


# Leftmost first, the earlier alternative on a tie (a C-level key: no Python call per item).
_by_start_then_index = itemgetter(0, 1)


def _starts_word(text: str, start: int) -> bool:
    """Not inside a word: at the start, or the character or the one before is not a word one."""
    if not start:
        return True
    char = text[start]
    if not (char.isalnum() or char == "_"):
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_")
