"""What the last index sync saw, saved beside the cache so a new process starts fast.

A cold ``drafter search`` must not pay for importing chromadb or parsing YAML when nothing
changed; the snapshot holds the document list, the vectors and the lexical model, and knows
how to tell whether it still describes the playbooks and the store.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from drafter.negatives import negatives_file
from drafter.settings import Settings

if TYPE_CHECKING:
    from drafter.lexical import CharNgramTfidf


class Snapshot(BaseModel):
    """What the last sync saw, so a new process can search without chromadb or YAML.

    Valid while the playbook files (mtime, size) and the store are as they were: the local
    store's sqlite file (mtime, size) changes with any write by any process, so a store
    deleted or rebuilt behind our back is noticed without importing chromadb. A Chroma
    server has no such file; there the entries' hashes are read back from the server's
    metadata on resume, so another process's changes are never hidden.
    """

    model_config = ConfigDict(extra="forbid")

    collection: str
    files: dict[str, tuple[int, int]]
    store: tuple[int, int] | None
    entries: dict[str, tuple[str, int]]
    documents: int
    dense: list[tuple[str, str]]
    lexical: list[tuple[str, str, str]]


def store_stat(settings: Settings) -> tuple[int, int] | None:
    """(mtime, size) of the local store's sqlite file; None when absent or on a server."""
    if settings.chroma_url:
        return None
    try:
        stat = (settings.cache_dir / "chroma" / "chroma.sqlite3").stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def playbook_files(settings: Settings) -> dict[str, tuple[int, int]]:
    from drafter.playbooks.library import library_folders
    from drafter.playbooks.loader import iter_playbook_files

    files: dict[str, tuple[int, int]] = {}
    for group in library_folders(settings):
        for path in iter_playbook_files([p for p in group if p.exists()]):
            stat = path.stat()
            files[str(path)] = (stat.st_mtime_ns, stat.st_size)
    negatives = negatives_file()
    if negatives.is_file():
        stat = negatives.stat()
        files[str(negatives)] = (stat.st_mtime_ns, stat.st_size)
    return files


def save_snapshot(
    path: Path,
    snapshot: Snapshot,
    matrix: Any,
    lexical: CharNgramTfidf | None,
    settings: Settings,
) -> None:
    """Each file is written aside and renamed, so a concurrent reader never sees half."""
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    snapshot = snapshot.model_copy(update={"store": store_stat(settings)})
    aside = f".tmp-{os.getpid()}-{threading.get_ident()}"

    def replace(target: Path, write: Callable[[Path], object]) -> None:
        temporary = target.with_name(target.name + aside)
        write(temporary)
        os.replace(temporary, target)

    def save_matrix(target: Path) -> None:
        with target.open("wb") as fh:
            np.save(fh, matrix)

    replace(path.with_suffix(".npy"), save_matrix)
    if lexical is not None:
        replace(path.with_suffix(".lexical.npz"), lexical.save)
    replace(path, lambda t: t.write_text(snapshot.model_dump_json(), encoding="utf-8"))


def load_snapshot(path: Path) -> tuple[Snapshot, Any] | None:
    """The saved snapshot and vectors, or None when missing, unreadable or inconsistent."""
    import numpy as np

    try:
        snapshot = Snapshot.model_validate_json(path.read_bytes())
        matrix = np.load(path.with_suffix(".npy"), allow_pickle=False)
    except (OSError, ValueError, EOFError):
        return None
    if matrix.ndim != 2 or matrix.shape[0] != len(snapshot.dense):
        return None
    return snapshot, matrix
