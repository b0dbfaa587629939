"""Breaks as idle holes inside a busy span (the BREAKS model for mandatory meetings).

Every meeting is mandatory, so participant p is busy in exactly k_p slots of the day. Its day
is a span [first, first + k_p + idle) that contains every busy slot; the span's idle positions
are "holes" and each maximal run of holes is one break. With no hole the participant's day is a
rigid block of length k_p, which CP-SAT propagates very well (interval-like reasoning on
``first``), while slot-by-slot run indicators alone do not. Breaks are counted with "a hole run
starts here" literals, so the objective is a plain sum of Booleans.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from .cpsat_model import Model
from .problem import Problem


def add_spans(
    problem: Problem,
    built: Model,
    fairness: int | None,
    gap_lower_bounds: list[int] | None = None,
    rigid: set[int] | frozenset[int] = frozenset(),
    cumulative: bool = True,
    budget: int | None = None,
    gap_upper_bounds: dict[int, int] | None = None,
) -> None:
    """Add spans, holes, per-participant breaks, fairness and ``built.total_gaps``.

    Requires a model built with ``mandatory=True``; each participant must have one day (as in
    the B2B benchmark), otherwise use the run indicators of :mod:`.cpsat_model`. Participants
    in ``rigid`` get no gap at all: their day is one fixed-length block (see :func:`add_blocks`).
    With a ``budget`` on the total, at most budget - sum(bounds) participants whose own lower
    bound is 0 may have a broken day (a redundant cardinality constraint on the "whole" flags).
    ``gap_upper_bounds`` caps single participants' breaks (e.g. from the pattern relaxation).
    """
    model = built.model
    gapless = any(len(problem.meetings_of[p]) <= 1 for p in range(len(problem.participants)))
    gaps: list[cp_model.LinearExpr | int] = []
    intervals = []
    broken_free: list[cp_model.IntVar] = []  # "broken day" of participants with bound 0
    for p, participant in enumerate(problem.participants):
        k = len(problem.meetings_of[p])
        row = built.busy[p]
        if k <= 1 or len(participant.days) != 1 or p in rigid:
            if p not in rigid and len(participant.days) == 1:
                for i, s in enumerate(participant.days[0]):
                    if s in row:
                        intervals.append(
                            model.new_optional_fixed_size_interval_var(i, 1, row[s], "")
                        )
            gaps.append(0)
            continue
        day = participant.days[0]
        n = len(day)
        first = model.new_int_var(0, n - k, f"first{p}")
        idle = model.new_int_var(0, n - k, f"idle{p}")
        model.add(first + k + idle <= n)
        holes = []
        for i, s in enumerate(day):
            starts_before = model.new_bool_var("")  # first <= i
            ends_after = model.new_bool_var("")  # i < first + k + idle
            model.add(first <= i).only_enforce_if(starts_before)
            model.add(first >= i + 1).only_enforce_if(starts_before.Not())
            model.add(first + k + idle >= i + 1).only_enforce_if(ends_after)
            model.add(first + k + idle <= i).only_enforce_if(ends_after.Not())
            busy = row.get(s)
            hole = model.new_bool_var(f"hole{p}_{i}")
            # hole <=> inside span and not busy
            model.add_implication(hole, starts_before)
            model.add_implication(hole, ends_after)
            if busy is not None:
                model.add_implication(busy, starts_before)
                model.add_implication(busy, ends_after)
                model.add_implication(hole, busy.Not())
                model.add_bool_or([starts_before.Not(), ends_after.Not(), busy, hole])
            else:
                model.add_bool_or([starts_before.Not(), ends_after.Not(), hole])
            holes.append(hole)
        model.add(sum(holes) == idle)
        # no hole: the day is one block of length k, usable by the cumulative constraint
        whole = model.new_bool_var(f"whole{p}")
        model.add(idle == 0).only_enforce_if(whole)
        model.add(idle >= 1).only_enforce_if(whole.Not())
        intervals.append(model.new_optional_fixed_size_interval_var(first, k, whole, f"wb{p}"))
        if gap_lower_bounds and gap_lower_bounds[p] > 0:
            model.add(whole == 0)
        else:
            broken_free.append(whole.Not())
        for i, s in enumerate(day):
            busy = row.get(s)
            if busy is not None:
                unit = model.new_bool_var("")
                model.add_bool_and([busy, whole.Not()]).only_enforce_if(unit)
                model.add_bool_or([busy.Not(), whole, unit])
                intervals.append(model.new_optional_fixed_size_interval_var(i, 1, unit, ""))
        opens = []
        for i in range(1, n):
            # a hole run starting at i (position 0 is never a hole: the span starts busy)
            start = model.new_bool_var(f"break{p}_{i}")
            model.add_implication(start, holes[i])
            model.add_implication(start, holes[i - 1].Not())
            model.add_bool_or([start, holes[i].Not(), holes[i - 1]])
            opens.append(start)
        model.add_implication(holes[0], holes[0].Not())  # the span begins with a meeting
        gap = sum(opens)
        model.add(gap <= idle)
        if gap_lower_bounds and gap_lower_bounds[p] > 0:
            model.add(gap >= gap_lower_bounds[p])
        if gap_upper_bounds and p in gap_upper_bounds:
            model.add(gap <= gap_upper_bounds[p])
        gaps.append(gap)
    if budget is not None and broken_free:
        model.add(sum(broken_free) <= max(0, budget - sum(gap_lower_bounds or [0])))
    if cumulative and not rigid:
        model.add_cumulative(intervals, [1] * len(intervals), 2 * problem.tables)
    built.gaps = gaps
    built.total_gaps = sum(g for g in gaps if not isinstance(g, int))
    real = [g for g in gaps if not isinstance(g, int)]
    if fairness is not None and real:
        if gapless:
            for g in real:
                model.add(g <= fairness)
        else:
            lo = model.new_int_var(0, problem.n_slots, "gap_min")
            for g in real:
                model.add(g >= lo)
                model.add(g <= lo + fairness)


def add_blocks(
    problem: Problem,
    built: Model,
    rigid: set[int],
    starts: dict[int, set[int]] | None = None,
) -> None:
    """Participants in ``rigid`` meet in one unbroken block: an interval of fixed length k_p.

    All busy time then feeds one cumulative constraint of capacity 2 x tables (a meeting keeps
    two participants busy): rigid blocks as intervals, everyone else slot by slot as optional
    unit intervals. Its energetic reasoning sees table pressure over several slots at once.
    ``starts`` optionally limits a rigid participant's first busy position (index in its day).
    """
    model = built.model
    intervals = []
    for p, participant in enumerate(problem.participants):
        k = len(problem.meetings_of[p])
        row = built.busy[p]
        if k == 0 or len(participant.days) != 1:
            continue
        day = participant.days[0]
        n = len(day)
        if p in rigid and k >= 2:
            if starts and p in starts:
                domain = cp_model.Domain.from_values(sorted(starts[p]))
            else:
                domain = cp_model.Domain(0, n - k)
            first = model.new_int_var_from_domain(domain, f"block{p}")
            intervals.append(model.new_fixed_size_interval_var(first, k, f"bi{p}"))
            for i, s in enumerate(day):
                lit = row.get(s)
                if lit is None:
                    outside = model.new_bool_var("")
                    model.add(first <= i - k).only_enforce_if(outside)
                    model.add(first >= i + 1).only_enforce_if(outside.Not())
                    continue
                started = model.new_bool_var("")
                running = model.new_bool_var("")
                model.add(first <= i).only_enforce_if(started)
                model.add(first >= i + 1).only_enforce_if(started.Not())
                model.add(first >= i - k + 1).only_enforce_if(running)
                model.add(first <= i - k).only_enforce_if(running.Not())
                model.add_bool_and([started, running]).only_enforce_if(lit)
                model.add_bool_or([started.Not(), running.Not(), lit])
        else:
            for i, s in enumerate(day):
                lit = row.get(s)
                if lit is not None:
                    intervals.append(model.new_optional_fixed_size_interval_var(i, 1, lit, ""))
    model.add_cumulative(intervals, [1] * len(intervals), 2 * problem.tables)
