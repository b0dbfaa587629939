"""The validator must catch every kind of broken schedule (otherwise it proves nothing)."""

import subprocess
import sys

from tradebridge.meetings.scheduling.compile import compile_instance
from tradebridge.meetings.scheduling.json_format import parse_instance
from tradebridge.meetings.scheduling.validate import check_instance_rules, validate

DATA = {
    "slots": [
        {"id": "a", "start": "2026-05-12T01:00:00Z", "end": "2026-05-12T02:00:00Z"},
        {"id": "b", "start": "2026-05-12T02:00:00Z", "end": "2026-05-12T03:00:00Z"},
        {"id": "c", "start": "2026-05-12T14:00:00Z", "end": "2026-05-12T15:00:00Z"},
    ],
    "tables": 1,
    "working_hours": ["08:00", "20:00"],
    "participants": [
        {"id": "p1", "timezone": "Asia/Shanghai", "max_meetings": 1},
        {"id": "p2", "timezone": "Asia/Shanghai", "forbidden_slots": ["b"]},
        {"id": "p3", "timezone": "Asia/Shanghai"},
    ],
    "meetings": [
        {"id": "m1", "participants": ["p1", "p2"], "fixed_slot": "a", "fixed_table": 1},
        {"id": "m2", "participants": ["p2", "p3"], "online": True},
        {"id": "m3", "participants": ["p1", "p3"], "session": "morning"},
    ],
}


def _problem():
    return compile_instance(parse_instance(DATA))


def test_a_valid_schedule_passes():
    problem = _problem()
    assert validate(problem, [0, None, None], [1, None, None]) == []


def test_double_booking_table_overflow_and_caps_are_caught():
    problem = _problem()
    errors = validate(problem, [0, 0, 0], [1, 1, 1])
    text = "\n".join(errors)
    assert "at once" in text  # p2 in m1 and m2, p1/p3 too
    assert "meetings for 1 tables" in text
    assert "cap 1" in text  # p1 has two meetings
    assert "double-booked" in text


def test_moved_fixed_meeting_and_changed_table_are_caught():
    problem = _problem()
    assert any("moved" in e for e in validate(problem, [1, None, None], [1, None, None]))
    assert any("bad table" in e for e in validate(problem, [0, None, None], [2, None, None]))
    assert any("dropped" in e for e in validate(problem, [None, None, None]))


def test_raw_rules_are_rechecked_from_the_instance():
    instance = parse_instance(DATA)
    # m2 at "b": p2 forbids it; at "c" (22:00 in Shanghai) it is outside working hours
    assert any("cannot meet" in e for e in check_instance_rules(instance, {"m2": "b"}))
    assert any("working hours" in e for e in check_instance_rules(instance, {"m2": "c"}))
    # the morning session is derived from the event zone (UTC here): 14:00 is afternoon
    assert any("session" in e for e in check_instance_rules(instance, {"m3": "c"}))
    assert check_instance_rules(instance, {"m2": "a"}) == []


def test_slot_not_allowed_is_caught():
    problem = _problem()
    assert any("not allowed" in e for e in validate(problem, [0, 1, None]))


def test_library_does_not_import_django():
    code = (
        "import sys, tradebridge.meetings.scheduling.cli, tradebridge.meetings.scheduling;"
        "print('django' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
