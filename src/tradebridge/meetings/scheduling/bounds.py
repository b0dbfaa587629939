"""Upper bounds on the total priority that can be scheduled (PRIORITY problems).

* ``trivial_bound``: the priorities of all meetings that have at least one allowed slot.
* ``lp_bound`` / ``lp_relaxation``: the linear relaxation of the exact model (each meeting at
  most once, each participant at most once per slot, caps, per-day caps, tables per slot),
  solved by HiGHS through SciPy, or by OR-Tools' first-order PDLP above ``PDLP_ABOVE``
  columns. The LP optimum is >= the integer optimum, and priorities are integers, so its floor
  is a valid upper bound.

The bound is always computed from a *dual* vector y >= 0 as b.y + sum_j max(0, w_j - A_j.y)
(weak duality with the box 0 <= x <= 1), which is valid for any such y: solver tolerances or an
unconverged PDLP run can only make it looser, never wrong. PDLP's duals are then polished by
exact block coordinate descent on that same function (see :func:`polish_duals`).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

from .problem import Problem

#: above this many (meeting, slot) columns the LP goes to PDLP instead of HiGHS
PDLP_ABOVE = 200_000


def trivial_bound(problem: Problem) -> int:
    """Sum of priorities of meetings that have at least one allowed slot."""
    return sum(m.priority for m in problem.meetings if m.allowed)


@dataclass
class Relaxation:
    """The LP relaxation's valid upper bound and its (fractional) solution: ``x[k]`` for the
    pair (``meetings[k]``, ``slots[k]``)."""

    bound: float
    meetings: np.ndarray
    slots: np.ndarray
    x: np.ndarray

    @property
    def values(self) -> dict[tuple[int, int], float]:
        """The solution's non-zero values per (meeting, slot)."""
        keep = np.flatnonzero(self.x > 1e-6)
        return {
            (int(self.meetings[k]), int(self.slots[k])): float(self.x[k]) for k in keep.tolist()
        }


@dataclass
class LpMatrix:
    """The relaxation's rows over the (meeting, slot) columns, with each row's kind.

    Rows of one *block* never share a column, so their dual values can be optimised at the
    same time (see :func:`polish_duals`).
    """

    meetings: np.ndarray
    slots: np.ndarray
    weights: np.ndarray
    matrix: csr_matrix
    rhs: np.ndarray
    blocks: list[np.ndarray]


def lp_bound(problem: Problem, time_limit: float = 60.0) -> float | None:
    """A valid upper bound from the LP relaxation (None if the solver did not finish)."""
    relaxed = lp_relaxation(problem, time_limit)
    return None if relaxed is None else relaxed.bound


def lp_relaxation(problem: Problem, time_limit: float = 60.0) -> Relaxation | None:
    """Solve the LP relaxation within ``time_limit``; None if HiGHS did not finish in time."""
    started = time.monotonic()
    lp = lp_matrix(problem)
    if not len(lp.weights):
        return Relaxation(0.0, lp.meetings, lp.slots, np.zeros(0))
    if len(lp.weights) > PDLP_ABOVE:
        left = time_limit - (time.monotonic() - started)
        return _pdlp(lp, max(1.0, left))
    result = linprog(
        -lp.weights,
        A_ub=lp.matrix,
        b_ub=lp.rhs,
        bounds=(0.0, 1.0),
        method="highs",
        options={"time_limit": max(0.1, time_limit), "presolve": True},
    )
    if result.status != 0:
        return None
    duals = -np.asarray(result.ineqlin.marginals)
    bound = math.floor(dual_bound(lp, duals) + 1e-7)  # priorities are integers
    return Relaxation(float(bound), lp.meetings, lp.slots, np.asarray(result.x))


def lp_matrix(problem: Problem) -> LpMatrix:
    """The relaxation's columns, sparse rows (all coefficients 1) and right-hand sides."""
    lengths = np.fromiter((len(m.allowed) for m in problem.meetings), dtype=np.int64)
    col_m = np.repeat(np.arange(len(problem.meetings), dtype=np.int64), lengths)
    col_s = np.fromiter(
        (s for m in problem.meetings for s in m.allowed), dtype=np.int64, count=int(lengths.sum())
    )
    n = len(col_m)
    weights = np.fromiter((m.priority for m in problem.meetings), dtype=float)[col_m]
    n_slots, n_people = problem.n_slots, len(problem.participants)
    entries_r: list[np.ndarray] = []
    entries_c: list[np.ndarray] = []
    rhs: list[np.ndarray] = []
    kinds: list[tuple[str, np.ndarray | None, int]] = []  # (kind, row owners, row count)
    row = 0

    def add_rows(keys: np.ndarray, cols: np.ndarray, upper: np.ndarray, kind, owner) -> None:
        """Rows numbered by the distinct ``keys`` (one entry per column in ``cols``)."""
        nonlocal row
        unique, inverse = np.unique(keys, return_inverse=True)
        entries_r.append(row + inverse)
        entries_c.append(cols)
        rhs.append(upper(unique))
        kinds.append((kind, None if owner is None else owner(unique), len(unique)))
        row += len(unique)

    everything = np.arange(n, dtype=np.int64)
    add_rows(col_m, everything, lambda u: np.ones(len(u)), "meeting", lambda u: u)
    add_rows(col_s, everything, lambda u: np.full(len(u), float(problem.tables)), "table", None)

    # each meeting's participants, as (column, participant) entries
    sizes = np.fromiter((len(m.participants) for m in problem.meetings), dtype=np.int64)
    who = np.fromiter((p for m in problem.meetings for p in m.participants), dtype=np.int64)
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    per_col = sizes[col_m]
    cols = np.repeat(everything, per_col)
    offsets = np.arange(len(cols)) - np.repeat(np.cumsum(per_col) - per_col, per_col)
    people = who[first[col_m].repeat(per_col) + offsets]
    slots = col_s[cols]
    add_rows(
        people * n_slots + slots,
        cols,
        lambda u: np.ones(len(u)),
        "slot",
        lambda u: u // n_slots,
    )
    caps = np.array(
        [-1 if p.max_meetings is None else p.max_meetings for p in problem.participants]
    )
    capped = caps[people] >= 0
    if capped.any():
        add_rows(
            people[capped],
            cols[capped],
            lambda u: caps[u].astype(float),
            "cap",
            lambda u: u,
        )
    per_day = np.array(
        [-1 if p.max_per_day is None else p.max_per_day for p in problem.participants]
    )
    day_capped = per_day[people] >= 0
    if day_capped.any():
        day_of = np.full((n_people, n_slots), -1, dtype=np.int64)
        for p, person in enumerate(problem.participants):
            if person.max_per_day is not None:
                for d, day in enumerate(person.days):
                    day_of[p, list(day)] = d
        sel_p, sel_s = people[day_capped], slots[day_capped]
        day = day_of[sel_p, sel_s]
        # slots outside every day of the participant form their own one-slot "day"
        day = np.where(day >= 0, day, n_slots + sel_s)
        add_rows(
            sel_p * (2 * n_slots + 1) + day,
            cols[day_capped],
            lambda u: per_day[u // (2 * n_slots + 1)].astype(float),
            "day",
            lambda u: u // (2 * n_slots + 1),
        )
    r = np.concatenate(entries_r)
    c = np.concatenate(entries_c)
    matrix = csr_matrix((np.ones(len(r)), (r, c)), shape=(row, n))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return LpMatrix(col_m, col_s, weights, matrix, np.concatenate(rhs), _blocks(problem, kinds))


def _blocks(problem: Problem, kinds) -> list[np.ndarray]:
    """Split rows into blocks without shared columns: meeting rows, table rows, and per
    participant row kind one block per colour of a colouring in which a meeting's
    participants all differ."""
    colour = [-1] * len(problem.participants)
    neighbours: list[set[int]] = [set() for _ in problem.participants]
    for meeting in problem.meetings:
        for p in meeting.participants:
            neighbours[p].update(q for q in meeting.participants if q != p)
    for p in sorted(range(len(colour)), key=lambda p: -len(neighbours[p])):
        taken = {colour[q] for q in neighbours[p]}
        c = 0
        while c in taken:
            c += 1
        colour[p] = c
    colours = np.array(colour, dtype=np.int64)
    blocks = []
    start = 0
    for kind, owner, count in kinds:
        rows = np.arange(start, start + count)
        if owner is None or kind == "meeting":
            blocks.append(rows)
        else:
            of_row = colours[owner]
            for c in np.unique(of_row):
                blocks.append(rows[of_row == c])
        start += count
    return blocks


def dual_bound(lp: LpMatrix, duals: np.ndarray) -> float:
    """Weak duality: b.y + sum_j max(0, w_j - (A^T y)_j) >= LP optimum for any y >= 0."""
    duals = np.maximum(0.0, duals)
    reduced = lp.weights - lp.matrix.T @ duals
    return float(lp.rhs @ duals + np.maximum(0.0, reduced).sum())


def polish_duals(lp: LpMatrix, duals: np.ndarray, sweeps: int = 3, deadline: float | None = None):
    """Lower :func:`dual_bound` by exact minimisation over one block of rows at a time.

    For a row i with right-hand side b_i (an integer here) and the other duals fixed, the
    bound is b_i y_i + sum_j max(0, c_j - y_i) over the row's columns, with c_j the column's
    reduced cost without row i: it is least at the (b_i + 1)-th largest c_j (0 when that is
    negative or the row has at most b_i columns). Rows of a block share no column, so a whole
    block is updated at once; the bound never increases.
    """
    y = np.maximum(0.0, np.asarray(duals, dtype=float)).copy()
    coo = lp.matrix.tocoo()
    row_of, col_of = coo.row, coo.col
    for _ in range(sweeps):
        for block in lp.blocks:
            if deadline is not None and time.monotonic() > deadline:
                return y
            in_block = np.zeros(len(y), dtype=bool)
            in_block[block] = True
            pick = in_block[row_of]
            rows, cols = row_of[pick], col_of[pick]
            reduced = lp.weights - lp.matrix.T @ y
            value = reduced[cols] + y[rows]
            y[block] = _kth_largest(rows, value, lp.rhs, block)
    return y


def _kth_largest(rows, values, rhs, block) -> np.ndarray:
    """Per row of ``block``: the (rhs + 1)-th largest of its values, at least 0."""
    order = np.lexsort((-values, rows))
    rows, values = rows[order], values[order]
    starts = np.searchsorted(rows, block)
    counts = np.searchsorted(rows, block, side="right") - starts
    k = rhs[block].astype(np.int64)  # rank (0-based) of the (b + 1)-th largest
    out = np.zeros(len(block))
    ok = counts > k
    out[ok] = values[starts[ok] + k[ok]]
    return np.maximum(out, 0.0)


def _pdlp(lp: LpMatrix, time_limit: float) -> Relaxation:
    """Very large LPs: OR-Tools' first-order PDLP for about 85% of the time, then polished
    duals; its (approximate) primal solution is returned for rounding."""
    from ortools.pdlp import solvers_pb2
    from ortools.pdlp.python import pdlp

    started = time.monotonic()
    n = len(lp.weights)
    qp = pdlp.QuadraticProgram()
    qp.objective_vector = -lp.weights
    qp.constraint_matrix = lp.matrix.tocsc()
    qp.constraint_lower_bounds = np.full(len(lp.rhs), -np.inf)
    qp.constraint_upper_bounds = lp.rhs
    qp.variable_lower_bounds = np.zeros(n)
    qp.variable_upper_bounds = np.ones(n)
    params = solvers_pb2.PrimalDualHybridGradientParams()
    params.termination_criteria.time_sec_limit = max(1.0, 0.85 * time_limit)
    params.termination_criteria.simple_optimality_criteria.eps_optimal_relative = 1e-4
    params.num_threads = 2
    result = pdlp.primal_dual_hybrid_gradient(qp, params)
    del qp
    # minimisation with A x <= b: PDLP's duals for those rows are <= 0
    duals = -np.asarray(result.dual_solution)
    polished = polish_duals(lp, duals, sweeps=2, deadline=started + time_limit)
    bound = min(dual_bound(lp, duals), dual_bound(lp, polished))
    x = np.clip(np.asarray(result.primal_solution), 0.0, 1.0)
    return Relaxation(float(math.floor(bound + 1e-7)), lp.meetings, lp.slots, x)
