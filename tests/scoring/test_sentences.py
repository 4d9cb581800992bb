import json
import re
from pathlib import Path

import pytest

from drafter.scoring.sentences import (
    _BOUNDARY,
    _QUESTION,
    is_question,
    last_word,
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
    root = Path(__file__).resolve().parents[2] / "evals" / "calibration"
    texts = [
        json.loads(line)["text"]
        for path in sorted(root.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
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
