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
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from drafter.salutation import strip_salutation

NGRAM_RANGE = (2, 5)
# Bump when normalise() or the weighting changes: a saved model of another version is refit.
FORMAT = 2
MAX_CHARS = 4000
_WORD = re.compile(r"\w+", re.UNICODE)
_DIGITS = re.compile(r"\d+")


def normalise(text: str) -> str:
    """Fold case, compatibility forms and accents; all numbers look alike.

    Hungarian customers often type without accents ("nem erkezett meg"): dropping the
    combining marks lets such a message meet the accented examples. Order ids carry no topic.
    """
    decomposed = unicodedata.normalize("NFKD", text[:MAX_CHARS].casefold())
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _DIGITS.sub("0", unicodedata.normalize("NFC", text))


def ngrams(
    text: str,
    low: int = NGRAM_RANGE[0],
    high: int = NGRAM_RANGE[1],
    *,
    salutation: bool = True,
) -> Counter[str]:
    """Character n-grams inside word boundaries (each word padded by one space each side).

    ``salutation=False`` leaves out an opening greeting unless it is all there is
    (``drafter.salutation``). Queries are read that way, documents are not: the greeting
    scenario's examples are nothing but salutations and must keep them.
    """
    counts: Counter[str] = Counter()
    folded = normalise(text)
    for word in _WORD.findall(folded if salutation else strip_salutation(folded)):
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) < n:
                break
            counts.update(padded[i : i + n] for i in range(len(padded) - n + 1))
    return counts


class CharNgramTfidf:
    """Sublinear TF, smoothed IDF, L2-normalised vectors; scores are cosine similarities.

    Postings are stored CSR-style (one array of documents and weights, sliced per n-gram), so
    a query is one gather and one ``bincount``, and the fitted model saves to and loads from
    one ``.npz`` in milliseconds: a cold ``drafter search`` need not refit it.
    """

    def __init__(self, documents: Sequence[str]):
        import numpy as np

        counted = [ngrams(doc) for doc in documents]
        df: Counter[str] = Counter()
        for counts in counted:
            df.update(counts.keys())
        total = len(counted)
        self.grams: dict[str, int] = {g: i for i, g in enumerate(sorted(df))}
        self.idf = np.array(
            [math.log((1 + total) / (1 + df[g])) + 1.0 for g in self.grams], dtype=np.float64
        )
        # An n-gram no document has still lengthens the query vector: a long message that
        # shares a few common n-grams with an example must not score like a close paraphrase.
        self.unseen_idf = math.log(1 + total) + 1.0
        rows: list[list[tuple[int, float]]] = [[] for _ in self.grams]
        for doc, counts in enumerate(counted):
            for gram, weight in self._vector(counts).items():
                rows[self.grams[gram]].append((doc, weight))
        self.offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        self.offsets[1:] = np.cumsum([len(r) for r in rows])
        self.docs = np.array([d for r in rows for d, _ in r], dtype=np.int32)
        self.weights = np.array([w for r in rows for _, w in r], dtype=np.float64)
        self.size = total

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        raw = {}
        for gram, count in counts.items():
            i = self.grams.get(gram)
            idf = self.unseen_idf if i is None else float(self.idf[i])
            raw[gram] = (1.0 + math.log(count)) * idf
        norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
        return {g: w / norm for g, w in raw.items()}

    def scores(self, query: str) -> list[float]:
        """Cosine similarity of the query to every document, in document order."""
        import numpy as np

        docs: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        for gram, q_weight in self._vector(ngrams(query, salutation=False)).items():
            i = self.grams.get(gram)
            if i is not None:
                lo, hi = int(self.offsets[i]), int(self.offsets[i + 1])
                docs.append(self.docs[lo:hi])
                weights.append(self.weights[lo:hi] * q_weight)
        if not docs:
            return [0.0] * self.size
        summed = np.bincount(
            np.concatenate(docs), weights=np.concatenate(weights), minlength=self.size
        )
        return [float(x) for x in summed]

    def save(self, path: Path) -> None:
        import numpy as np

        with path.open("wb") as fh:
            np.savez(
                fh,
                grams=np.frombuffer("\x00".join(self.grams).encode(), dtype=np.uint8),
                idf=self.idf,
                offsets=self.offsets,
                docs=self.docs,
                weights=self.weights,
                meta=np.array([self.unseen_idf, float(self.size), float(FORMAT), *NGRAM_RANGE]),
            )

    @classmethod
    def load(cls, path: Path) -> CharNgramTfidf:
        """A model saved by :meth:`save`; raises ``ValueError`` or ``OSError`` if unusable."""
        import numpy as np

        model = cls.__new__(cls)
        try:
            with np.load(path, allow_pickle=False) as data:
                joined = data["grams"].tobytes().decode()
                model.grams = {g: i for i, g in enumerate(joined.split("\x00"))} if joined else {}
                model.idf, model.offsets = data["idf"], data["offsets"]
                model.docs, model.weights = data["docs"], data["weights"]
                unseen, size, *version = (float(x) for x in data["meta"])
        except (KeyError, EOFError, zipfile.BadZipFile) as exc:
            raise ValueError(f"incomplete lexical model {path}: {exc}") from exc
        if version != [float(FORMAT), *map(float, NGRAM_RANGE)]:
            raise ValueError(f"lexical model {path} was saved by another version")
        model.unseen_idf, model.size = unseen, int(size)
        if len(model.idf) != len(model.grams) or len(model.offsets) != len(model.grams) + 1:
            raise ValueError(f"inconsistent lexical model {path}")
        return model
