"""Upper bounds on the total priority that can be scheduled (PRIORITY problems).

* ``trivial_bound``: the priorities of all meetings that have at least one allowed slot.
* ``lp_bound``: the linear relaxation of the exact model (each meeting at most once, each
  participant at most once per slot, caps, per-day caps, tables per slot; fixed meetings at 1),
  solved by HiGHS through SciPy. The LP optimum is >= the integer optimum, and priorities are
  integers, so its floor is a valid upper bound. The value is taken from the dual solution
  (weak duality), so it stays valid whatever HiGHS's tolerances.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from .problem import Problem

#: above this many (meeting, slot) columns the LP goes to PDLP instead of HiGHS
PDLP_ABOVE = 200_000


def trivial_bound(problem: Problem) -> int:
    """Sum of priorities of meetings that have at least one allowed slot."""
    return sum(m.priority for m in problem.meetings if m.allowed)


@dataclass
class Relaxation:
    """The LP relaxation's valid upper bound and its (fractional) solution per (meeting, slot)."""

    bound: float
    values: dict[tuple[int, int], float]


def lp_bound(problem: Problem, time_limit: float = 60.0) -> float | None:
    """A valid upper bound from the LP relaxation (None if HiGHS did not finish in time)."""
    relaxed = lp_relaxation(problem, time_limit)
    return None if relaxed is None else relaxed.bound


def lp_relaxation(problem: Problem, time_limit: float = 60.0) -> Relaxation | None:
    """Solve the LP relaxation with HiGHS; None if it did not finish within ``time_limit``.

    The bound is computed from the LP *dual* solution y >= 0 as
    b.y + sum_j max(0, w_j - (A^T y)_j), which is a valid upper bound for any y >= 0 (weak
    duality with the box 0 <= x <= 1), so solver tolerances cannot make it invalid.
    """
    columns, matrix, rhs = _matrix(problem)
    if not columns:
        return Relaxation(0.0, {})
    n = len(columns)
    weights = np.fromiter((problem.meetings[m].priority for m, _ in columns), dtype=float, count=n)
    if n > PDLP_ABOVE:
        return _pdlp(columns, matrix, rhs, weights, time_limit)
    result = linprog(
        -weights,
        A_ub=matrix,
        b_ub=rhs,
        bounds=(0.0, 1.0),
        method="highs",
        options={"time_limit": max(0.1, time_limit), "presolve": True},
    )
    if result.status != 0:
        return None
    dual_value = _dual_bound(matrix, rhs, weights, -np.asarray(result.ineqlin.marginals))
    bound = math.floor(dual_value + 1e-7)  # priorities are integers
    values = {columns[k]: float(v) for k, v in enumerate(result.x) if v > 1e-6}
    return Relaxation(float(bound), values)


def _matrix(problem: Problem):
    """Columns (meeting, slot), the sparse constraint matrix and its right-hand sides."""
    columns = [(m, s) for m, meeting in enumerate(problem.meetings) for s in meeting.allowed]
    if not columns:
        return columns, None, None
    n = len(columns)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    upper: list[float] = []
    row = 0
    col_m = np.fromiter((m for m, _ in columns), dtype=np.int64, count=n)
    col_s = np.fromiter((s for _, s in columns), dtype=np.int64, count=n)
    idx = np.arange(n, dtype=np.int64)

    # each meeting at most once
    rows.append(col_m.copy())
    cols.append(idx)
    n_meetings = len(problem.meetings)
    upper.extend([1.0] * n_meetings)
    row += n_meetings

    # per participant: at most one meeting per slot, caps, per-day caps (rows keyed, then numbered)
    day_of = problem.day_index()
    keys_r: list[tuple] = []
    keys_c: list[int] = []
    for k, (m, s) in enumerate(columns):
        for p in problem.meetings[m].participants:
            person = problem.participants[p]
            keys_r.append(("slot", p, s))
            keys_c.append(k)
            if person.max_meetings is not None:
                keys_r.append(("cap", p))
                keys_c.append(k)
            if person.max_per_day is not None:
                keys_r.append(("day", p, day_of[p].get(s, -1 - s)))
                keys_c.append(k)
    numbering: dict[tuple, int] = {}
    for key in keys_r:
        if key not in numbering:
            numbering[key] = row + len(numbering)
            person = problem.participants[key[1]]
            if key[0] == "slot":
                upper.append(1.0)
            elif key[0] == "cap":
                upper.append(float(person.max_meetings))
            else:
                upper.append(float(person.max_per_day))
    row += len(numbering)
    rows.append(np.fromiter((numbering[key] for key in keys_r), dtype=np.int64, count=len(keys_r)))
    cols.append(np.asarray(keys_c, dtype=np.int64))

    # tables per slot
    rows.append(row + col_s)
    cols.append(idx)
    upper.extend([float(problem.tables)] * problem.n_slots)
    row += problem.n_slots

    r = np.concatenate(rows)
    c = np.concatenate(cols)
    matrix = coo_matrix((np.ones(len(r)), (r, c)), shape=(row, n)).tocsr()
    return columns, matrix, np.asarray(upper)


def _dual_bound(matrix, rhs, weights, duals) -> float:
    """Weak duality: b.y + sum_j max(0, w_j - (A^T y)_j) >= LP optimum for any y >= 0."""
    duals = np.maximum(0.0, duals)
    reduced = weights - matrix.T @ duals
    return float(rhs @ duals + np.maximum(0.0, reduced).sum())


def _pdlp(columns, matrix, rhs, weights, time_limit) -> Relaxation:
    """Very large LPs: OR-Tools' first-order PDLP; its (approximate) duals, clipped to y >= 0,
    still give a valid bound through :func:`_dual_bound`."""
    from ortools.pdlp import solvers_pb2
    from ortools.pdlp.python import pdlp

    n = len(columns)
    qp = pdlp.QuadraticProgram()
    qp.objective_vector = -weights
    qp.constraint_matrix = matrix.tocsc()
    qp.constraint_lower_bounds = np.full(len(rhs), -np.inf)
    qp.constraint_upper_bounds = rhs
    qp.variable_lower_bounds = np.zeros(n)
    qp.variable_upper_bounds = np.ones(n)
    params = solvers_pb2.PrimalDualHybridGradientParams()
    params.termination_criteria.time_sec_limit = max(1.0, time_limit)
    params.termination_criteria.simple_optimality_criteria.eps_optimal_relative = 1e-4
    params.num_threads = 2
    result = pdlp.primal_dual_hybrid_gradient(qp, params)
    # minimisation with A x <= b: PDLP's duals for those rows are <= 0
    bound = _dual_bound(matrix, rhs, weights, -np.asarray(result.dual_solution))
    x = np.asarray(result.primal_solution)
    values = {columns[k]: float(v) for k, v in enumerate(x) if v > 1e-6}
    return Relaxation(float(math.floor(bound + 1e-7)), values)
