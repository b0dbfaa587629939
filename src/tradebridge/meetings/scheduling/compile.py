"""Turn a JSON :class:`~.json_format.Instance` into a solver :class:`~.problem.Problem`.

All time-zone reasoning happens here: sessions, availability windows, working hours of online
meetings in each participant's local time (DST-aware through ``zoneinfo``), and each
participant's local calendar days (for per-day caps and for counting idle gaps).
"""

from __future__ import annotations

from dataclasses import replace

from .errors import InstanceError
from .json_format import Instance, Participant, Slot
from .problem import Kind, PMeeting, PParticipant, Problem


def slot_session(slot: Slot, instance: Instance) -> str:
    """The session of a slot: its explicit ``session``, else morning if it starts before local
    noon in the event's time zone."""
    if slot.session:
        return slot.session
    return "morning" if slot.start.astimezone(instance.event_zone).hour < 12 else "afternoon"


def within_working_hours(slot: Slot, participant: Participant, hours: tuple[int, int]) -> bool:
    """True when the whole slot lies inside ``hours`` (minutes) of the participant's local day."""
    start = slot.start.astimezone(participant.zone)
    end = slot.end.astimezone(participant.zone)
    begin = start.hour * 60 + start.minute
    finish = (end.date() - start.date()).days * 1440 + end.hour * 60 + end.minute
    return hours[0] <= begin and finish <= hours[1]


def is_available(slot: Slot, participant: Participant, instance: Instance) -> bool:
    """True when the participant can attend the slot (windows, own forbidden slots, breaks)."""
    if slot.id in instance.breaks or slot.id in participant.forbidden_slots:
        return False
    if participant.available is None:
        return True
    return any(start <= slot.start and slot.end <= end for start, end in participant.available)


def _masks(instance: Instance) -> tuple[list[int], list[int], list[tuple]]:
    """Per participant: bitmask of free slots, bitmask of slots inside working hours, and the
    local calendar day of each slot (computed once per time zone)."""
    per_zone: dict[str, tuple[int, tuple]] = {}
    free_masks, hour_masks, local_days = [], [], []
    for person in instance.participants:
        key = str(person.zone)
        if key not in per_zone:
            hours = 0
            if instance.working_hours is not None:
                for s, slot in enumerate(instance.slots):
                    if within_working_hours(slot, person, instance.working_hours):
                        hours |= 1 << s
            days = tuple(slot.start.astimezone(person.zone).date() for slot in instance.slots)
            per_zone[key] = (hours, days)
        hours, days = per_zone[key]
        free = 0
        for s, slot in enumerate(instance.slots):
            if is_available(slot, person, instance):
                free |= 1 << s
        free_masks.append(free)
        hour_masks.append(hours)
        local_days.append(days)
    return free_masks, hour_masks, local_days


def _bits(mask: int) -> tuple[int, ...]:
    text = bin(mask)[:1:-1]  # least significant bit first
    return tuple(i for i, c in enumerate(text) if c == "1")


def compile_instance(instance: Instance, fairness: int | None = None) -> Problem:
    """Compile a JSON instance into a PRIORITY problem (allowed slots per meeting, local days)."""
    slot_index = {slot.id: i for i, slot in enumerate(instance.slots)}
    person_index = {p.id: i for i, p in enumerate(instance.participants)}
    order = sorted(range(len(instance.slots)), key=lambda i: instance.slots[i].start)
    free, hours, local_days = _masks(instance)
    participants = []
    for p, person in enumerate(instance.participants):
        days: dict[object, list[int]] = {}
        for s in order:
            days.setdefault(local_days[p][s], [])
            if free[p] >> s & 1:
                days[local_days[p][s]].append(s)
        participants.append(
            PParticipant(
                id=person.id,
                max_meetings=person.max_meetings,
                max_per_day=person.max_per_day,
                days=tuple(tuple(day) for day in days.values() if day),
            )
        )
    session_mask = {"any": (1 << len(instance.slots)) - 1, "morning": 0, "afternoon": 0}
    for s, slot in enumerate(instance.slots):
        session_mask[slot_session(slot, instance)] |= 1 << s
    meetings = []
    for meeting in instance.meetings:
        who = tuple(person_index[pid] for pid in meeting.participants)
        if meeting.fixed_slot is not None:
            allowed: tuple[int, ...] = (slot_index[meeting.fixed_slot],)
        else:
            mask = session_mask[meeting.session]
            for p in who:
                mask &= free[p]
                if meeting.online and instance.working_hours is not None:
                    mask &= hours[p]
            allowed = _bits(mask)
        meetings.append(
            PMeeting(
                id=meeting.id,
                participants=who,
                priority=meeting.priority,
                allowed=allowed,
                fixed_slot=allowed[0] if meeting.fixed_slot is not None else None,
                fixed_table=meeting.fixed_table,
            )
        )
    return Problem(
        kind=Kind.PRIORITY,
        n_slots=len(instance.slots),
        tables=instance.tables,
        meetings=meetings,
        participants=participants,
        slot_ids=[slot.id for slot in instance.slots],
        fairness=fairness if fairness is not None else instance.fairness,
    )


def keep_existing(
    problem: Problem,
    existing: dict[str, tuple[str, int | None]],
    *,
    allow_moves: bool = False,
) -> tuple[Problem, list[int | None]]:
    """Incremental re-scheduling: pin an existing schedule, or use it as a starting point.

    ``existing`` maps meeting id -> (slot id, table or None). Without ``allow_moves`` those
    meetings become fixed (slot and table); with it they are only returned as a hint. Returns
    the new problem and the hint (slot index per meeting).
    """
    slot_index = {sid: i for i, sid in enumerate(problem.slot_ids)}
    known = {m.id for m in problem.meetings}
    for mid, (sid, _table) in existing.items():
        if mid not in known:
            raise InstanceError(f'existing: unknown meeting "{mid}"')
        if sid not in slot_index:
            raise InstanceError(f'existing[{mid}]: unknown slot "{sid}"')
    hint: list[int | None] = []
    meetings = []
    for meeting in problem.meetings:
        placed = existing.get(meeting.id)
        hint.append(slot_index[placed[0]] if placed else None)
        if placed and not allow_moves and meeting.fixed_slot is None:
            s = slot_index[placed[0]]
            meeting = replace(meeting, allowed=(s,), fixed_slot=s, fixed_table=placed[1])
        meetings.append(meeting)
    return replace(problem, meetings=meetings), hint
