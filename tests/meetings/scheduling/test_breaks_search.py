"""BREAKS problems (the B2B benchmark's kind) on random small instances (hypothesis).

A reference model written here, sharing no code with the solver (one Boolean per meeting and
slot, "a break ends here" literals, fairness), gives the true optimum with CP-SAT. Checked
against it: the solver's optimum and lower bound, the per-participant patterns and fewest
breaks (also against brute force), and that the pattern LP's reduced-cost filtering never cuts
off an optimal schedule.
"""

from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from tradebridge.meetings.scheduling.dzn_format import parse_dzn
from tradebridge.meetings.scheduling.pattern_lp import PatternRelaxation, break_caps
from tradebridge.meetings.scheduling.patterns import (
    _runs,
    count_runs,
    fewest_breaks,
    participant_patterns,
)
from tradebridge.meetings.scheduling.problem import count_gaps
from tradebridge.meetings.scheduling.solve import solve
from tradebridge.meetings.scheduling.validate import validate


@st.composite
def dzn_texts(draw):
    n_people = draw(st.integers(3, 6))
    n_slots = draw(st.integers(3, 7))
    morning = draw(st.integers(0, n_slots))
    pairs = draw(
        st.lists(
            st.tuples(st.integers(1, n_people), st.integers(1, n_people)).filter(
                lambda t: t[0] < t[1]
            ),
            min_size=2,
            max_size=12,
            unique=True,
        )
    )
    sessions = [draw(st.sampled_from([3, 3, 1, 2])) for _ in pairs]
    forbidden = [
        draw(st.lists(st.integers(1, n_slots), max_size=1, unique=True)) for _ in range(n_people)
    ]
    rows = " | ".join(f"{a}, {b}, {s}," for (a, b), s in zip(pairs, sessions, strict=True))
    sets = ", ".join("{" + ", ".join(str(v) for v in [0, *f]) + "}" for f in forbidden)
    return (
        f"nBusiness = {n_people}; nMeetings = {len(pairs)}; "
        f"nTables = {draw(st.integers(1, 3))}; nTotalSlots = {n_slots}; "
        f"nMorningSlots = {morning}; requested = [| {rows} |]; forbidden = [{sets}];"
    )


def reference_optimum(problem, fairness=2):
    """Fewest breaks by a model independent of the solver's; None when infeasible."""
    model = cp_model.CpModel()
    x = {}
    for m, meeting in enumerate(problem.meetings):
        for s in meeting.allowed:
            x[m, s] = model.new_bool_var("")
        model.add_exactly_one([x[m, s] for s in meeting.allowed])
    for s in range(problem.n_slots):
        model.add(sum(v for (m, t), v in x.items() if t == s) <= problem.tables)
    breaks = []
    for p in range(len(problem.participants)):
        busy = []
        for s in range(problem.n_slots):
            lits = [x[m, s] for m in problem.meetings_of[p] if (m, s) in x]
            b = model.new_bool_var("")
            model.add(sum(lits) == b)
            busy.append(b)
        ends = []
        for s in range(1, problem.n_slots - 1):
            later = model.new_bool_var("")
            model.add_max_equality(later, busy[s + 1 :])
            end = model.new_bool_var("")  # busy at s-1, idle at s, busy later
            model.add_bool_and([busy[s - 1], busy[s].Not(), later]).only_enforce_if(end)
            model.add_bool_or([busy[s - 1].Not(), busy[s], later.Not(), end])
            ends.append(end)
        breaks.append(sum(ends))
    low = model.new_int_var(0, problem.n_slots, "")
    for b in breaks:
        model.add(b >= low)
        model.add(b <= low + fairness)
    model.minimize(sum(breaks))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        return None, None
    assert status == cp_model.OPTIMAL
    slots = [None] * len(problem.meetings)
    for (m, s), var in x.items():
        if solver.value(var):
            slots[m] = s
    return round(solver.objective_value), slots


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dzn_texts())
def test_breaks_optimum_and_bound_match_a_reference_model(text):
    problem = parse_dzn(text, fairness=2)
    optimum, _ = reference_optimum(problem)
    result = solve(problem, time_limit=20)
    if optimum is None:
        assert result.status == "infeasible"
        return
    assert result.status == "optimal"
    assert result.objective == optimum
    assert result.bound == optimum
    assert validate(problem, result.slots, result.tables) == []


def _brute_patterns(problem, p, most):
    """Every busy set of the right size with at most ``most`` breaks whose meetings can be
    given distinct allowed slots (by trying all assignments)."""
    mine = problem.meetings_of[p]
    found = set()
    for busy in combinations(range(problem.n_slots), len(mine)):
        runs = sum(1 for i, s in enumerate(busy) if i == 0 or busy[i - 1] != s - 1)
        if runs - 1 > most:
            continue
        if _assignable([problem.meetings[m].allowed for m in mine], list(busy)):
            found.add((busy, runs - 1 if len(mine) >= 2 else 0))
    return found


def _assignable(options, free):
    if not options:
        return True
    return any(
        s in free and _assignable(options[1:], [t for t in free if t != s]) for s in options[0]
    )


@settings(max_examples=40, deadline=None)
@given(dzn_texts(), st.integers(0, 2))
def test_patterns_and_fewest_breaks_match_brute_force(text, most):
    problem = parse_dzn(text)
    for p in range(len(problem.participants)):
        got = {(q.slots, q.breaks) for q in participant_patterns(problem, p, most)}
        assert got == _brute_patterns(problem, p, most)
        every = _brute_patterns(problem, p, problem.n_slots)
        expected = min((b for _, b in every), default=None)
        if expected is not None and expected < 3:
            assert fewest_breaks(problem, p) == expected


@given(
    st.integers(1, 9).flatmap(
        lambda n: st.tuples(
            st.just(n), st.integers(1, n), st.lists(st.booleans(), min_size=n, max_size=n)
        )
    ),
    st.integers(0, 3),
)
def test_pattern_count_matches_the_listing(shape, most):
    day, k, usable = shape
    assert count_runs(day, k, usable, most) == len(_runs(day, k, usable, most, 10**9))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dzn_texts())
def test_reduced_cost_filtering_keeps_an_optimal_schedule(text):
    problem = parse_dzn(text, fairness=2)
    optimum, slots = reference_optimum(problem)
    lower = [fewest_breaks(problem, p) for p in range(len(problem.participants))]
    caps = break_caps(problem, 2, lower)
    if optimum is None or caps is None:
        return
    relaxation = PatternRelaxation(problem, lower, caps)
    restriction = relaxation.at_budget(optimum)
    assert restriction is not None
    assert restriction.bound <= optimum + 1e-6
    assert not restriction.infeasible
    assert all((m, s) in restriction.pairs for m, s in enumerate(slots))
    gaps = count_gaps(problem, slots)
    for p, kept in restriction.patterns.items():
        busy = tuple(sorted(slots[m] for m in problem.meetings_of[p]))
        assert any(q.slots == busy and q.breaks == gaps[p] for q in kept)
    # the search's proven bound never passes the optimum, even from the LP alone
    below = relaxation.at_budget(optimum - 1) if optimum > 0 else None
    if below is not None and relaxation.complete(optimum - 1):
        assert below.bound <= optimum + 1e-6
