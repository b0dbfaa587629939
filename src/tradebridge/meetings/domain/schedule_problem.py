"""An event's accepted requests as a problem for the scheduler library.

The database state is turned into the library's JSON instance (``docs/scheduling-instance-
format.md``) and compiled there, so that every time-zone rule (working hours of online meetings
in each side's own zone, local days for the daily caps, daylight-saving changes) is applied by
the one compiler the benchmarks test:

* slots: the event's grid (``slots.event_slots``: the organiser's local clock times, in UTC);
* participants: the requester and the recipient's attendee of each request, each in their own
  zone; a slot they cannot attend (their windows, days and breaks, a meeting elsewhere, a day
  already full elsewhere) is forbidden to them, as ``availability.Attendee`` decides;
* meetings elsewhere (another event, online meetings outside events) on a day a capped
  participant can still meet here count against that day's cap: each becomes a *held* meeting
  of zero worth, fixed in a slot of its own at its real time that only its participant (and a
  stand-in partner) may use, so the library's per-day cap counts it like any other;
* meetings: one per accepted request, worth ``PRIORITY_WEIGHTS`` points; confirmed meetings on
  the grid are fixed (unless the organiser allows moves), tentative ones are only a hint;
* tables: the library knows one pool, so it gets the on-site tables plus those kept for online
  meetings (or, without kept tables, room for every online meeting). With both kinds of meeting
  that is a relaxation: its bound stays a valid upper bound, and ``schedule_tables`` repairs a
  slot that holds more meetings of one kind than that kind has tables.
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tradebridge.meetings.domain.availability import attendee
from tradebridge.meetings.domain.event_settings import settings_for
from tradebridge.meetings.domain.slots import Slot, event_slots
from tradebridge.meetings.enums import (
    PRIORITY_WEIGHTS,
    MeetingStatus,
    PlaceKind,
    RequestStatus,
)
from tradebridge.meetings.models import (
    Meeting,
    MeetingRequest,
    MeetingSettings,
    MeetingTable,
    Occupancy,
)
from tradebridge.meetings.scheduling import Problem, compile_instance, keep_existing, parse_instance
from tradebridge.meetings.scheduling.errors import InstanceError

# Idle gaps of two participants may differ by at most this many (the default D).
FAIRNESS = 2


# The stand-in partner of held meetings (meetings elsewhere), and their slots' and ids' prefix.
ELSEWHERE = "elsewhere"


class Reason:
    """Why a request got no meeting; stored in runs, translated when shown (schedule_reasons)."""

    NO_ATTENDEE = "no_attendee"
    NO_TABLES = "no_tables"
    NO_COMMON_TIME = "no_common_time"
    OUTSIDE_WORKING_HOURS = "outside_working_hours"
    DAILY_LIMIT = "daily_limit"
    CROWDED_OUT = "crowded_out"
    NO_FREE_TABLE = "no_free_table"
    TAKEN_MEANWHILE = "taken_meanwhile"


@dataclass
class SchedulingInput:
    """The problem and what its indices stand for.

    ``requests[i]`` is the request of ``problem.meetings[i]``; ``current[i]`` its live meeting
    (if any) and ``fixed[i]`` whether that meeting is pinned where it is. The problem's meetings
    after ``len(requests)`` are held meetings (meetings elsewhere), in slots after
    ``len(slots)``.
    """

    event: object
    settings: MeetingSettings
    slots: list[Slot]
    problem: Problem
    hint: list[int | None]
    requests: list[MeetingRequest]
    current: list[Meeting | None]
    fixed: list[bool]
    onsite_tables: list[MeetingTable]
    online_tables: list[MeetingTable]
    excluded: list[tuple[MeetingRequest, str]] = field(default_factory=list)
    # per participant id ("u12"), the slot indices they may attend
    free: dict[str, set[int]] = field(default_factory=dict)

    @cached_property
    def day_of(self) -> list[dict[int, int]]:
        """Per participant index, slot index -> index of their local day (the library's)."""
        return self.problem.day_index()

    def pool(self, index: int) -> list[MeetingTable] | None:
        """The tables meeting ``index`` may use; None when it needs none."""
        if self.requests[index].place_kind == PlaceKind.ONLINE:
            return self.online_tables or None
        return self.onsite_tables


def participant_id(user) -> str:
    return f"u{user.pk}"


def meeting_id(request: MeetingRequest) -> str:
    return f"r{request.pk}"


def _clock(value) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def _slot_of(meeting: Meeting, slot_index: dict) -> int | None:
    return slot_index.get((meeting.starts_at, meeting.ends_at))


def _outside_commitments(users, problem_meeting_ids: set[int]):
    """Per user: blocks held, and (start, end) of each live meeting outside the problem."""
    busy: dict[int, set] = {user.pk: set() for user in users}
    held = Occupancy.objects.filter(user__in=users).exclude(meeting_id__in=problem_meeting_ids)
    for user_id, block in held.values_list("user_id", "block_start"):
        busy[user_id].add(block)
    spans: dict[int, list] = {user.pk: [] for user in users}
    others = (
        Meeting.objects.filter(occupancy__user__in=users)
        .exclude(status=MeetingStatus.CANCELLED)
        .exclude(pk__in=problem_meeting_ids)
        .values_list("occupancy__user_id", "starts_at", "ends_at")
        .distinct()
    )
    for user_id, starts_at, ends_at in others:
        spans[user_id].append((starts_at, ends_at))
    return busy, spans


def _held(person, slots: list[Slot], allowed: set[int], elsewhere, pinned: list[int]) -> list:
    """The meetings elsewhere (start, end) that count against ``person``'s daily cap here: on
    each local day they can still meet here, as many as the cap leaves room for beside their
    pinned meetings here (which the library cannot drop). A day already full elsewhere is
    forbidden whole, and has no slot in ``allowed``."""
    if person.max_per_day is None:
        return []
    zone = person.zone
    open_days = {slots[i].starts_at.astimezone(zone).date() for i in allowed}
    pinned_per_day = Counter(slots[i].starts_at.astimezone(zone).date() for i in pinned)
    per_day: dict = {}
    for span in sorted(elsewhere):
        per_day.setdefault(span[0].astimezone(zone).date(), []).append(span)
    held = []
    for day, spans in per_day.items():
        if day in open_days:
            held.extend(spans[: max(0, person.max_per_day - pinned_per_day[day])])
    return held


def _participants(event, settings, slots, requests, current, pinned):
    """The library's participants (with the stand-in partner of held meetings, if any), the
    slots each may attend, and the held meetings as (participant id, slot id, (start, end))."""
    users = list(
        {user.pk: user for r in requests for user in (r.requester, r.recipient_user)}.values()
    )
    in_problem = {meeting.pk for meeting in current if meeting is not None}
    busy, elsewhere = _outside_commitments(users, in_problem)
    slot_index = {(slot.starts_at, slot.ends_at): i for i, slot in enumerate(slots)}
    pinned_at: dict[int, list[int]] = {}
    for request, meeting, fixed in zip(requests, current, pinned, strict=True):
        if fixed:
            for user in (request.requester, request.recipient_user):
                pinned_at.setdefault(user.pk, []).append(_slot_of(meeting, slot_index))
    free: dict[str, set[int]] = {}
    people, held = [], []
    for user in users:
        person = attendee(user, event, settings)
        person = replace(
            person,
            busy=frozenset(busy[user.pk]),
            meetings_per_day=Counter(
                starts_at.astimezone(person.zone).date() for starts_at, _end in elsewhere[user.pk]
            ),
        )
        allowed = {i for i, slot in enumerate(slots) if not person.problem_with(slot)}
        free[participant_id(user)] = allowed
        pinned_here = [i for i in pinned_at.get(user.pk, ()) if i in allowed]
        for span in _held(person, slots, allowed, elsewhere[user.pk], pinned_here):
            held.append((participant_id(user), f"{ELSEWHERE}-{len(held)}", span))
        people.append((user, person, allowed))
    owners = {slot_id: who for who, slot_id, _span in held}
    participants = []
    for user, person, allowed in people:
        who = participant_id(user)
        entry = {
            "id": who,
            "timezone": person.zone.key,
            # A held meeting's slot is its participant's alone.
            "forbidden_slots": [slot.id for i, slot in enumerate(slots) if i not in allowed]
            + [slot_id for slot_id, owner in owners.items() if owner != who],
        }
        if person.max_per_day is not None:
            entry["max_per_day"] = person.max_per_day
        participants.append(entry)
    if held:
        participants.append({"id": ELSEWHERE, "forbidden_slots": [slot.id for slot in slots]})
    return participants, free, held


def build_input(event, *, allow_moves: bool = False) -> SchedulingInput:
    """Read the event's settings, tables, accepted requests, their meetings and everyone's
    availability into a :class:`SchedulingInput`. ValidationError when meetings are not set up.
    """
    settings = settings_for(event)
    if settings is None:
        raise ValidationError({"event": _("Set up this event's meeting slots and tables first.")})
    slots = event_slots(settings)
    if not slots:
        raise ValidationError({"event": _("This event's meeting settings give no time slots.")})
    slot_index = {(slot.starts_at, slot.ends_at): i for i, slot in enumerate(slots)}
    tables = list(MeetingTable.objects.filter(event=event).order_by("number"))
    onsite = [table for table in tables if not table.for_online]
    online = [table for table in tables if table.for_online]

    accepted = list(
        MeetingRequest.objects.filter(event=event, status=RequestStatus.ACCEPTED)
        .select_related("requester", "recipient_user")
        .order_by("pk")
    )
    live = {
        meeting.request_id: meeting
        for meeting in Meeting.objects.filter(request__event=event)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("table")
    }
    requests, current, excluded = [], [], []
    for request in accepted:
        meeting = live.get(request.pk)
        people = (request.requester, request.recipient_user)
        if any(user is None or not user.is_active for user in people):
            excluded.append((request, Reason.NO_ATTENDEE))
        elif meeting is not None and _slot_of(meeting, slot_index) is None:
            continue  # off the grid (the settings changed): it stays, holding its time
        elif meeting is None and request.place_kind == PlaceKind.TABLE and not onsite:
            excluded.append((request, Reason.NO_TABLES))
        else:
            requests.append(request)
            current.append(meeting)

    pinned = [
        meeting is not None and meeting.status == MeetingStatus.CONFIRMED and not allow_moves
        for meeting in current
    ]
    participants, free, held = _participants(event, settings, slots, requests, current, pinned)

    meetings, existing = [], {}
    for request, meeting, fixed in zip(requests, current, pinned, strict=True):
        entry = {
            "id": meeting_id(request),
            "participants": [
                participant_id(request.requester),
                participant_id(request.recipient_user),
            ],
            "priority": PRIORITY_WEIGHTS[request.priority],
            "online": request.place_kind == PlaceKind.ONLINE,
        }
        if meeting is not None:
            existing[entry["id"]] = (slots[_slot_of(meeting, slot_index)].id, None)
        if fixed:
            entry["fixed_slot"] = slots[_slot_of(meeting, slot_index)].id
        meetings.append(entry)
    meetings += [
        {"id": slot_id, "participants": [who, ELSEWHERE], "priority": 0, "fixed_slot": slot_id}
        for who, slot_id, _span in held
    ]

    kinds = Counter(request.place_kind for request in requests)
    capacity = (len(onsite) if kinds[PlaceKind.TABLE] else 0) + (
        (len(online) or kinds[PlaceKind.ONLINE]) if kinds[PlaceKind.ONLINE] else 0
    )
    spans = [(slot.id, (slot.starts_at, slot.ends_at)) for slot in slots]
    spans += [(slot_id, span) for _who, slot_id, span in held]
    instance = {
        "slots": [
            {"id": slot_id, "start": starts_at.isoformat(), "end": ends_at.isoformat()}
            for slot_id, (starts_at, ends_at) in spans
        ],
        "tables": max(1, capacity),
        "timezone": event.timezone,
        "working_hours": [_clock(settings.online_hours_start), _clock(settings.online_hours_end)],
        "fairness": FAIRNESS,
        "participants": participants,
        "meetings": meetings,
    }
    try:
        problem = compile_instance(parse_instance(instance))
        problem, hint = keep_existing(problem, existing, allow_moves=True)
    except InstanceError as error:  # a bug in this translation, not the organiser's input
        raise RuntimeError(f"scheduler instance: {error}") from error
    return SchedulingInput(
        event=event,
        settings=settings,
        slots=slots,
        problem=problem,
        hint=hint,
        requests=requests,
        current=current,
        fixed=pinned,
        onsite_tables=onsite,
        online_tables=online,
        excluded=excluded,
        free=free,
    )


def why_unplaceable(data: SchedulingInput, index: int, per_day: Counter | None = None) -> str:
    """The reason code for a meeting the solver could not place; ``per_day`` counts the final
    schedule's meetings (held ones too) per (participant index, day index)."""
    request = data.requests[index]
    common = (
        data.free[participant_id(request.requester)]
        & data.free[participant_id(request.recipient_user)]
    )
    if not common:
        return Reason.NO_COMMON_TIME
    meeting = data.problem.meetings[index]
    if not meeting.allowed:
        return Reason.OUTSIDE_WORKING_HOURS
    if per_day is not None and all(
        any(_day_is_full(data, per_day, p, slot) for p in meeting.participants)
        for slot in meeting.allowed
    ):
        return Reason.DAILY_LIMIT
    return Reason.CROWDED_OUT


def _day_is_full(data: SchedulingInput, per_day: Counter, participant: int, slot: int) -> bool:
    cap = data.problem.participants[participant].max_per_day
    return cap is not None and per_day[participant, data.day_of[participant].get(slot)] >= cap
