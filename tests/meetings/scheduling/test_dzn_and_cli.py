"""The B2B .dzn reader on a real instance, and the command line: output, errors, exit codes."""

import json
from pathlib import Path

import pytest

from tradebridge.meetings.scheduling.cli import main
from tradebridge.meetings.scheduling.dzn_format import load_dzn, parse_dzn
from tradebridge.meetings.scheduling.errors import InstanceError
from tradebridge.meetings.scheduling.problem import count_gaps
from tradebridge.meetings.scheduling.solve import solve
from tradebridge.meetings.scheduling.validate import validate

DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "b2b-scheduling"
TIC12 = DATA / "tic-12.original.dzn"

needs_data = pytest.mark.skipif(not TIC12.exists(), reason="B2B data set not present")


@needs_data
def test_real_dzn_instance_is_read_with_its_conventions():
    problem = load_dzn(TIC12)
    assert len(problem.participants) == 42
    assert len(problem.meetings) == 125
    assert problem.tables == 21
    assert problem.n_slots == 8
    # meetingsxBusiness is shifted by one: participant 1's meetings are requests 1..k
    text = TIC12.read_text()
    listed = text.split("meetingsxBusiness")[1].split("}")[0]
    ids = [int(v) for v in listed.replace("=", "").replace("[", "").replace("{", "").split(",")]
    assert sorted(m + 2 for m in problem.meetings_of[0]) == sorted(ids[1:])


@needs_data
def test_real_dzn_instance_is_solved_and_valid():
    problem = load_dzn(TIC12)
    result = solve(problem, time_limit=30)
    assert result.status in ("optimal", "feasible")
    assert validate(problem, result.slots, result.tables) == []
    assert all(s is not None for s in result.slots)
    assert result.objective == sum(count_gaps(problem, result.slots))
    assert result.bound <= result.objective  # a lower bound for this kind


SMALL_DZN = """
nBusiness = 4; nMeetings = 4; nTables = 1; nTotalSlots = 5; nMorningSlots = 3;
requested = [| 1, 2, 1, | 1, 3, 3, | 1, 4, 2, | 2, 3, 3 |];
meetingsxBusiness = [{1,2,3,4}, {1,2,5}, {1,3,5}, {1,4}];
nMeetingsBusiness = [3, 2, 2, 1];
forbidden = [{0}, {0, 2}, {0}, {0, 1}];
fixed = [0, 0, 0, 0];
precedences = [{}, {}, {}, {}];
"""


def test_small_dzn_forbidden_slots_are_one_based_and_sessions_apply():
    problem = parse_dzn(SMALL_DZN)
    # meeting 1: participants 1-2, morning (slots 0..2), participant 2 forbids slot 2 (1-based)
    assert problem.meetings[0].allowed == (0, 2)
    # meeting 3: participants 1-4, afternoon (slots 3..4)
    assert problem.meetings[2].allowed == (3, 4)
    result = solve(problem, time_limit=10)
    assert result.status == "optimal"
    assert validate(problem, result.slots, result.tables) == []


def test_dzn_errors_name_the_field():
    with pytest.raises(InstanceError, match="requested"):
        parse_dzn(SMALL_DZN.replace("| 2, 3, 3 |", "| 2, 9, 3 |"))
    with pytest.raises(InstanceError, match="nTables: missing"):
        parse_dzn(SMALL_DZN.replace("nTables = 1;", ""))


def _instance(**changes):
    data = {
        "slots": [
            {"id": "s1", "start": "2026-05-12T01:00:00Z", "end": "2026-05-12T01:30:00Z"},
            {"id": "s2", "start": "2026-05-12T01:30:00Z", "end": "2026-05-12T02:00:00Z"},
        ],
        "tables": 1,
        "participants": [
            {"id": "p1", "timezone": "Asia/Shanghai", "max_meetings": 2},
            {"id": "p2", "timezone": "America/Los_Angeles"},
            {"id": "p3", "timezone": "America/New_York"},
        ],
        "meetings": [
            {"id": "m1", "participants": ["p1", "p2"], "priority": 3},
            {"id": "m2", "participants": ["p1", "p3"], "priority": 2},
            {"id": "m3", "participants": ["p2", "p3"], "priority": 1},
        ],
    }
    data.update(changes)
    return data


def _run(tmp_path, data, *extra):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return main([str(path), "--time-limit", "5", "--quiet", *extra])


def test_cli_writes_the_result(tmp_path, capsys):
    out = tmp_path / "result.json"
    assert _run(tmp_path, _instance(), "--output", str(out)) == 0
    result = json.loads(out.read_text())
    assert result["status"] == "optimal"
    assert result["objective"] == 5  # two slots, one table: m1 and m2
    assert result["bound"] >= result["objective"]
    assert sorted(r["meeting"] for r in result["scheduled"]) == ["m1", "m2"]
    assert result["unscheduled"] == ["m3"]
    assert {r["table"] for r in result["scheduled"]} == {1}


def test_cli_prints_to_stdout(tmp_path, capsys):
    assert _run(tmp_path, _instance()) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "optimal"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"meetings": [{"id": "m1", "participants": ["p1", "p9"]}]},
            'meetings[0].participants: unknown participant "p9"',
        ),
        ({"tables": 0}, "tables: must be >= 1"),
        ({"slots": []}, "slots: at least one slot is required"),
        (
            {"participants": [{"id": "p1", "timezone": "Mars/Olympus"}]},
            "participants[0].timezone: unknown time zone",
        ),
        (
            {"meetings": [{"id": "m1", "participants": ["p1", "p2"], "fixed_slot": "zz"}]},
            'meetings[0].fixed_slot: unknown slot "zz"',
        ),
        ({"working_hours": ["25:00", "20:00"]}, "working_hours[0]: expected HH:MM"),
    ],
)
def test_cli_invalid_instance_exit_code_2(tmp_path, capsys, change, message):
    assert _run(tmp_path, _instance(**change)) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_cli_unreadable_and_broken_files(tmp_path, capsys):
    assert main([str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert _run(tmp_path, "{not json") == 2
    assert "invalid JSON" in capsys.readouterr().err
    assert _run(tmp_path, "[1, 2]") == 2
    assert "instance: expected an object" in capsys.readouterr().err
