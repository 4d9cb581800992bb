"""The Chroma index of incoming-scenario entries, kept in step with the playbook library.

Each entry becomes one document per example plus its title, tagged with the entry's content
hash; syncing compares hashes so editing one playbook re-embeds only that entry. The
collection name carries the schema version and the embedder, so vectors of another model
are never mixed in: switching embedder simply opens (or builds) another collection.
chromadb is imported here and nowhere on the CLI's start-up path before a search needs it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import chromadb
from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.api.types import Embeddings as ChromaEmbeddings
from chromadb.utils.embedding_functions import register_embedding_function
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, ConfigDict, Field

from drafter.catalog import INCOMING_SCENARIOS
from drafter.embeddings import embedder_id, make_embeddings
from drafter.playbooks.loader import LoadedEntry
from drafter.settings import Settings

# Bump when the document layout or metadata changes: old collections are then left alone.
SCHEMA_VERSION = 1
# Documents embedded per progress step: the texts are sorted by length across the whole
# sync first, so chunking here costs no extra padding. Chroma gets them in one add per
# client batch limit (thousands), since each add is a sqlite transaction.
_EMBED_CHUNK = 128
# The pseudo-scenario of the negative examples (spam, small talk, requests aimed at the
# model): a message nearest to them abstains. Never a catalog id, never in ``matches``.
OUT_OF_SCOPE = "__out_of_scope__"
OUT_OF_SCOPE_ENTRY = "out_of_scope"

Progress = Callable[[int, int], None]


class IndexReport(BaseModel):
    """What a sync changed; ``rebuilt`` says the collection started empty."""

    model_config = ConfigDict(extra="forbid")

    collection: str
    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    rebuilt: bool = False
    reason: str | None = None
    documents: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


class IndexRebuiltWarning(UserWarning):
    """The local store could not be read and was rebuilt from the playbooks."""


class IndexUnavailableError(RuntimeError):
    """A configured Chroma server cannot be used (drafter never deletes a server's data)."""


@register_embedding_function
class DrafterEmbeddingFunction(EmbeddingFunction[Documents]):
    """drafter's embedder as seen by chromadb, so the collection's saved config names it.

    The config holds only the embedder id (no file paths): any machine with drafter
    installed rebuilds the same function from it.
    """

    def __init__(self, embeddings: Embeddings | None = None, embedder: str | None = None):
        self._embeddings = embeddings
        self._embedder = embedder or embedder_id(Settings())

    def __call__(self, input: Documents) -> ChromaEmbeddings:
        import numpy as np

        if self._embeddings is None:  # built from a saved config: load the model on first use
            settings = Settings()
            if self._embedder.startswith("openai-"):
                settings = settings.model_copy(
                    update={
                        "embeddings": "openai",
                        "openai_embeddings_model": self._embedder.removeprefix("openai-"),
                    }
                )
            self._embeddings = make_embeddings(settings)
        vectors = self._embeddings.embed_documents(list(input))
        return [np.asarray(v, dtype=np.float32) for v in vectors]

    @staticmethod
    def name() -> str:
        return "drafter"

    def default_space(self) -> Any:
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self._embedder}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> DrafterEmbeddingFunction:
        return DrafterEmbeddingFunction(None, str(config["embedder"]))


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    entry_id: str
    scenario: str


def entry_documents(item: LoadedEntry) -> list[Document]:
    """The texts that stand for an entry: its title and every customer example."""
    entry = item.entry
    texts = [entry.title, *entry.examples]
    return [Document(f"{entry.id}#{i}", t, entry.id, entry.scenario) for i, t in enumerate(texts)]


def negative_documents(texts: Sequence[str]) -> list[Document]:
    """The out-of-scope examples as one pseudo-entry, so they sync like any playbook entry."""
    return [
        Document(f"{OUT_OF_SCOPE_ENTRY}#{i}", t, OUT_OF_SCOPE_ENTRY, OUT_OF_SCOPE)
        for i, t in enumerate(texts)
    ]


def negatives_hash(texts: Sequence[str]) -> str:
    return hashlib.sha256("\x1f".join(texts).encode()).hexdigest()[:16]


def indexed_entries(loaded: dict[str, LoadedEntry]) -> dict[str, LoadedEntry]:
    """Only incoming scenarios are retrieved; agent-initiated replies are chosen by id."""
    return {k: v for k, v in sorted(loaded.items()) if v.entry.scenario in INCOMING_SCENARIOS}


def collection_name(settings: Settings) -> str:
    raw = f"{settings.collection_prefix}-s{SCHEMA_VERSION}-{embedder_id(settings)}"
    return re.sub(r"[^A-Za-z0-9._-]", "-", raw)[:200]


def store_path(settings: Settings) -> Path:
    return settings.cache_dir / "chroma"


def _client(settings: Settings) -> Any:
    chroma_settings = chromadb.Settings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlsplit(settings.chroma_url)
        ssl = url.scheme == "https"
        return chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or (443 if ssl else 8000),
            ssl=ssl,
            settings=chroma_settings,
        )
    path = store_path(settings)
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class PlaybookIndex:
    """One Chroma collection for one embedder; ``sync`` brings it in line with the library."""

    def __init__(self, settings: Settings, embeddings: Embeddings):
        self.settings = settings
        self.embeddings = embeddings
        self.name = collection_name(settings)
        self._recovered_from: str | None = None
        self._max_batch = 1000
        # entry id -> (content hash, documents) as of the last sync, for callers that cache.
        self.synced: dict[str, tuple[str, int]] = {}
        self.collection = self._open()

    @property
    def recovered_from(self) -> str | None:
        """Why the local store was rebuilt on open, if it was."""
        return self._recovered_from

    def _open(self) -> Any:
        try:
            return self._open_once()
        except Exception as exc:
            if self.settings.chroma_url:
                raise IndexUnavailableError(
                    f"Chroma server {self.settings.chroma_url} failed: {exc}"
                ) from exc
            path = store_path(self.settings)
            reason = f"Chroma store at {path} was unreadable ({type(exc).__name__}: {exc})"
            warnings.warn(f"{reason}; rebuilding it", IndexRebuiltWarning, stacklevel=3)
            self._recovered_from = reason
            from chromadb.api.shared_system_client import SharedSystemClient

            SharedSystemClient.clear_system_cache()
            shutil.rmtree(path, ignore_errors=True)
            return self._open_once()

    def _open_once(self) -> Any:
        client = _client(self.settings)
        self._max_batch = int(client.get_max_batch_size())
        embedder = embedder_id(self.settings)
        collection = client.get_or_create_collection(
            self.name,
            embedding_function=DrafterEmbeddingFunction(self.embeddings, embedder),
            metadata={"schema_version": SCHEMA_VERSION, "embedder": embedder},
            configuration={"hnsw": {"space": "cosine"}},
        )
        collection.count()  # touches the segment files, so corruption shows here
        return collection

    def indexed_hashes(self) -> dict[str, tuple[str, int]]:
        """entry id -> (content hash, number of documents) as stored in the collection."""
        got = self.collection.get(include=["metadatas"])
        hashes: dict[str, set[str]] = {}
        for meta in got["metadatas"] or []:
            hashes.setdefault(str(meta["entry_id"]), set()).add(str(meta["content_hash"]))
        counts = Counter(str(m["entry_id"]) for m in got["metadatas"] or [])
        # Mixed hashes mean an interrupted sync: "" never equals a real hash, so it re-embeds.
        return {e: (next(iter(h)) if len(h) == 1 else "", counts[e]) for e, h in hashes.items()}

    def sync(
        self,
        loaded: dict[str, LoadedEntry],
        progress: Progress | None = None,
        negatives: Sequence[str] = (),
    ) -> IndexReport:
        """Embed what is new or changed, delete what is gone; a no-op costs one metadata read.

        ``negatives`` (out-of-scope examples) are kept as one more entry with its own hash.
        """
        wanted: dict[str, tuple[str, list[Document]]] = {
            i: (item.content_hash, entry_documents(item))
            for i, item in indexed_entries(loaded).items()
        }
        if negatives:
            wanted[OUT_OF_SCOPE_ENTRY] = (negatives_hash(negatives), negative_documents(negatives))
        have = self.indexed_hashes()
        added = [i for i in wanted if i not in have]
        updated = [i for i in wanted if i in have and have[i] != (wanted[i][0], len(wanted[i][1]))]
        removed = sorted(i for i in have if i not in wanted)
        report = IndexReport(
            collection=self.name,
            added=added,
            updated=updated,
            removed=removed,
            rebuilt=not have,
            reason=self._recovered_from or ("new index" if not have else None),
        )
        stale = updated + removed
        if stale:
            self.collection.delete(where={"entry_id": {"$in": stale}})
        docs = [d for i in added + updated for d in wanted[i][1]]
        vectors = self._embed(docs, progress)
        limit = max(1, self._max_batch)
        for start in range(0, len(docs), limit):
            batch = docs[start : start + limit]
            self.collection.add(
                ids=[d.id for d in batch],
                documents=[d.text for d in batch],
                embeddings=vectors[start : start + limit],
                metadatas=[
                    {
                        "entry_id": d.entry_id,
                        "scenario": d.scenario,
                        "content_hash": wanted[d.entry_id][0],
                    }
                    for d in batch
                ],
            )
        if progress is not None and not docs:
            progress(0, 0)
        self.synced = {i: (h, len(d)) for i, (h, d) in wanted.items()}
        report.documents = self.collection.count()
        return report

    def _embed(self, docs: list[Document], progress: Progress | None) -> list[list[float]]:
        """Vectors in ``docs`` order; each distinct text is embedded once, shortest first."""
        unique = sorted({d.text for d in docs}, key=len)
        found: dict[str, list[float]] = {}
        for start in range(0, len(unique), _EMBED_CHUNK):
            chunk = unique[start : start + _EMBED_CHUNK]
            found.update(zip(chunk, self.embeddings.embed_documents(chunk), strict=True))
            if progress is not None:
                done = sum(1 for d in docs if d.text in found)
                progress(done, len(docs))
        return [found[d.text] for d in docs]

    def vectors(self) -> tuple[list[tuple[str, str]], Any]:
        """Every stored (scenario, entry id) with its vector, as one float32 matrix.

        A query needs the similarity to every example anyway (per-scenario voting), so an
        in-memory matrix product replaces an n-results-equals-everything Chroma query.
        """
        import numpy as np

        got = self.collection.get(include=["metadatas", "embeddings"])
        metas = got["metadatas"] or []
        labels = [(str(m["scenario"]), str(m["entry_id"])) for m in metas]
        embeddings = got["embeddings"]
        matrix = np.asarray(embeddings if embeddings is not None else [], dtype=np.float32)
        return labels, matrix.reshape(len(labels), -1)

    def query(self, vector: list[float], n: int) -> list[tuple[str, str, float]]:
        """(entry id, scenario, cosine similarity) of the ``n`` nearest documents."""
        total = self.collection.count()
        if total == 0:
            return []
        got = self.collection.query(
            query_embeddings=[vector], n_results=min(n, total), include=["metadatas", "distances"]
        )
        metas = (got["metadatas"] or [[]])[0]
        dists = (got["distances"] or [[]])[0]
        return [
            (str(m["entry_id"]), str(m["scenario"]), 1.0 - float(d))
            for m, d in zip(metas, dists, strict=True)
        ]
