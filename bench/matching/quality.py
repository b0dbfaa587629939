"""Cross-lingual retrieval quality on the bilingual HS8 list (text only, no codes given).

Each Chinese description is a need; the 8,957 English descriptions are offers (and the reverse).
We report recall at 1 and 10 and MRR of the exact twin, and recall at 10 of any code of the same
HS4 heading. The CSV is only ever read here, to build the test; the engine never sees it beyond
the texts of the profiles under test. The fusion weight is chosen on even rows; odd rows are a
held-out check.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tradebridge.matchmaking.engine import MatchIndex, Weights, profile_from_dict
from tradebridge.matchmaking.engine.scoring import (
    block_parts,
    combine_parts,
    encoder_scores,
    query_views,
)

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE.parents[1] / ".." / "shared" / "data" / "hs-codes" / "hs8-2023-en-zh.csv"


def load_hs(path: Path, limit: int | None = None) -> list[dict]:
    """Rows {hs8, en, zh} of the benchmark file (optionally every n-th row up to ``limit``)."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if limit and limit < len(rows):
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    return rows


@dataclass
class Metrics:
    r1: float
    r10: float
    mrr: float
    h4_r10: float


def metrics(scores: np.ndarray, heads: np.ndarray, rows: slice | np.ndarray) -> Metrics:
    """Metrics of a square score matrix whose gold is the diagonal, over the selected rows."""
    sub = scores[rows]
    idx = np.arange(len(scores))[rows]
    gold = sub[np.arange(len(idx)), idx]
    rank = (sub > gold[:, None]).sum(axis=1)
    rank = np.where(np.isfinite(gold), rank, len(scores))
    top = np.argpartition(-sub, 10, axis=1)[:, :10]
    same_head = (heads[top] == heads[idx][:, None]).any(axis=1)
    return Metrics(
        float(np.mean(rank < 1)),
        float(np.mean(rank < 10)),
        float(np.mean(1.0 / (rank + 1))),
        float(np.mean(same_head)),
    )


def _score_parts(index: MatchIndex, queries: list, cols: np.ndarray, chunk: int = 512):
    """(encoder cosine, lexical cosine) need->offer matrices of the queries (indexed ids or
    ad-hoc profiles) against the slots ``cols``."""
    n = index.n_slots
    enc = np.zeros((len(queries), len(cols)), dtype=np.float32)
    lex = np.zeros_like(enc)
    for start in range(0, len(queries), chunk):
        views = query_views(index, queries[start : start + chunk])
        part = slice(start, start + len(views))
        enc[part] = encoder_scores(index, views, n, coarse=False)[0][:, cols]
        lex[part] = index.lex_offer.scores([v.need_bag for v in views], n)[:, cols]
    return enc, lex


def hub_correction(index: MatchIndex, cols: np.ndarray, weights: Weights) -> np.ndarray:
    """The engine's hubness correction of need->offer text scores for the offer slots ``cols``."""
    offer_adj, _ = index.hubness.adjustments(index, weights)
    return offer_adj[cols]


def engine_scores(index: MatchIndex, queries: list, cols, weights: Weights, chunk: int = 256):
    """The engine's full score (what ``recommend`` ranks by) of the queries at slots ``cols``."""
    out = np.zeros((len(queries), len(cols)), dtype=np.float32)
    for start in range(0, len(queries), chunk):
        views = query_views(index, queries[start : start + chunk])
        parts = block_parts(index, views, weights)
        out[start : start + len(views)] = combine_parts(parts, weights)[0][:, cols]
    return out


def build_index(encoder, offers: list[str], needs: list[str]) -> tuple[MatchIndex, np.ndarray]:
    """An index holding one offer-only profile per offer text and one need-only profile per
    need text, as a platform holds both sides; and the slots of the offers, in order."""
    index = MatchIndex(encoder=encoder)
    index.add_many(profile_from_dict({"id": f"o{i}", "offers": t}) for i, t in enumerate(offers))
    index.add_many(profile_from_dict({"id": f"n{i}", "needs": t}) for i, t in enumerate(needs))
    return index, np.array([index.slot_of[f"o{i}"] for i in range(len(offers))])


def rrf(enc: np.ndarray, lex: np.ndarray, k: int = 60) -> np.ndarray:
    """Reciprocal rank fusion of two score matrices (row-wise ranks)."""
    out = np.zeros_like(enc)
    for m in (enc, lex):
        ranks = np.empty_like(m, dtype=np.int32)
        order = np.argsort(-m, axis=1)
        np.put_along_axis(ranks, order, np.arange(m.shape[1], dtype=np.int32)[None, :], axis=1)
        out += 1.0 / (k + 1 + ranks)
    return out


def run_quality(path: Path, limit: int | None, encoder, extra_encoders=()) -> list[tuple]:
    """All quality rows: (direction, method, split, Metrics), plus timing notes.

    The index holds both sides (offer-only and need-only profiles), as the platform does: the
    engine's hubness correction is computed from the needs it holds. The fusion weight and the
    correction's strength are chosen on even rows; odd rows are held out. A second check
    computes the correction from the even rows' needs only and ranks odd needs among odd offers,
    so that no query's own text is part of the statistic.
    """
    rows = load_hs(path, limit)
    heads = np.array([r["hs8"][:4] for r in rows])
    even, odd, whole = slice(0, None, 2), slice(1, None, 2), slice(None)
    results, notes = [], []
    for direction, need_lang, offer_lang in (("zh->en", "zh", "en"), ("en->zh", "en", "zh")):
        t0 = time.perf_counter()
        needs, offers = [r[need_lang] for r in rows], [r[offer_lang] for r in rows]
        index, cols = build_index(encoder, offers, needs)
        queries = [f"n{i}" for i in range(len(rows))]
        enc, lex = _score_parts(index, queries, cols)
        notes.append(
            f"{direction}: indexed and scored {len(rows)} in {time.perf_counter() - t0:.0f}s"
        )
        results.append((direction, "encoder only (USE v3)", "all", metrics(enc, heads, whole)))
        results.append(
            (direction, "lexical only (CEDICT TF-IDF)", "all", metrics(lex, heads, whole))
        )
        results.append(
            (direction, "rank fusion (RRF k=60)", "all", metrics(rrf(enc, lex), heads, whole))
        )
        if direction == "zh->en":
            sweep = {
                w: metrics(w * enc + (1 - w) * lex, heads, even).r10
                for w in np.round(np.arange(0.2, 0.85, 0.05), 2)
            }
            best_w = max(sweep, key=lambda w: (sweep[w], -abs(w - 0.5)))
            notes.append(
                "even-row sweep of w (R@10): "
                + ", ".join(f"{w:.2f}:{v:.3f}" for w, v in sweep.items())
            )
        fused = best_w * enc + (1 - best_w) * lex
        for split, sel in (("even (tuning)", even), ("odd (held out)", odd), ("all", whole)):
            results.append(
                (direction, f"weighted sum w={best_w:.2f}", split, metrics(fused, heads, sel))
            )
        unit = hub_correction(index, cols, Weights(encoder=float(best_w), hubness=1.0))
        if direction == "zh->en":
            hub_sweep = {
                b: metrics(fused - b * unit[None, :], heads, even).r10
                for b in np.round(np.arange(0.3, 1.05, 0.1), 2)
            }
            best_b = max(hub_sweep, key=lambda b: (hub_sweep[b], -abs(b - 0.7)))
            notes.append(
                "even-row sweep of the hubness strength (R@10): "
                + ", ".join(f"{b:.1f}:{v:.3f}" for b, v in hub_sweep.items())
            )
        corrected = fused - best_b * unit[None, :]
        for split, sel in (("even (tuning)", even), ("odd (held out)", odd), ("all", whole)):
            results.append(
                (
                    direction,
                    f"weighted sum, hubness-corrected beta={best_b:.1f}",
                    split,
                    metrics(corrected, heads, sel),
                )
            )
        weights = Weights(encoder=float(best_w), hubness=float(best_b))
        full = engine_scores(index, queries, cols, weights)
        results.append(
            (
                direction,
                f"engine score (Weights(encoder={best_w:.2f}, hubness={best_b:.1f}))",
                "all",
                metrics(full, heads, whole),
            )
        )
        del full, corrected
        # Disjoint check: the statistic from the even rows' needs, odd needs among odd offers.
        odd_rows = np.arange(1, len(rows), 2)
        half, half_cols = build_index(
            encoder, [offers[i] for i in odd_rows], [needs[i] for i in range(0, len(rows), 2)]
        )
        sub = np.ix_(odd_rows, odd_rows)
        plain = fused[sub]
        disjoint = plain - best_b * hub_correction(half, half_cols, weights)[None, :]
        own = (
            plain
            - best_b
            * hub_correction(
                build_index(encoder, [offers[i] for i in odd_rows], [needs[i] for i in odd_rows])[
                    0
                ],
                half_cols,
                weights,
            )[None, :]
        )
        for label, m in (
            ("odd needs -> odd offers, no correction", plain),
            ("odd needs -> odd offers, hubness from even needs only", disjoint),
            ("odd needs -> odd offers, hubness from the odd needs themselves", own),
        ):
            results.append((direction, label, "odd (half)", metrics(m, heads[odd_rows], whole)))
        for name, other in extra_encoders:
            other_idx = MatchIndex(encoder=other)
            other_idx.add_many(index.get(pid) for pid in index.ids())
            e2, _ = _score_parts(other_idx, queries, cols)
            results.append((direction, f"encoder only ({name})", "all", metrics(e2, heads, whole)))
            results.append(
                (
                    direction,
                    f"{name} + lexical w={best_w:.2f}",
                    "all",
                    metrics(best_w * e2 + (1 - best_w) * lex, heads, whole),
                )
            )
        del enc, lex, fused
    return results, notes, best_w
