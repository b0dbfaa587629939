"""Real tables for a solved schedule, by kind: on-site meetings at on-site tables, online ones at
tables kept for online meetings (or none, when the event keeps none).

The library counts one pool of tables (see schedule_problem); here each meeting takes a free
table of its own kind in its slot, confirmed meetings keep theirs, and a meeting that finds
none is put into another slot where both sides, their daily caps and a table allow, or left
out (``Reason.NO_FREE_TABLE``).
"""

from collections import Counter
from dataclasses import dataclass

from tradebridge.meetings.domain.availability import blocks
from tradebridge.meetings.domain.schedule_problem import Reason, SchedulingInput
from tradebridge.meetings.models import MeetingTable, Occupancy


@dataclass
class TabledSchedule:
    """Slot and table of each request's meeting (``data.requests`` order)."""

    slots: list[int | None]
    tables: list[MeetingTable | None]
    dropped: dict[int, str]  # meeting index -> reason code
    # meetings per (participant index, day index), held meetings (elsewhere) included
    per_day: Counter


class _TableBook:
    """Which tables are taken in which slot, by meetings this run does not place."""

    def __init__(self, data: SchedulingInput, movable_ids: set[int]) -> None:
        slot_of_block = {}
        for index, slot in enumerate(data.slots):
            for block in blocks(slot.starts_at, slot.ends_at):
                slot_of_block[block] = index
        self.taken: dict[int, set[int]] = {}
        held = Occupancy.objects.filter(table__event=data.event).exclude(meeting_id__in=movable_ids)
        for table_id, block in held.values_list("table_id", "block_start"):
            if block in slot_of_block:
                self.taken.setdefault(slot_of_block[block], set()).add(table_id)

    def take(self, pool, slot: int, prefer: MeetingTable | None = None) -> MeetingTable | None:
        used = self.taken.setdefault(slot, set())
        candidates = ([prefer] if prefer is not None and prefer in pool else []) + pool
        for table in candidates:
            if table.pk not in used:
                used.add(table.pk)
                return table
        return None

    def has_free(self, pool, slot: int) -> bool:
        used = self.taken.get(slot, set())
        return any(table.pk not in used for table in pool)


def assign_tables(data: SchedulingInput, slots: list[int | None]) -> TabledSchedule:
    """Tables for the solver's ``slots`` (one per meeting of ``data.problem``, held meetings
    after the requests' ones)."""
    problem = data.problem
    placed = list(slots)
    requests = len(data.requests)
    chosen: list[MeetingTable | None] = [None] * len(placed)
    movable = {
        meeting.pk
        for meeting, fixed in zip(data.current, data.fixed, strict=True)
        if meeting is not None and not fixed
    }
    book = _TableBook(data, movable)
    order = sorted(
        range(requests), key=lambda i: (not data.fixed[i], -problem.meetings[i].priority, i)
    )
    dropped: dict[int, str] = {}
    for i in order:
        if placed[i] is None:
            continue
        if data.fixed[i]:
            chosen[i] = data.current[i].table
            continue
        pool = data.pool(i)
        if pool is None:
            continue
        current = data.current[i]
        prefer = current.table if current is not None else None
        table = book.take(pool, placed[i], prefer)
        if table is None:
            placed[i] = None
            dropped[i] = Reason.NO_FREE_TABLE
        chosen[i] = table
    per_day = _replace_dropped(data, placed, chosen, dropped, book)
    return TabledSchedule(placed[:requests], chosen[:requests], dropped, per_day)


def _replace_dropped(data, placed, chosen, dropped, book) -> Counter:
    """Put each dropped meeting (most valuable first) into another allowed slot that has room;
    returns the meetings per (participant, day) then."""
    problem = data.problem
    day_of = data.day_of
    busy = [set() for _ in problem.participants]
    per_day: Counter = Counter()
    for i, slot in enumerate(placed):
        if slot is not None:
            for p in problem.meetings[i].participants:
                busy[p].add(slot)
                per_day[p, day_of[p].get(slot)] += 1
    for i in sorted(dropped, key=lambda i: -problem.meetings[i].priority):
        meeting = problem.meetings[i]
        pool = data.pool(i)
        for slot in meeting.allowed:
            people = meeting.participants
            if any(slot in busy[p] for p in people):
                continue
            if any(
                problem.participants[p].max_per_day is not None
                and per_day[p, day_of[p].get(slot)] >= problem.participants[p].max_per_day
                for p in people
            ):
                continue
            if pool is not None and not book.has_free(pool, slot):
                continue
            placed[i] = slot
            chosen[i] = book.take(pool, slot) if pool is not None else None
            for p in people:
                busy[p].add(slot)
                per_day[p, day_of[p].get(slot)] += 1
            del dropped[i]
            break
    return per_day
