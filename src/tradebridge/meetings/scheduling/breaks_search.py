"""Search for BREAKS problems (every meeting mandatory, minimise breaks, fairness d).

Plain objective minimisation with CP-SAT finds good schedules slowly here: tables are tight and
the breaks objective gives the search little direction. Deciding "is there a schedule with at
most B breaks?" on the span model (:mod:`.runs_model`) is much faster, so the search climbs:

1. a valid lower bound L = sum of per-participant lower bounds (:mod:`.gap_bounds`);
2. decide B = L, L+1, ...: "infeasible" proves the optimum is above B (the lower bound rises),
   a schedule at the current proven lower bound is optimal;
3. if a decision times out, larger budgets are tried so that a schedule is found, and the budgets
   between the proven lower bound and the best schedule are retried with the time left.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from .cpsat_model import build_model
from .gap_bounds import participant_gap_lower_bounds
from .problem import Problem, count_gaps
from .runs_model import add_blocks, add_spans

Runner = Callable[..., tuple]


def search_breaks(
    problem: Problem,
    *,
    time_limit: float,
    fairness: int | None,
    run: Runner,
    should_stop: Callable[[], bool],
    report: Callable[[float | None, float], None],
) -> tuple[str, list[int | None] | None, float | None, float]:
    """Return (status, slots, breaks, proven lower bound). ``run(model, limit)`` solves a model
    and returns (solver, status, cancelled)."""
    started = time.monotonic()
    deadline = started + time_limit
    single_day = all(len(p.days) <= 1 for p in problem.participants)
    lower = participant_gap_lower_bounds(problem, time_limit=min(0.2, time_limit / 50))
    proven = sum(lower)
    best: list[int | None] | None = None
    best_value: float | None = None

    def decide(budget: int | None, limit: float, minimise: bool = True, spans: bool = True):
        built = build_model(
            problem,
            mandatory=True,
            count_gaps=not single_day or not spans,
            fairness=fairness if not single_day or not spans else None,
            gap_lower_bounds=lower if not single_day or not spans else None,
        )
        if single_day and spans:
            # at budget = sum of per-participant bounds, each participant has exactly its bound:
            # those with bound 0 meet in one unbroken block
            tight = budget is not None and budget == sum(lower)
            rigid = {p for p, b in enumerate(lower) if b == 0} if tight else set()
            add_spans(problem, built, fairness, lower, rigid=rigid, budget=budget)
            if rigid:
                add_blocks(problem, built, rigid)
        if isinstance(built.total_gaps, int):
            pass  # nobody can have a gap in this model
        elif budget is not None:
            built.model.add(built.total_gaps <= budget)
        elif minimise:
            built.model.minimize(built.total_gaps)
        if best is not None:
            for (m, s), var in built.x.items():
                built.model.add_hint(var, best[m] == s)
        solver, status, cancelled = run(built.model, limit)
        found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        slots = built.slots(solver.value) if found else None
        bound = solver.best_objective_bound if budget is None and slots is not None else None
        return status, slots, cancelled, bound

    # any fair schedule first (no objective: quick), so that there is something to return
    # (slot-by-slot run indicators: weaker, but the fastest model to satisfy)
    status, slots, cancelled, _ = decide(None, max(0.05, min(time_limit / 4, 8.0)), False, False)
    if status == cp_model.INFEASIBLE:
        return "infeasible", None, None, float(proven)
    if slots is not None and _fair(problem, slots, fairness):
        best, best_value = slots, _value(problem, slots)
        report(best_value, float(proven))
    budget = proven
    slice_ = max(1.0, time_limit / 8)
    aim_low = True  # alternate: prove at the lower bound / improve just below the best
    while not should_stop():
        left = deadline - time.monotonic()
        if left <= 0.05 or (best_value is not None and best_value <= proven):
            break
        if best_value is not None and not aim_low:
            # improve the schedule in hand: minimise, hinted by it (CP-SAT's LNS does the rest)
            status, slots, cancelled, bound = decide(None, min(left, slice_ / 2))
            if slots is not None and _value(problem, slots) < best_value:
                best, best_value = slots, _value(problem, slots)
            if bound is not None:
                proven = max(proven, math.ceil(bound - 1e-6))
            if status == cp_model.OPTIMAL and slots is not None:
                proven = max(proven, int(_value(problem, slots)))
            report(best_value, float(proven))
            if cancelled:
                break
            aim_low = True
            continue
        if best_value is not None:
            budget = proven
        status, slots, cancelled, _ = decide(budget, min(left, slice_))
        if slots is not None and (best_value is None or _value(problem, slots) < best_value):
            best, best_value = slots, _value(problem, slots)
            report(best_value, float(proven))
        if cancelled:
            break
        if status == cp_model.INFEASIBLE:
            proven = max(proven, budget + 1)  # no schedule within this budget
            report(best_value, float(proven))
            if best_value is None:
                budget = proven
            continue
        if slots is None:  # timed out
            if best_value is None:
                budget += 1
                if budget > proven + 2 * len(problem.participants):
                    break
            else:
                slice_ *= 1.5
                aim_low = False
    if best is None:
        return "unknown", None, None, float(proven)
    status_name = "optimal" if best_value <= proven else "feasible"
    return status_name, best, best_value, float(proven)


def _value(problem: Problem, slots: list[int | None]) -> float:
    return float(sum(count_gaps(problem, slots)))


def _fair(problem: Problem, slots: list[int | None], fairness: int | None) -> bool:
    gaps = count_gaps(problem, slots)
    return fairness is None or not gaps or max(gaps) - min(gaps) <= fairness
