"""Find the scenario an incoming customer message is about, or abstain.

Two channels vote: MiniLM vectors from Chroma (strong on English paraphrase) and character
n-gram TF-IDF over the same examples (the only signal for Hungarian or Armenian, and robust
to typos). Each channel's similarities are calibrated onto [0, 1] and averaged
(``drafter.fusion``), so neither raw score scale dominates and abstaining can compare real
closeness, which rank alone cannot tell from "the best of bad options". This module owns the
moving parts: the index sync, the snapshot a cold start resumes from, and the query.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.fusion import (
    COVERAGE,
    OUT_OF_SCOPE,
    Evidence,
    Match,
    Mode,
    SearchResult,
    collect_hit,
    decide,
    keep_nearest,
    ramp,
)
from drafter.negatives import load_negatives, negatives_file
from drafter.settings import Settings
from drafter.snapshot import Snapshot, load_snapshot, playbook_files, save_snapshot, store_stat

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from drafter.index import IndexReport, PlaybookIndex
    from drafter.lexical import CharNgramTfidf
    from drafter.playbooks import PlaybookLibrary
    from drafter.playbooks.models import Entry

__all__ = [
    "OUT_OF_SCOPE",
    "Evidence",
    "Match",
    "Mode",
    "Retriever",
    "SearchResult",
    "decide",
    "default_retriever",
    "lexical_texts",
    "load_negatives",
    "negatives_file",
    "search",
]

MAX_CHARS = 4000


def lexical_texts(entry: Entry) -> list[str]:
    """Texts the lexical channel matches against: examples, title and the acknowledge step.

    The acknowledge step restates the customer's problem in every language the entry is
    written in, which gives Hungarian and Armenian messages far more vocabulary to meet
    than the three or four foreign examples alone.
    """
    from drafter.playbooks.models import RecoveryText

    texts = [entry.title, *entry.examples]
    for variant in entry.variants.values():
        if isinstance(variant, RecoveryText):
            texts += [variant.chat.acknowledge, variant.email.acknowledge]
        else:
            texts.append(variant.chat)
    return texts


class Retriever:
    """Holds the library, the embedder, the Chroma collection and the lexical model.

    Nothing heavy happens in the constructor; the first search loads, syncs the index
    (incremental, by content hash) and fits the lexical model.
    """

    def __init__(self, settings: Settings | None = None, library: PlaybookLibrary | None = None):
        self.settings = settings or Settings()
        self._fixed_library = library
        self._lock = threading.RLock()
        self._index: PlaybookIndex | None = None
        self._embeddings: Embeddings | None = None
        self._lexical: CharNgramTfidf | None = None
        self._lexical_docs: list[tuple[str, str]] = []
        self._dense_docs: list[tuple[str, str]] = []
        self._dense_matrix: Any = None
        self.last_report: IndexReport | None = None

    def _library(self) -> PlaybookLibrary:
        if self._fixed_library is not None:
            return self._fixed_library
        from drafter.playbooks import PlaybookLibrary

        return PlaybookLibrary.load(self.settings)

    def _embedder(self) -> Embeddings:
        if self._embeddings is None:
            from drafter.embeddings import MiniLMEmbeddings, make_embeddings

            embeddings = make_embeddings(self.settings)
            if isinstance(embeddings, MiniLMEmbeddings):
                embeddings.encoder.start_loading()  # overlaps whatever the caller does next
            self._embeddings = embeddings
        return self._embeddings

    def _open(self) -> PlaybookIndex:
        if self._index is None:
            embeddings = self._embedder()
            from drafter.index import PlaybookIndex

            self._index = PlaybookIndex(self.settings, embeddings)
        return self._index

    def ensure_index(self, progress: Callable[[int, int], None] | None = None) -> IndexReport:
        """Bring the index in line with the playbooks (re-embeds only changed entries).

        Always opens Chroma. When the stored entries' hashes (metadata only) match the
        snapshot and the playbook files are unchanged, nothing is parsed or read back: the
        saved vectors are reused.
        """
        from drafter.index import OUT_OF_SCOPE_ENTRY, IndexReport, indexed_entries

        with self._lock:
            index = self._open()
            fixed = self._fixed_library is not None
            files = playbook_files(self.settings) if not fixed else {}
            previous = None if fixed else self._load_snapshot()
            if (
                previous is not None
                and index.recovered_from is None
                and previous[0].collection == index.name
                and previous[0].files == files
                and index.indexed_hashes() == previous[0].entries
            ):
                snapshot, matrix = previous
                report = IndexReport(collection=index.name, documents=snapshot.documents)
                self._use_lexical(snapshot.lexical, snapshot.dense, matrix, self._saved_lexical())
                self._save_snapshot(snapshot, matrix)  # records the store as it is now
                self.last_report = report
                return report
            library = self._library()
            negatives = load_negatives()
            report = index.sync(library.loaded, progress, negatives)
            entries = indexed_entries(library.loaded).values()
            docs = [
                (e.entry.scenario, e.entry.id, text)
                for e in entries
                for text in lexical_texts(e.entry)
            ]
            docs += [(OUT_OF_SCOPE, OUT_OF_SCOPE_ENTRY, text) for text in negatives]
            if (
                previous is not None
                and not report.changed
                and not report.rebuilt
                and previous[0].collection == index.name
                and previous[0].entries == index.synced
            ):
                dense, matrix = previous[0].dense, previous[1]  # same vectors as stored
            else:
                dense, matrix = index.vectors()
            self._use_lexical(docs, dense, matrix)
            self.last_report = report
            if not fixed:
                snapshot = Snapshot(
                    collection=index.name,
                    files=files,
                    store=None,
                    entries=index.synced,
                    documents=report.documents,
                    dense=dense,
                    lexical=docs,
                )
                self._save_snapshot(snapshot, matrix)
            return report

    def _use_lexical(
        self,
        docs: list[tuple[str, str, str]],
        dense: list[tuple[str, str]],
        matrix: Any,
        fitted: CharNgramTfidf | None = None,
    ) -> None:
        from drafter.lexical import CharNgramTfidf

        if fitted is None or fitted.size != len(docs):
            fitted = CharNgramTfidf([text for _, _, text in docs])
        self._lexical = fitted
        self._lexical_docs = [(scenario, entry_id) for scenario, entry_id, _ in docs]
        self._dense_docs, self._dense_matrix = dense, matrix

    def _snapshot_path(self) -> Path:
        from drafter.embeddings import embedder_id

        key = (
            f"{embedder_id(self.settings)}|{self.settings.collection_prefix}|"
            f"{self.settings.chroma_url}|{self.settings.cache_dir}"
        )
        digest = hashlib.sha256(key.encode()).hexdigest()[:12]
        return self.settings.cache_dir / f"retrieval-snapshot-{digest}.json"

    def _save_snapshot(self, snapshot: Snapshot, matrix: Any) -> None:
        save_snapshot(self._snapshot_path(), snapshot, matrix, self._lexical, self.settings)

    def _load_snapshot(self) -> tuple[Snapshot, Any] | None:
        return load_snapshot(self._snapshot_path())

    def _resume(self) -> bool:
        """Start from the last sync's snapshot if neither the playbooks nor the store changed.

        Locally this imports no chromadb at all. With a Chroma server the stored hashes are
        compared first (one metadata read), since another process may have changed it.
        """
        if self._fixed_library is not None:
            return False
        self._embedder()  # the model loads in a thread while the snapshot is checked
        loaded = self._load_snapshot()
        if loaded is None:
            return False
        snapshot, matrix = loaded
        if snapshot.files != playbook_files(self.settings):
            return False
        if self.settings.chroma_url:
            index = self._open()
            if index.name != snapshot.collection or index.indexed_hashes() != snapshot.entries:
                return False
        elif snapshot.store is None or snapshot.store != store_stat(self.settings):
            return False
        self._use_lexical(snapshot.lexical, snapshot.dense, matrix, self._saved_lexical())
        return True

    def _saved_lexical(self) -> CharNgramTfidf | None:
        """The lexical model saved with the snapshot; refitting (~0.5 s) is the fallback."""
        from drafter.lexical import CharNgramTfidf

        try:
            return CharNgramTfidf.load(self._snapshot_path().with_suffix(".lexical.npz"))
        except (OSError, ValueError):
            return None

    def evidence(self, message: str) -> Evidence:
        """Both channels' per-scenario similarities for one message."""
        with self._lock:
            if self._lexical is None and not self._resume():
                self.ensure_index()
            assert self._lexical is not None
            embeddings, lexical = self._embedder(), self._lexical
        text = message[:MAX_CHARS]
        evidence = Evidence()
        if not self._lexical_docs or not text.strip():
            return evidence
        reliability = getattr(embeddings, "reliability", None)
        if reliability is not None:
            evidence.dense_weight = ramp(reliability(text), *COVERAGE)
        import numpy as np

        vector = np.asarray(embeddings.embed_query(text), dtype=np.float32)
        if len(self._dense_docs):
            sims = self._dense_matrix @ vector
            for (scenario, entry_id), sim in zip(self._dense_docs, sims.tolist(), strict=True):
                collect_hit(evidence.dense, scenario, sim, entry_id)
        for (scenario, entry_id), sim in zip(self._lexical_docs, lexical.scores(text), strict=True):
            collect_hit(evidence.lexical, scenario, sim, entry_id)
        keep_nearest(evidence.dense)
        keep_nearest(evidence.lexical)
        return evidence

    def search(self, message: str, k: int = 3, *, mode: Mode = "fused") -> SearchResult:
        return decide(self.evidence(message), k, self.settings.abstain_below, mode)


_default: Retriever | None = None
_default_lock = threading.Lock()


def default_retriever() -> Retriever:
    global _default
    with _default_lock:
        if _default is None:
            _default = Retriever(Settings())
        return _default


def search(message: str, k: int = 3) -> SearchResult:
    """Search with a process-wide retriever built from the current settings."""
    return default_retriever().search(message, k)
