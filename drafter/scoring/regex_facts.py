"""What every match of a regex must contain, read from its parse tree.

Lexicon scans are fast when they skip what cannot match: an alternative whose literal is
absent cannot match at all, none of its matches starts long before that literal's first
occurrence, and one that starts with a digit can only start at a digit. These facts are
exact (read from ``re``'s own parser), so skipping on them never changes what is found.
"""

from __future__ import annotations

import re
from re import _constants, _parser  # type: ignore[attr-defined]


def split_alternatives(pattern: str) -> list[str]:
    """Top-level ``|`` alternatives of ``pattern`` (groups and classes kept whole)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def literal_gate(pattern: str) -> tuple[str, ...] | None:
    """Literals one of which every match of ``pattern`` contains; None if some alternative
    has no certain literal."""
    found: list[str] = []
    for alternative in split_alternatives(pattern):
        gate = gate_in(_parser.parse(alternative).data)
        if gate is None:
            return None
        found.extend(literal for literal in gate if literal not in found)
    return tuple(found)


def gate_in(ops: list[tuple[object, object]]) -> tuple[str, ...] | None:
    """The most selective set of literals one of which every match of ``ops`` contains.

    Candidates are the literal runs of the sequence and, for a group or alternation that
    must match, the union of its alternatives' own sets; the set whose shortest literal is
    longest wins. None when nothing is certain.
    """
    candidates: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in [*ops, (None, None)]:
        if op is _constants.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        if run:
            candidates.append(("".join(run),))
            run = []
        inner: list[list[tuple[object, object]]] = []
        if op is _constants.BRANCH:
            inner = [list(item) for item in av[1]]  # type: ignore[index]
        elif op is _constants.SUBPATTERN:
            inner = [list(av[-1])]  # type: ignore[index]
        elif op in _REPEATS and av[0] >= 1:  # type: ignore[index]
            inner = [list(av[2])]  # type: ignore[index]
        if inner:
            gates = [gate_in(item) for item in inner]
            if all(g is not None for g in gates):
                union: list[str] = []
                for g in gates:
                    union.extend(x for x in g or () if x not in union)
                candidates.append(tuple(union))
    if not candidates:
        return None
    return max(candidates, key=lambda c: min(len(x) for x in c))


DIGIT = re.compile(r"\d")
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


def starts_with_digit(ops: list[tuple[object, object]]) -> bool:
    """Every match of the parsed sequence ``ops`` starts with a ``\\d`` character."""
    for i, (op, av) in enumerate(ops):
        if op in _ZERO_WIDTH:
            continue
        if op is _constants.LITERAL:
            return "0" <= chr(av) <= "9"  # type: ignore[arg-type]
        if op is _constants.IN:
            return all(_digit_item(item) for item in av)  # type: ignore[attr-defined]
        if op is _constants.BRANCH:
            return all(starts_with_digit(list(b)) for b in av[1])  # type: ignore[index]
        if op is _constants.SUBPATTERN:
            return starts_with_digit(list(av[-1]) + list(ops[i + 1 :]))  # type: ignore[index]
        if op in _REPEATS:
            least: int = av[0]  # type: ignore[index]
            body: list[tuple[object, object]] = list(av[2])  # type: ignore[index]
            if least >= 1:
                return starts_with_digit(body)
            return starts_with_digit(body) and starts_with_digit(list(ops[i + 1 :]))
        return False
    return False  # can match the empty string


def _digit_item(item: tuple[object, object]) -> bool:
    op, av = item
    if op is _constants.LITERAL:
        return "0" <= chr(av) <= "9"  # type: ignore[arg-type]
    if op is _constants.RANGE:
        bounds: tuple[int, int] = av  # type: ignore[assignment]
        return "0" <= chr(bounds[0]) <= chr(bounds[1]) <= "9"
    return op is _constants.CATEGORY and av is _constants.CATEGORY_DIGIT


def required_literal(body: str) -> tuple[str, int | None] | None:
    """The longest literal every match of ``body`` contains, and how far past the start it
    can begin (None: unbounded); None when no literal is certain.

    A missing literal means no match at all, and none can start more than that far before
    its first occurrence: both let a scan be skipped or start late with the same result.
    """
    return required_in(_parser.parse(body).data)


def required_in(ops: list[tuple[object, object]]) -> tuple[str, int | None] | None:
    best: tuple[str, int | None] | None = None
    run: list[str] = []
    run_offset: int | None = 0
    offset: int | None = 0  # the most characters a match can have consumed so far
    for op, av in ops:
        if op is _constants.LITERAL:
            if not run:
                run_offset = offset
            run.append(chr(av))  # type: ignore[arg-type]
            offset = None if offset is None else offset + 1
            continue
        if run and (best is None or len(run) > len(best[0])):
            best = ("".join(run), run_offset)
        run = []
        width = _parser.SubPattern(_parser.State(), [(op, av)]).getwidth()[1]
        offset = None if offset is None or width >= _constants.MAXREPEAT else offset + width
    if run and (best is None or len(run) > len(best[0])):
        best = ("".join(run), run_offset)
    return best
