"""Recommendations: the public entry points over a :class:`MatchIndex`.

``recommend(index, "acme", k=10)`` ranks partners for one profile (indexed, or an ad-hoc
:class:`Profile`); ``recommend_all(index, k=10)`` does it for everyone in blocks. Both accept
the participants of one event (``candidates``), :class:`Preferences` and :class:`Feedback`.

Large indexes (``index.uses_coarse_scan()``) are ranked in two passes: every component of the
score is exact except the sentence-vector cosine, first taken on a PCA projection; the best
candidates of that pass are then rescored with the full vectors. Small indexes are exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from .batch import CHUNK, rank_all
from .feedback import Feedback, Preferences
from .index import MatchIndex
from .profiles import Profile
from .reasons import REASON_ORDER, explain
from .scoring import (
    QueryView,
    Weights,
    block_parts,
    combine_parts,
    dot_rows,
    query_views,
    refine,
    top_columns,
    top_k_rows,
)
from .taxonomy import region_covers


@dataclass(frozen=True)
class Recommendation:
    """One recommended partner: its id, score (higher is better) and structured reasons."""

    id: str
    score: float
    reasons: tuple[dict, ...]

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {"id": self.id, "score": round(self.score, 4), "reasons": list(self.reasons)}


def _slots(index: MatchIndex, ids: Iterable[str]) -> list[int]:
    return [index.slot_of[i] for i in ids if i in index.slot_of]


def _adjustment(
    index: MatchIndex,
    row: np.ndarray,
    allowed: np.ndarray | None,
    prefs: Preferences | None,
    feedback: Feedback | None,
    weights: Weights,
) -> np.ndarray | None:
    """Additive change to one row of scores (-inf excludes) for event, preferences, feedback."""
    if allowed is None and prefs is None and feedback is None:
        return None
    n = len(row)
    delta = np.zeros(n, dtype=np.float32)
    if allowed is not None:
        delta[~allowed[:n]] = -np.inf
    live = np.flatnonzero(np.isfinite(row) & np.isfinite(delta))
    if prefs is not None:
        delta[_slots(index, prefs.excluded)] = -np.inf
        delta[_slots(index, prefs.preferred)] += weights.preferred
        if prefs.preferred_regions or prefs.preferred_sectors:
            for slot in live:
                other = index.profiles[slot]
                sectors = set(other.offers.sectors) | set(other.needs.sectors)
                sectors |= {a for s in sectors for a in index.sectors.ancestors(s)}
                home = other.home
                if sectors & set(prefs.preferred_sectors) or (
                    home and any(region_covers(r, home) for r in prefs.preferred_regions)
                ):
                    delta[slot] += weights.preferred_attribute
    if feedback is not None:
        rejected = _slots(index, feedback.not_relevant)
        if rejected and len(live):
            sim = np.maximum(
                dot_rows(index.offer_vec[rejected], index.offer_vec[live]),
                dot_rows(index.need_vec[rejected], index.need_vec[live]),
            ).max(axis=0)
            scale = (sim - weights.rejected_threshold) / (1.0 - weights.rejected_threshold)
            delta[live] -= weights.rejected_similarity * np.clip(scale, 0.0, 1.0)
        delta[rejected] = -np.inf
        if feedback.requested == "exclude":
            delta[_slots(index, feedback.meeting_requested)] = -np.inf
    return delta


def _rank(
    index: MatchIndex,
    views: list[QueryView],
    k: int,
    allowed: np.ndarray | None,
    preferences: Mapping[str, Preferences],
    feedback: Mapping[str, Feedback],
    weights: Weights,
) -> list[list[tuple[int, float, float, float]]]:
    """Per view, the k best (slot, score, text need->offer, text offer->need)."""
    coarse = index.uses_coarse_scan()
    parts = block_parts(index, views, weights, coarse)
    score, t_no, t_on = combine_parts(parts, weights)
    deltas = []
    for r, view in enumerate(views):
        pid = view.profile.id
        delta = _adjustment(
            index, score[r], allowed, preferences.get(pid), feedback.get(pid), weights
        )
        if delta is not None:
            score[r] += delta
        deltas.append(delta)
    if not coarse:
        return [
            [(s, v, float(t_no[r, s]), float(t_on[r, s])) for s, v in top]
            for r, top in enumerate(top_k_rows(score, k))
        ]
    size = max(index.coarse_candidates if len(views) == 1 else index.batch_candidates, 2 * k)
    cand = np.zeros((len(views), size), dtype=np.int64)
    valid = np.zeros((len(views), size), dtype=bool)
    for r in range(len(views)):
        cols = top_columns(score[r], size)
        cand[r, : len(cols)] = cols
        valid[r, : len(cols)] = True
    exact, e_no, e_on = refine(index, views, parts, weights, cand)
    for r, delta in enumerate(deltas):
        if delta is not None:
            exact[r] += delta[cand[r]]
    exact[~valid] = -np.inf
    out = []
    for r, top in enumerate(top_k_rows(exact, k)):
        out.append([(int(cand[r, j]), v, float(e_no[r, j]), float(e_on[r, j])) for j, v in top])
    return out


def _finish(
    index: MatchIndex,
    view: QueryView,
    top: list[tuple[int, float, float, float]],
    prefs: Preferences | None,
    feedback: Feedback | None,
    weights: Weights,
) -> list[Recommendation]:
    out = []
    for slot, score, t_no, t_on in top:
        reasons = explain(index, view, slot, t_no, t_on, weights)
        pid = index.profiles[slot].id
        if prefs is not None and pid in prefs.preferred:
            reasons.append({"kind": "preferred"})
        if feedback is not None and pid in feedback.meeting_requested:
            reasons.append({"kind": "meeting_requested"})
        reasons.sort(key=lambda x: REASON_ORDER.index(x["kind"]))
        out.append(Recommendation(pid, score, tuple(reasons)))
    return out


def _allowed(index: MatchIndex, candidates: Iterable[str] | None) -> np.ndarray | None:
    if candidates is None:
        return None
    allowed = np.zeros(index.n_slots, dtype=bool)
    allowed[_slots(index, candidates)] = True
    return allowed


def recommend(
    index: MatchIndex,
    profile: str | Profile,
    k: int = 10,
    *,
    candidates: Iterable[str] | None = None,
    preferences: Preferences | None = None,
    feedback: Feedback | None = None,
    weights: Weights | None = None,
) -> list[Recommendation]:
    """The ``k`` best partners for one profile (an indexed id or an ad-hoc profile).

    ``candidates`` limits partners to these ids (e.g. the participants of one event).
    """
    weights = weights or Weights()
    (view,) = query_views(index, [profile])
    pid = view.profile.id
    prefs = {pid: preferences} if preferences is not None else {}
    fb = {pid: feedback} if feedback is not None else {}
    (top,) = _rank(index, [view], k, _allowed(index, candidates), prefs, fb, weights)
    return _finish(index, view, top, preferences, feedback, weights)


def recommend_all(
    index: MatchIndex,
    k: int = 10,
    *,
    ids: Iterable[str] | None = None,
    candidates: Iterable[str] | None = None,
    preferences: Mapping[str, Preferences] | None = None,
    feedback: Mapping[str, Feedback] | None = None,
    weights: Weights | None = None,
    batch_size: int | None = None,
) -> Iterator[tuple[str, list[Recommendation]]]:
    """Yield (id, recommendations) for every indexed profile (or ``ids``), in that order.

    Ranks as :func:`recommend` would, but in bulk (see :mod:`.batch`): queries are grouped by
    the deal types they can meet and scored against those candidates only. Results come out
    every :data:`batch.CHUNK` profiles. ``batch_size`` is accepted for compatibility; block
    sizes are now chosen from the number of candidates.
    """
    del batch_size
    weights = weights or Weights()
    preferences, feedback = preferences or {}, feedback or {}
    allowed = _allowed(index, candidates)
    order = list(ids) if ids is not None else index.ids()

    def adjust(row, slots, prefs, fb):
        if prefs is None and fb is None:
            return None
        whole = np.full(index.n_slots, -np.inf, dtype=np.float32)
        whole[slots] = row
        delta = _adjustment(index, whole, None, prefs, fb, weights)
        return None if delta is None else delta[slots]

    for start in range(0, len(order), CHUNK):
        views = query_views(index, order[start : start + CHUNK])
        tops: list = [None] * len(views)
        for i, top in rank_all(index, views, k, allowed, preferences, feedback, weights, adjust):
            tops[i] = top
        for view, top in zip(views, tops, strict=True):
            pid = view.profile.id
            yield pid, _finish(index, view, top, preferences.get(pid), feedback.get(pid), weights)
