"""Load playbook files into strict models and report every problem with file, line and field.

PyYAML's composed node tree keeps the line of every key, so a pydantic error location
(``entries.0.variants.en.chat.ask``) can be walked back to the line a human must fix.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from drafter.catalog import (
    BUILTIN_PLACEHOLDERS,
    CUSTOMER_FIELDS,
    INCOMING_SCENARIOS,
    REQUIRED_LANGUAGES,
)
from drafter.playbooks.models import CannedReply, Entry, PlaybookFile, RecoveryPlaybook
from drafter.playbooks.template import TemplateSyntaxError, placeholders

MIN_EXAMPLES = 10
MIN_FOREIGN_EXAMPLES = 3


@dataclass(frozen=True)
class PlaybookProblem:
    file: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        return f"{where}: {self.field or '<file>'}: {self.message}"


class PlaybookError(Exception):
    """Raised when the library cannot be loaded; carries every problem, not just the first."""

    def __init__(self, problems: Sequence[PlaybookProblem]):
        self.problems = list(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} playbook problem(s):\n{lines}")


@dataclass(frozen=True)
class LoadedEntry:
    entry: Entry
    file: Path
    content_hash: str


def _line_of(node: yaml.Node, loc: Iterable[str | int]) -> int:
    """Follow a pydantic error location through the YAML node tree; 1-based line."""
    current = node
    for part in loc:
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if key.value == part:
                    current = value
                    break
            else:
                continue  # discriminator tags and missing fields stay at the parent
        elif (
            isinstance(current, yaml.SequenceNode)
            and isinstance(part, int)
            and part < len(current.value)
        ):
            current = current.value[part]
    return current.start_mark.line + 1


def _field_name(loc: Iterable[str | int]) -> str:
    out = ""
    for part in loc:
        if part in ("recovery", "canned"):
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _text_fields(entry: Entry) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for lang, variant in entry.variants.items():
        if isinstance(variant, str):  # pragma: no cover - models never produce this
            continue
        dumped = variant.model_dump()
        for key, value in dumped.items():
            if isinstance(value, dict):
                for step, text in value.items():
                    yield ("variants", lang, key, step), text
            else:
                yield ("variants", lang, key), value
    for i, option in enumerate(entry.options):
        for lang, text in option.label.items():
            yield ("options", i, "label", lang), text


def _semantic_problems(entry: Entry) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for loc, text in _text_fields(entry):
        try:
            found = list(placeholders(text))
        except TemplateSyntaxError as exc:
            yield loc, str(exc)
            continue
        for ph in found:
            if ph.name in entry.times or ph.name in BUILTIN_PLACEHOLDERS:
                if ph.name == "options" and not entry.options:
                    yield loc, "placeholder {options} but the entry defines no options"
            elif ph.name in CUSTOMER_FIELDS:
                if ph.fallback is None and not ph.in_section:
                    yield (
                        loc,
                        (
                            f"placeholder {{{ph.name}}} has no value or fallback "
                            f"(write {{{ph.name}|...}} or put it in an optional [ ... ] section)"
                        ),
                    )
            else:
                yield (
                    loc,
                    (
                        f"placeholder {{{ph.name}}} has no value: not a customer field, "
                        "a time of this entry or a builtin"
                    ),
                )
    for i, option in enumerate(entry.options):
        missing = [lang for lang in entry.variants if lang not in option.label]
        if missing:
            yield ("options", i, "label"), f"option {option.id!r} has no label for {missing}"
    if entry.scenario in INCOMING_SCENARIOS:
        missing = [lang for lang in REQUIRED_LANGUAGES if lang not in entry.variants]
        if missing:
            yield ("variants",), f"incoming scenario needs languages {missing}"
        if len(entry.examples) < MIN_EXAMPLES:
            count = len(entry.examples)
            yield ("examples",), f"needs at least {MIN_EXAMPLES} examples, has {count}"
        foreign = [e for e in entry.examples if not e.isascii()]
        if len(foreign) < MIN_FOREIGN_EXAMPLES:
            wanted = MIN_FOREIGN_EXAMPLES
            yield ("examples",), f"needs at least {wanted} non-English examples, has {len(foreign)}"


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, object]:
    """Parse once with libyaml: the node tree gives lines, the same tree gives the data."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def parse_file(path: Path) -> tuple[list[LoadedEntry], list[PlaybookProblem]]:
    """Parse one file; returns the valid entries and the problems (never raises on bad input)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [PlaybookProblem(path, 0, "", f"cannot read file: {exc}")]
    try:
        node, data = _compose_and_construct(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        reason = getattr(exc, "problem", None) or str(exc)
        return [], [PlaybookProblem(path, line, "", f"bad YAML: {reason}")]
    if node is None:
        return [], [PlaybookProblem(path, 1, "", "file is empty")]
    try:
        parsed = PlaybookFile.model_validate(data)
    except ValidationError as exc:
        return [], [
            PlaybookProblem(path, _line_of(node, err["loc"]), _field_name(err["loc"]), err["msg"])
            for err in exc.errors()
        ]
    loaded: list[LoadedEntry] = []
    problems: list[PlaybookProblem] = []
    for i, entry in enumerate(parsed.entries):
        found = False
        for loc, message in _semantic_problems(entry):
            full = ("entries", i, *loc)
            problems.append(PlaybookProblem(path, _line_of(node, full), _field_name(full), message))
            found = True
        if not found:
            digest = hashlib.sha256(entry.model_dump_json().encode()).hexdigest()[:16]
            loaded.append(LoadedEntry(entry, path, digest))
    return loaded, problems


def iter_playbook_files(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        if folder.is_file():
            yield folder
            continue
        yield from sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml"))


def load_entries(
    folder_groups: Sequence[Sequence[Path]],
) -> tuple[dict[str, LoadedEntry], list[PlaybookProblem]]:
    """Load groups of folders in order; a later group overrides ids of an earlier one.

    Within one group a repeated id is a problem (two authors wrote the same entry); across
    groups it is how a team replaces a bundled entry with its own wording.
    """
    entries: dict[str, LoadedEntry] = {}
    problems: list[PlaybookProblem] = []
    for group in folder_groups:
        seen: dict[str, LoadedEntry] = {}
        for path in iter_playbook_files(group):
            loaded, file_problems = parse_file(path)
            problems.extend(file_problems)
            for item in loaded:
                if item.entry.id in seen:
                    first = seen[item.entry.id]
                    problems.append(
                        PlaybookProblem(
                            path,
                            _entry_line(path, item.entry.id),
                            "id",
                            f"duplicate id {item.entry.id!r} (first in {first.file})",
                        )
                    )
                    continue
                seen[item.entry.id] = item
        entries.update(seen)
    return entries, problems


def _entry_line(path: Path, entry_id: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(rf"^\s*-?\s*id:\s*['\"]?{re.escape(entry_id)}['\"]?\s*$", line):
            return number
    return 0


__all__ = [
    "CannedReply",
    "LoadedEntry",
    "PlaybookError",
    "PlaybookProblem",
    "RecoveryPlaybook",
    "load_entries",
    "parse_file",
]
