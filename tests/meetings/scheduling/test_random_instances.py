"""Random small instances (hypothesis): every schedule the solver returns passes the validator,
the bound never contradicts the objective, and fixed meetings stay put."""

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradebridge.meetings.scheduling.compile import compile_instance
from tradebridge.meetings.scheduling.json_format import parse_instance
from tradebridge.meetings.scheduling.problem import priority_of
from tradebridge.meetings.scheduling.solve import solve
from tradebridge.meetings.scheduling.validate import check_instance_rules, validate

START = datetime(2026, 5, 12, 0, 0, tzinfo=UTC)
ZONES = ["Asia/Shanghai", "America/Los_Angeles", "America/New_York", "UTC"]


def _iso(moment):
    return moment.isoformat().replace("+00:00", "Z")


@st.composite
def instances(draw):
    n_slots = draw(st.integers(2, 7))
    n_people = draw(st.integers(2, 6))
    slots = [
        {
            "id": f"s{i}",
            "start": _iso(START + timedelta(hours=3 * i)),
            "end": _iso(START + timedelta(hours=3 * i, minutes=45)),
            "session": "morning" if i < n_slots // 2 else "afternoon",
        }
        for i in range(n_slots)
    ]
    people = []
    for p in range(n_people):
        person = {"id": f"p{p}", "timezone": draw(st.sampled_from(ZONES))}
        if draw(st.booleans()):
            person["max_meetings"] = draw(st.integers(0, 4))
        if draw(st.booleans()):
            person["max_per_day"] = draw(st.integers(1, 3))
        forbidden = draw(st.lists(st.integers(0, n_slots - 1), max_size=2, unique=True))
        person["forbidden_slots"] = [f"s{i}" for i in forbidden]
        if draw(st.booleans()):
            a = draw(st.integers(0, n_slots - 1))
            b = draw(st.integers(a + 1, n_slots))
            person["available"] = [
                [_iso(START + timedelta(hours=3 * a)), _iso(START + timedelta(hours=3 * b))]
            ]
        people.append(person)
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, n_people - 1), st.integers(0, n_people - 1)).filter(
                lambda t: t[0] != t[1]
            ),
            min_size=1,
            max_size=12,
        )
    )
    meetings = [
        {
            "id": f"m{i}",
            "participants": [f"p{a}", f"p{b}"],
            "priority": draw(st.integers(0, 5)),
            "session": draw(st.sampled_from(["any", "any", "morning", "afternoon"])),
            "online": draw(st.booleans()),
        }
        for i, (a, b) in enumerate(pairs)
    ]
    return {
        "slots": slots,
        "tables": draw(st.integers(1, 3)),
        "participants": people,
        "meetings": meetings,
        "working_hours": draw(st.sampled_from([None, ["08:00", "20:00"]])),
        "fairness": draw(st.sampled_from([None, 0, 1, 2])),
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_solver_schedules_pass_the_validator(data):
    instance = parse_instance(data)
    problem = compile_instance(instance)
    result = solve(problem, time_limit=5)
    assert result.status in ("optimal", "feasible")  # nothing is fixed, so empty is feasible
    assert validate(problem, result.slots, result.tables) == []
    scheduled = {
        m.id: problem.slot_ids[s] for m, s in zip(problem.meetings, result.slots) if s is not None
    }
    assert check_instance_rules(instance, scheduled) == []
    assert result.objective == priority_of(problem, result.slots)
    assert result.bound >= result.objective


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.data())
def test_fixed_meetings_stay_where_they_are(data, more):
    instance = parse_instance(data)
    problem = compile_instance(instance)
    first = solve(problem, time_limit=5)
    placed = [m for m, s in enumerate(first.slots) if s is not None]
    if not placed:
        return
    chosen = more.draw(st.lists(st.sampled_from(placed), unique=True, max_size=3))
    for m in chosen:
        data["meetings"][m]["fixed_slot"] = problem.slot_ids[first.slots[m]]
        data["meetings"][m]["fixed_table"] = first.tables[m]
    pinned = compile_instance(parse_instance(data))
    result = solve(pinned, time_limit=5)
    assert result.status in ("optimal", "feasible")
    assert validate(pinned, result.slots, result.tables) == []
    for m in chosen:
        assert result.slots[m] == first.slots[m]
        assert result.tables[m] == first.tables[m]
    assert result.bound >= result.objective
