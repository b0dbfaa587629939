"""The solver-facing problem: slots are integers, every rule is already turned into allowed slots.

Both input formats (TradeBridge JSON and the B2B benchmark's ``.dzn``) are compiled into a
:class:`Problem`; the solvers, the bound and the validator only ever see this form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What the numbers in a result mean."""

    #: Maximise the total priority of scheduled meetings; objective = priority scheduled,
    #: bound = an upper bound on it.
    PRIORITY = "priority"
    #: Every meeting must be scheduled; objective = total breaks, bound = a lower bound.
    BREAKS = "breaks"


@dataclass(frozen=True)
class PMeeting:
    """One requested meeting, already reduced to the slots where it may take place."""

    id: str
    participants: tuple[int, ...]
    priority: int
    allowed: tuple[int, ...]
    fixed_slot: int | None = None
    fixed_table: int | None = None
    #: meetings (indices) that must take place in an earlier slot than this one
    after: tuple[int, ...] = ()


@dataclass(frozen=True)
class PParticipant:
    """A participant: caps and the slot sequences ("days") in which idle gaps are counted."""

    id: str
    max_meetings: int | None
    max_per_day: int | None
    #: each day is the participant's slots of one local calendar day, in time order
    days: tuple[tuple[int, ...], ...]


@dataclass
class Problem:
    """A compiled scheduling problem."""

    kind: Kind
    n_slots: int
    tables: int
    meetings: list[PMeeting]
    participants: list[PParticipant]
    slot_ids: list[str]
    fairness: int | None = None
    #: meetings of each participant (indices into ``meetings``), filled in by ``__post_init__``
    meetings_of: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.meetings_of = [[] for _ in self.participants]
        for index, meeting in enumerate(self.meetings):
            for p in meeting.participants:
                self.meetings_of[p].append(index)

    def day_index(self) -> list[dict[int, int]]:
        """Per participant, map slot -> index of the participant's day containing it."""
        out = []
        for participant in self.participants:
            mapping = {}
            for d, day in enumerate(participant.days):
                for s in day:
                    mapping[s] = d
            out.append(mapping)
        return out


@dataclass
class Schedule:
    """Slot (and table) of each meeting; ``None`` when unscheduled."""

    slot: list[int | None]
    table: list[int | None] = field(default_factory=list)

    @classmethod
    def empty(cls, n_meetings: int) -> Schedule:
        """An empty schedule for ``n_meetings`` meetings."""
        return cls([None] * n_meetings, [None] * n_meetings)


def count_gaps(problem: Problem, slots: list[int | None]) -> list[int]:
    """Idle gaps per participant: maximal idle runs between two of its meetings on one day."""
    busy: list[set[int]] = [set() for _ in problem.participants]
    for index, s in enumerate(slots):
        if s is not None:
            for p in problem.meetings[index].participants:
                busy[p].add(s)
    gaps = []
    for p, participant in enumerate(problem.participants):
        total = 0
        for day in participant.days:
            runs = 0
            previous = False
            for s in day:
                now = s in busy[p]
                if now and not previous:
                    runs += 1
                previous = now
            total += max(0, runs - 1)
        gaps.append(total)
    return gaps


def priority_of(problem: Problem, slots: list[int | None]) -> int:
    """Total priority of the scheduled meetings."""
    return sum(m.priority for m, s in zip(problem.meetings, slots, strict=True) if s is not None)
