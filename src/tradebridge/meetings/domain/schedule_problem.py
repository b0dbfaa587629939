"""An event's accepted requests as a problem for the scheduler library.

The database state is turned into the library's JSON instance (``docs/scheduling-instance-
format.md``) and compiled there, so that every time-zone rule (working hours of online meetings
in each side's own zone, local days for the daily caps, daylight-saving changes) is applied by
the one compiler the benchmarks test:

* slots: the event's grid (``slots.event_slots``: the organiser's local clock times, in UTC);
* participants: the requester and the recipient's attendee of each request, each in their own
  zone; a slot they cannot attend (their windows, days and breaks, a meeting elsewhere, a day
  already full elsewhere) is forbidden to them, as ``availability.Attendee`` decides;
* meetings: one per accepted request, worth ``PRIORITY_WEIGHTS`` points; confirmed meetings on
  the grid are fixed (unless the organiser allows moves), tentative ones are only a hint;
* tables: the library knows one pool, so it gets the on-site tables plus those kept for online
  meetings (or, without kept tables, room for every online meeting). With both kinds of meeting
  that is a relaxation: its bound stays a valid upper bound, and ``schedule_tables`` repairs a
  slot that holds more meetings of one kind than that kind has tables.
"""

from collections import Counter
from dataclasses import dataclass, field, replace

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


class Reason:
    """Why a request got no meeting; stored in runs, translated when shown (schedule_reasons)."""

    NO_ATTENDEE = "no_attendee"
    NO_TABLES = "no_tables"
    NO_COMMON_TIME = "no_common_time"
    OUTSIDE_WORKING_HOURS = "outside_working_hours"
    CROWDED_OUT = "crowded_out"
    NO_FREE_TABLE = "no_free_table"
    TAKEN_MEANWHILE = "taken_meanwhile"


@dataclass
class SchedulingInput:
    """The problem and what its indices stand for.

    ``requests[i]`` is the request of ``problem.meetings[i]``; ``current[i]`` its live meeting
    (if any) and ``fixed[i]`` whether that meeting is pinned where it is.
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
    """Per user: blocks held and meetings per start, by live meetings outside the problem."""
    busy: dict[int, set] = {user.pk: set() for user in users}
    held = Occupancy.objects.filter(user__in=users).exclude(meeting_id__in=problem_meeting_ids)
    for user_id, block in held.values_list("user_id", "block_start"):
        busy[user_id].add(block)
    starts: dict[int, list] = {user.pk: [] for user in users}
    others = (
        Meeting.objects.filter(occupancy__user__in=users)
        .exclude(status=MeetingStatus.CANCELLED)
        .exclude(pk__in=problem_meeting_ids)
        .values_list("occupancy__user_id", "starts_at")
        .distinct()
    )
    for user_id, starts_at in others:
        starts[user_id].append(starts_at)
    return busy, starts


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

    users = list(
        {user.pk: user for r in requests for user in (r.requester, r.recipient_user)}.values()
    )
    in_problem = {meeting.pk for meeting in current if meeting is not None}
    busy, starts = _outside_commitments(users, in_problem)
    free: dict[str, set[int]] = {}
    participants = []
    for user in users:
        person = attendee(user, event, settings)
        person = replace(
            person,
            busy=frozenset(busy[user.pk]),
            meetings_per_day=Counter(
                moment.astimezone(person.zone).date() for moment in starts[user.pk]
            ),
        )
        allowed = {i for i, slot in enumerate(slots) if not person.problem_with(slot)}
        free[participant_id(user)] = allowed
        entry = {
            "id": participant_id(user),
            "timezone": person.zone.key,
            "forbidden_slots": [slot.id for i, slot in enumerate(slots) if i not in allowed],
        }
        if person.max_per_day is not None:
            entry["max_per_day"] = person.max_per_day
        participants.append(entry)

    fixed, meetings, existing = [], [], {}
    for request, meeting in zip(requests, current, strict=True):
        entry = {
            "id": meeting_id(request),
            "participants": [
                participant_id(request.requester),
                participant_id(request.recipient_user),
            ],
            "priority": PRIORITY_WEIGHTS[request.priority],
            "online": request.place_kind == PlaceKind.ONLINE,
        }
        pinned = (
            meeting is not None and meeting.status == MeetingStatus.CONFIRMED and not allow_moves
        )
        if meeting is not None:
            existing[entry["id"]] = (slots[_slot_of(meeting, slot_index)].id, None)
        if pinned:
            entry["fixed_slot"] = slots[_slot_of(meeting, slot_index)].id
        fixed.append(pinned)
        meetings.append(entry)

    kinds = Counter(request.place_kind for request in requests)
    capacity = (len(onsite) if kinds[PlaceKind.TABLE] else 0) + (
        (len(online) or kinds[PlaceKind.ONLINE]) if kinds[PlaceKind.ONLINE] else 0
    )
    instance = {
        "slots": [
            {"id": slot.id, "start": slot.starts_at.isoformat(), "end": slot.ends_at.isoformat()}
            for slot in slots
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
        fixed=fixed,
        onsite_tables=onsite,
        online_tables=online,
        excluded=excluded,
        free=free,
    )


def why_unplaceable(data: SchedulingInput, index: int) -> str:
    """The reason code for a meeting the solver could not place."""
    request = data.requests[index]
    common = (
        data.free[participant_id(request.requester)]
        & data.free[participant_id(request.recipient_user)]
    )
    if not common:
        return Reason.NO_COMMON_TIME
    if not data.problem.meetings[index].allowed:
        return Reason.OUTSIDE_WORKING_HOURS
    return Reason.CROWDED_OUT
