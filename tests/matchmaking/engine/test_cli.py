"""The ``tradebridge match`` command: output shape, and every error reported without traceback."""

import json

import pytest

from tradebridge.matchmaking.engine.cli import main

GOOD = [
    {"id": "a", "offers": "lithium-ion batteries", "deal_types": ["export"]},
    {"id": "b", "needs": "锂离子蓄电池", "deal_types": ["import"]},
    {"id": "c", "needs": "乳制品", "hs_codes": ["0401"]},
    {"id": "d", "offers": "fluid milk and cream", "hs_codes": ["04012000"]},
]


def write(tmp_path, lines):
    path = tmp_path / "profiles.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    return path


def test_matches_are_written_best_first(tmp_path, encoder):
    src, out = write(tmp_path, GOOD), tmp_path / "out.jsonl"
    assert main([str(src), "--top", "2", "--output", str(out)]) == 0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["a", "b", "c", "d"]
    by_id = {x["id"]: x["matches"] for x in lines}
    assert by_id["b"][0]["id"] == "a" and by_id["c"][0]["id"] == "d"
    first = by_id["c"][0]
    assert {"kind": "hs", "code": "0401", "level": 4} in first["reasons"]
    assert first["explanation"].startswith("Both in HS 0401")
    scores = [m["score"] for m in by_id["a"]]
    assert scores == sorted(scores, reverse=True) and len(by_id["a"]) <= 2


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "line 3: invalid JSON"),
        ({"id": "x", "hs_codes": ["04X1"]}, 'line 3: hs_codes: "04X1" is not an HS code'),
        ({"id": "a"}, 'line 3: id: duplicate id "a" (first on line 1)'),
        ({"name": "anonymous"}, "line 3: id: missing"),
        ({"id": "x", "deal_types": 5}, "line 3: deal_types:"),
        ({"id": "x", "offers": {"texts": [1]}}, "line 3: offers.texts:"),
        ("[1, 2]", "line 3: not a JSON object"),
    ],
)
def test_bad_line_fails_with_2_and_writes_nothing(tmp_path, capsys, bad_line, message):
    src = write(tmp_path, [GOOD[0], GOOD[1], bad_line, GOOD[2]])
    out = tmp_path / "out.jsonl"
    assert main([str(src), "--top", "3", "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_skip_invalid_reports_and_skips(tmp_path, capsys, encoder):
    src = write(tmp_path, [GOOD[0], "{oops", {"id": "z", "regions": ["Mars"]}, GOOD[1]])
    out = tmp_path / "out.jsonl"
    assert main([str(src), "--output", str(out), "--skip-invalid"]) == 0
    err = capsys.readouterr().err
    assert "line 2: invalid JSON" in err and "line 3: regions:" in err
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a", "b"]


def test_usage_errors_return_2(tmp_path, capsys):
    assert main([]) == 2
    assert main([str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main([str(write(tmp_path, GOOD)), "--top", "0"]) == 2
