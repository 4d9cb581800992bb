"""Find the scenario an incoming customer message is about, or abstain.

Two channels vote: MiniLM vectors from Chroma (strong on English paraphrase) and character
n-gram TF-IDF over the same examples (the only signal for Hungarian or Armenian, and robust
to typos). Rankings are fused by reciprocal rank so neither channel's raw score scale
dominates; whether to answer at all is a separate, calibrated decision because rank alone
cannot tell "the best of bad options" from a real match.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from drafter.playbooks.models import Entry, RecoveryText
from drafter.settings import Settings

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from drafter.index import IndexReport, PlaybookIndex
    from drafter.lexical import CharNgramTfidf
    from drafter.playbooks import PlaybookLibrary

Mode = Literal["fused", "dense", "lexical"]

MAX_CHARS = 4000
RRF_K = 10
WEIGHTS: dict[str, float] = {"dense": 1.0, "lexical": 1.0}
# Similarities mapped linearly onto [0, 1] between "unrelated" and "clearly this scenario";
# measured on the dev set by benchmarks/retrieval_quality.py.
CALIBRATION: dict[str, tuple[float, float]] = {"dense": (0.35, 0.70), "lexical": (0.05, 0.45)}
# Vocabulary coverage below LOW means "not English": the dense vote is dropped; above HIGH it
# counts in full.
COVERAGE: tuple[float, float] = (0.5, 0.8)


class Match(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scenario: str
    entry_id: str
    score: float = Field(ge=0.0, le=1.0)


class SearchResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    best: str | None
    confidence: float = Field(ge=0.0, le=1.0)
    matches: list[Match]


@dataclass
class Evidence:
    """Per-scenario best similarity and entry for each channel (what fusion works from)."""

    dense: dict[str, tuple[float, str]] = field(default_factory=dict)
    lexical: dict[str, tuple[float, str]] = field(default_factory=dict)
    # How far the dense channel is trusted for this message (MiniLM is English-only).
    dense_weight: float = 1.0

    def channel(self, name: str) -> dict[str, tuple[float, str]]:
        return self.dense if name == "dense" else self.lexical


def _ramp(value: float, low: float, high: float) -> float:
    return min(1.0, max(0.0, (value - low) / (high - low)))


def _calibrated(channel: str, similarity: float) -> float:
    return _ramp(similarity, *CALIBRATION[channel])


def _keep_best(into: dict[str, tuple[float, str]], scenario: str, sim: float, entry: str) -> None:
    if scenario not in into or sim > into[scenario][0]:
        into[scenario] = (sim, entry)


def decide(evidence: Evidence, k: int, threshold: float, mode: Mode = "fused") -> SearchResult:
    """Rank scenarios and decide whether the best one is good enough to answer."""
    channels = ["dense", "lexical"] if mode == "fused" else [mode]
    weights = {
        n: WEIGHTS[n] * (evidence.dense_weight if n == "dense" and mode == "fused" else 1.0)
        for n in channels
    }
    if mode == "fused" and weights["dense"] == 0.0:
        channels = ["lexical"]
    fused: dict[str, float] = {}
    for name in channels:
        ranked = sorted(evidence.channel(name).items(), key=lambda kv: -kv[1][0])
        for rank, (scenario, _) in enumerate(ranked, start=1):
            fused[scenario] = fused.get(scenario, 0.0) + weights[name] / (RRF_K + rank)
    top = sum(weights[n] for n in channels) / (RRF_K + 1) or 1.0

    def support(scenario: str) -> tuple[float, str]:
        """The strongest calibrated channel for this scenario, and that channel's entry."""
        best = (0.0, "")
        for name in channels:
            got = evidence.channel(name).get(scenario)
            if got is None:
                continue
            value = _calibrated(name, got[0]) * (weights[name] if mode == "fused" else 1.0)
            if not best[1] or value > best[0]:
                best = (value, got[1])
        return best

    supports = {s: support(s) for s in fused}
    order = sorted(fused, key=lambda s: (-fused[s], -supports[s][0], s))
    matches = [
        Match(scenario=s, entry_id=supports[s][1], score=round(fused[s] / top, 4))
        for s in order[:k]
    ]
    confidence = supports[order[0]][0] if order else 0.0
    best = order[0] if order and confidence >= threshold else None
    return SearchResult(best=best, confidence=round(confidence, 4), matches=matches)


def lexical_texts(entry: Entry) -> list[str]:
    """Texts the lexical channel matches against: examples, title and the acknowledge step.

    The acknowledge step restates the customer's problem in every language the entry is
    written in, which gives Hungarian and Armenian messages far more vocabulary to meet
    than the three or four foreign examples alone.
    """
    texts = [entry.title, *entry.examples]
    for variant in entry.variants.values():
        if isinstance(variant, RecoveryText):
            texts += [variant.chat.acknowledge, variant.email.acknowledge]
        else:
            texts.append(variant.chat)
    return texts


class Snapshot(BaseModel):
    """What the last sync saw, so a new process can skip parsing YAML when nothing changed.

    Keyed by the playbook files' mtime and size; the collection's document count guards
    against a store that was deleted or rebuilt behind our back.
    """

    model_config = ConfigDict(extra="forbid")

    collection: str
    files: dict[str, tuple[int, int]]
    documents: int
    dense_documents: int
    lexical: list[tuple[str, str, str]]


def _playbook_files(settings: Settings) -> dict[str, tuple[int, int]]:
    from drafter.playbooks.library import library_folders
    from drafter.playbooks.loader import iter_playbook_files

    files: dict[str, tuple[int, int]] = {}
    for group in library_folders(settings):
        for path in iter_playbook_files([p for p in group if p.exists()]):
            stat = path.stat()
            files[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return files


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
        self._dense_docs = 0
        self.last_report: IndexReport | None = None

    def _library(self) -> PlaybookLibrary:
        if self._fixed_library is not None:
            return self._fixed_library
        from drafter.playbooks import PlaybookLibrary

        return PlaybookLibrary.load(self.settings)

    def _open(self) -> PlaybookIndex:
        if self._index is None:
            from drafter.embeddings import MiniLMEmbeddings, make_embeddings

            embeddings = make_embeddings(self.settings)
            if isinstance(embeddings, MiniLMEmbeddings):
                embeddings.encoder.start_loading()  # overlaps the chromadb import below
            from drafter.index import PlaybookIndex

            self._embeddings = embeddings
            self._index = PlaybookIndex(self.settings, embeddings)
        return self._index

    def ensure_index(self, progress: Callable[[int, int], None] | None = None) -> IndexReport:
        """Bring the index in line with the playbooks (re-embeds only changed entries)."""
        from drafter.index import entry_documents, indexed_entries

        with self._lock:
            index = self._open()
            files = _playbook_files(self.settings) if self._fixed_library is None else {}
            library = self._library()
            report = index.sync(library.loaded, progress)
            entries = indexed_entries(library.loaded).values()
            docs = [
                (e.entry.scenario, e.entry.id, text)
                for e in entries
                for text in lexical_texts(e.entry)
            ]
            self._use_lexical(docs, sum(len(entry_documents(e)) for e in entries))
            self.last_report = report
            if self._fixed_library is None:
                snapshot = Snapshot(
                    collection=index.name,
                    files=files,
                    documents=report.documents,
                    dense_documents=self._dense_docs,
                    lexical=docs,
                )
                path = self._snapshot_path()
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(snapshot.model_dump_json(), encoding="utf-8")
            return report

    def _use_lexical(self, docs: list[tuple[str, str, str]], dense_documents: int) -> None:
        from drafter.lexical import CharNgramTfidf

        self._lexical = CharNgramTfidf([text for _, _, text in docs])
        self._lexical_docs = [(scenario, entry_id) for scenario, entry_id, _ in docs]
        self._dense_docs = dense_documents

    def _snapshot_path(self) -> Path:
        from drafter.embeddings import embedder_id

        key = f"{embedder_id(self.settings)}|{self.settings.chroma_url}|{self.settings.cache_dir}"
        digest = hashlib.sha256(key.encode()).hexdigest()[:12]
        return self.settings.cache_dir / f"retrieval-snapshot-{digest}.json"

    def _resume(self) -> bool:
        """Start from the last sync's snapshot if the playbook files have not changed."""
        if self._fixed_library is not None:
            return False
        try:
            snapshot = Snapshot.model_validate_json(self._snapshot_path().read_bytes())
        except (OSError, ValueError):
            return False
        if snapshot.files != _playbook_files(self.settings):
            return False
        index = self._open()
        if index.name != snapshot.collection or index.collection.count() != snapshot.documents:
            return False
        self._use_lexical(snapshot.lexical, snapshot.dense_documents)
        return True

    def evidence(self, message: str) -> Evidence:
        """Both channels' per-scenario similarities for one message."""
        with self._lock:
            if self._lexical is None and not self._resume():
                self.ensure_index()
            assert self._index is not None and self._embeddings is not None
            assert self._lexical is not None
            index, embeddings, lexical = self._index, self._embeddings, self._lexical
        text = message[:MAX_CHARS]
        evidence = Evidence()
        if not self._lexical_docs or not text.strip():
            return evidence
        reliability = getattr(embeddings, "reliability", None)
        if reliability is not None:
            evidence.dense_weight = _ramp(reliability(text), *COVERAGE)
        vector = embeddings.embed_query(text)
        for entry_id, scenario, sim in index.query(vector, self._dense_docs):
            _keep_best(evidence.dense, scenario, sim, entry_id)
        for (scenario, entry_id), sim in zip(self._lexical_docs, lexical.scores(text), strict=True):
            _keep_best(evidence.lexical, scenario, sim, entry_id)
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
