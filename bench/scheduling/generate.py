"""Seeded generator of synthetic online cross-border events with time-zone windows.

Participants sit in Chinese and US time zones (plus a few in Europe); slots are one hour long
and cover whole UTC days, so every online meeting must land where it is daytime for both sides
(working hours 08:00-20:00 local). Each participant has an availability window per day with a
random hole, a cap on meetings, and asks for meetings mostly across the Pacific.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, datetime, timedelta

ZONES = [
    ("Asia/Shanghai", 0.45),
    ("America/Los_Angeles", 0.18),
    ("America/New_York", 0.17),
    ("America/Chicago", 0.1),
    ("Europe/Berlin", 0.1),
]


def generate(n_participants: int, n_requests: int, n_slots: int, seed: int = 1) -> dict:
    """Return a JSON-ready instance dict."""
    rng = random.Random(seed)
    first = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # a Monday
    slots = []
    for i in range(n_slots):
        start = first + timedelta(hours=i)
        slots.append(
            {
                "id": f"s{i}",
                "start": start.isoformat().replace("+00:00", "Z"),
                "end": (start + timedelta(hours=1)).isoformat().replace("+00:00", "Z"),
            }
        )
    horizon_end = first + timedelta(hours=n_slots)
    participants = []
    zone_of = []
    names = [z for z, _ in ZONES]
    weights = [w for _, w in ZONES]
    for p in range(n_participants):
        zone = rng.choices(names, weights)[0]
        zone_of.append(zone)
        # unavailable for a random 0-3 hour block somewhere in the event
        hole = first + timedelta(hours=rng.randrange(n_slots))
        length = timedelta(hours=rng.choice([0, 1, 2, 3]))
        windows = []
        if hole > first:
            windows.append([_iso(first), _iso(hole)])
        if hole + length < horizon_end:
            windows.append([_iso(hole + length), _iso(horizon_end)])
        participants.append(
            {
                "id": f"p{p}",
                "timezone": zone,
                "available": windows,
                "max_meetings": rng.randint(6, 14),
            }
        )
    china = [p for p in range(n_participants) if zone_of[p] == "Asia/Shanghai"]
    others = [p for p in range(n_participants) if zone_of[p] != "Asia/Shanghai"]
    seen: set[tuple[int, int]] = set()
    meetings = []
    while len(meetings) < n_requests:
        if rng.random() < 0.8 and china and others:
            a, b = rng.choice(china), rng.choice(others)
        else:
            a, b = rng.sample(range(n_participants), 2)
        key = (min(a, b), max(a, b))
        if a == b or key in seen:
            continue
        seen.add(key)
        meetings.append(
            {
                "id": f"m{len(meetings)}",
                "participants": [f"p{a}", f"p{b}"],
                "priority": rng.choice([1, 1, 2, 3, 5]),
                "online": True,
            }
        )
    return {
        "slots": slots,
        "tables": max(1, n_requests // n_slots),
        "working_hours": ["08:00", "20:00"],
        "participants": participants,
        "meetings": meetings,
    }


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


if __name__ == "__main__":
    p, r, s = (int(v) for v in sys.argv[1:4])
    json.dump(generate(p, r, s, seed=int(sys.argv[4]) if len(sys.argv) > 4 else 1), sys.stdout)
