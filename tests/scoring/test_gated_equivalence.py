"""The speed-ups in ``GatedPattern`` (trigger gating, late starts, digit positions) must find
exactly what scanning every alternative over the whole text finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import drafter.scoring  # noqa: F401  (registers every lexicon pattern)
from drafter.scoring import gated, requested_fields, score, split_sentences
from drafter.scoring.context import DraftContext, fold
from drafter.scoring.gated import GatedPattern
from drafter.scoring.promises import PROMISE_KINDS, promise_kinds_in
from drafter.scoring.regex_facts import literal_gate, required_literal, starts_with_digit
from drafter.scoring.requested_fields import FIELDS, find_requested_fields

CALIBRATION = Path(__file__).resolve().parents[2] / "evals" / "calibration" / "drafts.jsonl"
EXTRA = [
    "call me at 10:30 or 9.30 am, or 3pm; 2024-05-12, 12/05, 24/7, 5-10 business days",
    "a12:30 x1:15 order #48213 4111 1111 1111 1111 — 20 percen belül, 2 órán belül",
    "i'll check in with you to make sure everything arrived, and i'll stay on this",
    "Տեսնում եմ, որ պատվերը 20 րոպեի ընթացքում կվերադառնամ 😊 İstanbul ǅ",
    # triggers mid-word, after an underscore or a digit, and several words long
    "resend me the code, unsorry, _12:30, x20 minutes, within the hour, in 2 hours",
    "we'll send us a note; could you, can you please, i can see, in 5-10 business days",
    "a full refund or a 10% off code, store credit, a free month on us, visszatérítjük",
    # generalisation families: Spanish, sarcasm, codes, free items, ownership, week windows
    "lo siento, lamento la espera; gracias por escribirnos. te escribo en 20 minutos, mañana "
    "o la próxima semana, yo me encargo hasta que llegue. ¿me pasas el código de verificación?",
    "well, sorry 🙄 as it says at checkout. sorry if you feel that way. a free sample, keep it "
    "on us, two months of premium, a whole year of premium, als ausgleich 20 €, bónuszt",
    "i'll text you when it ships and check back myself; see it through until you're set. "
    "végig én viszem, megnézem, hogy megérkezett-e. 30 րոպեից, հաջորդ շաբաթ, կհետևենք մինչև վերջ",
    "ich bin da, vielen dank für ihre idee, bis ende nächster woche, jetzt, now, for now",
    # optional leading words spelled out as whole options (gated now, same matches)
    "your e-mail address, email-cím, e-mailadresse, the delivery address, mail address, "
    "q3, rückerstattung, erstatten, i'd need your, we require, totally fair to ask, az ászf, "
    "lieferadresse, postadresse, bankkártyaszám, nyomon követem, xaddress, we'll need to see",
    # digit-first alternatives side by side, inside words and overlapping each other
    "9-17 óráig, 10 órakor, 14-ig, 3-5 munkanap, 12th of may, 1-2 hours, the 3rd, 10 uhr, "
    "x9:30, 7.45 óra, 2024.05.12., 12/05/2024, 24/7, 3 օր հետո, 20 րոպեից, 11am 3 pm",
    # leading-group options present only inside words, beside ones that start a word
    "xwithin 5 minutes, twin 2 hours in 3 days, thunder 4 weeks, tonext week, sunday monday",
    # literals whose word runs are here but not the literal itself (inside words, another
    # separator), and literals whole: the mask's run bits only settle the second kind
    "cardiff card\nnumber, credit-card number, reorder ordernumber, withinx 5, in\t2 hours, "
    "apologising, SORRY!, i'm, i’m, im sorry, 24h 24 h, e-mail, _within 3 days, asap_",
    # decimal digits outside ASCII are \d too: they must turn digit-first alternatives on
    "١٢/٠٥, ٢٠ percen belül, ３:３０ pm, in ２ hours, ৫ মিনিট",
    "",
]


def _texts() -> list[str]:
    lines = CALIBRATION.read_text(encoding="utf-8").splitlines()
    return [fold(json.loads(line)["text"]) for line in lines if line.strip()] + [
        fold(t) for t in EXTRA
    ]


def _reference(pattern: GatedPattern, text: str) -> list[tuple[int, int, str]]:
    """Every alternative scans the whole text; matches inside a word are dropped; then the
    leftmost non-overlapping ones win, the earlier alternative on a tie."""
    found = []
    for index, regex in enumerate(pattern._compiled):
        for match in regex.finditer(text):
            start = match.start()
            inside = start and _word(text[start]) and _word(text[start - 1])
            if inside:
                continue
            found.append((start, index, match))
    found.sort(key=lambda item: (item[0], item[1]))
    out, end = [], -1
    for start, _, match in found:
        if start >= end:
            out.append((start, match.end(), match.group(0)))
            end = max(match.end(), start + 1)
    return out


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


@pytest.mark.parametrize("slot", range(len(gated._PATTERNS)))
def test_every_lexicon_pattern_finds_what_a_full_scan_finds(slot: int) -> None:
    pattern = gated._PATTERNS[slot]
    for text in _texts():
        expected = _reference(pattern, text)
        draft = DraftContext(text)
        by_draft = [
            (m.start(), m.end(), m.group(0)) for m in pattern.scan(text, draft.trigger_masks)
        ]
        alone = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
        assert by_draft == expected, text
        assert alone == expected, text
        first = pattern.search(text)
        assert (first.group(0) if first else None) == (expected[0][2] if expected else None)


def test_promise_gates_never_hide_a_kind() -> None:
    for text in _texts():
        for clause in [text, *split_sentences(text)]:
            plain = {name for name, regex in PROMISE_KINDS.items() if regex.search(clause)}
            assert promise_kinds_in(clause) == plain, clause


def test_field_gates_never_hide_a_field() -> None:
    for text in _texts():
        plain = {name for name, regex in FIELDS.items() if regex.search(text)}
        assert plain <= set(find_requested_fields(text)) | {"card_data"}, text


def test_required_literal_and_how_far_it_can_start() -> None:
    assert required_literal(r"(?:full |complete )?card (?:number|no\b)") == ("card n", 9)
    assert required_literal(r"(?:nyomon )?követem\b") == ("követem", 7)
    assert required_literal(r"\w+ok") == ("ok", None)
    assert required_literal(r"(?:a|b)\d") is None


def test_digit_first_alternatives_are_recognised() -> None:
    def digit_first(body: str) -> bool:
        return starts_with_digit(re._parser.parse(body).data)  # type: ignore[attr-defined]

    assert digit_first(r"(?:[01]?\d|2[0-3]):[0-5]\d")
    assert digit_first(r"(?!24/7\b)\d{1,2}/\d{1,2}")
    assert not digit_first(r"(?:\d+|egy) órán")
    assert not digit_first(r"\d*x")
    assert not digit_first(r"[0-9a]")


def test_literal_gate_is_none_when_an_alternative_has_no_literal() -> None:
    assert literal_gate(r"\border (?:number|id)|\bphone\b") == ("order ", "phone")
    assert literal_gate(r"\bphone\b|\b(?:colou?r|size)\b") == ("phone", "colo", "size")
    assert literal_gate(r"\bphone\b|\b\d+\b") is None


def test_scores_are_stable_for_a_fixed_draft() -> None:
    text = (
        "I can see your order still hasn't reached you, and I understand how frustrating the "
        "wait is. I'm sorry. Could you confirm your order number? I'll come back to you "
        "within 20 minutes, at 10:30. I'm staying on this until the parcel is with you."
    )
    result = score(text, channel="whatsapp", scenario="late_delivery")
    assert result.concrete_timing.passed
    assert "within 20 minutes" in result.concrete_timing.explanation
    assert "10:30" in result.concrete_timing.explanation


def _pieces(text: str) -> list[tuple[DraftContext, str]]:
    """Every sentence of ``text`` and what follows each comma in it, with its draft."""
    draft = DraftContext(text)
    out = []
    for index in range(len(draft.sentences)):
        sentence = draft.lower_sentence(index)
        out.append((draft, sentence))
        out.extend((draft, sentence[at + 1 :]) for at, char in enumerate(sentence) if char == ",")
    return out


@pytest.mark.parametrize("slot", range(len(gated._PATTERNS)))
def test_a_piece_searched_with_the_drafts_masks_finds_what_it_finds_alone(slot: int) -> None:
    pattern = gated._PATTERNS[slot]
    for text in _texts():
        for draft, piece in _pieces(text):
            alone = pattern.search(piece)
            by_draft = pattern.search_piece(piece, draft.trigger_masks)
            assert (by_draft and by_draft.span()) == (alone and alone.span()), piece


def test_fields_ruled_out_by_the_drafts_masks_are_never_named() -> None:
    for text in _texts():
        for draft, piece in _pieces(text):
            assert requested_fields._fields(piece, draft) == requested_fields._fields(piece), piece
