"""Character n-gram TF-IDF: the lexical channel that carries Hungarian, Armenian and the rest.

MiniLM is English-only, so a Hungarian complaint lands near nothing in particular; its
character n-grams ("csomag", "futár", "պատվեր") still match the playbook examples written in
that language, typos and inflections included. Written here rather than taken from
scikit-learn (2.4 s to import) or bm25s (0.5 s, pulls scipy) because the whole fit over a few
hundred examples takes milliseconds and the cold ``drafter search`` budget is 2.5 s.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

NGRAM_RANGE = (2, 5)
MAX_CHARS = 4000
_WORD = re.compile(r"\w+", re.UNICODE)
_DIGITS = re.compile(r"\d+")


def normalise(text: str) -> str:
    """Fold case and compatibility forms; all numbers look alike (order ids carry no topic)."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).casefold()
    return _DIGITS.sub("0", text)


def ngrams(text: str, low: int = NGRAM_RANGE[0], high: int = NGRAM_RANGE[1]) -> Counter[str]:
    """Character n-grams inside word boundaries (each word padded by one space each side)."""
    counts: Counter[str] = Counter()
    for word in _WORD.findall(normalise(text)):
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) < n:
                break
            counts.update(padded[i : i + n] for i in range(len(padded) - n + 1))
    return counts


class CharNgramTfidf:
    """Sublinear TF, smoothed IDF, L2-normalised vectors; scores are cosine similarities.

    Postings are numpy arrays per n-gram, so a query is one gather and one ``bincount``.
    """

    def __init__(self, documents: Sequence[str]):
        import numpy as np

        counted = [ngrams(doc) for doc in documents]
        df: Counter[str] = Counter()
        for counts in counted:
            df.update(counts.keys())
        total = len(counted)
        self.idf = {g: math.log((1 + total) / (1 + d)) + 1.0 for g, d in df.items()}
        # An n-gram no document has still lengthens the query vector: a long message that
        # shares a few common n-grams with an example must not score like a close paraphrase.
        self.unseen_idf = math.log(1 + total) + 1.0
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for i, counts in enumerate(counted):
            for gram, weight in self._vector(counts).items():
                docs, weights = postings.setdefault(gram, ([], []))
                docs.append(i)
                weights.append(weight)
        self.postings = {
            g: (np.array(d, dtype=np.int32), np.array(w, dtype=np.float64))
            for g, (d, w) in postings.items()
        }
        self.size = total

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        raw = {g: (1.0 + math.log(c)) * self.idf.get(g, self.unseen_idf) for g, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
        return {g: w / norm for g, w in raw.items()}

    def scores(self, query: str) -> list[float]:
        """Cosine similarity of the query to every document, in document order."""
        import numpy as np

        docs: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        for gram, q_weight in self._vector(ngrams(query)).items():
            found = self.postings.get(gram)
            if found is not None:
                docs.append(found[0])
                weights.append(found[1] * q_weight)
        if not docs:
            return [0.0] * self.size
        summed = np.bincount(
            np.concatenate(docs), weights=np.concatenate(weights), minlength=self.size
        )
        return [float(x) for x in summed]
