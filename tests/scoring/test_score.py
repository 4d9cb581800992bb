import random
import re
from bisect import bisect_right

import pytest
from pydantic import ValidationError

from drafter.scoring import SCORERS, Score, Scores, score, scorer, unregister
from drafter.scoring.context import DraftContext
from drafter.scoring.empathy import APOLOGY


def test_contract_example() -> None:
    s = score(
        "Sorry about the wait! I'll confirm a new date within 20 minutes.",
        channel="whatsapp",
        scenario="late_delivery",
    )
    assert isinstance(s, Scores)
    assert s.empathy.passed and 0 < s.empathy.value <= 1
    assert s.empathy.evidence == ["Sorry about the wait!"]
    assert s.concrete_timing.passed
    assert s.over_questioning.passed
    assert s.safety.passed and s.length.passed
    assert 0 <= s.overall <= 1
    assert s.schema_version >= 1


def test_models_forbid_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        Score(value=1.0, passed=True, evidence=[], explanation="", extra="x")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Score(value=1.5, passed=True)


def test_overall_weighs_failures_down() -> None:
    good = score("I'm sorry the parcel is late. I'll write back within 20 minutes.")
    bad = score("Please send your CVV and password ASAP.")
    assert bad.overall < good.overall


def test_weights_can_be_overridden_per_run() -> None:
    text = "Please send your CVV."
    only_safety = score(text, weights={n: 0.0 for n in SCORERS} | {"safety": 1.0})
    assert only_safety.overall == 0.0
    with pytest.raises(ValueError, match="unknown scorers"):
        score(text, weights={"nope": 1.0})


def test_unknown_channel_or_scenario_is_an_error() -> None:
    with pytest.raises(ValueError, match="channel"):
        score("hi", channel="fax")
    with pytest.raises(ValueError, match="scenario"):
        score("hi", scenario="not_a_scenario")


def test_a_team_can_register_its_own_scorer() -> None:
    @scorer("mentions_brand", weight=0.5)
    def mentions_brand(draft: DraftContext) -> Score:
        hits = [s for s in draft.sentences if "Acme" in s]
        return Score(value=float(bool(hits)), passed=bool(hits), evidence=hits)

    try:
        with pytest.raises(ValueError, match="already registered"):
            scorer("mentions_brand")(mentions_brand)
        with_brand = score("Thanks for choosing Acme. I'm sorry.")
        without = score("Thanks. I'm sorry.")
        assert with_brand.custom["mentions_brand"].passed
        assert not without.custom["mentions_brand"].passed
        assert "mentions_brand" in dict(with_brand.items())
        assert with_brand.overall > without.overall
    finally:
        unregister("mentions_brand")
    assert "mentions_brand" not in score("Acme").custom


ODD_INPUTS = [
    "",
    " ",
    "\n\n\n",
    "?",
    "???!!!...",
    "։՞",
    "😡😡😡 📦⏳",
    "Ձեր պատվերը դեռ չի հասել։ Ներողություն ենք խնդրում։ Կհետևեմ այս հարցին։",
    "Ваш заказ задерживается. Извините! Ответим в течение 20 минут.",
    "- \n* \n1) \n•",
    "a" * 5000,
    "4111111111111111",
    "\x00\x07\u200b\u202e",
    "((((((([[[[",
]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(1234)
    alphabet = "aáőűz AZ 0189 .,!?:;-*•\n\t։՞Աբ ЖЯ 😀📦 ()[]{}'\"/\\%"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200))) for _ in range(count)]


@pytest.mark.parametrize("text", ODD_INPUTS + _random_texts(150))
def test_never_crashes_and_stays_in_range(text: str) -> None:
    for channel, scenario in ((None, None), ("whatsapp", "late_delivery"), ("email", "greeting")):
        s = score(text, channel=channel, scenario=scenario)
        for _, result in s.items():
            assert 0.0 <= result.value <= 1.0
            assert all(isinstance(e, str) and e for e in result.evidence)
        assert 0.0 <= s.overall <= 1.0


def test_scoring_is_deterministic() -> None:
    text = "Sorry! Could you send your order number? I'll reply within 20 minutes."
    first = score(text, channel="email", scenario="late_delivery").model_dump()
    assert all(
        score(text, channel="email", scenario="late_delivery").model_dump() == first
        for _ in range(3)
    )


HITS_EDGES = [
    "",
    "   ",
    "  sorry, leading space. Sorry again.",
    "Sorry!",
    "SORRY ABOUT THAT. I'M SORRY!",
    "Ok. Ok. Ok. sorry",
    "- - -\nsorry - - -",
    "Sorry 😊. Elnézést kérek! Ներողություն։ sorry",
    "It's 5. I'm sorry. 12) sorry\n\n1. sorry",
]


@pytest.mark.parametrize("text", HITS_EDGES + _random_texts(100))
def test_hits_map_matches_to_sentences_as_the_bisect_rule_says(text: str) -> None:
    """``hits`` takes shortcuts (one sentence, ``lo=1``); each match must still land in the
    sentence the plain rule names: the last one starting at or before it, else sentence 0."""
    empty_match = re.compile("x*")  # matches even where no sentence is (empty text)
    for pattern in (APOLOGY, re.compile(r"\s|sorry|[^\w\s]"), re.compile("nothing"), empty_match):
        draft = DraftContext.build(text)
        expected: dict[int, list[str]] = {}
        matches = (
            pattern.scan(draft.lowered, draft.trigger_masks)
            if not isinstance(pattern, re.Pattern)
            else pattern.finditer(draft.lowered)
        )
        for match in matches:
            index = max(0, bisect_right(draft.starts, match.start()) - 1)
            expected.setdefault(index, []).append(match.group(0))
        assert draft.hits(pattern) == expected
        assert draft.hits(pattern) is draft.hits(pattern)  # scanned once per draft


def test_a_missing_builtin_or_unknown_weight_is_reported_by_name() -> None:
    """score_context checks with a comparison first; the messages must still list names."""
    saved = dict(SCORERS)
    unregister("length")
    try:
        with pytest.raises(RuntimeError, match=r"not registered: \['length'\]"):
            score("Hi")
    finally:
        SCORERS.clear()
        SCORERS.update(saved)  # in registry order: overall sums in that order
    with pytest.raises(ValueError, match=r"unknown scorers \['nope', 'nada'\]"):
        score("Hi", weights={"empathy": 1.0, "nope": 1.0, "nada": 0.0})
    assert score("Hi", weights={}).overall == score("Hi").overall


@pytest.mark.parametrize(
    "fields",
    [
        {"value": 1.0, "passed": True},
        {"value": 0, "passed": False, "explanation": ""},
        {"value": 0.5, "passed": True, "evidence": [], "explanation": "x"},
        {"value": 1, "passed": True, "evidence": ["Sorry 🙂", "ΟΔΟΣ"], "explanation": "ok"},
    ],
)
def test_new_score_is_the_score_pydantic_builds(fields: dict[str, object]) -> None:
    from drafter.scoring.models import new_score

    built, plain = new_score(**fields), Score(**fields)  # type: ignore[arg-type]
    assert type(built) is Score
    assert built == plain and built.model_fields_set == plain.model_fields_set
    assert built.model_dump_json() == plain.model_dump_json()


@pytest.mark.parametrize("value", [-0.1, 1.5, float("nan")])
def test_new_score_validates_like_score(value: float) -> None:
    from drafter.scoring.models import new_score

    with pytest.raises(ValidationError):
        Score(value=value, passed=True)
    with pytest.raises(ValidationError):
        new_score(value=value, passed=True)
