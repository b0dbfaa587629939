"""Reader for TradeBridge's JSON scheduling instances (see docs/scheduling-instance-format.md).

Every error names the offending field, e.g. ``meetings[3].participants: unknown participant
"p9"``; the reader never lets a ``KeyError`` or ``TypeError`` escape for bad input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import InstanceError

SESSIONS = ("morning", "afternoon", "any")


@dataclass(frozen=True)
class Slot:
    """A time slot of the event (UTC)."""

    id: str
    start: datetime
    end: datetime
    session: str | None


@dataclass(frozen=True)
class Participant:
    """A participant with its zone, availability windows (UTC) and caps."""

    id: str
    zone: ZoneInfo
    available: tuple[tuple[datetime, datetime], ...] | None
    max_meetings: int | None
    max_per_day: int | None
    forbidden_slots: frozenset[str]


@dataclass(frozen=True)
class Meeting:
    """A requested meeting."""

    id: str
    participants: tuple[str, ...]
    priority: int
    fixed_slot: str | None
    fixed_table: int | None
    session: str
    online: bool


@dataclass(frozen=True)
class Instance:
    """A validated JSON instance."""

    slots: tuple[Slot, ...]
    tables: int
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    working_hours: tuple[int, int] | None  # minutes after local midnight
    event_zone: ZoneInfo
    breaks: frozenset[str]
    fairness: int | None


def _fail(where: str, message: str) -> InstanceError:
    return InstanceError(f"{where}: {message}")


def _time(value: Any, where: str) -> datetime:
    if not isinstance(value, str):
        raise _fail(where, f"expected an ISO 8601 time string, got {value!r}")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _fail(where, f"not an ISO 8601 time: {value!r}") from None
    if moment.tzinfo is None:
        raise _fail(where, f"time must carry a UTC offset (e.g. 'Z'): {value!r}")
    return moment.astimezone(UTC)


def _int(value: Any, where: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(where, f"expected an integer, got {value!r}")
    if value < minimum:
        raise _fail(where, f"must be >= {minimum}, got {value}")
    return value


def _optional_int(obj: dict, key: str, where: str, minimum: int = 0) -> int | None:
    value = obj.get(key)
    return None if value is None else _int(value, f"{where}.{key}", minimum)


def _ident(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise _fail(where, f"expected a non-empty string or integer id, got {value!r}")
    return str(value)


def _list(obj: dict, key: str, where: str, required: bool = True) -> list:
    if key not in obj:
        if required:
            raise _fail(f"{where}{key}", "missing")
        return []
    value = obj[key]
    if not isinstance(value, list):
        raise _fail(f"{where}{key}", f"expected a list, got {type(value).__name__}")
    return value


def _object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise _fail(where, f"expected an object, got {type(value).__name__}")
    return value


def _clock(value: Any, where: str) -> int:
    if not isinstance(value, str) or len(value.split(":")) != 2:
        raise _fail(where, f"expected HH:MM, got {value!r}")
    hours, minutes = value.split(":")
    if not (hours.isdigit() and minutes.isdigit()) or int(hours) > 24 or int(minutes) > 59:
        raise _fail(where, f"expected HH:MM, got {value!r}")
    return int(hours) * 60 + int(minutes)


def _zone(value: Any, where: str) -> ZoneInfo:
    if not isinstance(value, str):
        raise _fail(where, f"expected an IANA time zone name, got {value!r}")
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise _fail(where, f"unknown time zone {value!r}") from None


def _slots(data: dict) -> tuple[Slot, ...]:
    slots = []
    seen: set[str] = set()
    for i, raw in enumerate(_list(data, "slots", "")):
        where = f"slots[{i}]"
        raw = _object(raw, where)
        sid = _ident(raw.get("id"), f"{where}.id")
        if sid in seen:
            raise _fail(f"{where}.id", f"duplicate slot id {sid!r}")
        seen.add(sid)
        start = _time(raw.get("start"), f"{where}.start")
        end = _time(raw.get("end"), f"{where}.end")
        if end <= start:
            raise _fail(where, "end must be after start")
        session = raw.get("session")
        if session is not None and session not in ("morning", "afternoon"):
            raise _fail(f"{where}.session", f"expected 'morning' or 'afternoon', got {session!r}")
        slots.append(Slot(sid, start, end, session))
    if not slots:
        raise _fail("slots", "at least one slot is required")
    return tuple(slots)


def _participants(data: dict, slot_ids: set[str]) -> tuple[Participant, ...]:
    out = []
    seen: set[str] = set()
    for i, raw in enumerate(_list(data, "participants", "")):
        where = f"participants[{i}]"
        raw = _object(raw, where)
        pid = _ident(raw.get("id"), f"{where}.id")
        if pid in seen:
            raise _fail(f"{where}.id", f"duplicate participant id {pid!r}")
        seen.add(pid)
        zone = _zone(raw.get("timezone", "UTC"), f"{where}.timezone")
        available = None
        if "available" in raw:
            windows = []
            for j, window in enumerate(_list(raw, "available", f"{where}.")):
                spot = f"{where}.available[{j}]"
                if not isinstance(window, list) or len(window) != 2:
                    raise _fail(spot, "expected [start, end]")
                start, end = _time(window[0], spot), _time(window[1], spot)
                if end <= start:
                    raise _fail(spot, "end must be after start")
                windows.append((start, end))
            available = tuple(windows)
        forbidden = []
        for j, sid in enumerate(_list(raw, "forbidden_slots", f"{where}.", required=False)):
            sid = _ident(sid, f"{where}.forbidden_slots[{j}]")
            if sid not in slot_ids:
                raise _fail(f"{where}.forbidden_slots[{j}]", f"unknown slot {sid!r}")
            forbidden.append(sid)
        out.append(
            Participant(
                id=pid,
                zone=zone,
                available=available,
                max_meetings=_optional_int(raw, "max_meetings", where),
                max_per_day=_optional_int(raw, "max_per_day", where),
                forbidden_slots=frozenset(forbidden),
            )
        )
    return tuple(out)


def _meetings(data: dict, slot_ids: set[str], people: set[str], tables: int) -> tuple[Meeting, ...]:
    out = []
    seen: set[str] = set()
    for i, raw in enumerate(_list(data, "meetings", "")):
        where = f"meetings[{i}]"
        raw = _object(raw, where)
        mid = raw.get("id")
        if not (isinstance(mid, str) and mid):
            mid = _ident(mid, f"{where}.id")
        if mid in seen:
            raise _fail(f"{where}.id", f"duplicate meeting id {mid!r}")
        seen.add(mid)
        who = _list(raw, "participants", f"{where}.")
        if len(who) < 2:
            raise _fail(f"{where}.participants", "a meeting needs at least two participants")
        ids = tuple(
            p if isinstance(p, str) and p else _ident(p, f"{where}.participants") for p in who
        )
        for pid in ids:
            if pid not in people:
                raise _fail(f"{where}.participants", f'unknown participant "{pid}"')
        if len(set(ids)) != len(ids):
            raise _fail(f"{where}.participants", "a participant is listed twice")
        fixed_slot = raw.get("fixed_slot")
        if fixed_slot is not None:
            fixed_slot = _ident(fixed_slot, f"{where}.fixed_slot")
            if fixed_slot not in slot_ids:
                raise _fail(f"{where}.fixed_slot", f'unknown slot "{fixed_slot}"')
        fixed_table = _optional_int(raw, "fixed_table", where, minimum=1)
        if fixed_table is not None and fixed_table > tables:
            raise _fail(f"{where}.fixed_table", f"table {fixed_table} > tables ({tables})")
        if fixed_table is not None and fixed_slot is None:
            raise _fail(f"{where}.fixed_table", "a fixed table needs a fixed_slot")
        session = raw.get("session", "any")
        if session not in SESSIONS:
            raise _fail(f"{where}.session", f"expected one of {SESSIONS}, got {session!r}")
        online = raw.get("online", False)
        if not isinstance(online, bool):
            raise _fail(f"{where}.online", f"expected true or false, got {online!r}")
        priority = raw.get("priority", 1)
        out.append(
            Meeting(
                id=mid,
                participants=ids,
                priority=_int(priority, f"{where}.priority", minimum=0),
                fixed_slot=fixed_slot,
                fixed_table=fixed_table,
                session=session,
                online=online,
            )
        )
    return tuple(out)


def parse_instance(data: Any) -> Instance:
    """Validate a decoded JSON document and return an :class:`Instance`."""
    data = _object(data, "instance")
    slots = _slots(data)
    slot_ids = {s.id for s in slots}
    if "tables" not in data:
        raise _fail("tables", "missing")
    tables = _int(data["tables"], "tables", minimum=1)
    participants = _participants(data, slot_ids)
    meetings = _meetings(data, slot_ids, {p.id for p in participants}, tables)
    hours = None
    if data.get("working_hours") is not None:
        raw = data["working_hours"]
        if not isinstance(raw, list) or len(raw) != 2:
            raise _fail("working_hours", 'expected ["HH:MM", "HH:MM"]')
        hours = (_clock(raw[0], "working_hours[0]"), _clock(raw[1], "working_hours[1]"))
        if hours[1] <= hours[0]:
            raise _fail("working_hours", "end must be after start")
    breaks = []
    for j, sid in enumerate(_list(data, "breaks", "", required=False)):
        sid = _ident(sid, f"breaks[{j}]")
        if sid not in slot_ids:
            raise _fail(f"breaks[{j}]", f"unknown slot {sid!r}")
        breaks.append(sid)
    return Instance(
        slots=slots,
        tables=tables,
        participants=participants,
        meetings=meetings,
        working_hours=hours,
        event_zone=_zone(data.get("timezone", "UTC"), "timezone"),
        breaks=frozenset(breaks),
        fairness=_optional_int(data, "fairness", "instance"),
    )


def load_instance(path: str | Path) -> Instance:
    """Read a JSON instance file; raise :class:`InstanceError` if it is invalid."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InstanceError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InstanceError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    return parse_instance(data)
