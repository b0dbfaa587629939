"""Everyone's top k in bulk (``recommend_all``), computed group by group.

The single-query path (:func:`scoring.block_parts`) scores a query against every slot. In bulk
most of that work is wasted or repeated:

* a seller can only meet buyers, so queries are grouped by the deal types that answer theirs,
  and each group is scored only against the partners it can meet (gathered once per group);
* the code and bonus components depend on few properties (HS codes; sectors; deal types, home
  and target regions), which many profiles share. Slots with the same properties form a
  *kind*; a component is computed per pair of kinds (a table, when there are few kinds) or per
  kind present among a group's candidates, then spread to the candidates by a gather;
* the lexical query rows are the index's own rows of the query profiles (already weighted).

Blocks of queries are laid out slot-major (candidates x queries). The score equals the
single-query path's, component by component; large indexes use the same coarse-then-exact
two passes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from .feedback import Feedback, Preferences
from .index import MatchIndex, side_hs_features
from .lexical import LexicalStore
from .profiles import Profile
from .scoring import HS_INCREMENTS, QueryView, Weights, complement_mask, top_k_rows
from .taxonomy import FeatureStore, region_chain
from .threads import single_threaded_blas, worker_count

# Elements of one (candidates x queries) float32 array; sets the block size (8 MB arrays).
BLOCK_ELEMENTS = 2_000_000
# Groups with fewer queries than this are merged (their candidates are the union).
MIN_GROUP = 48
# Queries ranked together before their results are handed out, in order.
CHUNK = 8192
# Components with at most this many kinds get a whole (kind x kind) table.
TABLE_KINDS = 3000

_HS_INCREMENTS = np.asarray(HS_INCREMENTS, dtype=np.float32)
# (component, direction) -> (side of the query, store of the candidates)
_SIDES = {
    ("hs", 0): ("needs", "hs_offer"),
    ("hs", 1): ("offers", "hs_need"),
    ("sec", 0): ("needs", "sec_offer"),
    ("sec", 1): ("offers", "sec_need"),
}


def _lexical_rows(store: LexicalStore, n: int) -> sp.csr_matrix:
    """Slot-major rows of idf-weighted, normalised term weights (what cosines are taken of)."""
    store.ensure_built()
    idf = store.vocab.idf()
    matrix = store.matrix
    width = matrix.shape[1]
    weighted = sp.diags(1.0 / store.doc_norms(idf)) @ matrix @ sp.diags(idf[:width])
    return _pad_rows(weighted.tocsr().astype(np.float32), n)


def _feature_rows(store: FeatureStore, n: int) -> sp.csr_matrix:
    store.ensure_built()
    return _pad_rows(store.matrix, n)


def _pad_rows(matrix: sp.csr_matrix, n: int) -> sp.csr_matrix:
    if matrix.shape[0] >= n:
        return matrix[:n] if matrix.shape[0] > n else matrix
    extra = sp.csr_matrix((n - matrix.shape[0], matrix.shape[1]), dtype=matrix.dtype)
    return sp.vstack([matrix, extra]).tocsr()


def _kinds(keys: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """(kind number of each key, first position of each kind): equal keys share a number."""
    numbers: dict = {}
    first: list[int] = []
    out = np.empty(len(keys), dtype=np.int64)
    for i, key in enumerate(keys):
        number = numbers.get(key)
        if number is None:
            number = numbers[key] = len(first)
            first.append(i)
        out[i] = number
    return out, np.asarray(first, dtype=np.int64)


@dataclass
class _Distinct:
    """Some kinds of one component: a representative slot each, and their feature rows."""

    slots: np.ndarray  # (n_kinds,) representative slots
    matrices: dict[str, sp.csr_matrix]

    def views(self, index: MatchIndex) -> list:
        return [_KindView(index.profiles[s]) for s in self.slots.tolist()]


@dataclass
class _KindView:
    """A representative profile standing for its kind on the query side."""

    profile: Profile
    slot: int | None = None


class _Full:
    """Whole-index matrices, kinds and kind tables, prepared once per call."""

    def __init__(self, index: MatchIndex, coarse: bool, weights: Weights) -> None:
        n = index.n_slots
        self.coarse = coarse
        self.weights = weights
        self.hub: tuple[np.ndarray, np.ndarray] | None = None  # (offer, need) corrections
        self.matrices = {
            "lex_offer": _lexical_rows(index.lex_offer, n),
            "lex_need": _lexical_rows(index.lex_need, n),
        }
        for name in ("hs_offer", "hs_need", "sec_offer", "sec_need", "regions"):
            self.matrices[name] = _feature_rows(getattr(index, name), n)

        def rows(name):
            return getattr(index, name).rows_view(n)

        keys = {
            "hs": zip(rows("hs_offer"), rows("hs_need"), strict=True),
            "sec": zip(rows("sec_offer"), rows("sec_need"), strict=True),
            "bonus": zip(
                index.deal_mask[:n].tolist(),
                index.has_home[:n].tolist(),
                rows("regions"),
                strict=True,
            ),
        }
        self.kind_of: dict[str, np.ndarray] = {}
        self.all_kinds: dict[str, _Distinct] = {}
        self.tables: dict[tuple, np.ndarray | None] = {}
        active = index.active[:n]
        for name, key_iter in keys.items():
            # free slots share the first active slot's kind: they are never ranked or queried
            keys_list = list(key_iter)
            filler = keys_list[int(np.argmax(active))] if active.any() else None
            keys_list = [
                key if live else filler for key, live in zip(keys_list, active, strict=True)
            ]
            self.kind_of[name], reps = _kinds(keys_list)
            self.all_kinds[name] = _Distinct(reps, self._rows_of(name, reps))

    def _rows_of(self, component: str, slots: np.ndarray) -> dict[str, sp.csr_matrix]:
        names = {"hs": ("hs_offer", "hs_need"), "sec": ("sec_offer", "sec_need")}
        return {n: self.matrices[n][slots] for n in names.get(component, ("regions",))}

    def has_table(self, component: str) -> bool:
        return len(self.all_kinds[component].slots) <= TABLE_KINDS

    def table(self, index: MatchIndex, key: tuple) -> np.ndarray | None:
        """(query kind, candidate kind) table of a component (None if all zero)."""
        if key not in self.tables:
            kinds = self.all_kinds[key[0]]
            views = kinds.views(index)
            table = np.zeros((len(views), len(views)), dtype=np.float32)
            for start in range(0, len(views), 512):
                part = _kind_space(index, kinds, views[start : start + 512], key, self.weights)
                if part is not None:
                    table[start : start + len(part)] = part
            self.tables[key] = table if table.any() else None
        return self.tables[key]


@dataclass
class _Group:
    """The candidates of a group of queries, gathered contiguous."""

    slots: np.ndarray  # (n_c,) sorted slot numbers
    offer_vec: np.ndarray  # (n_c, d): coarse projection or full vectors
    need_vec: np.ndarray
    lexical: dict[str, tuple[sp.csr_matrix, np.ndarray]]  # (rows, column counts)
    kind_of: dict[str, np.ndarray]  # component -> kind of each candidate (whole-index number)
    distinct: dict[str, tuple[_Distinct, np.ndarray]] = field(default_factory=dict)


def _gather(index: MatchIndex, full: _Full, slots: np.ndarray) -> _Group:
    if full.coarse:
        offer, need = index.offer_low[slots], index.need_low[slots]
    else:
        offer = index.offer_vec[slots].astype(np.float32)
        need = index.need_vec[slots].astype(np.float32)
    lexical = {}
    for name in ("lex_offer", "lex_need"):
        rows = full.matrices[name][slots]
        lexical[name] = (rows, np.bincount(rows.indices, minlength=rows.shape[1]))
    kind_of = {name: kinds[slots] for name, kinds in full.kind_of.items()}
    return _Group(slots, offer, need, lexical, kind_of)


def _distinct(full: _Full, g: _Group, component: str) -> tuple[_Distinct, np.ndarray]:
    """The kinds of a component present among the group's candidates, and each one's row."""
    if component not in g.distinct:
        present, inverse = np.unique(g.kind_of[component], return_inverse=True)
        reps = full.all_kinds[component].slots[present]
        g.distinct[component] = (_Distinct(reps, full._rows_of(component, reps)), inverse.ravel())
    return g.distinct[component]


# ----- products of query feature rows with candidate rows -----


def _dense_queries(width: int, rows: Sequence[tuple[list[int], list[float] | None]]):
    """(width, len(rows)) dense matrix of query rows given as (columns, weights or None=1)."""
    dense = np.zeros((width, len(rows)), dtype=np.float32)
    for j, (cols, vals) in enumerate(rows):
        if cols:
            dense[cols, j] = 1.0 if vals is None else vals
    return dense


def _product(matrix: sp.csr_matrix, rows: Sequence[tuple[list[int], list[float] | None]]):
    """Dense (n_rows, len(rows)): each candidate row's weighted sum over each query row's
    columns; None if no query column has any value."""
    width = matrix.shape[1]
    rows = [([c for c in cols if c < width], vals) for cols, vals in rows]
    if not any(cols for cols, _ in rows) or matrix.nnz == 0:
        return None
    out = np.asarray(matrix @ _dense_queries(width, rows), dtype=np.float32)
    return out if out.any() else None


def _feature_rows_of(store: FeatureStore, feature_sets: Sequence[set[str]]):
    columns = store.columns
    return [(sorted(columns[f] for f in feats if f in columns), None) for feats in feature_sets]


def _indicator_sum(counts: np.ndarray | None, nq: int, weights: np.ndarray) -> np.ndarray | None:
    """Sum over each query's consecutive rows of weight * [count > 0]: (n_rows, nq)."""
    if counts is None:
        return None
    per = len(weights)
    out = np.zeros((counts.shape[0], nq), dtype=np.float32)
    for level, weight in enumerate(weights):
        out += np.float32(weight) * (counts[:, level::per] > 0)
    return out


def _kind_space(index: MatchIndex, kinds: _Distinct, views, key: tuple, weights: Weights):
    """Component ``key`` of these query views against these kinds: (len(views), n_kinds)."""
    component = key[0]
    if component == "bonus":
        return _bonus_table(index, kinds, views, weights)
    side, name = _SIDES[key]
    if component == "hs":
        sets = [f for v in views for f in side_hs_features(getattr(v.profile, side))]
        counts = _product(kinds.matrices[name], _feature_rows_of(getattr(index, name), sets))
        out = _indicator_sum(counts, len(views), _HS_INCREMENTS)
        factor = weights.hs
    else:
        sets = []
        for v in views:
            sectors = getattr(v.profile, side).sectors
            related = {f"s:{a}" for s in sectors for a in index.sectors.ancestors(s)}
            sets += [{f"s:{s}" for s in sectors}, related | {f"a:{s}" for s in sectors}]
        counts = _product(kinds.matrices[name], _feature_rows_of(getattr(index, name), sets))
        out = _indicator_sum(counts, len(views), np.array([1.0, 0.5], dtype=np.float32))
        if out is not None:
            np.minimum(out, 1.0, out=out)
        factor = weights.sector
    if out is None:
        return None
    out *= np.float32(factor)
    return np.ascontiguousarray(out.T)


def _bonus_table(index: MatchIndex, kinds: _Distinct, views, weights: Weights) -> np.ndarray:
    """Deal and region bonus, -inf where deal types cannot meet: (len(views), n_kinds)."""
    deal_mask = index.deal_mask[kinds.slots].astype(np.int64)
    has_home = index.has_home[kinds.slots]
    comp = np.array([complement_mask(v.profile) for v in views], dtype=np.int64)
    complementary = (comp[:, None] & deal_mask[None, :]) != 0
    table = complementary.astype(np.float32)
    table *= np.float32(weights.deal)
    cannot = (comp != 0)[:, None] & (deal_mask != 0)[None, :] & ~complementary
    has_targets = np.array([bool(v.profile.regions) for v in views])
    table -= np.float32(weights.region_miss) * (has_targets[:, None] & has_home[None, :])
    region_sets = []
    for v in views:
        region_sets.append({f"h:{t}" for t in v.profile.regions})
        home = v.profile.home
        region_sets.append({f"t:{r}" for r in region_chain(home)} if home else set())
    fit = _indicator_sum(
        _product(kinds.matrices["regions"], _feature_rows_of(index.regions, region_sets)),
        len(views),
        np.array([weights.region_fit + weights.region_miss, weights.region_mutual], np.float32),
    )
    if fit is not None:
        table += fit.T
    table[cannot] = -np.inf
    return table


def _component(index: MatchIndex, full: _Full, g: _Group, views, query_slots, key: tuple):
    """(values in some kind space (nq, K), kind index of each candidate (n_c,)) or None."""
    if full.has_table(key[0]):
        table = full.table(index, key)
        if table is None:
            return None
        part = table[full.kind_of[key[0]][query_slots]]
        return (part, g.kind_of[key[0]]) if part.any() else None
    kinds, inverse = _distinct(full, g, key[0])
    part = _kind_space(index, kinds, views, key, full.weights)
    return None if part is None else (part, inverse)


def _spread(part) -> np.ndarray:
    """A component in kind space (nq, K) spread to the candidates, slot-major (n_c, nq)."""
    values, index = part
    return np.take(np.ascontiguousarray(values.T), index, axis=0)


def _codes(index: MatchIndex, full: _Full, g: _Group, views, query_slots) -> np.ndarray | None:
    """w_hs * hs + w_sector * sector, best of both directions: (n_c, nq) or None if all zero."""
    parts = {key: _component(index, full, g, views, query_slots, key) for key in _SIDES}
    for component in ("hs", "sec"):
        other = "sec" if component == "hs" else "hs"
        if parts[(other, 0)] is None and parts[(other, 1)] is None:
            a, b = parts[(component, 0)], parts[(component, 1)]
            if a is None or b is None:  # one direction, or none
                return None if a is None and b is None else _spread(a or b)
            return _spread((np.maximum(a[0], b[0]), a[1]))  # same kind space
    best = None
    for direction in (0, 1):
        hs, sec = parts[("hs", direction)], parts[("sec", direction)]
        if hs is None and sec is None:
            continue
        total = _spread(hs) if hs is not None else _spread(sec)
        if hs is not None and sec is not None:
            total += _spread(sec)
        best = total if best is None else np.maximum(best, total, out=best)
    return best


def _bonus(index: MatchIndex, full: _Full, g: _Group, views, query_slots) -> np.ndarray:
    """Deal and region bonus (n_c, nq), -inf where deal types cannot meet or for oneself."""
    part = _component(index, full, g, views, query_slots, ("bonus",))
    if part is None:
        bonus = np.zeros((len(g.slots), len(views)), dtype=np.float32)
    else:
        bonus = _spread(part)
    positions = np.searchsorted(g.slots, query_slots)
    for j, (pos, slot) in enumerate(zip(positions.tolist(), query_slots.tolist(), strict=True)):
        if pos < len(g.slots) and g.slots[pos] == slot:
            bonus[pos, j] = -np.inf
    return bonus


def _lexical(full: _Full, g: _Group, name: str, query_rows: sp.csr_matrix, scale: float):
    """``scale`` x cosine of the query rows with the candidates' bags: (n_c, nq) or None."""
    matrix, column_counts = g.lexical[name]
    if query_rows.nnz == 0 or matrix.nnz == 0:
        return None
    width = min(matrix.shape[1], query_rows.shape[1])
    queries = query_rows[:, :width].T.tocsr()  # (V, nq)
    union = np.flatnonzero(np.diff(queries.indptr))
    postings = int(column_counts[union].sum())
    if postings == 0:
        return None
    dense = queries[union].toarray()
    dense *= np.float32(scale)
    if postings * 4 < matrix.nnz:  # few of the candidates' values are in the queries' terms
        return np.asarray(matrix[:, union] @ dense, dtype=np.float32)
    full_dense = np.zeros((matrix.shape[1], dense.shape[1]), dtype=np.float32)
    full_dense[union] = dense
    return np.asarray(matrix @ full_dense, dtype=np.float32)


def _text_rows(views) -> tuple[np.ndarray, np.ndarray]:
    """(has need text, has offer text) of each query, as 0/1 floats."""
    has_need = np.array([bool(v.profile.needs.texts) for v in views], dtype=np.float32)
    has_offer = np.array([bool(v.profile.offers.texts) for v in views], dtype=np.float32)
    return has_need, has_offer


def _rank_block(
    index: MatchIndex,
    full: _Full,
    g: _Group,
    views: list[QueryView],
    k: int,
    preferences: Mapping[str, Preferences],
    feedback: Mapping[str, Feedback],
    weights: Weights,
    adjust,
) -> list[list[tuple[int, float, float, float]]]:
    """Per view, the k best (slot, score, text need->offer, text offer->need).

    Arrays are slot-major (candidates x queries): the matrix products write them contiguous.
    The text parts are kept scaled by the text weight (``wt``) and unscaled on the way out.
    """
    nq, n_c = len(views), len(g.slots)
    w, wt = float(weights.encoder), float(weights.text)
    query_slots = np.array([v.slot for v in views], dtype=np.int64)
    qo_full = index.offer_vec[query_slots].astype(np.float32)
    qn_full = index.need_vec[query_slots].astype(np.float32)
    if full.coarse:
        qo, qn = index.offer_low[query_slots], index.need_low[query_slots]
    else:
        qo, qn = qo_full, qn_full
    lex_no = _lexical(full, g, "lex_offer", full.matrices["lex_need"][query_slots], (1 - w) * wt)
    lex_on = _lexical(full, g, "lex_need", full.matrices["lex_offer"][query_slots], (1 - w) * wt)
    t_no = g.offer_vec @ (qn * np.float32(w * wt)).T  # (n_c, nq): their offers, my needs
    if lex_no is not None:
        t_no += lex_no
    t_on = g.need_vec @ (qo * np.float32(w * wt)).T
    if lex_on is not None:
        t_on += lex_on
    codes = _codes(index, full, g, views, query_slots)
    relevance = np.maximum(t_no, t_on)
    if codes is not None:
        relevance += codes
    floor = weights.min_relevance - (0.1 if full.coarse else 0.0)
    irrelevant = relevance < np.float32(floor)  # plain similarity, as in scoring.combine
    if full.hub is not None:
        has_need, has_offer = _text_rows(views)
        hub_no = (np.float32(wt) * full.hub[0][g.slots])[:, None] * has_need[None, :]
        hub_on = (np.float32(wt) * full.hub[1][g.slots])[:, None] * has_offer[None, :]
        hub_no = np.subtract(t_no, hub_no, out=hub_no)
        hub_on = np.subtract(t_on, hub_on, out=hub_on)
        relevance = np.maximum(hub_no, hub_on, out=relevance)
        del hub_no, hub_on
        if codes is not None:
            relevance += codes
    if full.coarse:
        del t_no, t_on
    bonus = _bonus(index, full, g, views, query_slots)
    score = np.add(relevance, bonus, out=relevance)
    score[irrelevant] = -np.inf
    del irrelevant
    deltas = []
    for j, view in enumerate(views):
        pid = view.profile.id
        delta = adjust(score[:, j], g.slots, preferences.get(pid), feedback.get(pid))
        if delta is not None:
            score[:, j] += delta
        deltas.append(delta)
    unscale = 1.0 / wt if wt else 0.0
    if not full.coarse:
        out = []
        for j, top in enumerate(top_k_rows(np.ascontiguousarray(score.T), k)):
            out.append(
                [
                    (int(g.slots[c]), v, float(t_no[c, j]) * unscale, float(t_on[c, j]) * unscale)
                    for c, v in top
                ]
            )
        return out

    cand = best_rows(score, min(max(index.batch_candidates, 2 * k), n_c))  # (nq, size)
    cols = np.arange(nq)[:, None]
    valid = np.isfinite(score[cand, cols])
    del score
    slots = g.slots[cand]
    e_no = _gathered_dot(index.offer_vec, slots, qn_full)
    e_on = _gathered_dot(index.need_vec, slots, qo_full)
    e_no *= np.float32(w * wt)
    e_on *= np.float32(w * wt)
    if lex_no is not None:
        e_no += lex_no[cand, cols]
    if lex_on is not None:
        e_on += lex_on[cand, cols]
    relevance = np.maximum(e_no, e_on)
    if codes is not None:
        relevance += codes[cand, cols]
    irrelevant = (relevance < np.float32(weights.min_relevance)) | ~valid
    if full.hub is not None:
        relevance = np.maximum(
            e_no - np.float32(wt) * full.hub[0][slots] * has_need[:, None],
            e_on - np.float32(wt) * full.hub[1][slots] * has_offer[:, None],
        )
        if codes is not None:
            relevance += codes[cand, cols]
    exact = relevance + bonus[cand, cols]
    exact[irrelevant] = -np.inf
    for j, delta in enumerate(deltas):
        if delta is not None:
            exact[j] += delta[cand[j]]
    out = []
    for j, top in enumerate(top_k_rows(exact, k)):
        out.append(
            [
                (int(slots[j, c]), v, float(e_no[j, c]) * unscale, float(e_on[j, c]) * unscale)
                for c, v in top
            ]
        )
    return out


def _gathered_dot(matrix: np.ndarray, slots: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """(nq, C): each query's dot product with the rows of its candidate slots, a few queries
    at a time (bounded memory)."""
    out = np.empty(slots.shape, dtype=np.float32)
    for start in range(0, len(slots), 16):
        rows = matrix[slots[start : start + 16]].astype(np.float32)  # (q, C, dim)
        out[start : start + 16] = np.einsum("qcd,qd->qc", rows, queries[start : start + 16])
    return out


def best_rows(scores: np.ndarray, size: int, groups_of: int = 32) -> np.ndarray:
    """Rows of the ``size`` largest values of each column of (n, nq) ``scores``: (nq, size).

    Rows are dealt into strided groups (row r in group r mod G); the ``size`` groups with the
    largest maxima hold the ``size`` largest values, so only those groups are partitioned.
    """
    n, nq = scores.shape
    if size >= n:
        return np.broadcast_to(np.arange(n), (nq, n)).copy()
    n_groups = n // groups_of
    if n_groups <= size:
        return np.argpartition(-scores.T, size - 1, axis=1)[:, :size]
    body = n_groups * groups_of
    maxima = scores[:body].reshape(groups_of, n_groups, nq).max(axis=0)  # (G, nq)
    best = np.argpartition(-maxima.T, size - 1, axis=1)[:, :size]  # (nq, size) group numbers
    members = best[:, :, None] + n_groups * np.arange(groups_of)[None, None, :]
    members = members.reshape(nq, -1)
    if body < n:  # the remainder rows belong to no group: always candidates
        tail = np.broadcast_to(np.arange(body, n), (nq, n - body))
        members = np.concatenate([members, tail], axis=1)
    values = scores[members, np.arange(nq)[:, None]]
    pick = np.argpartition(-values, size - 1, axis=1)[:, :size]
    return np.take_along_axis(members, pick, axis=1)


def _candidate_slots(index: MatchIndex, comp: int, allowed: np.ndarray | None) -> np.ndarray:
    n = index.n_slots
    keep = index.active[:n].copy()
    if comp:
        masks = index.deal_mask[:n]
        keep &= (masks == 0) | ((masks & comp) != 0)
    if allowed is not None:
        keep &= allowed[:n]
    return np.flatnonzero(keep)


def _groups(views: list[QueryView]) -> list[tuple[int, list[int]]]:
    """(candidate deal mask, view positions): one group per complement mask, small ones merged.

    Mask 0 stands for "any deal type" (a query that states none meets everyone).
    """
    by_mask: dict[int, list[int]] = {}
    for i, v in enumerate(views):
        by_mask.setdefault(complement_mask(v.profile), []).append(i)
    groups, small, small_mask = [], [], 0
    for mask, members in sorted(by_mask.items(), key=lambda kv: -len(kv[1])):
        if len(members) >= MIN_GROUP:
            groups.append((mask, members))
        else:
            small += members
            small_mask = -1 if (mask == 0 or small_mask == -1) else small_mask | mask
    if small:
        groups.append((0 if small_mask == -1 else small_mask, sorted(small)))
    return groups


def rank_all(
    index: MatchIndex,
    views: list[QueryView],
    k: int,
    allowed: np.ndarray | None,
    preferences: Mapping[str, Preferences],
    feedback: Mapping[str, Feedback],
    weights: Weights,
    adjust,
    workers: int | None = None,
) -> Iterator[tuple[int, list[tuple[int, float, float, float]]]]:
    """(position in ``views``, top k) for all views (indexed profiles), group by group.

    Blocks of a group are ranked by ``workers`` threads (default: the cores, see
    :mod:`.threads`) with single-threaded BLAS.
    """
    if any(v.slot is None for v in views):
        raise ValueError("rank_all ranks indexed profiles only")
    coarse = index.uses_coarse_scan()
    workers = workers or worker_count()
    hub = index.hubness.adjustments(index, weights) if weights.hubness else None
    with single_threaded_blas(), ThreadPoolExecutor(workers) as pool:
        full = _Full(index, coarse, weights)
        full.hub = hub
        for key in ((c, d) for c in ("hs", "sec") for d in (0, 1)):
            if full.has_table(key[0]):
                full.table(index, key)
        if full.has_table("bonus"):
            full.table(index, ("bonus",))
        for mask, members in _groups(views):
            slots = _candidate_slots(index, mask, allowed)
            if len(slots) == 0:
                for i in members:
                    yield i, []
                continue
            g = _gather(index, full, slots)
            for component in ("hs", "sec", "bonus"):
                if not full.has_table(component):
                    _distinct(full, g, component)
            block = int(np.clip(BLOCK_ELEMENTS // len(slots), 8, 512))
            blocks = [members[s : s + block] for s in range(0, len(members), block)]

            def rank(part, g=g):
                return _rank_block(
                    index,
                    full,
                    g,
                    [views[i] for i in part],
                    k,
                    preferences,
                    feedback,
                    weights,
                    adjust,
                )

            for part, tops in zip(blocks, pool.map(rank, blocks), strict=True):
                yield from zip(part, tops, strict=True)
            del g
