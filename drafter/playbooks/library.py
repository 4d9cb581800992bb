"""The playbook library: every entry the drafter can use, bundled and the team's own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from drafter.playbooks.loader import LoadedEntry, PlaybookError, PlaybookProblem, load_entries
from drafter.playbooks.models import Entry
from drafter.resources import bundled_dir
from drafter.settings import Settings


def library_folders(settings: Settings) -> list[list[Path]]:
    """Folder groups in override order: bundled first unless the user replaces them."""
    user = [Path(p).expanduser() for p in settings.playbooks]
    if settings.playbooks_mode == "replace" and user:
        return [user]
    return [[bundled_dir("playbooks")], user] if user else [[bundled_dir("playbooks")]]


@dataclass
class PlaybookLibrary:
    loaded: dict[str, LoadedEntry]
    problems: list[PlaybookProblem] = field(default_factory=list)

    @classmethod
    def load(cls, settings: Settings | None = None, *, strict: bool = True) -> PlaybookLibrary:
        """Load the configured folders.

        ``strict`` raises on any problem; the non-strict form is for ``playbooks check``,
        which wants every problem and the entries that did load.
        """
        groups = library_folders(settings or Settings())
        problems = [
            PlaybookProblem(folder, 0, "", "playbook folder does not exist")
            for group in groups
            for folder in group
            if not folder.exists()
        ]
        loaded, file_problems = load_entries(groups)
        problems += file_problems
        if strict and problems:
            raise PlaybookError(problems)
        return cls(loaded, problems)

    @classmethod
    def from_paths(cls, *paths: Path, strict: bool = True) -> PlaybookLibrary:
        loaded, problems = load_entries([list(paths)])
        if strict and problems:
            raise PlaybookError(problems)
        return cls(loaded, problems)

    def __iter__(self) -> Iterator[Entry]:
        return (item.entry for item in self.loaded.values())

    def __len__(self) -> int:
        return len(self.loaded)

    def get(self, entry_id: str) -> Entry:
        try:
            return self.loaded[entry_id].entry
        except KeyError:
            raise KeyError(f"no playbook entry with id {entry_id!r}") from None

    def for_scenario(self, scenario: str) -> list[Entry]:
        return [e for e in self if e.scenario == scenario]

    def scenarios(self) -> set[str]:
        return {e.scenario for e in self}
