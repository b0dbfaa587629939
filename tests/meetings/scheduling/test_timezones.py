"""Time-zone behaviour: online meetings land where it is daytime for both sides, DST-aware."""

from datetime import UTC, datetime, timedelta

from tradebridge.meetings.scheduling.compile import compile_instance
from tradebridge.meetings.scheduling.json_format import parse_instance
from tradebridge.meetings.scheduling.solve import solve
from tradebridge.meetings.scheduling.validate import validate


def _hourly(day: datetime, hours: int = 24):
    return [
        {
            "id": f"h{i:02d}",
            "start": (day + timedelta(hours=i)).isoformat().replace("+00:00", "Z"),
            "end": (day + timedelta(hours=i + 1)).isoformat().replace("+00:00", "Z"),
        }
        for i in range(hours)
    ]


def _online(day, zone_a, zone_b, n_meetings=1):
    return {
        "slots": _hourly(day),
        "tables": 5,
        "working_hours": ["08:00", "20:00"],
        "participants": [
            {"id": "ca", "timezone": zone_a},
            {"id": "sh", "timezone": zone_b},
        ],
        "meetings": [
            {"id": f"m{i}", "participants": ["ca", "sh"], "priority": 1, "online": True}
            for i in range(n_meetings)
        ],
    }


def test_california_shanghai_meeting_lands_in_shared_daytime():
    # 12 May 2026: Los Angeles is UTC-7 (PDT), Shanghai UTC+8. 08:00-20:00 in both means
    # 15:00-03:00 UTC and 00:00-12:00 UTC: only 00:00-03:00 UTC (17-20h LA, 08-11h SH).
    day = datetime(2026, 5, 12, tzinfo=UTC)
    problem = compile_instance(parse_instance(_online(day, "America/Los_Angeles", "Asia/Shanghai")))
    assert problem.meetings[0].allowed == (0, 1, 2)
    result = solve(problem, time_limit=5)
    assert result.status == "optimal"
    assert result.slots[0] in (0, 1, 2)
    assert validate(problem, result.slots, result.tables) == []


def test_only_three_shared_hours_so_a_fourth_meeting_is_unscheduled():
    day = datetime(2026, 5, 12, tzinfo=UTC)
    data = _online(day, "America/Los_Angeles", "Asia/Shanghai", n_meetings=4)
    problem = compile_instance(parse_instance(data))
    result = solve(problem, time_limit=5)
    assert result.objective == 3
    assert result.bound == 3
    assert sorted(s for s in result.slots if s is not None) == [0, 1, 2]


def test_us_dst_transition_shifts_the_shared_window():
    # New York switches to EDT (UTC-4) on 8 March 2026; before that it is EST (UTC-5).
    # Shanghai (UTC+8) works 00:00-12:00 UTC. The shared hour before the switch disappears
    # after it, because New York's 08:00-20:00 moves one hour earlier in UTC.
    ny, sh = "America/New_York", "Asia/Shanghai"
    before = compile_instance(parse_instance(_online(datetime(2026, 3, 7, tzinfo=UTC), ny, sh)))
    after = compile_instance(parse_instance(_online(datetime(2026, 3, 9, tzinfo=UTC), ny, sh)))
    # 7 March 00:00 UTC = 6 March 19:00 EST -> inside 08-20; 01:00 UTC = 20:00 EST -> ends 21:00
    assert before.meetings[0].allowed == (0,)
    # 9 March 00:00 UTC = 8 March 20:00 EDT -> too late; the next NY morning 08:00 EDT is
    # 12:00 UTC, already 20:00 in Shanghai: no shared hour at all that UTC day.
    assert after.meetings[0].allowed == ()
    assert solve(after, time_limit=5).slots == [None]


def test_per_day_cap_uses_the_participants_local_date():
    # Two slots on the same UTC day but on different local days in Shanghai (23:00 and 16:30
    # UTC+8 boundaries): 15:00 UTC = 23:00 SH on day 1; 17:00 UTC = 01:00 SH on day 2.
    day = datetime(2026, 5, 12, tzinfo=UTC)
    data = {
        "slots": [
            {"id": "a", "start": "2026-05-12T15:00:00Z", "end": "2026-05-12T15:30:00Z"},
            {"id": "b", "start": "2026-05-12T17:00:00Z", "end": "2026-05-12T17:30:00Z"},
        ],
        "tables": 2,
        "participants": [
            {"id": "sh", "timezone": "Asia/Shanghai", "max_per_day": 1},
            {"id": "x", "timezone": "UTC", "max_per_day": 2},
            {"id": "y", "timezone": "UTC"},
        ],
        "meetings": [
            {"id": "m1", "participants": ["sh", "x"]},
            {"id": "m2", "participants": ["sh", "y"]},
        ],
    }
    assert day.date().isoformat() == "2026-05-12"
    problem = compile_instance(parse_instance(data))
    assert len(problem.participants[0].days) == 2
    result = solve(problem, time_limit=5)
    assert result.objective == 2  # one per Shanghai day is allowed
    assert validate(problem, result.slots, result.tables) == []
