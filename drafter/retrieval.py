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
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from drafter.settings import Settings

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from drafter.index import IndexReport, PlaybookIndex
    from drafter.lexical import CharNgramTfidf
    from drafter.playbooks import PlaybookLibrary
    from drafter.playbooks.models import Entry

Mode = Literal["fused", "dense", "lexical"]

MAX_CHARS = 4000
# Nearest examples kept per scenario and channel; a scenario's channel score blends its best
# example with the mean of its TOP_M best, so one lucky example counts less than several
# agreeing ones and more examples per scenario make the score steadier.
TOP_N = 5
TOP_M = 5
BLEND = 0.6
WEIGHTS: dict[str, float] = {"dense": 1.0, "lexical": 1.0}
# Similarities mapped linearly onto [0, 1] between "unrelated" and "clearly this scenario";
# measured on the dev set by benchmarks/retrieval_quality.py.
CALIBRATION: dict[str, tuple[float, float]] = {"dense": (0.35, 0.70), "lexical": (0.0, 0.30)}
# Vocabulary coverage below LOW means "not English": the dense vote is dropped; above HIGH it
# counts in full.
COVERAGE: tuple[float, float] = (0.5, 0.8)
# How far the best scenario must lead the out-of-scope examples to keep its full confidence;
# a tie or a lead for the negatives means zero confidence, so such a message always abstains.
OUT_OF_SCOPE_MARGIN = 0.1
OUT_OF_SCOPE = "__out_of_scope__"  # same value as drafter.index.OUT_OF_SCOPE (no chromadb here)

Hits = dict[str, list[tuple[float, str]]]


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
    """Per scenario and channel, the nearest examples best first: (similarity, entry id).

    The out-of-scope negatives appear as the pseudo-scenario ``OUT_OF_SCOPE``.
    """

    dense: Hits = field(default_factory=dict)
    lexical: Hits = field(default_factory=dict)
    # How far the dense channel is trusted for this message (MiniLM is English-only).
    dense_weight: float = 1.0

    def channel(self, name: str) -> Hits:
        return self.dense if name == "dense" else self.lexical


def _ramp(value: float, low: float, high: float) -> float:
    return min(1.0, max(0.0, (value - low) / (high - low)))


def _collect(into: Hits, scenario: str, sim: float, entry: str) -> None:
    into.setdefault(scenario, []).append((sim, entry))


def _finish(hits: Hits) -> None:
    for found in hits.values():
        found.sort(key=lambda h: -h[0])
        del found[TOP_N:]


def channel_score(hits: list[tuple[float, str]], channel: str) -> float:
    """Calibrated support of one scenario from one channel's nearest examples."""
    if not hits:
        return 0.0
    sims = [h[0] for h in hits[:TOP_M]]
    raw = (1.0 - BLEND) * sims[0] + BLEND * sum(sims) / len(sims)
    return _ramp(raw, *CALIBRATION[channel])


def decide(evidence: Evidence, k: int, threshold: float, mode: Mode = "fused") -> SearchResult:
    """Score every scenario (and the out-of-scope class), then decide whether to answer.

    Scores are a weighted mean of the calibrated channels: measured on the dev set this beats
    reciprocal-rank fusion, because rank throws away how close the best example really is,
    which is exactly what abstention needs.
    """
    channels = ["dense", "lexical"] if mode == "fused" else [mode]
    weights = {
        n: WEIGHTS[n] * (evidence.dense_weight if n == "dense" and mode == "fused" else 1.0)
        for n in channels
    }
    total = sum(weights.values())
    if total <= 0.0:
        channels, weights, total = ["lexical"], {"lexical": 1.0}, 1.0
    scenarios = {s for n in channels for s in evidence.channel(n)}
    fused: dict[str, float] = {}
    entry: dict[str, str] = {}
    for scenario in scenarios:
        best_support = -1.0
        value = 0.0
        for name in channels:
            hits = evidence.channel(name).get(scenario, [])
            support = channel_score(hits, name)
            value += weights[name] * support
            if hits and weights[name] * support > best_support:
                best_support, entry[scenario] = weights[name] * support, hits[0][1]
        fused[scenario] = value / total
    negative = fused.pop(OUT_OF_SCOPE, None)
    order = sorted(fused, key=lambda s: (-fused[s], s))
    matches = [
        Match(scenario=s, entry_id=entry[s], score=round(min(1.0, fused[s]), 4)) for s in order[:k]
    ]
    if not order:
        return SearchResult(best=None, confidence=0.0, matches=[])
    top = fused[order[0]]
    confidence = top
    if negative is not None:
        lead = top - negative
        confidence = top * _ramp(lead, 0.0, OUT_OF_SCOPE_MARGIN)
    confidence = min(1.0, max(0.0, confidence))
    best = order[0] if confidence >= threshold and confidence > 0.0 else None
    return SearchResult(best=best, confidence=round(confidence, 4), matches=matches)


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


def negatives_file() -> Path:
    """The bundled out-of-scope examples (spam, small talk, poems, orders aimed at the model)."""
    return Path(__file__).resolve().parent / "data" / "out_of_scope.yaml"


def load_negatives(path: Path | None = None) -> list[str]:
    """Out-of-scope examples, or none when the file is missing or unreadable.

    Negatives only sharpen abstention; a broken file must not stop retrieval, so it is
    skipped with a warning rather than raised.
    """
    import warnings

    import yaml

    path = path or negatives_file()
    if not path.is_file():
        return []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        examples = data["examples"] if isinstance(data, dict) else None
        if not isinstance(examples, list):
            raise ValueError("expected a mapping with an 'examples' list")
    except (OSError, ValueError, KeyError, yaml.YAMLError) as exc:
        warnings.warn(f"ignoring out-of-scope examples in {path}: {exc}", stacklevel=2)
        return []
    return [str(e).strip() for e in examples if str(e).strip()]


def _store_stat(settings: Settings) -> tuple[int, int] | None:
    """(mtime, size) of the local store's sqlite file; None when absent or on a server."""
    if settings.chroma_url:
        return None
    try:
        stat = (settings.cache_dir / "chroma" / "chroma.sqlite3").stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def _playbook_files(settings: Settings) -> dict[str, tuple[int, int]]:
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
            files = _playbook_files(self.settings) if not fixed else {}
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
        """Each file is written aside and renamed, so a concurrent reader never sees half."""
        import os

        import numpy as np

        path = self._snapshot_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        snapshot = snapshot.model_copy(update={"store": _store_stat(self.settings)})
        aside = f".tmp-{os.getpid()}-{threading.get_ident()}"

        def replace(target: Path, write: Callable[[Path], object]) -> None:
            temporary = target.with_name(target.name + aside)
            write(temporary)
            os.replace(temporary, target)

        def save_matrix(target: Path) -> None:
            with target.open("wb") as fh:
                np.save(fh, matrix)

        replace(path.with_suffix(".npy"), save_matrix)
        if self._lexical is not None:
            replace(path.with_suffix(".lexical.npz"), self._lexical.save)
        replace(path, lambda t: t.write_text(snapshot.model_dump_json(), encoding="utf-8"))

    def _load_snapshot(self) -> tuple[Snapshot, Any] | None:
        """The saved snapshot and vectors, or None when missing, unreadable or inconsistent."""
        import numpy as np

        path = self._snapshot_path()
        try:
            snapshot = Snapshot.model_validate_json(path.read_bytes())
            matrix = np.load(path.with_suffix(".npy"), allow_pickle=False)
        except (OSError, ValueError, EOFError):
            return None
        if matrix.ndim != 2 or matrix.shape[0] != len(snapshot.dense):
            return None
        return snapshot, matrix

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
        if snapshot.files != _playbook_files(self.settings):
            return False
        if self.settings.chroma_url:
            index = self._open()
            if index.name != snapshot.collection or index.indexed_hashes() != snapshot.entries:
                return False
        elif snapshot.store is None or snapshot.store != _store_stat(self.settings):
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
            evidence.dense_weight = _ramp(reliability(text), *COVERAGE)
        import numpy as np

        vector = np.asarray(embeddings.embed_query(text), dtype=np.float32)
        if len(self._dense_docs):
            sims = self._dense_matrix @ vector
            for (scenario, entry_id), sim in zip(self._dense_docs, sims.tolist(), strict=True):
                _collect(evidence.dense, scenario, sim, entry_id)
        for (scenario, entry_id), sim in zip(self._lexical_docs, lexical.scores(text), strict=True):
            _collect(evidence.lexical, scenario, sim, entry_id)
        _finish(evidence.dense)
        _finish(evidence.lexical)
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
