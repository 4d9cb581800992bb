"""One lexicon alternative ready to scan, and the tests that decide whether it runs.

A :class:`~drafter.scoring.gated.GatedPattern` turns each top-level alternative into a
step once, at import: its regex, its leading group split into one regex per word, the
literals it needs (a gate, a required literal and how far before it a match can start),
and whether it starts with a digit. Each test here may only ever let an alternative run or
start earlier, never change what it finds.
"""

from __future__ import annotations

import re
import sys

from drafter.scoring.leading_group import expand_leading_group
from drafter.scoring.triggers import leading_literal

_WORD_RUN = re.compile(r"\w+")

# One alternative ready to scan: index, regex, its leading group's expansions with the
# literal each starts with (None: not expanded), gate literals (None: nothing to test),
# the required literal and how far before it a match may start (None: start at 0),
# digit-first.
Plan = tuple[tuple["Step", ...], tuple["Step", ...]]  # (other steps, digit-first steps)
Step = tuple[
    int,
    re.Pattern[str],
    tuple[tuple[str, re.Pattern[str]], ...] | None,
    tuple[str, ...] | None,
    str | None,
    int,
    bool,
]


def make_step(
    index: int,
    regex: re.Pattern[str],
    body: str,
    gate: tuple[str, ...] | None,
    required: tuple[str, int | None] | None,
    digit_first: bool,
    found_triggers: list[str] | None,
) -> Step:
    """Drop the tests that cannot pay, so a scan only runs real ones (dropping a test only
    ever lets an alternative run or start earlier, never changes what it finds):

    - the gate, when the trigger settles it (every trigger contains one of the gate's
      literals, and the mask only lets the alternative run when some trigger occurs) or
      the required literal does (it contains a gate literal, and is tested anyway);
    - the required literal, when every match starts with it (``re`` then scans for it
      itself, as fast as ``str.find``) or it is only whitespace (in prose it is in every
      draft, and early).
    """
    needed, skip = None, 0
    if required is not None:
        needed, offset = required
        # Unbounded: the literal's absence still rules the alternative out, its place nothing.
        skip = sys.maxsize if offset is None else offset
    if gate is not None and (
        (
            found_triggers is not None
            and all(any(literal in trigger for literal in gate) for trigger in found_triggers)
        )
        or (needed is not None and any(literal in needed for literal in gate))
    ):
        gate = None
    expanded = expand_leading_group(body)
    expansions = (
        tuple((leading_literal(e), re.compile(e)) for e in expanded) if len(expanded) > 1 else None
    )
    if needed is not None and (
        needed.isspace()
        or (expansions is None and skip == 0 and leading_literal(body).startswith(needed))
    ):
        needed, skip = None, 0
    return index, regex, expansions, gate, needed, skip, digit_first


def step_literals(steps: list[Step]) -> list[str]:
    """Every literal a step tests (gate, required, expansions), each once, in order."""
    found: dict[str, None] = {}
    for _, _, expansions, gate, needed, _, _ in steps:
        found.update(dict.fromkeys(gate or ()))
        if needed is not None:
            found[needed] = None
        found.update(dict.fromkeys(literal for literal, _ in expansions or ()))
    return list(found)


def literal_runs(steps: list[Step]) -> list[str]:
    """The runs of word characters in the steps' literals, each once, in order."""
    runs: dict[str, None] = {}
    for literal in step_literals(steps):
        runs.update(dict.fromkeys(r for r in _WORD_RUN.findall(literal) if len(r) > 1))
    return list(runs)


def literal_fact(literal: str, run_bits: dict[str, int]) -> tuple[int, bool]:
    """The mask bits ``literal`` needs (one per run of word characters in it), and whether
    they decide it: they do when the literal is one run."""
    bits = 0
    for run in _WORD_RUN.findall(literal):
        bits |= run_bits.get(run, 0)  # one character gets no bit: it is in most words
    return bits, _WORD_RUN.fullmatch(literal) is not None and literal in run_bits


def digit_finder(bodies: list[str]) -> re.Pattern[str]:
    """A regex whose ``finditer`` yields each ``\\d`` where one of ``bodies`` matches.

    It consumes the digit alone and checks the alternation with a lookahead from just
    before it (a lookbehind of fixed width one; the lookahead inside still sees the whole
    text), so consecutive digits are each tried, and every body starts with a ``\\d``
    character, so no other position can start a match. The leading ``\\d`` lets ``re``
    skip to digits with its character-set scan instead of a Python loop over them.
    """
    alternation = "|".join(f"(?:{body})" for body in bodies)
    return re.compile(rf"\d(?<=(?=(?:{alternation})).)")  # "." is the digit: never "\n"
