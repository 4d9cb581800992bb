"""Language detection on the short, messy messages agents actually receive."""

from __future__ import annotations

import subprocess
import sys

import pytest

from drafter.language import detect_language

CASES = [
    ("en", "my order 58213 is 4 days late!!"),
    ("en", "hi"),
    ("en", "hello"),
    ("en", "refund pls"),
    ("en", "anyone there?"),
    ("en", "ur courier didnt come again"),
    ("en", "can I talk to a human"),
    ("en", "how are you different from Zendesk?"),
    ("hu", "szia"),
    ("hu", "Helló!"),
    ("hu", "Hol van a csomagom?"),
    ("hu", "Kétszer vonták le az összeget"),
    ("hu", "nem tudok belépni"),
    ("hu", "visszakérem a pénzem"),
    ("hu", "le akarom mondani az előfizetést"),
    ("hy", "Պատվերս դեռ չի հասել"),
    ("hy", "բարև"),
    ("hy", "Order 58213 - Պատվերս ուշանում է"),
    ("de", "Wo bleibt meine Bestellung?"),
    ("de", "Ich möchte kündigen"),
    ("es", "hola"),
    ("es", "Mi pedido lleva una semana de retraso"),
    ("ru", "Где мой заказ?"),
    ("ru", "привет"),
]


@pytest.mark.parametrize(("expected", "text"), CASES)
def test_short_messages(expected: str, text: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "58213", "🙂🙂", "https://example.com/x"])
def test_nothing_to_go_on_falls_back_to_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_numbers_and_markers_do_not_sway_the_decision() -> None:
    assert detect_language("rendelés 58213 [card number removed] hol van?") == "hu"


def test_importing_does_not_load_the_statistical_model() -> None:
    code = (
        "import sys, drafter.language as l; "
        "l.detect_language('hi'); l.detect_language('Պատվերս'); "
        "print('lingua' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_dev_set_languages() -> None:
    """The hand-labelled dev set (36% non-English) is the realistic mix of an inbox."""
    import json
    from pathlib import Path

    path = Path(__file__).parents[1] / "evals" / "devset.jsonl"
    if not path.exists():
        pytest.skip("evals/devset.jsonl not present")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    wrong = [r for r in rows if detect_language(r["message"]) != r["language"]]
    assert len(wrong) <= len(rows) * 0.03, [(r["language"], r["message"]) for r in wrong]
