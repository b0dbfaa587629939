"""Background-job behaviour: progress reports, cancellation, fixed and incremental scheduling."""

import sys
import threading
import time
from pathlib import Path

from tradebridge.meetings.scheduling.compile import compile_instance, keep_existing
from tradebridge.meetings.scheduling.json_format import parse_instance
from tradebridge.meetings.scheduling.problem import priority_of
from tradebridge.meetings.scheduling.solve import solve
from tradebridge.meetings.scheduling.validate import validate

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench" / "scheduling"))
from generate import generate


def _event(n_people=40, n_requests=200, n_slots=24, seed=3):
    return generate(n_people, n_requests, n_slots, seed=seed)


def test_progress_is_reported_with_objective_and_bound():
    problem = compile_instance(parse_instance(_event()))
    calls = []
    result = solve(problem, time_limit=10, progress=lambda *a: calls.append(a))
    assert calls
    percent, elapsed, objective, bound = calls[-1]
    assert percent == 100.0
    assert elapsed >= 0
    assert objective == result.objective
    assert bound == result.bound >= objective


def test_cancel_event_stops_a_large_solve_early():
    problem = compile_instance(parse_instance(_event(2000, 20000, 24, seed=5)))
    cancel = threading.Event()
    timer = threading.Timer(1.0, cancel.set)
    timer.start()
    started = time.monotonic()
    result = solve(problem, time_limit=120, cancel=cancel)
    timer.cancel()
    assert time.monotonic() - started < 60  # stopped long before the 120 s limit
    assert result.objective is not None  # the best schedule so far is returned
    assert validate(problem, result.slots, result.tables) == []


def test_cancel_callable_stops_a_breaks_search():
    # a B2B-style instance (all meetings mandatory) cancelled right away still answers
    from tradebridge.meetings.scheduling.dzn_format import parse_dzn

    rows = "".join(f"| {a}, {b}, 3, " for a in range(1, 9) for b in range(a + 1, 9)) + "|"
    n = 28
    text = (
        f"nBusiness = 8; nMeetings = {n}; nTables = 4; nTotalSlots = 8; nMorningSlots = 4;"
        f"requested = [{rows}];"
    )
    problem = parse_dzn(text)
    started = time.monotonic()
    result = solve(problem, time_limit=120, cancel=lambda: time.monotonic() - started > 0.5)
    assert time.monotonic() - started < 60
    assert result.status in ("optimal", "feasible", "unknown")


def test_incremental_scheduling_keeps_confirmed_meetings():
    data = _event(60, 300, 24, seed=7)
    first_problem = compile_instance(parse_instance(data))
    first = solve(first_problem, time_limit=10)
    confirmed = {
        m.id: (first_problem.slot_ids[s], t)
        for m, s, t in zip(first_problem.meetings, first.slots, first.tables)
        if s is not None
    }
    # new requests arrive
    data["meetings"] += [
        {"id": f"new{i}", "participants": [f"p{i}", f"p{i + 30}"], "priority": 5, "online": True}
        for i in range(20)
    ]
    problem, _ = keep_existing(compile_instance(parse_instance(data)), confirmed)
    result = solve(problem, time_limit=10)
    assert validate(problem, result.slots, result.tables) == []
    for m, meeting in enumerate(problem.meetings):
        if meeting.id in confirmed:
            slot, table = confirmed[meeting.id]
            assert problem.slot_ids[result.slots[m]] == slot
            assert result.tables[m] == table
    assert result.bound >= result.objective


def test_incremental_with_moves_allowed_is_at_least_as_good():
    data = _event(60, 300, 24, seed=8)
    problem = compile_instance(parse_instance(data))
    first = solve(problem, time_limit=10)
    existing = {
        m.id: (problem.slot_ids[s], None)
        for m, s in zip(problem.meetings, first.slots)
        if s is not None
    }
    movable, hint = keep_existing(problem, existing, allow_moves=True)
    assert all(m.fixed_slot is None for m in movable.meetings)
    again = solve(movable, time_limit=10, hint=hint)
    assert priority_of(movable, again.slots) >= priority_of(problem, first.slots)


def test_conflicting_fixed_meetings_are_reported_infeasible():
    data = {
        "slots": [{"id": "s", "start": "2026-05-12T01:00:00Z", "end": "2026-05-12T02:00:00Z"}],
        "tables": 5,
        "participants": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "meetings": [
            {"id": "m1", "participants": ["a", "b"], "fixed_slot": "s"},
            {"id": "m2", "participants": ["a", "c"], "fixed_slot": "s"},
        ],
    }
    result = solve(compile_instance(parse_instance(data)), time_limit=5)
    assert result.status == "infeasible"
    assert result.objective is None
