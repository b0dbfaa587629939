"""Why a partner is recommended, as structured data (``{"kind": ..., parameters}``).

Kinds: ``hs`` (code, level), ``sector`` (sector, relation same/broader/narrower), ``text``
(need, offer, direction, similarity), ``deal`` (mine, theirs), ``region`` (region, relation
in_your_targets/targets_you), ``preferred``, ``meeting_requested``. ``render.render_reasons``
turns them into an English or Chinese sentence.
"""

from __future__ import annotations

import numpy as np

from .index import MatchIndex
from .lexicon import pivot_bag
from .profiles import deal_types_complement
from .scoring import QueryView, Weights
from .taxonomy import best_hs_match, region_covers

REASON_ORDER = ("hs", "sector", "text", "deal", "region", "preferred", "meeting_requested")


class _WeightedBags:
    """Idf-weighted, normalised pivot bags of texts, cached while document frequencies hold."""

    def __init__(self) -> None:
        self.version = -1
        self.idf = np.ones(1, dtype=np.float32)
        self.bags: dict[str, dict[str, float]] = {}

    def get(self, index: MatchIndex, text: str) -> dict[str, float]:
        vocab = index.vocab
        if self.version != vocab.version or len(self.bags) > 50_000:
            self.version = vocab.version
            self.idf = vocab.idf() if vocab.columns else np.ones(1, dtype=np.float32)
            self.bags = {}
        bag = self.bags.get(text)
        if bag is None:
            top = float(self.idf.max())
            out = {}
            for term, weight in pivot_bag(text):
                col = vocab.columns.get(term)
                out[term] = float(np.log1p(weight)) * (
                    float(self.idf[col]) if col is not None else top
                )
            norm = sum(w * w for w in out.values()) ** 0.5 or 1.0
            bag = self.bags[text] = {t: w / norm for t, w in out.items()}
        return bag


def _bags(index: MatchIndex, texts: tuple[str, ...]) -> list[dict[str, float]]:
    cache = getattr(index, "_reason_bags", None)
    if cache is None:
        cache = index._reason_bags = _WeightedBags()
    return [cache.get(index, t) for t in texts]


def _lexical_cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(w * get(t, 0.0) for t, w in a.items())


def _best_pair(mine, mine_bags, mine_vecs, theirs, theirs_bags, theirs_vecs, weights: Weights):
    cos = mine_vecs @ theirs_vecs.T
    best = None
    for i, a in enumerate(mine_bags):
        for j, b in enumerate(theirs_bags):
            sim = weights.encoder * float(cos[i, j]) + (1 - weights.encoder) * _lexical_cosine(a, b)
            if best is None or sim > best[2]:
                best = (mine[i], theirs[j], sim)
    return best


def best_text_pair(
    index: MatchIndex,
    mine: tuple[str, ...],
    mine_vecs: np.ndarray,
    theirs: tuple[str, ...],
    theirs_vecs: np.ndarray,
    weights: Weights,
) -> tuple[str, str, float] | None:
    """The pair of texts (mine, theirs) that match best, with their fused similarity."""
    if not mine or not theirs:
        return None
    return _best_pair(
        mine,
        _bags(index, mine),
        mine_vecs.astype(np.float32),
        theirs,
        _bags(index, theirs),
        theirs_vecs.astype(np.float32),
        weights,
    )


def _my_side(index: MatchIndex, view: QueryView, side: str):
    """(texts, weighted bags, float32 vectors) of one side of the query, cached on the view."""
    key = f"reasons:{side}"
    cached = view.cache.get(key)
    if cached is None or cached[3] != index.vocab.version:
        texts = getattr(view.profile, f"{side}s").texts
        vecs = getattr(view.vectors, side).astype(np.float32)
        cached = view.cache[key] = (texts, _bags(index, texts), vecs, index.vocab.version)
    return cached[:3]


def explain(
    index: MatchIndex,
    view: QueryView,
    slot: int,
    text_need_offer: float,
    text_offer_need: float,
    weights: Weights,
) -> list[dict]:
    """Structured reasons why the profile in ``slot`` suits the query profile."""
    me, them = view.profile, index.profiles[slot]
    assert them is not None
    reasons: list[dict] = []

    hs = [
        m
        for m in (
            best_hs_match(me.needs.hs_codes, them.offers.hs_codes),
            best_hs_match(me.offers.hs_codes, them.needs.hs_codes),
        )
        if m
    ]
    if hs:
        code, level = max(hs, key=lambda m: m[1])
        reasons.append({"kind": "hs", "code": code, "level": level})

    rel = index.sectors.relation(me.needs.sectors, them.offers.sectors) or index.sectors.relation(
        me.offers.sectors, them.needs.sectors
    )
    if rel:
        reasons.append({"kind": "sector", "sector": rel[0], "relation": rel[1]})

    if max(text_need_offer, text_offer_need) >= weights.text_reason_min:
        mine_side, their_side, direction = "need", "offer", "need_offer"
        if text_need_offer < text_offer_need:
            mine_side, their_side, direction = "offer", "need", "offer_need"
        texts, bags, vecs = _my_side(index, view, mine_side)
        theirs = getattr(them, f"{their_side}s").texts
        if texts and theirs:
            rows = index.text_rows[slot][0 if their_side == "offer" else 1]
            pair = _best_pair(
                texts,
                bags,
                vecs,
                theirs,
                _bags(index, theirs),
                index.texts.vectors[rows].astype(np.float32),
                weights,
            )
            reasons.append(
                {
                    "kind": "text",
                    "direction": direction,
                    mine_side: pair[0],
                    their_side: pair[1],
                    "similarity": round(pair[2], 3),
                }
            )

    deal = deal_types_complement(me.deal_types, them.deal_types)
    if deal:
        reasons.append({"kind": "deal", "mine": deal[0], "theirs": deal[1]})

    if them.home and any(region_covers(t, them.home) for t in me.regions):
        reasons.append({"kind": "region", "region": them.home, "relation": "in_your_targets"})
    if me.home and any(region_covers(t, me.home) for t in them.regions):
        reasons.append({"kind": "region", "region": me.home, "relation": "targets_you"})
    return reasons
