"""Fast matching of the big lexicon patterns: only the alternatives that can match run.

Python's ``re`` tries every alternative of ``\\bsoon\\b|\\bshortly\\b|...`` at every position,
and a leading ``\\b`` stops it from skipping ahead to a likely first character, so a
60-word lexicon costs milliseconds per draft. A :class:`GatedPattern` splits the pattern into
its top-level alternatives, finds the literal each one must start with ("soon", "shortly",
or one of "within", "in", "under" for a group), and for each text compiles only the
alternatives whose literal occurs in it (cached by the set that survived). The leading
word boundary moves into a check on each match, so ``re`` can use its fast prefix scan.
Matching results are the same as the plain pattern's for lower-case text.
"""

from __future__ import annotations

import re

_LEADING_ANCHOR = re.compile(r"^(?:\\b|\(\?<!\\w\)|\(\?<!\[-\\w\]\))")
_LITERAL_CHAR = re.compile(r"[^\\()\[\]{}?*+|^$.]")
# Alternatives that start with a digit ("\d{1,2}:...", "(?:[01]?\d|2[0-3])...") need one.
_DIGIT_START = re.compile(r"^(?:\(\?!.*?\))?(?:\(\?:)*(?:\\d|\[01\]|\[0-2\]|1\[|0\?|\[1-9\])")
_DIGITS = list("0123456789")


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


def _leading_literal(alternative: str) -> str:
    """The literal text every match of ``alternative`` starts with ('' if none is known)."""
    out: list[str] = []
    i = 0
    while i < len(alternative):
        char = alternative[i]
        if char == "\\" and i + 1 < len(alternative) and not alternative[i + 1].isalnum():
            literal, width = alternative[i + 1], 2
        elif _LITERAL_CHAR.match(char):
            literal, width = char, 1
        else:
            break
        following = alternative[i + width : i + width + 1]
        if following in ("?", "*", "{"):
            break  # optional: the literal so far is all that is certain
        out.append(literal)
        i += width
    return "".join(out)


def triggers(alternative: str) -> list[str] | None:
    """Literals one of which must occur for ``alternative`` to match; None: always run."""
    body = _LEADING_ANCHOR.sub("", alternative)
    if not body.startswith("(?:") and _DIGIT_START.match(body):
        return _DIGITS
    literal = _leading_literal(body)
    if literal[:1].isdigit():
        return _DIGITS
    if len(literal) >= 2 or (literal and not literal.isascii()):
        return [literal]
    if literal or not body.startswith("(?:"):
        return None
    # A leading group of alternatives: "(?:within|in|under)\s+..." -> each option's literal.
    depth, end = 0, -1
    for i, char in enumerate(body):
        if char == "\\":
            continue
        if char == "(" and (i == 0 or body[i - 1] != "\\"):
            depth += 1
        elif char == ")" and body[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                end = i
                break
    if end < 0 or body[end + 1 : end + 2] in ("?", "*", "{"):
        return None
    found: list[str] = []
    for option in split_alternatives(body[3:end]):
        # Each option of the group must itself be gated ("\d+|egy|két" -> digits or a word);
        # one option that can start anywhere makes the whole alternative always run.
        option_triggers = triggers(option)
        if option_triggers is None:
            return None
        found.extend(t for t in option_triggers if t not in found)
    return found


_WORD_RUN = re.compile(r"\w+")


def word_keys(text: str) -> frozenset[str]:
    """First one and two characters of every word: what a trigger is looked up by."""
    words = _WORD_RUN.findall(text)
    return frozenset([w[:2] for w in words] + [w[:1] for w in words])


class GatedPattern:
    """A lower-case lexicon pattern that only runs the alternatives a text can match."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        alternatives = split_alternatives(pattern)
        bodies = [_LEADING_ANCHOR.sub("", a) for a in alternatives]
        self._compiled = [re.compile(b) for b in bodies]  # fail at import, not mid-run
        self._always: list[int] = []
        self._by_key: dict[str, list[tuple[str, int]]] = {}
        self._unkeyed: list[tuple[str, int]] = []
        for index, alternative in enumerate(alternatives):
            found = triggers(alternative)
            if found is None:
                self._always.append(index)
                continue
            for trigger in found:
                head = _WORD_RUN.match(trigger)
                if head:
                    self._by_key.setdefault(head.group(0)[:2], []).append((trigger, index))
                else:
                    self._unkeyed.append((trigger, index))

    def _active(self, text: str, keys: frozenset[str]) -> list[int]:
        active = set(self._always)
        for key in keys & self._by_key.keys():
            for trigger, index in self._by_key[key]:
                if index not in active and trigger in text:
                    active.add(index)
        for trigger, index in self._unkeyed:
            if trigger in text:
                active.add(index)
        return sorted(active)

    def finditer(self, text: str, keys: frozenset[str] | None = None) -> list[re.Match[str]]:
        """Leftmost non-overlapping matches in lower-case ``text`` that start a word.

        ``keys`` (from :func:`word_keys`) lets a caller share one tokenization across
        patterns.
        """
        if keys is None:
            keys = word_keys(text)
        found: list[tuple[int, int, re.Match[str]]] = []
        for index in self._active(text, keys):
            for match in self._compiled[index].finditer(text):
                start = match.start()
                if start and _is_word(text[start]) and _is_word(text[start - 1]):
                    continue
                found.append((start, index, match))
        if len(found) > 1:
            found.sort(key=lambda item: (item[0], item[1]))
        out: list[re.Match[str]] = []
        end = -1
        for start, _, match in found:
            if start >= end:
                out.append(match)
                end = max(match.end(), start + 1)
        return out

    def search(self, text: str) -> re.Match[str] | None:
        matches = self.finditer(text)
        return matches[0] if matches else None


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"
