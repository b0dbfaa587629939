"""Sparse TF-IDF store over the bilingual pivot bags, updatable in place.

Each slot holds one bag (``{stem: weight}``) as a sparse row. Scores are cosines between
``log(1 + tf) * idf`` vectors. The CSR matrix is rebuilt lazily; rows changed since the last
build are scored directly from their bags, so an edit costs nothing until the next query and
the matrix is rebuilt only after many edits. The matrix holds raw ``log(1 + tf)``; idf and the
document norms are applied at query time from live document frequencies, so scores after any
sequence of edits equal those of a freshly built store.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp


class Vocabulary:
    """Stem -> column, with document frequencies shared by several stores."""

    def __init__(self) -> None:
        self.columns: dict[str, int] = {}
        self.df = np.zeros(1024, dtype=np.int64)
        self.n_docs = 0
        self.version = 0  # bumped whenever document frequencies change

    def column(self, term: str) -> int:
        """The column of a term, allocating one if new."""
        col = self.columns.get(term)
        if col is None:
            col = self.columns[term] = len(self.columns)
            if col >= len(self.df):
                self.df = np.concatenate([self.df, np.zeros_like(self.df)])
        return col

    def idf(self) -> np.ndarray:
        """Smoothed idf for every allocated column."""
        df = self.df[: len(self.columns)]
        return (np.log((self.n_docs + 1.0) / (df + 1.0)) + 1.0).astype(np.float32)

    def count(self, cols: np.ndarray, sign: int) -> None:
        """Add (sign=1) or remove (sign=-1) one document containing these columns."""
        self.df[cols] += sign
        self.n_docs += sign
        self.version += 1


def _weights(bag: Sequence[tuple[str, float]], vocab: Vocabulary, allocate: bool):
    cols, vals = [], []
    for term, weight in bag:
        col = vocab.column(term) if allocate else vocab.columns.get(term)
        if col is not None:
            cols.append(col)
            vals.append(np.log1p(weight))
    return np.asarray(cols, dtype=np.int64), np.asarray(vals, dtype=np.float32)


class LexicalStore:
    """Rows of pivot bags addressed by slot number."""

    def __init__(self, vocab: Vocabulary, rebuild_after: int = 2000) -> None:
        self.vocab = vocab
        self.rebuild_after = rebuild_after
        self._rows: list[tuple[np.ndarray, np.ndarray] | None] = []
        self._matrix: sp.csr_matrix | None = None  # (slots, V) raw log(1 + tf)
        self._squares: sp.csr_matrix | None = None
        self._norms: np.ndarray | None = None
        self._norms_version = -1
        self._matrix_t: sp.csr_matrix | None = None  # (V, slots)
        self._dirty: set[int] = set()

    def set(self, slot: int, bag: Sequence[tuple[str, float]]) -> None:
        """Store (or replace) the bag of a slot; an empty bag clears it."""
        self.clear(slot)
        while len(self._rows) <= slot:
            self._rows.append(None)
        if bag:
            cols, vals = _weights(bag, self.vocab, allocate=True)
            self._rows[slot] = (cols, vals)
            self.vocab.count(cols, 1)
        self._dirty.add(slot)

    def clear(self, slot: int) -> None:
        """Remove the bag of a slot."""
        if slot < len(self._rows) and self._rows[slot] is not None:
            self.vocab.count(self._rows[slot][0], -1)
            self._rows[slot] = None
            self._dirty.add(slot)

    def has(self, slot: int) -> bool:
        """True if the slot holds a non-empty bag."""
        return slot < len(self._rows) and self._rows[slot] is not None

    def rebuild(self) -> None:
        """Rebuild the matrix from all rows."""
        indptr, indices, data = [0], [], []
        for row in self._rows:
            if row is not None:
                indices.append(row[0])
                data.append(row[1])
            indptr.append(indptr[-1] + (0 if row is None else len(row[0])))
        shape = (len(self._rows), max(len(self.vocab.columns), 1))
        if indices:
            indices_arr, data_arr = np.concatenate(indices), np.concatenate(data)
        else:
            indices_arr, data_arr = np.zeros(0, np.int64), np.zeros(0, np.float32)
        self._matrix = sp.csr_matrix((data_arr, indices_arr, np.asarray(indptr)), shape=shape)
        self._matrix_t = self._matrix.T.tocsr()
        self._squares = self._matrix.multiply(self._matrix).tocsr()
        self._norms_version = -1
        self._dirty.clear()

    def ensure_built(self) -> None:
        """Rebuild the matrix if any row changed since the last build."""
        if self._matrix is None or self._dirty:
            self.rebuild()

    @property
    def matrix(self) -> sp.csr_matrix:
        """The built (slots, V) matrix of raw ``log(1 + tf)`` (see :meth:`ensure_built`)."""
        return self._matrix

    def doc_norms(self, idf: np.ndarray) -> np.ndarray:
        """Norms of the idf-weighted rows of the built matrix."""
        return self._doc_norms(idf)

    def _doc_norms(self, idf: np.ndarray) -> np.ndarray:
        if self._norms_version != self.vocab.version:
            width = self._squares.shape[1]
            norms = np.sqrt(self._squares @ (idf[:width] ** 2))
            self._norms = np.maximum(norms, 1e-12).astype(np.float32)
            self._norms_version = self.vocab.version
        return self._norms

    def query_matrix(self, bags: Sequence[Sequence[tuple[str, float]]]) -> sp.csr_matrix:
        """Idf-weighted, normalised query rows (terms unknown to the store are dropped)."""
        idf = self.vocab.idf()
        indptr, indices, data = [0], [], []
        for bag in bags:
            cols, vals = _weights(bag, self.vocab, allocate=False)
            w = vals * idf[cols] if len(cols) else vals
            indices.append(cols)
            data.append(w / max(float(np.linalg.norm(w)), 1e-12))
            indptr.append(indptr[-1] + len(cols))
        return sp.csr_matrix(
            (np.concatenate(data), np.concatenate(indices), np.asarray(indptr)),
            shape=(len(bags), len(idf)),
        )

    def scores(self, bags: Sequence[Sequence[tuple[str, float]]], n_slots: int) -> np.ndarray:
        """Cosine of each query bag with every slot: float32 (len(bags), n_slots)."""
        if not self.vocab.columns:
            return np.zeros((len(bags), n_slots), dtype=np.float32)
        if self._matrix is None or len(self._dirty) > self.rebuild_after:
            self.rebuild()
        idf = self.vocab.idf()
        queries = self.query_matrix(bags)  # rows q * idf / |q * idf|
        out = np.zeros((len(bags), n_slots), dtype=np.float32)
        built_v, built_n = self._matrix.shape[1], self._matrix.shape[0]
        weighted = queries[:, :built_v] @ sp.diags(idf[:built_v])
        width = min(built_n, n_slots)
        out[:, :width] = (weighted @ self._matrix_t[:, :width]).toarray()
        out[:, :width] /= self._doc_norms(idf)[None, :width]
        for slot in (s for s in self._dirty if s < n_slots):
            out[:, slot] = 0.0
            row = self._rows[slot] if slot < len(self._rows) else None
            if row is None:
                continue
            w = row[1] * idf[row[0]]
            w /= max(float(np.linalg.norm(w)), 1e-12)
            out[:, slot] = queries[:, row[0]] @ w
        return out
