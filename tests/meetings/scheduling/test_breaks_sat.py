"""The SAT encoding of BREAKS budgets, checked against the independent reference model."""

import time
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings

from tests.meetings.scheduling.test_breaks_search import dzn_texts, reference_optimum
from tradebridge.meetings.scheduling import breaks_search, pattern_lp
from tradebridge.meetings.scheduling.breaks_sat import (
    STABLE,
    BreaksSat,
    SatSide,
    _hitting_set,
    supported,
)
from tradebridge.meetings.scheduling.dzn_format import parse_dzn
from tradebridge.meetings.scheduling.patterns import fewest_breaks
from tradebridge.meetings.scheduling.problem import count_gaps
from tradebridge.meetings.scheduling.solve import solve
from tradebridge.meetings.scheduling.validate import validate


def _lower(problem):
    return [fewest_breaks(problem, p) for p in range(len(problem.participants))]


def _least_feasible_budget(problem, fairness=2, guess=False):
    """Climb budgets with one incremental solver: (budget, slots), or (None, None)."""
    sat = BreaksSat(problem, fairness, _lower(problem))
    decide = sat.guess if guess else sat.decide
    try:
        budget = 0
        while True:
            found, slots = decide(budget, time.monotonic() + 20, lambda: False)
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


def test_guessing_who_breaks_decides_the_same_budgets_as_a_whole():
    problem = _instance(
        [(1, 2), (1, 3), (1, 4), (5, 6)],
        slots=4,
        tables=1,
        forbidden=[[], [], [], [], [1, 3, 4], [1, 3, 4]],
    )
    assert _least_feasible_budget(problem, guess=True)[0] == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dzn_texts())
def test_least_guessed_budget_is_the_reference_optimum(text):
    problem = parse_dzn(text, fairness=2)
    if not supported(problem, 2):
        return
    optimum, _ = reference_optimum(problem)
    budget, slots = _least_feasible_budget(problem, guess=True)
    assert budget == optimum
    if slots is not None:
        assert sum(count_gaps(problem, slots)) == optimum
        assert validate(problem, slots) == []


def test_a_hitting_set_meets_every_core_within_its_size_lowest_ranks_first():
    rank = {p: p for p in range(6)}
    cores = [frozenset({3, 4}), frozenset({1, 4, 5}), frozenset({0, 2})]
    assert _hitting_set([], 2, rank) == frozenset()
    assert _hitting_set(cores, 3, rank) == {3, 1, 0}
    assert _hitting_set(cores, 2, rank) == {4, 0}  # 4 is the one element meeting two cores
    assert _hitting_set(cores, 1, rank) is None
    assert _hitting_set([frozenset()], 3, rank) is None


class _Spy:
    """Records how every SAT side the search starts decides (the sides themselves run)."""

    def __init__(self):
        self.sides = []

    def __call__(self, *args, **kwargs):
        self.sides.append((kwargs.get("guess", False), kwargs.get("options")))
        return SatSide(*args, **kwargs)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dzn_texts())
def test_without_the_pattern_lp_two_sat_sides_prove_the_optimum(text):
    """Where the pattern LP is too large to restrict CP-SAT, the search leaves the machine to
    two SAT sides (the second guessing who takes the spare breaks, the first replaced by a
    stable-mode one after a refutation) and still proves the optimum."""
    problem = parse_dzn(text, fairness=2)
    if not supported(problem, 2):
        return
    optimum, _ = reference_optimum(problem)
    spy = _Spy()
    with (
        patch.object(pattern_lp, "MAX_COLUMNS", 0),
        patch.object(breaks_search.breaks_sat, "SatSide", spy),
    ):
        result = solve(problem, time_limit=30)
    if optimum is None:
        assert result.status == "infeasible"
        return
    assert result.status == "optimal"
    assert result.objective == optimum == result.bound
    assert validate(problem, result.slots, result.tables) == []
    first, guessing, stable = (False, None), (True, None), (False, STABLE)
    assert spy.sides[0] == first  # deciding budgets as a whole, CaDiCaL's default mode
    # then (unless it is over by then) the guessing side, then a stable one for the first
    assert spy.sides[1:] in ([], [guessing], [guessing, stable])


def test_a_stable_side_replacing_the_first_still_settles_the_search():
    problem = _instance(
        [(1, 2), (1, 3), (1, 4), (5, 6)],
        slots=4,
        tables=1,
        forbidden=[[], [], [], [], [1, 3, 4], [1, 3, 4]],
    )
    spy = _Spy()
    with patch.object(breaks_search.breaks_sat, "SatSide", spy):
        search = breaks_search._Search(problem, 20, 2, None, lambda: False, lambda *_: None)
        search.add_side()
        search.replace_first(STABLE)
        try:
            assert search.settled.wait(20)
        finally:
            for side in search._sides:
                side.stop()
    assert spy.sides == [(False, None), (False, STABLE)]
    assert search.proven == 1 == search.best_value
    assert validate(problem, search.best) == []
