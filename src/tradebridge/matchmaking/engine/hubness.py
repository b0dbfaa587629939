"""Hubness correction of the text similarity (CSLS, Conneau et al. 2018).

In cross-lingual retrieval some texts are *hubs*: short, generic or abbreviated lines ("Other",
"Othr prts") come close to almost every query, crowd the top 10 of many profiles and push the
right answer out. Cross-domain similarity local scaling counters this: a candidate's text
similarity is lowered by how close it is, on average, to its ``k`` nearest texts on the other
side, so a hub must be much closer than usual to rank high, and a specific line less so::

    T'(A needs, B offers) = T(A needs, B offers) - beta * (hub(B offers) - median hub)
    hub(B offers)         = mean of the k best T(X needs, B offers) over the indexed needs X

and the same for B's needs against the indexed offers. The statistic is computed by the index
from the profiles it holds, as the idf of the lexical signal is; it never sees a label. The
median keeps a typical candidate's score where it was, so thresholds and reasons keep their
meaning.

Cost: the needs of up to ``POPULATION`` profiles (evenly spaced in slot order above that) are
scored against every slot, once; after that, edits recompute everything on small indexes and
only the edited profiles' own values on large ones until enough edits accumulate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .index import MatchIndex

POPULATION = 10_000
NEIGHBOURS = 5
FULL_WORK = 60_000_000  # population x slots below which every edit recomputes everything
EXACT_WORK = 300_000_000  # above this, the vector part uses the coarse projection
STALE_SHARE = 0.02  # on large indexes, recompute everything after this share of edits
CHUNK = 128


class Hubness:
    """Per-slot hub values of the offer and need texts, kept lazily up to date."""

    def __init__(self) -> None:
        self.offer = np.zeros(0, dtype=np.float32)  # raw hub values (0 where no text)
        self.need = np.zeros(0, dtype=np.float32)
        self.offer_ref = 0.0
        self.need_ref = 0.0
        self.encoder_weight: float | None = None  # None: never computed
        self.changed: set[int] = set()
        self.population: dict[str, np.ndarray] = {}

    def touch(self, slot: int) -> None:
        """Mark a slot as edited (added, replaced or removed)."""
        self.changed.add(slot)

    def adjustments(self, index: MatchIndex, weights) -> tuple[np.ndarray, np.ndarray]:
        """``beta * (hub - median)`` per slot for offers and needs (0 where no text)."""
        self.ensure(index, float(weights.encoder))
        n = index.n_slots
        beta = np.float32(weights.hubness)
        offer = np.where(index.has_offer_text[:n], self.offer[:n] - self.offer_ref, 0.0)
        need = np.where(index.has_need_text[:n], self.need[:n] - self.need_ref, 0.0)
        return (offer * beta).astype(np.float32), (need * beta).astype(np.float32)

    def ensure(self, index: MatchIndex, encoder_weight: float) -> None:
        """Bring the values up to date with the index (see the module's cost note)."""
        n = index.n_slots
        fresh = self.encoder_weight == encoder_weight
        if fresh and not self.changed and len(self.offer) >= n:
            return
        population = _population(index, index.has_need_text)
        work = max(len(population), 1) * max(n, 1)
        if not fresh or work <= FULL_WORK or len(self.changed) >= STALE_SHARE * max(len(index), 1):
            self._compute_all(index, encoder_weight)
        else:
            self._compute_slots(index, sorted(s for s in self.changed if s < n), encoder_weight)
        self.changed.clear()

    def _compute_all(self, index: MatchIndex, w: float) -> None:
        n = index.n_slots
        self.offer = np.zeros(n, dtype=np.float32)
        self.need = np.zeros(n, dtype=np.float32)
        for side, has_mine, has_theirs in (
            ("offer", index.has_offer_text, index.has_need_text),
            ("need", index.has_need_text, index.has_offer_text),
        ):
            pop = _population(index, has_theirs)
            self.population[side] = pop
            targets = np.flatnonzero(index.active[:n] & has_mine[:n])
            values = _hub_values(index, side, pop, targets, w)
            getattr(self, side)[targets] = values
            setattr(self, f"{side}_ref", float(np.median(values)) if len(values) else 0.0)
        self.encoder_weight = w

    def _compute_slots(self, index: MatchIndex, slots: list[int], w: float) -> None:
        n = index.n_slots
        for name in ("offer", "need"):
            grown = np.zeros(n, dtype=np.float32)
            current = getattr(self, name)
            grown[: min(n, len(current))] = current[:n]
            setattr(self, name, grown)
        slots_arr = np.asarray(slots, dtype=np.int64)
        for side, has_mine in (("offer", index.has_offer_text), ("need", index.has_need_text)):
            values = getattr(self, side)
            values[slots_arr] = 0.0
            live = slots_arr[index.active[slots_arr] & has_mine[slots_arr]]
            pop = self.population.get(side, np.zeros(0, dtype=np.int64))
            pop = pop[index.active[pop]] if len(pop) else pop
            if len(live):
                values[live] = _hub_values(index, side, pop, live, w)


def _population(index: MatchIndex, has_text: np.ndarray) -> np.ndarray:
    """Slots whose texts of one side form the reference population (evenly spaced if many)."""
    n = index.n_slots
    slots = np.flatnonzero(index.active[:n] & has_text[:n])
    if len(slots) > POPULATION:
        slots = slots[np.linspace(0, len(slots) - 1, POPULATION).astype(np.int64)]
    return slots


def _similarities(index: MatchIndex, side: str, rows: np.ndarray, cols: np.ndarray, w: float):
    """T between the ``side`` texts of ``rows`` and the other side's texts of ``cols``:
    ``w * cosine(vectors) + (1 - w) * lexical cosine``, shape (len(rows), len(cols)).

    Both cosines are symmetric, so T(rows' offers, cols' needs) = T(cols' needs, rows' offers).
    On very large indexes the vector part uses the coarse projection, as the first pass does."""
    from .index import side_bag

    theirs = "need" if side == "offer" else "offer"
    work = len(_population(index, index.has_need_text)) * index.n_slots
    if work > EXACT_WORK and index.uses_coarse_scan():
        mine_vec, their_vec = getattr(index, f"{side}_low"), getattr(index, f"{theirs}_low")
    else:
        mine_vec, their_vec = getattr(index, f"{side}_vec"), getattr(index, f"{theirs}_vec")
    enc = mine_vec[rows].astype(np.float32) @ their_vec[cols].astype(np.float32).T
    store = index.lex_need if side == "offer" else index.lex_offer  # holds the other side
    bags = [side_bag(getattr(index.profiles[s], f"{side}s")) for s in rows]
    lex = store.scores(bags, index.n_slots)[:, cols]
    return np.float32(w) * enc + np.float32(1.0 - w) * lex


def _hub_values(
    index: MatchIndex, side: str, pop: np.ndarray, targets: np.ndarray, w: float
) -> np.ndarray:
    """Mean of the ``NEIGHBOURS`` best similarities of each target's ``side`` texts with the
    other side's texts of the population slots (a slot is never its own neighbour)."""
    if not len(targets) or not len(pop):
        return np.zeros(len(targets), dtype=np.float32)
    theirs = "need" if side == "offer" else "offer"
    k = min(NEIGHBOURS, len(pop))
    if len(targets) <= len(pop):  # few targets (edits): each one against the population
        out = np.empty(len(targets), dtype=np.float32)
        for start in range(0, len(targets), CHUNK):
            rows = targets[start : start + CHUNK]
            sims = _similarities(index, side, rows, pop, w)
            sims[rows[:, None] == pop[None, :]] = -np.inf
            out[start : start + len(rows)] = _mean_best(sims.T, k)
        return out
    best = np.full((k, len(targets)), -np.inf, dtype=np.float32)
    for start in range(0, len(pop), CHUNK):  # many targets: the population against them all
        rows = pop[start : start + CHUNK]
        sims = _similarities(index, theirs, rows, targets, w)
        sims[rows[:, None] == targets[None, :]] = -np.inf
        stacked = np.concatenate([best, sims], axis=0)
        best = -np.partition(-stacked, k - 1, axis=0)[:k]
    return _mean_best(best, k)


def _mean_best(columns: np.ndarray, k: int) -> np.ndarray:
    """Mean of the k largest finite values of each column (0 if none)."""
    k = min(k, len(columns))
    best = -np.partition(-columns, k - 1, axis=0)[:k]
    finite = np.isfinite(best)
    total = np.where(finite, best, 0.0).sum(axis=0)
    count = finite.sum(axis=0)
    return np.where(count > 0, total / np.maximum(count, 1), 0.0).astype(np.float32)
