"""Scores of a block of query profiles against every indexed slot, all at once.

For a query A and a candidate B the relevance is::

    text   = max(T(A.needs, B.offers), T(A.offers, B.needs))
    T      = w_enc * cosine(sentence vectors) + (1 - w_enc) * cosine(TF-IDF of pivot bags)
    hs     = level weight of the longest shared HS prefix, in either direction (8 > 6 > 4 > 2)
    sector = 1 for a shared sector, 0.5 for a parent/child pair, in either direction
    relevance = w_text * text + w_hs * hs + w_sector * sector

and the score adds a bonus for complementary deal types and for region fit (their home region
is within my targets; mine within theirs) and a malus when their home is outside my targets.
Pairs whose deal types are both stated and none answers the other (two sellers) are excluded.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .index import DEAL_BITS, MatchIndex, ProfileVectors, mean_vector, side_bag, side_hs_features
from .profiles import COMPLEMENTS, DEAL_TYPES, Profile
from .taxonomy import HS_LEVEL_WEIGHTS, region_chain


@dataclass(frozen=True)
class Weights:
    """Tunable weights of the score (``encoder`` was tuned on even HS rows, see ADR 0201)."""

    encoder: float = 0.5
    text: float = 1.0
    hs: float = 0.6
    sector: float = 0.4
    deal: float = 0.1
    region_fit: float = 0.1
    region_mutual: float = 0.05
    region_miss: float = 0.1
    preferred: float = 0.2
    preferred_attribute: float = 0.05
    rejected_similarity: float = 0.3
    rejected_threshold: float = 0.6
    text_reason_min: float = 0.25
    min_relevance: float = 0.15


_COMPLEMENT_BITS = {d: sum(DEAL_BITS[c] for c in COMPLEMENTS[d]) for d in DEAL_TYPES}


def complement_mask(profile: Profile) -> int:
    """Bit mask of the deal types that answer any of this profile's deal types."""
    mask = 0
    for d in profile.deal_types:
        mask |= _COMPLEMENT_BITS[d]
    return mask


@dataclass
class QueryView:
    """A profile prepared for scoring: its slot (if indexed), vectors and bags."""

    profile: Profile
    slot: int | None
    vectors: ProfileVectors
    offer_vec: np.ndarray
    need_vec: np.ndarray
    offer_bag: tuple
    need_bag: tuple


def query_views(index: MatchIndex, profiles: list[Profile | str]) -> list[QueryView]:
    """Views for indexed ids or ad-hoc profiles (these are encoded on the fly)."""
    adhoc = [p for p in profiles if not isinstance(p, str)]
    encoded = dict(zip([id(p) for p in adhoc], index.encode_profiles(adhoc), strict=True))
    views = []
    for p in profiles:
        if isinstance(p, str):
            slot = index.slot_of[p]
            profile, vectors = index.profiles[slot], index.items[slot]
            offer_vec, need_vec = index.offer_vec[slot], index.need_vec[slot]
        else:
            profile, slot, vectors = p, index.slot_of.get(p.id), encoded[id(p)]
            offer_vec = mean_vector(vectors.offer, index.dim)
            need_vec = mean_vector(vectors.need, index.dim)
        views.append(
            QueryView(
                profile,
                slot,
                vectors,
                offer_vec,
                need_vec,
                side_bag(profile.offers),
                side_bag(profile.needs),
            )
        )
    return views


def _take(arr: np.ndarray, n: int, columns: np.ndarray | None) -> np.ndarray:
    return arr[:n] if columns is None else arr[columns]


def _dot(queries: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """queries @ matrix.T; einsum loops for a few queries (memory-bound, and multithreaded BLAS
    gemv is several times slower there on a busy 2-core machine), BLAS GEMM for blocks."""
    if len(queries) > 4:
        return queries @ matrix.T
    return np.stack([np.einsum("ij,j->i", matrix, q) for q in queries])


def _hs_scores(index: MatchIndex, views, side: str, n: int, columns) -> np.ndarray:
    """HS level weight of my ``side`` codes against their opposite side, (nq, width)."""
    store = index.hs_offer if side == "needs" else index.hs_need
    rows = [f for v in views for f in side_hs_features(getattr(v.profile, side))]
    shared = store.shared(rows, n, columns)
    shared = shared.reshape(len(views), 4, shared.shape[1])
    out = np.zeros((len(views), shared.shape[2]), dtype=np.float32)
    for i, level in enumerate((8, 6, 4, 2)):
        np.maximum(out, shared[:, i] * np.float32(HS_LEVEL_WEIGHTS[level]), out=out)
    return out


def _sector_scores(index: MatchIndex, views, side: str, n: int, columns) -> np.ndarray:
    store = index.sec_offer if side == "needs" else index.sec_need
    rows = []
    for v in views:
        sectors = getattr(v.profile, side).sectors
        ancestors = {a for s in sectors for a in index.sectors.ancestors(s)}
        rows += [{f"s:{s}" for s in sectors}, {f"s:{a}" for a in ancestors}]
        rows.append({f"a:{s}" for s in sectors})
    shared = store.shared(rows, n, columns)
    shared = shared.reshape(len(views), 3, shared.shape[1])
    related = np.where(shared[:, 1] | shared[:, 2], np.float32(0.5), np.float32(0.0))
    return np.where(shared[:, 0], np.float32(1.0), related)


def _text_scores(index, views, n, weights: Weights, direction: str, columns=None, coarse=False):
    """Fused text similarity of my needs to their offers (or offers to needs), (nq, width)."""
    mine, theirs = ("need", "offer") if direction == "need_offer" else ("offer", "need")
    q = np.stack([getattr(v, f"{mine}_vec") for v in views])
    if coarse:
        q = q @ index.basis
        matrix = getattr(index, f"{theirs}_low")
    else:
        matrix = getattr(index, f"{theirs}_vec")
    enc = _dot(q, _take(matrix, n, columns))
    store = index.lex_offer if theirs == "offer" else index.lex_need
    lex = store.scores([getattr(v, f"{mine}_bag") for v in views], n, columns)
    rows_ok = np.array([bool(getattr(v.profile, f"{mine}s").texts) for v in views])
    cols_ok = _take(getattr(index, f"has_{theirs}_text"), n, columns)
    enc *= np.float32(weights.encoder)
    lex *= np.float32(1.0 - weights.encoder)
    enc += lex
    enc *= rows_ok[:, None]
    enc *= cols_ok[None, :]
    return enc


@dataclass
class BlockScores:
    """Scores of a block of queries against all slots, with the parts reasons need."""

    score: np.ndarray  # (nq, width) float32, -inf where excluded
    text_need_offer: np.ndarray
    text_offer_need: np.ndarray


def score_block(
    index: MatchIndex,
    views: list[QueryView],
    weights: Weights,
    columns: np.ndarray | None = None,
    coarse: bool = False,
) -> BlockScores:
    """Score every query view against every slot of the index (or the slots in ``columns``).

    ``coarse=True`` uses the PCA-projected vectors (a cheap first pass for large indexes).
    """
    n = index.n_slots
    t_no = _text_scores(index, views, n, weights, "need_offer", columns, coarse)
    t_on = _text_scores(index, views, n, weights, "offer_need", columns, coarse)
    score = np.maximum(t_no, t_on)
    score *= np.float32(weights.text)
    hs = np.maximum(
        _hs_scores(index, views, "needs", n, columns),
        _hs_scores(index, views, "offers", n, columns),
    )
    score += np.float32(weights.hs) * hs
    del hs
    sec = np.maximum(
        _sector_scores(index, views, "needs", n, columns),
        _sector_scores(index, views, "offers", n, columns),
    )
    score += np.float32(weights.sector) * sec
    del sec
    floor = weights.min_relevance - (0.1 if coarse else 0.0)
    invalid = score < np.float32(floor)
    invalid |= ~_take(index.active, n, columns)[None, :]

    masks = _take(index.deal_mask, n, columns)
    slots = np.arange(n) if columns is None else columns
    for i, v in enumerate(views):
        if v.profile.deal_types:
            complementary = (masks & complement_mask(v.profile)) != 0
            score[i] += np.float32(weights.deal) * complementary
            invalid[i] |= (masks != 0) & ~complementary
        if v.slot is not None:
            invalid[i] |= slots == v.slot

    region_rows = []
    for v in views:
        region_rows.append({f"h:{t}" for t in v.profile.regions})
        home = v.profile.home
        region_rows.append({f"t:{r}" for r in region_chain(home)} if home else set())
    shared = index.regions.shared(region_rows, n, columns)
    shared = shared.reshape(len(views), 2, shared.shape[1])
    has_targets = np.array([bool(v.profile.regions) for v in views])
    score += np.float32(weights.region_fit) * shared[:, 0]
    score += np.float32(weights.region_mutual) * shared[:, 1]
    miss = has_targets[:, None] & _take(index.has_home, n, columns)[None, :] & ~shared[:, 0]
    score -= np.float32(weights.region_miss) * miss
    score[invalid] = -np.inf
    return BlockScores(score, t_no, t_on)


def top_columns(row: np.ndarray, k: int) -> np.ndarray:
    """Sorted slots of the (up to) k best finite values of one score row."""
    finite = np.flatnonzero(np.isfinite(row))
    if len(finite) > k:
        finite = finite[np.argpartition(-row[finite], k - 1)[:k]]
    return np.sort(finite)


def top_k_rows(scores: np.ndarray, k: int) -> list[list[tuple[int, float]]]:
    """The k best (slot, score) of each row, best first, skipping -inf (exact).

    Wide rows are cut into blocks: the k best values lie in the k blocks with the best maxima,
    so only those are partitioned, which is much faster than a full argpartition per row.
    """
    nq, n = scores.shape
    block = 512
    if n <= block * max(k, 1) * 2:
        cand = np.broadcast_to(np.arange(n), (nq, n))
        values = scores
    else:
        n_blocks = -(-n // block)
        padded = np.full((nq, n_blocks * block), -np.inf, dtype=scores.dtype)
        padded[:, :n] = scores
        maxima = padded.reshape(nq, n_blocks, block).max(axis=2)
        best_blocks = np.argpartition(-maxima, k - 1, axis=1)[:, :k]
        cand = (best_blocks[:, :, None] * block + np.arange(block)[None, None, :]).reshape(nq, -1)
        values = np.take_along_axis(padded, cand, axis=1)
    kk = min(k, values.shape[1])
    part = np.argpartition(-values, kk - 1, axis=1)[:, :kk]
    out = []
    for r in range(nq):
        pairs = [(int(cand[r, j]), float(values[r, j])) for j in part[r]]
        pairs = [p for p in pairs if p[1] != -np.inf]
        pairs.sort(key=lambda p: (-p[1], p[0]))
        out.append(pairs)
    return out
