"""Recommendations: the public entry points over a :class:`MatchIndex`.

``recommend(index, "acme", k=10)`` ranks partners for one profile (indexed, or an ad-hoc
:class:`Profile`); ``recommend_all(index, k=10)`` does it for everyone in blocks. Both accept
the participants of one event (``candidates``), :class:`Preferences` and :class:`Feedback`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from .feedback import Feedback, Preferences
from .index import MatchIndex
from .profiles import Profile
from .reasons import REASON_ORDER, explain
from .scoring import (
    BlockScores,
    QueryView,
    Weights,
    query_views,
    score_block,
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


def _adjust(
    index: MatchIndex,
    row: np.ndarray,
    view: QueryView,
    allowed: np.ndarray | None,
    prefs: Preferences | None,
    feedback: Feedback | None,
    weights: Weights,
) -> None:
    """Apply event subset, preferences and feedback to one row of scores, in place."""
    n = len(row)
    if allowed is not None:
        row[~allowed[:n]] = -np.inf
    if prefs is not None:
        row[_slots(index, prefs.excluded)] = -np.inf
        row[_slots(index, prefs.preferred)] += weights.preferred
        if prefs.preferred_regions or prefs.preferred_sectors:
            bonus = np.zeros(n, dtype=bool)
            for slot in np.flatnonzero(np.isfinite(row)):
                other = index.profiles[slot]
                sectors = set(other.offers.sectors) | set(other.needs.sectors)
                sectors |= {a for s in sectors for a in index.sectors.ancestors(s)}
                bonus[slot] = bool(sectors & set(prefs.preferred_sectors)) or bool(
                    other.home
                    and any(region_covers(r, other.home) for r in prefs.preferred_regions)
                )
            row[bonus] += weights.preferred_attribute
    if feedback is not None:
        rejected = _slots(index, feedback.not_relevant)
        live = np.flatnonzero(np.isfinite(row))
        if rejected and len(live):
            sim = np.maximum(
                index.offer_vec[live] @ index.offer_vec[rejected].T,
                index.need_vec[live] @ index.need_vec[rejected].T,
            ).max(axis=1)
            scale = (sim - weights.rejected_threshold) / (1.0 - weights.rejected_threshold)
            row[live] -= weights.rejected_similarity * np.clip(scale, 0.0, 1.0).astype(np.float32)
        if rejected:
            row[rejected] = -np.inf
        if feedback.requested == "exclude":
            row[_slots(index, feedback.meeting_requested)] = -np.inf


def _finish(
    index: MatchIndex,
    view: QueryView,
    block: BlockScores,
    r: int,
    top: list[tuple[int, float]],
    prefs: Preferences | None,
    feedback: Feedback | None,
    weights: Weights,
) -> list[Recommendation]:
    out = []
    for slot, score in top:
        reasons = explain(
            index,
            view,
            slot,
            float(block.text_need_offer[r, slot]),
            float(block.text_offer_need[r, slot]),
            weights,
        )
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
    allowed = _allowed(index, candidates)
    if index.uses_coarse_scan():
        block = _two_stage(index, view, weights, allowed, preferences, feedback, k)
    else:
        block = score_block(index, [view], weights)
    _adjust(index, block.score[0], view, allowed, preferences, feedback, weights)
    (top,) = top_k_rows(block.score, k)
    return _finish(index, view, block, 0, top, preferences, feedback, weights)


def _two_stage(index, view, weights, allowed, preferences, feedback, k) -> BlockScores:
    """Coarse scan of all slots on projected vectors, then exact scores of the best ones."""
    coarse = score_block(index, [view], weights, coarse=True)
    _adjust(index, coarse.score[0], view, allowed, preferences, feedback, weights)
    n_cand = max(index.coarse_candidates, 20 * k)
    columns = top_columns(coarse.score[0], n_cand)
    exact = score_block(index, [view], weights, columns=columns)
    full = BlockScores(
        np.full((1, index.n_slots), -np.inf, dtype=np.float32),
        np.zeros((1, index.n_slots), dtype=np.float32),
        np.zeros((1, index.n_slots), dtype=np.float32),
    )
    full.score[0, columns] = exact.score[0]
    full.text_need_offer[0, columns] = exact.text_need_offer[0]
    full.text_offer_need[0, columns] = exact.text_offer_need[0]
    return full


def recommend_all(
    index: MatchIndex,
    k: int = 10,
    *,
    ids: Iterable[str] | None = None,
    candidates: Iterable[str] | None = None,
    preferences: Mapping[str, Preferences] | None = None,
    feedback: Mapping[str, Feedback] | None = None,
    weights: Weights | None = None,
    batch_size: int = 128,
) -> Iterator[tuple[str, list[Recommendation]]]:
    """Yield (id, recommendations) for every indexed profile (or ``ids``), in blocks."""
    weights = weights or Weights()
    preferences, feedback = preferences or {}, feedback or {}
    allowed = _allowed(index, candidates)
    order = list(ids) if ids is not None else index.ids()
    for start in range(0, len(order), batch_size):
        chunk = order[start : start + batch_size]
        views = query_views(index, chunk)
        block = score_block(index, views, weights)
        for r, view in enumerate(views):
            pid = view.profile.id
            if allowed is not None or pid in preferences or pid in feedback:
                _adjust(
                    index,
                    block.score[r],
                    view,
                    allowed,
                    preferences.get(pid),
                    feedback.get(pid),
                    weights,
                )
        tops = top_k_rows(block.score, k)
        for r, view in enumerate(views):
            pid = view.profile.id
            yield (
                pid,
                _finish(
                    index, view, block, r, tops[r], preferences.get(pid), feedback.get(pid), weights
                ),
            )
