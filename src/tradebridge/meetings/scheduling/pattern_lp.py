"""The pattern relaxation of a BREAKS problem: a lower bound and reduced-cost filtering.

Columns: x[m, s] (meeting m in slot s) and y[p, q] (participant p's day follows pattern q, see
:mod:`.patterns`). Rows: each meeting once, each participant exactly one pattern, "p is busy at
s" equals "some meeting of p is at s" (linking), tables per slot. Objective: the patterns'
breaks. Its linear relaxation (HiGHS through SciPy) is much stronger than the slot-by-slot
model's: on the 10-slot benchmark instances its value is the optimum.

The bound is computed from the LP duals (Lagrangian / weak duality): for any multipliers with
the right signs, sum_i lambda_i b_i + sum over groups of the smallest reduced cost in the group
(each meeting picks one slot, each participant one pattern) is below every schedule's breaks,
so solver tolerances cannot make it invalid. The same inequality gives *reduced-cost
filtering*: a schedule with at most B breaks only uses columns whose reduced cost exceeds its
group's minimum by at most B - bound.

The relaxation ignores precedences and caps (it stays a relaxation). Only for single-day
problems where every participant's breaks are bounded (see :func:`break_caps`).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from .patterns import Pattern, TooMany, participant_patterns
from .problem import Problem

#: above this many columns the LP is skipped (too slow to pay off within a time limit)
MAX_COLUMNS = 60_000


@dataclass
class Restriction:
    """What a schedule with at most ``budget`` breaks may still use."""

    budget: int
    #: the relaxation's lower bound for schedules within this budget
    bound: float
    #: (meeting, slot) pairs that may be used
    pairs: set[tuple[int, int]]
    #: per participant with meetings: its remaining patterns
    patterns: dict[int, list[Pattern]] = field(default_factory=dict)
    #: per kept (meeting, slot): its reduced cost above the meeting's cheapest slot
    pair_excess: dict[tuple[int, int], float] = field(default_factory=dict)
    #: per slot: the table row's price; a schedule within the budget leaves at most
    #: (budget - bound) / price tables free there
    table_price: dict[int, float] = field(default_factory=dict)

    @property
    def infeasible(self) -> bool:
        """True when no schedule has at most ``budget`` breaks."""
        return self.bound > self.budget + 1e-6

    def rigid(self) -> dict[int, set[int]]:
        """Participants (with >= 2 meetings) left with unbroken days only: their possible
        first busy positions."""
        out = {}
        for p, kept in self.patterns.items():
            if kept and all(q.breaks == 0 for q in kept) and len(kept[0].slots) >= 2:
                out[p] = {q.slots[0] for q in kept}
        return out


def break_caps(problem: Problem, fairness: int | None, lower: list[int]) -> list[int] | None:
    """Most breaks any participant can have in a schedule, or None if unbounded here.

    A participant with at most one meeting never has a break, so with fairness d everyone has
    at most d; breaks are also at most (day length - 1) // 2.
    """
    if fairness is None:
        return None
    if not any(len(problem.meetings_of[p]) <= 1 for p in range(len(problem.participants))):
        return None
    caps = []
    for p, person in enumerate(problem.participants):
        day = len(person.days[0]) if person.days else 0
        caps.append(max(lower[p], min(fairness, max(0, (day - 1) // 2))))
    return caps


class PatternRelaxation:
    """Pattern LPs for a BREAKS problem, one per budget (patterns depend on the budget)."""

    def __init__(self, problem: Problem, lower: list[int], caps: list[int]) -> None:
        self.problem = problem
        self.lower = lower
        self.caps = caps
        self._patterns: dict[tuple[int, int], list[Pattern]] = {}

    def max_breaks(self, budget: int) -> list[int]:
        """Per participant, the most breaks it can have when the total is at most ``budget``."""
        spare = budget - sum(self.lower)
        return [min(cap, low + spare) for low, cap in zip(self.lower, self.caps, strict=True)]

    def complete(self, budget: int) -> bool:
        """True when the budget's pattern sets are all of them (its bound is then global)."""
        return self.max_breaks(budget) == self.caps

    def patterns_of(self, p: int, most: int, limit: int = MAX_COLUMNS) -> list[Pattern]:
        """Participant ``p``'s possible patterns with at most ``most`` breaks (cached)."""
        key = (p, most)
        if key not in self._patterns:
            self._patterns[key] = participant_patterns(self.problem, p, most, limit=limit)
        return self._patterns[key]

    def at_budget(self, budget: int, deadline: float | None = None) -> Restriction | None:
        """Solve the LP for ``budget``; None when it is too large or the time is short."""
        problem = self.problem
        most = self.max_breaks(budget)
        if budget < sum(self.lower):
            return Restriction(budget, math.inf, set())
        pattern_sets: dict[int, list[Pattern]] = {}
        columns = sum(len(m.allowed) for m in problem.meetings)
        try:
            for p in range(len(problem.participants)):
                if not problem.meetings_of[p]:
                    continue
                found = self.patterns_of(p, most[p], MAX_COLUMNS - columns)
                pattern_sets[p] = [q for q in found if q.breaks <= most[p]]
                columns += len(pattern_sets[p])
                if columns > MAX_COLUMNS:
                    return None
        except TooMany:
            return None
        if any(not kept for kept in pattern_sets.values()):
            return Restriction(budget, math.inf, set())
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left < 0.2:
            return None
        return self._solve(budget, pattern_sets, left)

    def _solve(self, budget, pattern_sets, time_limit) -> Restriction | None:
        problem = self.problem
        day_slot = {p: problem.participants[p].days[0] for p in pattern_sets}
        x_cols = [(m, s) for m, meeting in enumerate(problem.meetings) for s in meeting.allowed]
        y_cols = [(p, q) for p, kept in pattern_sets.items() for q in kept]
        n_x = len(x_cols)
        n = n_x + len(y_cols)
        link: dict[tuple[int, int], int] = {}
        n_meet, n_part = len(problem.meetings), len(pattern_sets)
        part_row = {p: n_meet + i for i, p in enumerate(pattern_sets)}
        first_link = n_meet + n_part

        def link_row(p: int, s: int) -> int:
            key = (p, s)
            if key not in link:
                link[key] = first_link + len(link)
            return link[key]

        rows, cols, vals = [], [], []
        for j, (m, s) in enumerate(x_cols):
            rows.append(m)
            cols.append(j)
            vals.append(1.0)
            for p in problem.meetings[m].participants:
                rows.append(link_row(p, s))
                cols.append(j)
                vals.append(1.0)
        cost = np.zeros(n)
        for i, (p, q) in enumerate(y_cols):
            j = n_x + i
            cost[j] = q.breaks
            rows.append(part_row[p])
            cols.append(j)
            vals.append(1.0)
            for pos in q.slots:
                rows.append(link_row(p, day_slot[p][pos]))
                cols.append(j)
                vals.append(-1.0)
        n_eq = first_link + len(link)
        table_first = n_eq
        for j, (_m, s) in enumerate(x_cols):
            rows.append(table_first + s)
            cols.append(j)
            vals.append(1.0)
        n_rows = n_eq + problem.n_slots
        matrix = coo_matrix((vals, (rows, cols)), shape=(n_rows, n)).tocsr()
        b_eq = np.zeros(n_eq)
        b_eq[:first_link] = 1.0
        b_ub = np.full(problem.n_slots, float(problem.tables))
        options = {"presolve": True}
        if time_limit is not None:
            options["time_limit"] = max(0.1, time_limit)
        result = linprog(
            cost,
            A_ub=matrix[n_eq:],
            b_ub=b_ub,
            A_eq=matrix[:n_eq],
            b_eq=b_eq,
            bounds=(0.0, 1.0),
            # interior point (with crossover): 2 to 3 times faster than simplex on these LPs;
            # any dual solution serves, the bound below is valid for all of them
            method="highs-ipm",
            options=options,
        )
        if result.status == 2:  # infeasible even fractionally
            return Restriction(budget, math.inf, set())
        if result.status != 0:
            return None
        duals = np.concatenate(
            [np.asarray(result.eqlin.marginals), np.minimum(0.0, result.ineqlin.marginals)]
        )
        reduced = cost - matrix.T @ duals
        # groups: each meeting's x columns, each participant's patterns
        group = np.empty(n, dtype=np.int64)
        group[:n_x] = [m for m, _ in x_cols]
        group[n_x:] = np.fromiter((part_row[p] for p, _ in y_cols), dtype=np.int64)
        smallest = np.full(n_meet + n_part, np.inf)
        np.minimum.at(smallest, group, reduced)
        bound = float(duals[:n_eq] @ b_eq + duals[n_eq:] @ b_ub + smallest.sum())
        excess = reduced - smallest[group]
        keep = excess <= (budget - bound) + 1e-6
        pairs = {x_cols[j] for j in np.flatnonzero(keep[:n_x])}
        pair_excess = {x_cols[j]: float(excess[j]) for j in np.flatnonzero(keep[:n_x])}
        kept: dict[int, list[Pattern]] = {p: [] for p in pattern_sets}
        for i in np.flatnonzero(keep[n_x:]):
            p, q = y_cols[i]
            kept[p].append(q)
        prices = {s: float(-duals[n_eq + s]) for s in range(problem.n_slots) if duals[n_eq + s] < 0}
        return Restriction(budget, bound, pairs, kept, pair_excess, prices)
