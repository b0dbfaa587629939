"""Scores of a block of query profiles against every indexed slot, all at once.

For a query A and a candidate B the relevance is::

    text   = max(T(A.needs, B.offers), T(A.offers, B.needs))
    T      = w_enc * cosine(sentence vectors) + (1 - w_enc) * cosine(TF-IDF of pivot bags)
             - hub correction of B's texts (:mod:`.hubness`)
    hs     = level weight of the longest shared HS prefix, in either direction (8 > 6 > 4 > 2)
    sector = 1 for a shared sector, 0.5 for a parent/child pair, in either direction
    relevance = w_text * text + w_hs * hs + w_sector * sector

and the score adds a bonus for complementary deal types and for region fit (their home region
is within my targets; mine within theirs) and a malus when their home is outside my targets.
Pairs whose deal types are both stated and none answers the other (two sellers) are excluded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from .index import DEAL_BITS, MatchIndex, ProfileVectors, mean_vector, side_bag, side_hs_features
from .profiles import COMPLEMENTS, DEAL_TYPES, Profile
from .taxonomy import HS_LEVEL_WEIGHTS, region_chain


@dataclass(frozen=True)
class Weights:
    """Tunable weights of the score (``encoder`` was tuned on even HS rows, see ADR 0201)."""

    encoder: float = 0.5
    hubness: float = 0.7
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
    cache: dict = field(default_factory=dict)  # per-view memo (e.g. reasons' text bags)


def query_views(index: MatchIndex, profiles: list[Profile | str]) -> list[QueryView]:
    """Views for indexed ids or ad-hoc profiles (these are encoded on the fly)."""
    adhoc = [p for p in profiles if not isinstance(p, str)]
    encoded = dict(zip([id(p) for p in adhoc], index.encode_profiles(adhoc), strict=True))
    views = []
    for p in profiles:
        if isinstance(p, str):
            slot = index.slot_of[p]
            profile, vectors = index.profiles[slot], index.slot_vectors(slot)
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


def dot_rows(queries: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """queries @ matrix.T in float32; einsum loops for a few queries (memory-bound, and
    multithreaded BLAS gemv is several times slower there on a busy 2-core machine), BLAS GEMM
    for blocks. Half-precision matrices are converted chunk by chunk."""
    queries = queries.astype(np.float32, copy=False)
    if matrix.dtype != np.float32:
        out = np.empty((len(queries), len(matrix)), dtype=np.float32)
        for start in range(0, len(matrix), 16384):
            out[:, start : start + 16384] = dot_rows(
                queries, matrix[start : start + 16384].astype(np.float32)
            )
        return out
    if len(queries) > 4:
        return queries @ matrix.T
    return np.stack([np.einsum("ij,j->i", matrix, q) for q in queries])


def _indicators(counts: sp.csr_matrix, per_query: int, weights: list[float]) -> sp.csr_matrix:
    """Sum over each query's ``per_query`` rows of weight * [count > 0]: sparse (nq, n)."""
    counts = counts.copy()
    counts.data = np.minimum(counts.data, 1.0)
    nq = counts.shape[0] // per_query
    agg = sp.csr_matrix(
        (
            np.tile(np.asarray(weights, dtype=np.float32), nq),
            (np.repeat(np.arange(nq), per_query), np.arange(nq * per_query)),
        ),
        shape=(nq, nq * per_query),
    )
    return (agg @ counts).tocsr()


# HS levels are nested (sharing a subheading implies sharing its heading and chapter), so the
# weight of the longest shared level is the sum of the increments of all shared levels.
HS_INCREMENTS = [
    HS_LEVEL_WEIGHTS[8] - HS_LEVEL_WEIGHTS[6],
    HS_LEVEL_WEIGHTS[6] - HS_LEVEL_WEIGHTS[4],
    HS_LEVEL_WEIGHTS[4] - HS_LEVEL_WEIGHTS[2],
    HS_LEVEL_WEIGHTS[2],
]


def _code_scores(index: MatchIndex, views: list[QueryView], n: int, weights: Weights):
    """w_hs * HS level weight + w_sector * sector relation (1 same, 0.5 parent/child), each the
    best of both directions: dense (nq, n)."""
    total = None
    for side, hs_store, sec_store in (
        ("needs", index.hs_offer, index.sec_offer),
        ("offers", index.hs_need, index.sec_need),
    ):
        rows = [f for v in views for f in side_hs_features(getattr(v.profile, side))]
        hs = _indicators(hs_store.counts(rows, n), 4, HS_INCREMENTS)
        rows = []
        for v in views:
            sectors = getattr(v.profile, side).sectors
            related = {f"s:{a}" for s in sectors for a in index.sectors.ancestors(s)}
            rows += [{f"s:{s}" for s in sectors}, related | {f"a:{s}" for s in sectors}]
        sec = _indicators(sec_store.counts(rows, n), 2, [1.0, 0.5])
        sec.data = np.minimum(sec.data, 1.0)
        part = hs * np.float32(weights.hs) + sec * np.float32(weights.sector)
        total = part if total is None else total.maximum(part)
    return total.toarray()


@dataclass
class BlockParts:
    """Score components of a block of queries against all slots (arrays of shape (nq, n))."""

    enc_need_offer: np.ndarray
    enc_offer_need: np.ndarray
    lex_need_offer: np.ndarray
    lex_offer_need: np.ndarray
    codes: np.ndarray  # w_hs * hs + w_sector * sector
    bonus: np.ndarray  # deal and region bonuses and maluses
    blocked: np.ndarray  # bool: inactive, self, or deal types that cannot meet
    coarse: bool
    hub_no: np.ndarray | None = None  # hub correction of T need->offer (nq, n)
    hub_on: np.ndarray | None = None


def encoder_scores(index: MatchIndex, views, n: int, coarse: bool) -> tuple[np.ndarray, ...]:
    """Encoder cosine need->offer and offer->need, masked where either side has no text."""
    out = []
    for mine, theirs in (("need", "offer"), ("offer", "need")):
        q = np.stack([getattr(v, f"{mine}_vec") for v in views]).astype(np.float32)
        if coarse:
            q, matrix = q @ index.basis, getattr(index, f"{theirs}_low")
        else:
            matrix = getattr(index, f"{theirs}_vec")
        enc = dot_rows(q, matrix[:n])
        rows_ok = np.array([bool(getattr(v.profile, f"{mine}s").texts) for v in views])
        enc *= rows_ok[:, None]
        enc *= getattr(index, f"has_{theirs}_text")[None, :n]
        out.append(enc)
    return tuple(out)


def block_parts(index: MatchIndex, views: list[QueryView], weights: Weights, coarse=False):
    """All score components of the views against every slot.

    ``coarse=True`` computes the encoder part on the PCA-projected vectors (a cheap first pass
    for large indexes, refined by :func:`refine`); every other component is exact.
    """
    n = index.n_slots
    enc_no, enc_on = encoder_scores(index, views, n, coarse)
    lex_no = index.lex_offer.scores([v.need_bag for v in views], n)
    lex_no *= np.array([bool(v.profile.needs.texts) for v in views])[:, None]
    lex_on = index.lex_need.scores([v.offer_bag for v in views], n)
    lex_on *= np.array([bool(v.profile.offers.texts) for v in views])[:, None]
    codes = _code_scores(index, views, n, weights)

    blocked = np.repeat(~index.active[None, :n], len(views), axis=0)
    masks = index.deal_mask[:n].astype(np.int16)
    comp = np.array([complement_mask(v.profile) for v in views], dtype=np.int16)
    complementary = (masks[None, :] & comp[:, None]) != 0
    stated = comp != 0
    blocked |= stated[:, None] & (masks != 0)[None, :] & ~complementary
    bonus = complementary.astype(np.float32)
    bonus *= np.float32(weights.deal)
    del complementary
    for i, v in enumerate(views):
        if v.slot is not None and v.slot < n:
            blocked[i, v.slot] = True

    hub_no, hub_on = hub_corrections(index, views, n, weights)

    region_rows = []
    for v in views:
        region_rows.append({f"h:{t}" for t in v.profile.regions})
        home = v.profile.home
        region_rows.append({f"t:{r}" for r in region_chain(home)} if home else set())
    has_targets = np.array([bool(v.profile.regions) for v in views])
    bonus -= np.float32(weights.region_miss) * (has_targets[:, None] & index.has_home[None, :n])
    counts = index.regions.counts(region_rows, n)
    fit = _indicators(counts, 2, [weights.region_fit + weights.region_miss, 0.0])
    mutual = _indicators(counts, 2, [0.0, weights.region_mutual])
    bonus += (fit + mutual).toarray()
    return BlockParts(enc_no, enc_on, lex_no, lex_on, codes, bonus, blocked, coarse, hub_no, hub_on)


def hub_corrections(index: MatchIndex, views, n: int, weights: Weights):
    """(need->offer, offer->need) corrections of T, (nq, n) each: the candidate's hub value
    (``beta * (hub - median)``) where the query has text on that side, else 0."""
    if not weights.hubness:
        return None, None
    offer_adj, need_adj = index.hubness.adjustments(index, weights)
    has_need = np.array([bool(v.profile.needs.texts) for v in views], dtype=np.float32)
    has_offer = np.array([bool(v.profile.offers.texts) for v in views], dtype=np.float32)
    return has_need[:, None] * offer_adj[None, :n], has_offer[:, None] * need_adj[None, :n]


def combine(
    enc_no,
    enc_on,
    lex_no,
    lex_on,
    codes,
    bonus,
    blocked,
    weights: Weights,
    coarse=False,
    hub_no=None,
    hub_on=None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(score, text need->offer, text offer->need) from components of any (matching) shape."""
    w = np.float32(weights.encoder)
    t_no = w * enc_no + (np.float32(1.0) - w) * lex_no
    t_on = w * enc_on + (np.float32(1.0) - w) * lex_on
    relevance = np.maximum(t_no, t_on) * np.float32(weights.text) + codes
    floor = weights.min_relevance - (0.1 if coarse else 0.0)
    # The relevance floor (and the reasons) use the plain similarity: the hub correction only
    # orders pairs that are relevant anyway, it never makes an unrelated text relevant.
    irrelevant = (relevance < np.float32(floor)) | blocked
    if hub_no is not None:
        relevance = np.maximum(t_no - hub_no, t_on - hub_on) * np.float32(weights.text) + codes
    score = relevance + bonus
    score[irrelevant] = -np.inf
    return score, t_no, t_on


def combine_parts(parts: BlockParts, weights: Weights):
    """:func:`combine` over a whole :class:`BlockParts`."""
    return combine(
        parts.enc_need_offer,
        parts.enc_offer_need,
        parts.lex_need_offer,
        parts.lex_offer_need,
        parts.codes,
        parts.bonus,
        parts.blocked,
        weights,
        parts.coarse,
        parts.hub_no,
        parts.hub_on,
    )


def refine(index: MatchIndex, views, parts: BlockParts, weights: Weights, cand: np.ndarray):
    """Exact (score, t_no, t_on) at candidate slots ``cand`` (nq, C) of coarse ``parts``."""
    exact = []
    for mine, theirs in (("need", "offer"), ("offer", "need")):
        q = np.stack([getattr(v, f"{mine}_vec") for v in views])
        gathered = getattr(index, f"{theirs}_vec")[cand].astype(np.float32)  # (nq, C, dim)
        enc = np.einsum("qcd,qd->qc", gathered, q.astype(np.float32))
        rows_ok = np.array([bool(getattr(v.profile, f"{mine}s").texts) for v in views])
        enc *= rows_ok[:, None]
        enc *= getattr(index, f"has_{theirs}_text")[cand]
        exact.append(enc)

    def take(a):
        return np.take_along_axis(a, cand, axis=1)

    return combine(
        exact[0],
        exact[1],
        take(parts.lex_need_offer),
        take(parts.lex_offer_need),
        take(parts.codes),
        take(parts.bonus),
        take(parts.blocked),
        weights,
        hub_no=None if parts.hub_no is None else take(parts.hub_no),
        hub_on=None if parts.hub_on is None else take(parts.hub_on),
    )


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
