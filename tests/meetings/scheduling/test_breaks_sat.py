"""The SAT encoding of BREAKS budgets, checked against the independent reference model."""

import time

from hypothesis import HealthCheck, given, settings

from tests.meetings.scheduling.test_breaks_search import dzn_texts, reference_optimum
from tradebridge.meetings.scheduling.breaks_sat import BreaksSat, SatSide, supported
from tradebridge.meetings.scheduling.dzn_format import parse_dzn
from tradebridge.meetings.scheduling.patterns import fewest_breaks
from tradebridge.meetings.scheduling.problem import count_gaps
from tradebridge.meetings.scheduling.solve import solve
from tradebridge.meetings.scheduling.validate import validate


def _lower(problem):
    return [fewest_breaks(problem, p) for p in range(len(problem.participants))]


def _least_feasible_budget(problem, fairness=2):
    """Climb budgets with one incremental solver: (budget, slots), or (None, None)."""
    sat = BreaksSat(problem, fairness, _lower(problem))
    try:
        budget = 0
        while True:
            found, slots = sat.decide(budget, time.monotonic() + 20, lambda: False)
            assert found is not None
            if found:
                return budget, slots
            if budget >= sat.most:
                return None, None
            budget += 1
    finally:
        sat.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dzn_texts())
def test_least_sat_budget_is_the_reference_optimum(text):
    problem = parse_dzn(text, fairness=2)
    if not supported(problem, 2):
        return
    optimum, _ = reference_optimum(problem)
    budget, slots = _least_feasible_budget(problem)
    assert budget == optimum
    if slots is not None:
        gaps = count_gaps(problem, slots)
        assert sum(gaps) == optimum
        assert max(gaps) <= 2
        assert validate(problem, slots) == []


def _instance(pairs, slots=6, tables=2, morning=0, forbidden=None):
    n_people = max(max(p) for p in pairs)
    rows = " | ".join(f"{a}, {b}, 3," for a, b in pairs)
    forbidden = forbidden or [[] for _ in range(n_people)]
    sets = ", ".join("{" + ", ".join(str(v) for v in [0, *f]) + "}" for f in forbidden)
    return parse_dzn(
        f"nBusiness = {n_people}; nMeetings = {len(pairs)}; nTables = {tables}; "
        f"nTotalSlots = {slots}; nMorningSlots = {morning}; requested = [| {rows} |]; "
        f"forbidden = [{sets}];",
        fairness=2,
    )


def test_supported_needs_fairness_and_someone_with_at_most_one_meeting():
    star = _instance([(1, 2), (1, 3), (1, 4)])
    assert supported(star, 2)
    assert not supported(star, None)
    triangle = _instance([(1, 2), (2, 3), (1, 3)])  # everyone has two meetings
    assert not supported(triangle, 2)


def test_table_capacity_forces_a_break():
    # participant 1 meets 2, 3 and 4; 5 and 6 also meet 2, 3 and 4 in the only slots left:
    # with one table and four slots, slot 2 is taken by 5-6's meeting, so 1 must break
    problem = _instance(
        [(1, 2), (1, 3), (1, 4), (5, 6)],
        slots=4,
        tables=1,
        forbidden=[[], [], [], [], [1, 3, 4], [1, 3, 4]],
    )
    budget, slots = _least_feasible_budget(problem)
    assert budget == 1
    assert slots[3] == 1  # 5-6 in the second slot (0-based 1)
    assert count_gaps(problem, slots)[0] == 1


def test_the_sat_side_reports_in_a_child_process_and_stops_on_request():
    problem = _instance(
        [(1, 2), (1, 3), (1, 4), (5, 6)],
        slots=4,
        tables=1,
        forbidden=[[], [], [], [], [1, 3, 4], [1, 3, 4]],
    )
    side = SatSide(problem, 2, _lower(problem), 0, 20)
    messages = list(side.messages())
    side.stop()
    assert messages[0] == ("unsat", 0)
    assert messages[1][0] == "sat"
    assert sum(count_gaps(problem, messages[1][1])) == 1
    assert not side.process.is_alive()
    # a run with far more time than it gets stops at once when asked
    busy = _instance(
        [(a, b) for a in range(1, 9) for b in range(a + 1, 9)] + [(9, 10)], slots=30, tables=3
    )
    side = SatSide(busy, 2, _lower(busy), 0, 600)
    started = time.monotonic()
    side.stop()
    assert not side.process.is_alive()
    assert time.monotonic() - started < 5


def test_solve_proves_the_optimum_with_both_sides():
    problem = _instance(
        [(1, 2), (1, 3), (1, 4), (5, 6)],
        slots=4,
        tables=1,
        forbidden=[[], [], [], [], [1, 3, 4], [1, 3, 4]],
    )
    result = solve(problem, time_limit=20)
    assert result.status == "optimal"
    assert result.objective == 1 and result.bound == 1
    assert validate(problem, result.slots, result.tables) == []
