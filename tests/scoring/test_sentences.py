import json
import random
import re
from pathlib import Path

import pytest

from drafter.scoring.sentences import (
    _BOUNDARY,
    _QUESTION,
    _period_ends_sentence,
    is_question,
    last_word,
    split_flagged,
    split_segments,
    split_sentences,
)


def test_splits_on_end_punctuation_and_newlines() -> None:
    text = "Sorry about the wait! Is it order 12? I'll check.\nThanks"
    assert split_sentences(text) == [
        "Sorry about the wait!",
        "Is it order 12?",
        "I'll check.",
        "Thanks",
    ]


def test_keeps_numbers_abbreviations_and_hungarian_ordinals_together() -> None:
    assert split_sentences("It takes 3.5 hours, e.g. by car. Done.") == [
        "It takes 3.5 hours, e.g. by car.",
        "Done.",
    ]
    assert split_sentences("A csomag május 5. után érkezik. Köszönöm!") == [
        "A csomag május 5. után érkezik.",
        "Köszönöm!",
    ]


def test_armenian_full_stop_splits_and_question_mark_marks_a_question() -> None:
    parts = split_sentences("Կհաստատե՞ք պատվերի համարը։ Կհետևեմ այս հարցին։")
    assert len(parts) == 2
    assert is_question(parts[0])
    assert not is_question(parts[1])


def test_bullets_are_separate_flagged_segments() -> None:
    segments = split_segments("Please send:\n- order number\n* email\n2) phone")
    assert [s.text for s in segments] == ["Please send:", "order number", "email", "phone"]
    assert [s.bullet for s in segments] == [False, True, True, True]


def test_empty_and_whitespace_give_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n") == []


def test_armenian_email_abbreviation_does_not_end_a_sentence() -> None:
    assert split_sentences("Գրեք Ձեր էլ. «փոստը», խնդրում եմ։") == [
        "Գրեք Ձեր էլ. «փոստը», խնդրում եմ։"
    ]


def test_boundaries_are_where_the_look_behind_form_put_them() -> None:
    """The boundary regex consumes the end mark so ``re`` can skip ahead; the places it
    splits must stay those of the look-behind form it replaced."""
    look_behind = re.compile(r"(?<=[!?…։])[\"'”»)\]]*\s+|(?<=\.)[\"'”»)\]]*\s+")
    texts = _calibration_texts()
    texts += ['Done!! "Really?"  Yes.\t(ok.) x…  y։ z. ', "?. ! .\n!", "a.b. c?d"]
    for text in texts:
        expected = [(m.start(), m.end()) for m in look_behind.finditer(text)]
        assert [(m.start() + 1, m.end()) for m in _BOUNDARY.finditer(text)] == expected, text


@pytest.mark.parametrize(
    "chunk",
    [
        ".",
        "a.",
        " .",
        "ok .",
        "see you at 5.",
        "e.g.",
        "(approx.",
        'he said "mr.',
        "tab\tend.",
        "nbsp\u00a0word.",
        "ideographic\u3000space.",
        "line\nbreak.",
        "էլ.",
        "május 5.",
        "a..",
        "two  spaces  here.",
    ],
)
def test_last_word_is_what_the_regex_captured(chunk: str) -> None:
    found = re.search(r"(\S+)\.$", chunk)
    assert last_word(chunk) == (found.group(1) if found else None)


def test_is_question_is_the_question_regex() -> None:
    """is_question skips the regex's search; on every calibration sentence and on edge
    cases of marks, closing quotes and Unicode spaces it must say what the regex says."""
    edges = [
        "ok?",
        "ok? ",
        "ok?'",
        "ok? ' '",
        "ok?' '",
        "ok? '\u00a0",
        "ok?”)",
        "ok?\n",
        "ok ？",
        "ok\u037e",
        "ok?x",
        "Կհաստատե՞ք պատվերի համարը։",
        "?",
        "'?'",
        "",
    ]
    folder = Path(__file__).resolve().parents[2] / "evals" / "calibration"
    texts = [
        json.loads(line)["text"]
        for name in ("drafts.jsonl", "holdout.jsonl", "holdout2.jsonl")
        for line in (folder / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    sentences = edges + [s for text in texts for s in split_sentences(text)]
    for sentence in sentences:
        assert is_question(sentence) == bool(_QUESTION.search(sentence)), sentence


_REFERENCE_BULLET = re.compile(r"^\s*(?:[-*•·–—▪►✓✔]|\d{1,2}[.)]|[a-zA-Z][.)])\s+")


def _reference_segments(text: str) -> list[tuple[str, bool]]:
    """The splitter as it was before its fast paths: the regex on every line, every piece
    stripped and checked for emptiness. The fast one must split exactly like it."""
    out: list[tuple[str, bool]] = []
    for raw_line in text.splitlines():
        if not raw_line.strip():
            continue
        marker = _REFERENCE_BULLET.match(raw_line)
        line = (raw_line[marker.end() :] if marker else raw_line).strip()
        start = 0
        for match in _BOUNDARY.finditer(line):
            chunk = line[start : match.start() + 1].rstrip()
            if chunk.endswith(".") and not _period_ends_sentence(chunk, line[match.end() :]):
                continue
            if chunk:
                out.append((line[start : match.end()].strip(), marker is not None))
            start = match.end()
        if line[start:].strip():
            out.append((line[start:].strip(), marker is not None))
    return out


SPLIT_EDGES = [
    "",
    "\n\n",
    "a) x",
    "A) x",
    "a. x",
    "1. x",
    "12) x",
    "123. x",
    "٣. x",  # Arabic-Indic digit: \d is str.isdecimal
    "３) x",  # fullwidth digit
    "ab. x",
    "é) x",  # not an ASCII letter: no bullet
    "-x",
    "- ",
    "-",
    "   -   ",
    "1.",
    "a)",
    "- - -",
    "•\tItem one. Item two",
    "  ✔  done! next?",
    "A csomag május 5. után érkezik. Köszönöm!",
    "It takes 3.5 hours, e.g. by car. Done.",
    "See Mr. Smith. He knows. approx. két óra. vs. them",
    "Տեսնում եմ։ Ներողություն։ Կհաստատե՞ք։",
    "Գրեք Ձեր էլ. «փոստը», խնդրում եմ։",
    "Line one.\r\nLine two!\r\n\r\n- bullet.\rthree",
    'Done!! "Really?"  Yes.\t(ok.) x…  y։ z. ',
    "?. ! .\n!",
    "a.b. c?d",
    "Ends with space. \u00a0",
    "No marks at all",
    "HELLO. WORLD! A. B",
    "Emoji 😊. Next 👍! Done",
    "It's ok. Don't worry.",
    "x\u2028y\u2029z\x0bw\x0cv\x1cu\x85t",
    "\u3000- bullet after ideographic space. Then more.",
]


@pytest.mark.parametrize("text", SPLIT_EDGES)
def test_split_is_the_reference_split(text: str) -> None:
    segments = split_segments(text)
    assert [(s.text, s.bullet) for s in segments] == _reference_segments(text)
    assert split_flagged(text) == ([s.text for s in segments], [s.bullet for s in segments])
    assert split_sentences(text) == [s.text for s in segments]


def test_split_is_the_reference_split_on_calibration_and_random_text() -> None:
    texts = _calibration_texts()
    pieces = ["a", "Z", "é", "5", "12", "٣", ".", "!", "?", "…", "։", "՞", ")", "'", "”", "»"]
    pieces += [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "-", "•", "e.g", "mr", "május", "😊"]
    rng = random.Random(7)
    texts += ["".join(rng.choices(pieces, k=rng.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        assert [(s.text, s.bullet) for s in split_segments(text)] == _reference_segments(text)


def test_bullet_classes_are_the_str_predicates_the_fast_path_assumes() -> None:
    """The bullet fast path reads ``^\\s*`` as ``str.strip`` and ``\\d`` as
    ``str.isdecimal``; both hold for every code point."""
    every = "".join(map(chr, range(0x110000)))
    assert re.findall(r"\d", every) == [c for c in every if c.isdecimal()]
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]
    assert not any(c.isspace() for c in "-*•·–—▪►✓✔")


def _calibration_texts() -> list[str]:
    root = Path(__file__).resolve().parents[2] / "evals" / "calibration"
    return [
        json.loads(line)["text"]
        for path in sorted(root.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
