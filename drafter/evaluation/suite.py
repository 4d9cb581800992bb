"""Eval suites: the cases a quality team runs and the bar each scorer must clear.

A suite is a YAML file (settings plus cases, or a pointer to a JSONL file of cases) or a
bare JSONL file of cases with default settings, so the retrieval dev set doubles as a suite.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from drafter.catalog import ALL_SCENARIOS, CHANNEL_STYLE


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SuiteCase(_Strict):
    """One case: a message for drafter to draft, or a finished draft to score as given."""

    id: str
    message: str | None = None
    text: str | None = Field(default=None, description="A draft to score as given.")
    template: str | None = Field(default=None, description="Agent-initiated reply id.")
    scenario: str | None = Field(default=None, description="Expected scenario; null = abstain.")
    channel: str = "webchat"
    language: str | None = None
    customer: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> SuiteCase:
        if not (self.message or self.text or self.template):
            raise ValueError("a case needs a message, a text to score, or a template id")
        if self.scenario is not None and self.scenario not in ALL_SCENARIOS:
            raise ValueError(f"unknown scenario {self.scenario!r}")
        if self.channel not in CHANNEL_STYLE:
            raise ValueError(f"unknown channel {self.channel!r}; known: {sorted(CHANNEL_STYLE)}")
        return self


class ScorerConfig(_Strict):
    """``threshold``: the share of scored cases that must pass; ``weight``: share of overall."""

    threshold: float = Field(default=0.9, ge=0, le=1)
    weight: float = Field(default=1.0, ge=0)


DEFAULT_SCORERS: dict[str, ScorerConfig] = {
    "empathy": ScorerConfig(threshold=0.95),
    "concrete_timing": ScorerConfig(threshold=0.95),
    "over_questioning": ScorerConfig(threshold=0.95),
    "structure": ScorerConfig(threshold=0.95),
    "safety": ScorerConfig(threshold=1.0, weight=2.0),
    "length": ScorerConfig(threshold=0.9, weight=0.5),
}


class Suite(_Strict):
    name: str
    description: str = ""
    scorers: dict[str, ScorerConfig] = Field(default_factory=lambda: dict(DEFAULT_SCORERS))
    retrieval_threshold: float | None = Field(default=0.9, ge=0, le=1)
    judge_threshold: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description=(
            "Share of judged drafts the LLM judge must pass. None keeps the judge advisory: "
            "it is reported but never fails a case or the run."
        ),
    )
    cases_file: str | None = None
    cases: list[SuiteCase] = Field(default_factory=list)


class SuiteError(ValueError):
    """A suite file that cannot be used; the message names the file, line or field."""


def _cases_from_jsonl(path: Path) -> list[SuiteCase]:
    cases: list[SuiteCase] = []
    problems: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append(SuiteCase.model_validate(json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: not JSON: {exc.msg}")
        except ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(p) for p in err["loc"]) or "<case>"
                problems.append(f"{path}:{number}: {field}: {err['msg']}")
    if problems:
        raise SuiteError("\n".join(problems))
    return cases


def load_suite(path: Path) -> Suite:
    """Load a YAML suite or a JSONL file of cases, with every problem in one error."""
    if not path.is_file():
        raise SuiteError(f"{path}: no such suite file")
    suite = _read_jsonl_suite(path) if path.suffix == ".jsonl" else _read_yaml_suite(path)
    if not suite.cases:
        raise SuiteError(f"{path}: the suite has no cases")
    duplicates = sorted(i for i, n in Counter(c.id for c in suite.cases).items() if n > 1)
    if duplicates:
        raise SuiteError(f"{path}: duplicate case ids {duplicates}")
    return suite


def _read_jsonl_suite(path: Path) -> Suite:
    return Suite(name=path.stem, cases=_cases_from_jsonl(path))


def _read_yaml_suite(path: Path) -> Suite:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SuiteError(f"{path}: bad YAML: {exc}") from None
    try:
        suite = Suite.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"{path}: {'.'.join(str(p) for p in err['loc']) or '<suite>'}: {err['msg']}"
            for err in exc.errors()
        ]
        raise SuiteError("\n".join(lines)) from None
    if suite.cases_file:
        extra = _cases_from_jsonl((path.parent / suite.cases_file).resolve())
        suite = suite.model_copy(update={"cases": [*suite.cases, *extra]})
    return suite
