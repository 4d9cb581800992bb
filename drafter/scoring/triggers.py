"""Which literal every match of a lexicon alternative starts with: its trigger.

The trigger table files each alternative of a :class:`~drafter.scoring.gated.GatedPattern`
under the literals one of which its matches must begin with ("soon", or "within", "in",
"under" for a leading group, or any digit), so a draft's words decide at once which
alternatives can run. No trigger (None) means the alternative always runs.
"""

from __future__ import annotations

import re

from drafter.scoring.regex_facts import split_alternatives

LEADING_ANCHOR = re.compile(r"^(?:\\b|\(\?<!\\w\)|\(\?<!\[-\\w\]\))")
_LITERAL_CHAR = re.compile(r"[^\\()\[\]{}?*+|^$.]")
# Alternatives that start with a digit ("\d{1,2}:...", "(?:[01]?\d|2[0-3])...") need one.
_DIGIT_START = re.compile(r"^(?:\(\?!.*?\))?(?:\(\?:)*(?:\\d|\[01\]|\[0-2\]|1\[|0\?|\[1-9\])")
# Digit-first alternatives are filed under every ASCII digit (see trigger_table for others).
DIGIT_TRIGGERS = list("0123456789")


def leading_literal(alternative: str) -> str:
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
    body = LEADING_ANCHOR.sub("", alternative)
    if not body.startswith("(?:") and _DIGIT_START.match(body):
        return DIGIT_TRIGGERS
    literal = leading_literal(body)
    if literal[:1].isdigit():
        return DIGIT_TRIGGERS
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


def starts_a_word(alternative: str) -> bool:
    """Whether every match of ``alternative`` begins where a word may start (a leading
    ``\\b`` or ``(?<!\\w)``): only such matches are ever looked for, so only for such an
    alternative does a clear mask bit mean the plain regex cannot match either."""
    return LEADING_ANCHOR.match(alternative) is not None
