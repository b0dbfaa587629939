"""The CP-SAT model: one Boolean per (meeting, allowed slot); tables are not modelled.

Tables are interchangeable, so only the number of meetings per slot is limited (at most
``tables``); table numbers are assigned afterwards (:mod:`.tables`). Idle gaps ("breaks") are
counted per participant and day with busy Booleans and "a busy run resumes here" indicators
(busy now, idle just before, busy earlier that day), plus a redundant span view of each day.
The BREAKS search uses the stronger span/block model of :mod:`.runs_model` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .problem import Problem


@dataclass
class Model:
    """A built CP-SAT model and the handles the solver needs to read it back."""

    model: cp_model.CpModel
    x: dict[tuple[int, int], cp_model.IntVar]
    n_meetings: int = 0
    priority: cp_model.LinearExpr | int = 0
    gaps: list[cp_model.LinearExpr | int] = field(default_factory=list)
    total_gaps: cp_model.LinearExpr | int = 0
    #: per participant, slot -> literal "busy at that slot" (absent: never busy there)
    busy: list[dict[int, cp_model.IntVar]] = field(default_factory=list)

    def slots(self, solver_value) -> list[int | None]:
        """Read the slot of each meeting from a solver (or callback) ``Value`` function."""
        chosen = {m: s for (m, s), var in self.x.items() if solver_value(var)}
        return [chosen.get(m) for m in range(self.n_meetings)]


def build_model(
    problem: Problem,
    *,
    mandatory: bool,
    count_gaps: bool,
    fairness: int | None,
    gap_lower_bounds: list[int] | None = None,
    priority_floor: int | None = None,
) -> Model:
    """Build the model: placement, clashes, tables, caps, and (optionally) gap counting.

    ``mandatory`` forces every meeting to be scheduled (the B2B problem); otherwise a meeting may
    stay unscheduled, except fixed ones. ``fairness`` bounds max - min gaps over participants.
    ``gap_lower_bounds`` (per participant, valid lower bounds) are added as redundant cuts.
    """
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    by_slot: list[list[cp_model.IntVar]] = [[] for _ in range(problem.n_slots)]
    for m, meeting in enumerate(problem.meetings):
        lits = []
        for s in meeting.allowed:
            var = model.new_bool_var(f"x{m}_{s}")
            x[m, s] = var
            lits.append(var)
            by_slot[s].append(var)
        if mandatory or meeting.fixed_slot is not None:
            model.add_exactly_one(lits)
        elif lits:
            model.add_at_most_one(lits)
    for lits in by_slot:
        if len(lits) > problem.tables:
            model.add(sum(lits) <= problem.tables)

    busy: list[dict[int, cp_model.IntVar]] = []
    for p, participant in enumerate(problem.participants):
        per_slot: dict[int, list[cp_model.IntVar]] = {}
        for m in problem.meetings_of[p]:
            for s in problem.meetings[m].allowed:
                per_slot.setdefault(s, []).append(x[m, s])
        row: dict[int, cp_model.IntVar] = {}
        for s, lits in per_slot.items():
            if len(lits) == 1:
                row[s] = lits[0]
            else:
                var = model.new_bool_var(f"busy{p}_{s}")
                model.add(sum(lits) == var)
                row[s] = var
        busy.append(row)
        if participant.max_meetings is not None and len(row) > participant.max_meetings:
            model.add(sum(row.values()) <= participant.max_meetings)
        if participant.max_per_day is not None:
            for day in participant.days:
                lits = [row[s] for s in day if s in row]
                if len(lits) > participant.max_per_day:
                    model.add(sum(lits) <= participant.max_per_day)

    for m, meeting in enumerate(problem.meetings):
        for q in meeting.after:
            before = problem.meetings[q]
            model.add(
                sum(s * x[m, s] for s in meeting.allowed)
                >= sum(s * x[q, s] for s in before.allowed) + 1
            )

    priority = sum(problem.meetings[m].priority * var for (m, _), var in x.items())
    if priority_floor is not None:
        model.add(priority >= priority_floor)
    built = Model(model=model, x=x, n_meetings=len(problem.meetings), priority=priority, busy=busy)
    if count_gaps:
        _add_gaps(problem, built, busy, mandatory, fairness, gap_lower_bounds)
    return built


def _add_gaps(problem, built, busy, mandatory, fairness, gap_lower_bounds) -> None:
    """Gaps of a participant's day = number of slots where a busy run resumes after idleness.

    ``resume[p, s]`` is true when p is busy at s, idle at the previous slot of the day, and busy
    somewhere earlier that day (``seen``, a prefix OR). The objective is then a plain sum of
    Booleans, which suits core-based optimisation.
    """
    model = built.model
    exact = fairness is not None and not _someone_gapless(problem, busy)
    gaps: list[cp_model.LinearExpr | int] = []
    for p, participant in enumerate(problem.participants):
        row = busy[p]
        resumes = []
        for day in participant.days:
            day_resumes: list[cp_model.IntVar] = []
            seen = None  # literal: busy at some earlier slot of this day
            previous = None  # literal: busy at the previous slot of this day
            for s in day:
                now = row.get(s)
                if now is not None and seen is not None:
                    resume = model.new_bool_var(f"resume{p}_{s}")
                    clause = [resume, now.Not(), seen.Not()]
                    if previous is not None:
                        clause.append(previous)
                    model.add_bool_or(clause)
                    if exact:
                        model.add_implication(resume, now)
                        model.add_implication(resume, seen)
                        if previous is not None:
                            model.add_implication(resume, previous.Not())
                    day_resumes.append(resume)
                if now is not None:
                    if seen is None:
                        seen = now
                    else:
                        merged = model.new_bool_var(f"seen{p}_{s}")
                        model.add_max_equality(merged, [seen, now])
                        seen = merged
                previous = now
            if day_resumes:
                _add_span(model, row, day, day_resumes, mandatory and len(participant.days) == 1)
            resumes.extend(day_resumes)
        if not resumes:
            gaps.append(0)
            continue
        gap = sum(resumes)
        if gap_lower_bounds and gap_lower_bounds[p] > 0:
            model.add(gap >= gap_lower_bounds[p])
        gaps.append(gap)
    built.gaps = gaps
    built.total_gaps = sum(g for g in gaps if not isinstance(g, int))
    if fairness is not None and len(gaps) > 1:
        upper = max(len(problem.meetings_of[p]) for p in range(len(gaps)))
        if exact:
            lo = model.new_int_var(0, upper, "gap_min")
            for g in gaps:
                model.add(g >= lo)
            hi_limit = lo + fairness
        else:
            hi_limit = fairness
        for g in gaps:
            if not isinstance(g, int):
                model.add(g <= hi_limit)


def _someone_gapless(problem: Problem, busy) -> bool:
    """True when some participant can never have a gap, so the fairness minimum is 0."""
    for p, participant in enumerate(problem.participants):
        if all(sum(1 for s in day if s in busy[p]) <= 1 for day in participant.days):
            return True
        if len(problem.meetings_of[p]) <= 1:
            return True
    return False


def _add_span(model, row, day, resumes, meets_for_sure: bool) -> None:
    """Redundant "span" view of one participant-day, strong when the day has no gap.

    ``first``/``last`` bracket the busy positions; ``broken`` says whether the day has a gap.
    Without a gap every position in [first, last] is busy and last - first + 1 equals the
    number of busy positions: the participant's day is one rigid block, which propagates far
    better than the slot-by-slot run indicators alone.
    """
    n = len(day)
    lits = [(i, row[s]) for i, s in enumerate(day) if s in row]
    lo, hi = lits[0][0], lits[-1][0]
    first = model.new_int_var(lo, hi, "")
    last = model.new_int_var(lo, hi, "")
    broken = model.new_bool_var("")
    model.add(sum(resumes) >= 1).only_enforce_if(broken)
    for r in resumes:
        model.add_implication(r, broken)
    count = sum(lit for _, lit in lits)
    if not meets_for_sure:
        active = model.new_bool_var("")
        model.add_max_equality(active, [lit for _, lit in lits])
        model.add_implication(broken, active)
    else:
        active = None
    enforce = [] if active is None else [active]
    model.add(last - first + 1 == count).only_enforce_if([broken.Not(), *enforce])
    model.add(last - first + 1 >= count + 1).only_enforce_if([broken, *enforce])
    for i in range(n):
        lit = row.get(day[i])
        after_first = model.new_bool_var("")
        before_last = model.new_bool_var("")
        model.add(first <= i).only_enforce_if(after_first)
        model.add(first > i).only_enforce_if(after_first.Not())
        model.add(last >= i).only_enforce_if(before_last)
        model.add(last < i).only_enforce_if(before_last.Not())
        if lit is None:
            # never busy here: without a gap the block cannot cover this position
            model.add_bool_or(
                [after_first.Not(), before_last.Not(), broken, *[e.Not() for e in enforce]]
            )
            continue
        model.add_implication(lit, after_first)
        model.add_implication(lit, before_last)
        model.add_bool_or(
            [after_first.Not(), before_last.Not(), broken, lit, *[e.Not() for e in enforce]]
        )
