"""The offline MiniLM embedder: vector shape and geometry, integrity check, long input."""

from __future__ import annotations

import numpy as np
import pytest

from drafter.embeddings import (
    DIMENSION,
    MiniLMEmbeddings,
    MiniLMEncoder,
    ModelIntegrityError,
    embedder_id,
)
from drafter.settings import Settings


@pytest.fixture(scope="module")
def embeddings() -> MiniLMEmbeddings:
    return MiniLMEmbeddings()


def test_vectors_have_model_dimension_and_unit_norm(embeddings: MiniLMEmbeddings) -> None:
    vectors = np.array(embeddings.embed_documents(["my parcel is late", "the app crashes", "hi"]))
    assert vectors.shape == (3, DIMENSION)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_similar_sentences_are_closer_than_unrelated(embeddings: MiniLMEmbeddings) -> None:
    late, late2, poem = (
        np.array(embeddings.embed_query(t))
        for t in (
            "My package still has not been delivered",
            "The parcel I ordered never arrived",
            "Write a poem about autumn leaves",
        )
    )
    assert late @ late2 > 0.5
    assert late @ late2 > late @ poem + 0.3


def test_batch_order_and_padding_do_not_change_vectors(embeddings: MiniLMEmbeddings) -> None:
    short = "refund please"
    long = "I was charged twice for the same order and I would like one of them refunded " * 3
    alone = np.array(embeddings.embed_query(short))
    batched = np.array(embeddings.embed_documents([long, short])[1])
    assert np.allclose(alone, batched, atol=1e-4)


def test_megabyte_message_is_truncated_not_rejected(embeddings: MiniLMEmbeddings) -> None:
    vector = np.array(embeddings.embed_query("where is my order " * 60_000))
    assert vector.shape == (DIMENSION,)
    assert np.isfinite(vector).all()


def test_wrong_model_hash_fails_clearly() -> None:
    encoder = MiniLMEncoder(expected_sha256="0" * 64)
    with pytest.raises(ModelIntegrityError, match="sha256"):
        encoder.encode(["hello"])


def test_background_load_reports_errors_in_caller() -> None:
    encoder = MiniLMEncoder(expected_sha256="f" * 64)
    encoder.start_loading()
    with pytest.raises(ModelIntegrityError):
        encoder.encode(["hello"])


def test_reliability_tells_english_from_other_languages(embeddings: MiniLMEmbeddings) -> None:
    english = embeddings.reliability("my order has not arrived yet, where is it")
    hungarian = embeddings.reliability("Még mindig nem érkezett meg a csomagom")
    armenian = embeddings.reliability("Պատվերս դեռ չի հասել")
    assert english > 0.8
    assert hungarian < 0.5
    assert armenian < 0.2


def test_embedder_id_differs_per_backend() -> None:
    assert embedder_id(Settings()) != embedder_id(Settings(embeddings="openai"))
    assert "/" not in embedder_id(Settings())
