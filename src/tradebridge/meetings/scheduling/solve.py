"""Solve a compiled :class:`~.problem.Problem`: the one entry point used by the CLI and jobs.

* BREAKS problems (the B2B benchmark): CP-SAT minimises the total number of breaks with the
  fairness constraint; the reported bound is a proven lower bound.
* PRIORITY problems (TradeBridge events): first the greatest total priority, then the fewest
  idle gaps with gaps spread at most ``fairness`` apart. Small problems go to CP-SAT (phase 1:
  priority, phase 2: gaps at that priority); large ones to greedy + ejection-chain repair.
  The reported bound is a proven upper bound on the total priority (CP-SAT's or the LP's).

``progress(percent, elapsed, objective, bound)`` is called as the search advances; ``cancel`` is
a ``threading.Event`` or a callable returning True to stop early (the best schedule so far is
returned).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .bounds import lp_relaxation, trivial_bound
from .breaks_search import search_breaks
from .cpsat_model import build_model
from .heuristic import greedy, lp_rounding, repair
from .problem import Kind, Problem, count_gaps, priority_of
from .tables import assign_tables

Progress = Callable[[float, float, float | None, float | None], None]
Cancel = threading.Event | Callable[[], bool] | None

#: above this many (meeting, slot) pairs, PRIORITY problems use the heuristic path
CPSAT_LIMIT = 6000
#: share of the time limit the heuristic path keeps back: table numbers and gap counts come
#: after the search, and a repair step may overrun its deadline check a little
HEURISTIC_RESERVE = 0.05


@dataclass
class Result:
    """Outcome of a solve. ``objective``/``bound`` follow the problem kind (see module doc)."""

    kind: Kind
    status: str
    objective: float | None
    bound: float | None
    slots: list[int | None]
    tables: list[int | None]
    seconds: float
    gaps: list[int] = field(default_factory=list)

    def to_json(self, problem: Problem) -> dict:
        """The CLI's JSON output."""
        scheduled = [
            {"meeting": m.id, "slot": problem.slot_ids[s], "table": t}
            for m, s, t in zip(problem.meetings, self.slots, self.tables, strict=True)
            if s is not None
        ]
        return {
            "kind": self.kind.value,
            "status": self.status,
            "objective": self.objective,
            "bound": self.bound,
            "scheduled": scheduled,
            "unscheduled": [
                m.id for m, s in zip(problem.meetings, self.slots, strict=True) if s is None
            ],
            "gaps_total": sum(self.gaps),
            "gaps_spread": (max(self.gaps) - min(self.gaps)) if self.gaps else 0,
            "seconds": round(self.seconds, 3),
        }


def _stopper(cancel: Cancel) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if isinstance(cancel, threading.Event):
        return cancel.is_set
    return cancel


class _Watch(cp_model.CpSolverSolutionCallback):
    """Reports progress on each solution and stops the search when cancelled."""

    def __init__(self, should_stop, progress, started, limit):
        super().__init__()
        self.should_stop, self.progress, self.started, self.limit = (
            should_stop,
            progress,
            started,
            limit,
        )
        self.cancelled = False

    def on_solution_callback(self) -> None:
        elapsed = time.monotonic() - self.started
        if self.progress:
            pct = min(99.0, 100.0 * elapsed / self.limit) if self.limit else 0.0
            self.progress(pct, elapsed, self.objective_value, self.best_objective_bound)
        if self.should_stop():
            self.cancelled = True
            self.stop_search()


def _run(model, limit, workers, should_stop, progress, started, subsolvers=None, seed=0):
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    if subsolvers and workers == len(subsolvers):
        solver.parameters.subsolvers.extend(subsolvers)
    solver.parameters.max_time_in_seconds = max(0.05, limit)
    watch = _Watch(should_stop, progress, started, limit)
    # a watchdog so that cancel also works while no new solution is being found
    done = threading.Event()

    def watchdog():
        while not done.wait(0.1):
            if should_stop():
                watch.cancelled = True
                solver.stop_search()
                return

    thread = threading.Thread(target=watchdog, daemon=True)
    thread.start()
    try:
        status = solver.solve(model, watch)
    finally:
        done.set()
        thread.join()
    return solver, status, watch.cancelled


def solve(
    problem: Problem,
    *,
    time_limit: float = 60.0,
    fairness: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel = None,
    hint: list[int | None] | None = None,
    workers: int = 2,
) -> Result:
    """Schedule the problem within ``time_limit`` seconds and return a :class:`Result`."""
    started = time.monotonic()
    should_stop = _stopper(cancel)
    fairness = problem.fairness if fairness is None else fairness
    if problem.kind is Kind.BREAKS:
        result = _solve_breaks(
            problem, time_limit, fairness, progress, should_stop, workers, started
        )
    else:
        result = _solve_priority(
            problem, time_limit, fairness, progress, should_stop, hint, workers, started
        )
    if result.status in ("optimal", "feasible"):
        result.tables = assign_tables(problem, result.slots)
        result.gaps = count_gaps(problem, result.slots)
    else:
        result.tables = [None] * len(problem.meetings)
    result.seconds = time.monotonic() - started
    if progress:
        progress(100.0, result.seconds, result.objective, result.bound)
    return result


def _solve_breaks(problem, time_limit, fairness, progress, should_stop, workers, started):
    total = max(1e-9, time_limit)

    calls = [0]

    def run(model, limit, subsolvers=None, stop=None):
        calls[0] += 1  # a new seed for every call: repeated decisions search differently
        return _run(model, limit, workers, stop or should_stop, None, started, subsolvers, calls[0])

    def report(objective, bound):
        if progress:
            elapsed = time.monotonic() - started
            progress(min(99.0, 100 * elapsed / total), elapsed, objective, bound)

    status, slots, breaks, bound = search_breaks(
        problem,
        time_limit=time_limit - (time.monotonic() - started),
        fairness=fairness,
        run=run,
        should_stop=should_stop,
        report=report,
    )
    if slots is None:
        slots = [None] * len(problem.meetings)
    if status == "infeasible":
        bound = None
    return Result(Kind.BREAKS, status, breaks, bound, slots, [], 0.0)


def _solve_priority(problem, time_limit, fairness, progress, should_stop, hint, workers, started):
    deadline = started + time_limit
    board = greedy(problem, hint)
    if any(
        m.fixed_slot is not None and board.slot[i] is None for i, m in enumerate(problem.meetings)
    ):
        empty = [None] * len(problem.meetings)
        return Result(Kind.PRIORITY, "infeasible", None, None, empty, [], 0.0)
    size = sum(len(m.allowed) for m in problem.meetings)
    if size > CPSAT_LIMIT:
        end = deadline - HEURISTIC_RESERVE * time_limit
        return _priority_heuristic(problem, board, end, progress, should_stop, started)
    built = build_model(problem, mandatory=False, count_gaps=False, fairness=None)
    for (m, s), var in built.x.items():
        built.model.add_hint(var, board.slot[m] == s)
    built.model.maximize(built.priority)
    phase1 = 0.6 * (deadline - time.monotonic())
    solver, status, cancelled = _run(built.model, phase1, workers, should_stop, progress, started)
    slots, bound = board.slot, float(trivial_bound(problem))
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        bound = min(bound, float(round(solver.best_objective_bound)))
        candidate = built.slots(solver.value)
        if priority_of(problem, candidate) >= priority_of(problem, slots):
            slots = candidate
    elif status == cp_model.INFEASIBLE:
        empty = [None] * len(problem.meetings)
        return Result(Kind.PRIORITY, "infeasible", None, None, empty, [], 0.0)
    value = priority_of(problem, slots)
    if not cancelled and value >= bound and deadline - time.monotonic() > 0.2:
        slots = _minimise_gaps(problem, slots, value, fairness, deadline, should_stop, workers)
    value = priority_of(problem, slots)
    status_name = "optimal" if value >= bound else "feasible"
    return Result(Kind.PRIORITY, status_name, float(value), bound, slots, [], 0.0)


def _minimise_gaps(problem, slots, value, fairness, deadline, should_stop, workers):
    """Phase 2: keep the total priority, minimise idle gaps, spread at most ``fairness``."""
    for spread in (fairness, None) if fairness is not None else (None,):
        built = build_model(
            problem, mandatory=False, count_gaps=True, fairness=spread, priority_floor=value
        )
        for (m, s), var in built.x.items():
            built.model.add_hint(var, slots[m] == s)
        built.model.minimize(built.total_gaps)
        limit = deadline - time.monotonic()
        if limit <= 0.1:
            break
        solver, status, _ = _run(built.model, limit, workers, should_stop, None, time.monotonic())
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            candidate = built.slots(solver.value)
            if priority_of(problem, candidate) >= value:
                return candidate
    return slots


def _priority_heuristic(problem, board, deadline, progress, should_stop, started):
    """Large problems: greedy (already in ``board``), then the LP relaxation (the bound, and
    a rounding of its solution by LP value times priority), then repair of the better schedule
    until the deadline."""
    bound = float(trivial_bound(problem))
    total = max(1e-9, deadline - started)
    best = board

    def report(_round=None, value=None):
        if progress:
            elapsed = time.monotonic() - started
            value = value if value is not None else float(best.value)
            progress(min(99.0, 100 * elapsed / total), elapsed, value, bound)

    report()
    if not should_stop():
        left = deadline - time.monotonic()
        relaxed = lp_relaxation(problem, time_limit=max(1.0, 0.55 * left))
        if relaxed is not None:
            bound = min(bound, relaxed.bound)
            rounded = lp_rounding(problem, relaxed)
            if rounded.value > best.value:
                best = rounded
            report()
    if time.monotonic() < deadline and not should_stop() and best.value < bound:
        repair(best, deadline=deadline, should_stop=should_stop, on_round=report)
    if time.monotonic() < deadline and not should_stop() and best.value < bound:
        repair(best, deadline=deadline, depth=4, seed=1, should_stop=should_stop)
    value = float(best.value)
    return Result(
        Kind.PRIORITY, "optimal" if value >= bound else "feasible", value, bound, best.slot, [], 0.0
    )
