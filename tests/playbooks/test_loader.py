from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from drafter.playbooks import PlaybookError, PlaybookLibrary
from drafter.playbooks.loader import parse_file
from drafter.resources import bundled_dir

REFERENCE = bundled_dir("playbooks") / "late_delivery.yaml"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(dedent(text), encoding="utf-8")
    return path


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = REFERENCE.read_text(encoding="utf-8")
    assert old in text, old
    return _write(tmp_path, "broken.yaml", text.replace(old, new, 1))


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_bundled_library_loads_without_problems() -> None:
    library = PlaybookLibrary.load()
    assert library.problems == []
    assert "late_delivery" in library.scenarios()


def test_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", "family: x\nentries:\n  - id: [unclosed\n")
    _, problems = parse_file(path)
    assert len(problems) == 1
    assert problems[0].file == path and problems[0].line >= 3
    assert "bad YAML" in problems[0].message


def test_unknown_field_points_at_its_line(tmp_path: Path) -> None:
    path = _broken(
        tmp_path,
        "    tags: [late_delivery, shipping]",
        "    tags: [late_delivery, shipping]\n    colour: red",
    )
    _, problems = parse_file(path)
    assert [(p.field, p.line) for p in problems] == [
        ("entries[0].colour", _line_of(path, "colour: red"))
    ]
    assert "Extra inputs" in problems[0].message


def test_unknown_scenario_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, "scenario: late_delivery", "scenario: late_delivry")
    _, problems = parse_file(path)
    assert problems[0].field == "entries[0].scenario"
    assert problems[0].line == _line_of(path, "scenario: late_delivry")
    assert "unknown scenario" in problems[0].message


def test_missing_recovery_step_is_reported(tmp_path: Path) -> None:
    needle = "          apologize: \"I'm sorry we've let you down on this delivery.\"\n"
    path = _broken(tmp_path, needle, "")
    _, problems = parse_file(path)
    assert [p.field for p in problems] == ["entries[0].variants.en.chat.apologize"]
    assert problems[0].message == "Field required"


def test_placeholder_without_fallback_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'greeting: "Hi {first_name|there},"', 'greeting: "Hi {first_name},"')
    _, problems = parse_file(path)
    assert [p.field for p in problems] == ["entries[0].variants.en.greeting"]
    assert problems[0].line == _line_of(path, 'greeting: "Hi {first_name},"')
    assert "no value or fallback" in problems[0].message


def test_unknown_placeholder_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, "{next_update} with what happened", "{next_updte} with what happened")
    _, problems = parse_file(path)
    assert len(problems) == 1 and "{next_updte}" in problems[0].message


def test_duplicate_id_across_files_of_one_folder(tmp_path: Path) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    _write(tmp_path, "a.yaml", text)
    _write(tmp_path, "b.yaml", text)
    with pytest.raises(PlaybookError) as info:
        PlaybookLibrary.from_paths(tmp_path)
    (problem,) = info.value.problems
    assert problem.field == "id" and "duplicate id" in problem.message
    assert problem.line == _line_of(tmp_path / "b.yaml", "- id: late_delivery_recovery")


def test_user_folder_overrides_bundled_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace(
        "title: Order is late", "title: Our own late wording"
    )
    _write(tmp_path, "late.yaml", text)
    monkeypatch.setenv("DRAFTER_PLAYBOOKS", str(tmp_path))
    from drafter.settings import Settings

    library = PlaybookLibrary.load(Settings())
    assert library.get("late_delivery_recovery").title.startswith("Our own late wording")
