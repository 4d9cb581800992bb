"""The Chroma index follows the playbooks incrementally and survives a broken store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter import index as index_module
from drafter.embeddings import MiniLMEmbeddings
from drafter.index import IndexRebuiltWarning, PlaybookIndex, collection_name, store_path
from drafter.playbooks import PlaybookLibrary
from drafter.resources import bundled_dir
from drafter.settings import Settings

FAMILIES = ("late_delivery.yaml", "damaged_item.yaml")


class SpyEmbeddings(MiniLMEmbeddings):
    """The real embedder, recording which texts it was asked to embed."""

    def __init__(self, shared: MiniLMEmbeddings) -> None:
        super().__init__(shared.encoder)
        self.seen: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.seen += texts
        return super().embed_documents(texts)


@pytest.fixture(scope="module")
def shared() -> MiniLMEmbeddings:
    return MiniLMEmbeddings()


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    folder = tmp_path / "playbooks"
    folder.mkdir()
    for name in FAMILIES:
        shutil.copy(bundled_dir("playbooks") / name, folder / name)
    monkeypatch.setenv("DRAFTER_PLAYBOOKS", str(folder))
    monkeypatch.setenv("DRAFTER_PLAYBOOKS_MODE", "replace")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    return Settings()


def _forget_open_stores() -> None:
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def test_first_sync_builds_then_nothing_changes(
    settings: Settings, shared: MiniLMEmbeddings
) -> None:
    library = PlaybookLibrary.load(settings)
    first = PlaybookIndex(settings, shared).sync(library.loaded)
    assert first.rebuilt
    assert sorted(first.added) == sorted(library.loaded)
    spy = SpyEmbeddings(shared)
    second = PlaybookIndex(settings, spy).sync(PlaybookLibrary.load(settings).loaded)
    assert not second.changed and not second.rebuilt
    assert spy.seen == []
    assert second.documents == first.documents


def test_changing_one_entry_reembeds_only_it(settings: Settings, shared: MiniLMEmbeddings) -> None:
    PlaybookIndex(settings, shared).sync(PlaybookLibrary.load(settings).loaded)
    path = settings.playbooks[0] / "damaged_item.yaml"
    new_example = "the blender jar came with a crack right down the side"
    text = path.read_text(encoding="utf-8")
    marker = "    examples:\n"
    assert marker in text
    path.write_text(text.replace(marker, f"{marker}      - {new_example}\n", 1), encoding="utf-8")
    library = PlaybookLibrary.load(settings)
    changed = [i for i, e in library.loaded.items() if e.file == path]
    spy = SpyEmbeddings(shared)
    report = PlaybookIndex(settings, spy).sync(library.loaded)
    assert report.updated == changed and not report.added and not report.removed
    assert new_example in spy.seen
    expected = {library.loaded[i].entry.title for i in changed}
    expected |= {x for i in changed for x in library.loaded[i].entry.examples}
    assert set(spy.seen) == expected


def test_removed_file_removes_its_entries(settings: Settings, shared: MiniLMEmbeddings) -> None:
    before = PlaybookIndex(settings, shared).sync(PlaybookLibrary.load(settings).loaded)
    (settings.playbooks[0] / "damaged_item.yaml").unlink()
    report = PlaybookIndex(settings, shared).sync(PlaybookLibrary.load(settings).loaded)
    assert report.removed and all(i.startswith("damaged") for i in report.removed)
    assert report.documents < before.documents


def test_other_embedder_or_schema_gets_a_fresh_collection(
    settings: Settings, shared: MiniLMEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = PlaybookLibrary.load(settings).loaded
    base = PlaybookIndex(settings, shared).sync(loaded)
    openai_settings = settings.model_copy(update={"embeddings": "openai"})
    other = PlaybookIndex(openai_settings, shared).sync(loaded)
    assert other.collection != base.collection and other.rebuilt
    monkeypatch.setattr(index_module, "SCHEMA_VERSION", index_module.SCHEMA_VERSION + 1)
    assert collection_name(settings) != base.collection
    newer = PlaybookIndex(settings, shared).sync(loaded)
    assert newer.rebuilt and newer.collection == collection_name(settings)
    monkeypatch.undo()
    assert not PlaybookIndex(settings, shared).sync(loaded).changed


def test_corrupt_store_is_rebuilt_with_a_warning(
    settings: Settings, shared: MiniLMEmbeddings
) -> None:
    loaded = PlaybookLibrary.load(settings).loaded
    built = PlaybookIndex(settings, shared).sync(loaded)
    _forget_open_stores()
    sqlite = store_path(settings) / "chroma.sqlite3"
    assert sqlite.is_file()
    sqlite.write_bytes(b"this is not a database" * 100)
    with pytest.warns(IndexRebuiltWarning, match="unreadable"):
        index = PlaybookIndex(settings, shared)
    report = index.sync(loaded)
    assert report.rebuilt and report.reason and "unreadable" in report.reason
    assert report.documents == built.documents


def test_missing_store_is_rebuilt(settings: Settings, shared: MiniLMEmbeddings) -> None:
    loaded = PlaybookLibrary.load(settings).loaded
    built = PlaybookIndex(settings, shared).sync(loaded)
    _forget_open_stores()
    shutil.rmtree(store_path(settings))
    report = PlaybookIndex(settings, shared).sync(loaded)
    assert report.rebuilt and report.documents == built.documents


def test_query_returns_nearest_entries(settings: Settings, shared: MiniLMEmbeddings) -> None:
    index = PlaybookIndex(settings, shared)
    index.sync(PlaybookLibrary.load(settings).loaded)
    hits = index.query(shared.embed_query("my delivery never showed up"), 3)
    assert hits[0][1] == "late_delivery"
    assert all(-1.0 <= sim <= 1.0 for _, _, sim in hits)


def test_new_process_resumes_until_a_playbook_changes(settings: Settings) -> None:
    from drafter.retrieval import Retriever

    first = Retriever(settings)
    assert first.search("my parcel is late").best == "late_delivery"
    assert first.last_report is not None and first.last_report.rebuilt
    resumed = Retriever(settings)
    assert resumed.search("my parcel is late").best == "late_delivery"
    assert resumed.last_report is None  # started from the snapshot: no YAML parsed, no sync
    path = settings.playbooks[0] / "late_delivery.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    changed = Retriever(settings)
    changed.search("my parcel is late")
    assert changed.last_report is not None and not changed.last_report.rebuilt


def test_resume_needs_no_chromadb(settings: Settings) -> None:
    import os
    import subprocess
    import sys

    from drafter.retrieval import Retriever

    Retriever(settings).ensure_index()
    code = (
        "import sys; from drafter.retrieval import Retriever; r = Retriever(); "
        "print(r.search('my parcel is late').best, r.last_report, 'chromadb' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=dict(os.environ), capture_output=True, text=True
    )
    assert out.stdout.split() == ["late_delivery", "None", "False"], out.stderr


def test_store_removed_behind_our_back_is_rebuilt_on_resume(settings: Settings) -> None:
    from drafter.retrieval import Retriever

    Retriever(settings).ensure_index()
    _forget_open_stores()
    shutil.rmtree(store_path(settings))
    again = Retriever(settings)
    assert again.search("my parcel is late").best == "late_delivery"
    assert again.last_report is not None and again.last_report.rebuilt


@pytest.mark.parametrize("broken", ["json", "npy"])
def test_corrupt_snapshot_falls_back_to_a_sync(settings: Settings, broken: str) -> None:
    from drafter.retrieval import Retriever

    first = Retriever(settings)
    first.ensure_index()
    path = first._snapshot_path()
    (path if broken == "json" else path.with_suffix(".npy")).write_bytes(b"\x93NUMPY garbage")
    again = Retriever(settings)
    assert again.search("my parcel is late").best == "late_delivery"
    assert again.last_report is not None and not again.last_report.changed


def test_noop_reindex_reuses_saved_vectors(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter.retrieval import Retriever

    first = Retriever(settings)
    first.ensure_index()
    expected = first.search("the parcel is late again").model_dump()
    reads: list[int] = []
    original = PlaybookIndex.vectors

    def counted(self: PlaybookIndex) -> object:
        reads.append(1)
        return original(self)

    monkeypatch.setattr(PlaybookIndex, "vectors", counted)
    again = Retriever(settings)
    assert not again.ensure_index().changed
    assert reads == []
    assert again.search("the parcel is late again").model_dump() == expected
    path = settings.playbooks[0] / "damaged_item.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    touched = Retriever(settings)
    assert not touched.ensure_index().changed  # same content: hashes equal, vectors reused
    assert reads == []
