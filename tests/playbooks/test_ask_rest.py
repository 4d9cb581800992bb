"""``ask_rest``: checked like every other step, all or nothing, only where it can be used."""

from __future__ import annotations

import re
from pathlib import Path

from drafter.playbooks import PlaybookLibrary
from drafter.playbooks.loader import parse_file
from drafter.resources import bundled_dir

WRONG_ITEM = bundled_dir("playbooks") / "wrong_item.yaml"
REFERENCE = bundled_dir("playbooks") / "late_delivery.yaml"


def _edited(tmp_path: Path, source: Path, old: str, new: str, count: int = 1) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_every_mixed_ask_entry_has_a_rest_line() -> None:
    """An entry asking for a knowable field and something else must not fall back to the
    full ask once the knowable one is known."""
    from drafter.playbooks import RecoveryPlaybook
    from drafter.playbooks.models import KNOWABLE_FIELDS

    library = PlaybookLibrary.load()
    mixed = [
        e
        for e in library
        if isinstance(e, RecoveryPlaybook)
        and any(f in KNOWABLE_FIELDS for f in e.ask)
        and not all(f in KNOWABLE_FIELDS for f in e.ask)
    ]
    assert mixed
    without = [e.id for e in mixed if e.variants["en"].chat.ask_rest is None]
    assert not without


def test_a_missing_rest_line_is_reported_with_the_variants_line(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        WRONG_ITEM,
        '          ask_rest: "A rendelését már látom',
        '          # ask_rest: "A rendelését már látom',
    )
    _, problems = parse_file(path)
    assert [p.field for p in problems] == ["entries[0].variants"]
    # the loader points at the variants block (its key or the mapping's first line)
    variants = _line_of(path, "    variants:")
    assert problems[0].line in (variants, variants + 1)
    assert "missing for ['hu.chat']" in problems[0].message


def test_a_rest_line_where_the_whole_ask_is_knowable_is_an_error(tmp_path: Path) -> None:
    """late_delivery asks only for the order: once known, nothing is left to ask."""
    text = REFERENCE.read_text(encoding="utf-8")
    with_rest = re.sub(
        r'^(\s+)ask: "(.*)"$', r'\g<0>\n\1ask_rest: "Anything else?"', text, flags=re.M
    )
    assert with_rest != text
    path = tmp_path / "late_delivery.yaml"
    path.write_text(with_rest, encoding="utf-8")
    _, problems = parse_file(path)
    assert len(problems) == 1 and problems[0].field == "entries[0].variants"
    assert "ask_rest is never used" in problems[0].message


def test_placeholders_in_the_rest_line_are_checked(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        WRONG_ITEM,
        'ask_rest: "I already have your order details,',
        'ask_rest: "I already have order {order_id},',
    )
    _, problems = parse_file(path)
    assert [(p.field, p.line) for p in problems] == [
        ("entries[0].variants.en.chat.ask_rest", _line_of(path, "I already have order {order_id}"))
    ]
    assert "no value or fallback" in problems[0].message


def test_a_misspelt_rest_key_points_at_its_line(tmp_path: Path) -> None:
    path = _edited(tmp_path, WRONG_ITEM, "          ask_rest: ", "          ask_rests: ")
    _, problems = parse_file(path)
    fields = {(p.field, p.line) for p in problems}
    assert ("entries[0].variants.en.chat.ask_rests", _line_of(path, "ask_rests:")) in fields


def test_entries_without_a_rest_line_dump_as_before() -> None:
    """No ``ask_rest`` key where none is set: content hashes (and embeddings) of the other
    entries stay as they were, and every dumped step is text."""
    library = PlaybookLibrary.load()
    late = library.get("late_delivery_recovery")
    assert "ask_rest" not in late.model_dump()["variants"]["en"]["chat"]
    wrong = library.get("wrong_item_recovery")
    assert wrong.model_dump()["variants"]["en"]["chat"]["ask_rest"].startswith("I already")
