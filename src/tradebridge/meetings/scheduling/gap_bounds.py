"""Valid lower bounds on each participant's idle gaps, from that participant's meetings alone.

When every meeting is mandatory, a participant's gaps in any schedule are at least the fewest
gaps it could have if nobody else existed (its meetings in distinct allowed slots, its caps).
Each participant's small problem is solved exactly with CP-SAT; the sum is a lower bound on the
total, and each value is added to the full model as a redundant cut.
"""

from __future__ import annotations

from dataclasses import replace

from ortools.sat.python import cp_model

from .cpsat_model import build_model
from .problem import PParticipant, Problem


def participant_gap_lower_bounds(problem: Problem, time_limit: float = 1.0) -> list[int]:
    """Per participant, a lower bound on its gaps (0 where nothing better is proven)."""
    bounds = []
    for p, participant in enumerate(problem.participants):
        mine = problem.meetings_of[p]
        if len(mine) <= 1 or len(participant.days) == 0:
            bounds.append(0)
            continue
        bounds.append(_solve_one(problem, p, mine, time_limit))
    return bounds


def _solve_one(problem: Problem, p: int, mine: list[int], time_limit: float) -> int:
    meetings = []
    for m in mine:
        meeting = problem.meetings[m]
        # the other side becomes a private dummy participant so only p's clashes remain
        meetings.append(replace(meeting, participants=(0,), after=()))
    sub = Problem(
        kind=problem.kind,
        n_slots=problem.n_slots,
        tables=problem.tables,
        meetings=meetings,
        participants=[
            PParticipant(
                id=problem.participants[p].id,
                max_meetings=problem.participants[p].max_meetings,
                max_per_day=problem.participants[p].max_per_day,
                days=problem.participants[p].days,
            )
        ],
        slot_ids=problem.slot_ids,
    )
    built = build_model(sub, mandatory=True, count_gaps=True, fairness=None)
    built.model.minimize(built.total_gaps)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = time_limit
    status = solver.solve(built.model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return max(0, round(solver.best_objective_bound))
    return 0
