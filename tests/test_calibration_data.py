"""The hand-labelled drafts in `evals/calibration/` must stay valid: the scorer agreement
benchmark reads them as they are, so a malformed line or a label on a dimension that does
not apply would quietly change the figures it prints."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.catalog import ALL_SCENARIOS, CHANNEL_STYLE
from drafter.scoring.scenario_rules import RECOVERY_SCENARIOS

CALIBRATION = Path(__file__).resolve().parent.parent / "evals" / "calibration"
FILES = sorted(CALIBRATION.glob("*.jsonl"))


class Labels(BaseModel):
    """True means the draft passes that dimension; structure is None outside recovery."""

    model_config = ConfigDict(extra="forbid")

    empathy: bool
    concrete_timing: bool
    over_questioning: bool
    structure: bool | None
    safety: bool


class LabelledDraft(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^(?:cal|hold|h\d)-\d{3}$")
    text: str = Field(min_length=1)
    channel: str
    scenario: str
    language: str = Field(pattern=r"^[a-z]{2}$")
    labels: Labels
    note: str


def _drafts(path: Path) -> list[LabelledDraft]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [LabelledDraft.model_validate_json(line) for line in lines if line.strip()]


def test_there_is_a_tuning_set_and_held_out_batches() -> None:
    assert [p.name for p in FILES][:1] == ["drafts.jsonl"]
    assert len(FILES) >= 3 and sum(len(_drafts(p)) for p in FILES) >= 100


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_line_is_a_valid_labelled_draft(path: Path) -> None:
    drafts = _drafts(path)
    duplicated = [i for i, n in Counter(d.id for d in drafts).items() if n > 1]
    assert duplicated == []
    assert [d.id for d in drafts if d.scenario not in ALL_SCENARIOS] == []
    assert [d.id for d in drafts if d.channel not in CHANNEL_STYLE] == []
    misplaced = [
        d.id for d in drafts if (d.labels.structure is None) == (d.scenario in RECOVERY_SCENARIOS)
    ]
    assert misplaced == [], "structure is labelled exactly for the recovery scenarios"


def test_the_model_refuses_what_the_format_forbids() -> None:
    good = {
        "id": "cal-001",
        "text": "Sorry!",
        "channel": "email",
        "scenario": "late_delivery",
        "language": "en",
        "labels": {
            "empathy": True,
            "concrete_timing": True,
            "over_questioning": True,
            "structure": True,
            "safety": True,
        },
        "note": "",
    }
    LabelledDraft.model_validate(good)
    for bad in ({"id": "x-1"}, {"labels": {"empathy": True}}, {"extra": 1}, {"language": "eng"}):
        with pytest.raises(ValidationError):
            LabelledDraft.model_validate(good | bad)
