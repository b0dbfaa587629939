"""An independent check of a schedule against every rule of a problem.

It deliberately shares no code with the solvers: it recomputes clashes, table use, caps and
allowed slots from the :class:`~.problem.Problem` and returns human-readable violations.
Allowed slots already encode availability windows, working hours, sessions and breaks, so
checking them checks those rules; :func:`check_instance_rules` re-derives them from the JSON
instance itself (without the compiler) for an end-to-end check.
"""

from __future__ import annotations

from collections import Counter

from .json_format import Instance
from .problem import Kind, Problem


def validate(
    problem: Problem,
    slots: list[int | None],
    tables: list[int | None] | None = None,
) -> list[str]:
    """Return the list of violated rules (empty when the schedule is valid)."""
    errors: list[str] = []
    if len(slots) != len(problem.meetings):
        return [f"schedule has {len(slots)} entries for {len(problem.meetings)} meetings"]
    seen: dict[tuple[int, int], str] = {}
    per_slot: Counter[int] = Counter()
    per_person: Counter[int] = Counter()
    per_day: Counter[tuple[int, int]] = Counter()
    day_of = problem.day_index()
    for m, s in enumerate(slots):
        meeting = problem.meetings[m]
        if s is None:
            if problem.kind is Kind.BREAKS:
                errors.append(f"meeting {meeting.id} is not scheduled")
            if meeting.fixed_slot is not None:
                errors.append(f"fixed meeting {meeting.id} was dropped")
            continue
        if not 0 <= s < problem.n_slots:
            errors.append(f"meeting {meeting.id}: slot {s} out of range")
            continue
        if meeting.fixed_slot is not None and s != meeting.fixed_slot:
            errors.append(f"fixed meeting {meeting.id} moved")
        if s not in meeting.allowed:
            errors.append(f"meeting {meeting.id}: slot {problem.slot_ids[s]} is not allowed")
        per_slot[s] += 1
        for p in meeting.participants:
            other = seen.get((p, s))
            if other is not None:
                who = problem.participants[p].id
                errors.append(f"{who} is in meetings {other} and {meeting.id} at once")
            seen[p, s] = meeting.id
            per_person[p] += 1
            per_day[p, day_of[p].get(s, -1 - s)] += 1
        for q in meeting.after:
            if slots[q] is not None and slots[q] >= s:
                errors.append(f"meeting {meeting.id} must come after {problem.meetings[q].id}")
    for s, n in per_slot.items():
        if n > problem.tables:
            errors.append(f"slot {problem.slot_ids[s]}: {n} meetings for {problem.tables} tables")
    for p, n in per_person.items():
        cap = problem.participants[p].max_meetings
        if cap is not None and n > cap:
            errors.append(f"{problem.participants[p].id}: {n} meetings, cap {cap}")
    for (p, _d), n in per_day.items():
        cap = problem.participants[p].max_per_day
        if cap is not None and n > cap:
            errors.append(f"{problem.participants[p].id}: {n} meetings in a day, cap {cap}")
    if tables is not None:
        errors.extend(_check_tables(problem, slots, tables))
    if problem.kind is Kind.BREAKS and problem.fairness is not None:
        gaps = _gaps(problem, slots)
        if gaps and max(gaps) - min(gaps) > problem.fairness:
            errors.append(f"breaks differ by {max(gaps) - min(gaps)} > {problem.fairness}")
    return errors


def _gaps(problem: Problem, slots: list[int | None]) -> list[int]:
    """Breaks per participant, recomputed here: idle runs between two meetings on one day."""
    out = []
    for p, participant in enumerate(problem.participants):
        mine = {slots[m] for m in problem.meetings_of[p] if slots[m] is not None}
        total = 0
        for day in participant.days:
            pattern = "".join("1" if s in mine else "0" for s in day).strip("0")
            total += len([run for run in pattern.split("1") if run])
        out.append(total)
    return out


def _check_tables(problem: Problem, slots, tables) -> list[str]:
    errors = []
    used: set[tuple[int, int]] = set()
    for m, (s, t) in enumerate(zip(slots, tables, strict=True)):
        meeting = problem.meetings[m]
        if s is None:
            continue
        if t is None or not 1 <= t <= problem.tables:
            errors.append(f"meeting {meeting.id}: bad table {t}")
            continue
        if (s, t) in used:
            errors.append(f"table {t} double-booked in slot {problem.slot_ids[s]}")
        used.add((s, t))
        if meeting.fixed_table is not None and s == meeting.fixed_slot and t != meeting.fixed_table:
            errors.append(f"fixed meeting {meeting.id} changed table")
    return errors


def check_instance_rules(instance: Instance, scheduled: dict[str, str]) -> list[str]:
    """Re-check a schedule (meeting id -> slot id) against the JSON instance's raw rules:
    availability windows, breaks, sessions and working hours of online meetings (local time)."""
    errors = []
    slots = {slot.id: slot for slot in instance.slots}
    people = {p.id: p for p in instance.participants}
    for meeting in instance.meetings:
        sid = scheduled.get(meeting.id)
        if sid is None or meeting.fixed_slot is not None:
            continue
        slot = slots[sid]
        session = slot.session or (
            "morning" if slot.start.astimezone(instance.event_zone).hour < 12 else "afternoon"
        )
        if meeting.session != "any" and session != meeting.session:
            errors.append(f"meeting {meeting.id}: wrong session")
        if sid in instance.breaks:
            errors.append(f"meeting {meeting.id}: slot {sid} is a break")
        for pid in meeting.participants:
            person = people[pid]
            if sid in person.forbidden_slots:
                errors.append(f"meeting {meeting.id}: {pid} cannot meet at {sid}")
            if person.available is not None and not any(
                a <= slot.start and slot.end <= b for a, b in person.available
            ):
                errors.append(f"meeting {meeting.id}: {pid} unavailable at {sid}")
            if meeting.online and instance.working_hours is not None:
                begin = slot.start.astimezone(person.zone)
                end = slot.end.astimezone(person.zone)
                lo, hi = instance.working_hours
                start_min = begin.hour * 60 + begin.minute
                end_min = (end.date() - begin.date()).days * 1440 + end.hour * 60 + end.minute
                if start_min < lo or end_min > hi:
                    errors.append(f"meeting {meeting.id}: outside {pid}'s working hours")
    return errors
