"""Hierarchies: HS codes (chapter > heading > subheading > national line), sectors, regions.

Also :class:`FeatureStore`, a sparse binary slot x feature matrix updated in place, with which
the index tests "do these two profiles share an HS heading" for all profiles at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from .profiles import HS_LEVELS

HS_LEVEL_WEIGHTS = {8: 1.0, 6: 0.85, 4: 0.7, 2: 0.35}


def hs_features(codes: Iterable[str], level: int) -> set[str]:
    """The level-``level`` prefixes of the codes that are at least that long."""
    return {f"{level}:{c[:level]}" for c in codes if len(c) >= level}


def best_hs_match(mine: Sequence[str], theirs: Sequence[str]) -> tuple[str, int] | None:
    """The longest shared HS prefix (code, level) between two code lists, or None."""
    best: tuple[str, int] | None = None
    for a in mine:
        for b in theirs:
            n = 0
            while n < min(len(a), len(b)) and a[n] == b[n]:
                n += 1
            level = max((lv for lv in HS_LEVELS if lv <= n), default=0)
            if level and (best is None or level > best[1]):
                best = (a[:level], level)
    return best


class SectorTree:
    """Sector hierarchy: an explicit child -> parent map, plus paths ("food/dairy")."""

    def __init__(self, parents: Mapping[str, str] | None = None) -> None:
        self.parents = dict(parents or {})

    def ancestors(self, sector: str) -> list[str]:
        """Strict ancestors, nearest first ("food/dairy/cheese" -> food/dairy, food)."""
        out, seen, current = [], {sector}, sector
        while True:
            parent = self.parents.get(current)
            if parent is None:
                for sep in ("/", "."):
                    if sep in current:
                        parent = current.rsplit(sep, 1)[0]
                        break
            if parent is None or parent in seen:
                return out
            out.append(parent)
            seen.add(parent)
            current = parent

    def relation(self, mine: Sequence[str], theirs: Sequence[str]) -> tuple[str, str] | None:
        """(sector, "same"|"broader"|"narrower") for the closest pair, or None."""
        shared = [s for s in mine if s in set(theirs)]
        if shared:
            return shared[0], "same"
        for a in mine:
            for b in theirs:
                if b in self.ancestors(a):
                    return b, "broader"  # their sector contains mine
                if a in self.ancestors(b):
                    return b, "narrower"
        return None


def region_chain(code: str) -> list[str]:
    """A region and the regions containing it: "CN-GD" -> ["CN-GD", "CN"]."""
    return [code, code.split("-")[0]] if "-" in code else [code]


def region_covers(target: str, region: str) -> bool:
    """True if the target region contains the region ("CN" covers "CN-GD")."""
    return target in region_chain(region)


class FeatureStore:
    """Binary features per slot, as a lazily rebuilt CSR matrix plus a set of edited slots."""

    def __init__(self, rebuild_after: int = 2000) -> None:
        self.columns: dict[str, int] = {}
        self.rebuild_after = rebuild_after
        self._rows: list[frozenset[int]] = []
        self._matrix: sp.csr_matrix | None = None  # (slots, features)
        self._matrix_t: sp.csr_matrix | None = None  # (features, slots)
        self._dirty: set[int] = set()

    def set(self, slot: int, features: Iterable[str]) -> None:
        """Store (or replace) the features of a slot."""
        while len(self._rows) <= slot:
            self._rows.append(frozenset())
        cols = set()
        for f in features:
            cols.add(self.columns.setdefault(f, len(self.columns)))
        self._rows[slot] = frozenset(cols)
        self._dirty.add(slot)

    def clear(self, slot: int) -> None:
        """Remove all features of a slot."""
        self.set(slot, ())

    def rebuild(self) -> None:
        """Rebuild the matrix from all rows."""
        indptr, indices = [0], []
        for row in self._rows:
            indices.extend(sorted(row))
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.float32)
        shape = (len(self._rows), max(len(self.columns), 1))
        matrix = sp.csr_matrix((data, np.asarray(indices, dtype=np.int64), indptr), shape=shape)
        self._matrix = matrix
        self._matrix_t = matrix.T.tocsr()
        self._dirty.clear()

    def rows_view(self, n: int) -> list[frozenset[int]]:
        """The feature columns of slots 0..n-1 (empty for slots never set)."""
        rows = self._rows[:n]
        return rows + [frozenset()] * (n - len(rows))

    def ensure_built(self) -> None:
        """Rebuild the matrix if any row changed since the last build."""
        if self._matrix is None or self._dirty:
            self.rebuild()

    @property
    def matrix(self) -> sp.csr_matrix:
        """The built binary (slots, features) matrix (see :meth:`ensure_built`)."""
        return self._matrix

    def counts(self, queries: Sequence[Iterable[str]], n_slots: int) -> sp.csr_matrix:
        """Number of features each query row shares with each slot: sparse (nq, n_slots)."""
        if self._matrix_t is None or len(self._dirty) > self.rebuild_after:
            self.rebuild()
        rows = [sorted({self.columns[f] for f in q if f in self.columns}) for q in queries]
        if not any(rows):
            return sp.csr_matrix((len(rows), n_slots), dtype=np.float32)
        q = sp.csr_matrix(
            (
                np.ones(sum(map(len, rows)), dtype=np.float32),
                np.asarray([c for r in rows for c in r], dtype=np.int64),
                np.cumsum([0] + [len(r) for r in rows]),
            ),
            shape=(len(rows), len(self.columns)),
        )
        built_f, built_n = self._matrix.shape[1], self._matrix.shape[0]
        width = min(built_n, n_slots)
        product = q[:, :built_f] @ self._matrix_t[:, :width]
        if width < n_slots:
            product = sp.hstack([product, sp.csr_matrix((len(rows), n_slots - width))]).tocsr()
        dirty = [s for s in self._dirty if s < n_slots]
        if dirty:
            keep = np.ones(n_slots, dtype=np.float32)
            keep[dirty] = 0.0
            product = product @ sp.diags(keep)
            fix = [
                (i, s, len(self._rows[s].intersection(r)))
                for s in dirty
                for i, r in enumerate(rows)
            ]
            fix = [f for f in fix if f[2]]
            if fix:
                r_, c_, v_ = zip(*fix, strict=True)
                product = product + sp.csr_matrix(
                    (np.asarray(v_, np.float32), (r_, c_)), shape=(len(rows), n_slots)
                )
        return product.tocsr()
