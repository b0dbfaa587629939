"""Booking, moving and cancelling the meeting of an accepted request, first come first served.

Every check is made against the state inside the transaction: the request row and both
participants are locked (SELECT … FOR UPDATE; SQLite serialises writers anyway), so their
daily caps hold, and the Occupancy unique constraints settle the last race (see placement.py).
"""

from collections.abc import Collection
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradebridge.accounts.rules import is_platform_admin
from tradebridge.meetings.domain.availability import attendee
from tradebridge.meetings.domain.event_settings import settings_for
from tradebridge.meetings.domain.notices import announce
from tradebridge.meetings.domain.placement import SlotTaken, participants, place_meeting, release
from tradebridge.meetings.domain.slots import (
    STANDALONE_SLOT_MINUTES,
    Slot,
    event_slots,
    standalone_slots,
)
from tradebridge.meetings.enums import BookingSource, MeetingStatus, PlaceKind, RequestStatus
from tradebridge.meetings.models import Meeting, MeetingRequest, MeetingSettings, Occupancy
from tradebridge.meetings.rules import is_a_side, organises_requests_event
from tradebridge.meetings.schedule_enums import MeetingChange
from tradebridge.meetings.validators import Span

NEEDS_NO_TABLE = [None]


def live_meeting(request: MeetingRequest) -> Meeting | None:
    """The request's meeting that is not cancelled, if any."""
    return (
        Meeting.objects.filter(request=request)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("table")
        .first()
    )


def candidate_slots(request: MeetingRequest, settings: MeetingSettings | None, now=None):
    """The event's grid, or (outside events) the half-hour grid of the next two weeks."""
    if request.event_id is None:
        return standalone_slots(now or timezone.now())
    return event_slots(settings) if settings is not None else []


def meeting_length(request: MeetingRequest) -> timedelta:
    """How long the request's meeting lasts: the event's slot length, or half an hour."""
    settings = settings_for(request.event)
    minutes = settings.slot_minutes if settings is not None else STANDALONE_SLOT_MINUTES
    return timedelta(minutes=minutes)


def online_hours(request: MeetingRequest, settings: MeetingSettings | None) -> Span | None:
    """Local hours each side must be within for an online meeting at an event."""
    if settings is None or request.place_kind != PlaceKind.ONLINE:
        return None
    start, end = settings.online_hours_start, settings.online_hours_end
    return Span(start.hour * 60 + start.minute, end.hour * 60 + end.minute)


def suitable_tables(request: MeetingRequest, settings: MeetingSettings | None) -> list:
    """Tables the meeting may use, in order; [None] when it needs none.

    On-site meetings use the tables not kept for online meetings. An online meeting at an event
    with tables kept for online meetings takes one (its on-site side sits there); otherwise it
    needs no table.
    """
    if request.event_id is None:
        return NEEDS_NO_TABLE
    tables = list(request.event.meeting_tables.all()) if settings is not None else []
    if request.place_kind == PlaceKind.ONLINE:
        kept = [table for table in tables if table.for_online]
        return kept or NEEDS_NO_TABLE
    return [table for table in tables if not table.for_online]


class TableBook:
    """Which of the suitable tables are free in a slot (one query for many slots)."""

    def __init__(self, tables: list, ignoring: Meeting | None = None) -> None:
        self.tables = tables
        held = Occupancy.objects.filter(table__in=[t for t in tables if t is not None])
        if ignoring is not None:
            held = held.exclude(meeting=ignoring)
        self.busy: dict[int, set[datetime]] = {}
        for table_id, block in held.values_list("table_id", "block_start"):
            self.busy.setdefault(table_id, set()).add(block)

    def free(self, slot: Slot) -> list:
        if self.tables == NEEDS_NO_TABLE:
            return NEEDS_NO_TABLE
        return [
            table
            for table in self.tables
            if not any(
                slot.starts_at <= block < slot.ends_at for block in self.busy.get(table.pk, ())
            )
        ]


def free_slots(request: MeetingRequest, *, attendee_user=None, now=None) -> list[Slot]:
    """The slots in which both sides can meet and a suitable table is free.

    Both sides' availability, daily caps, other meetings and (online, at events) working
    hours count; ``attendee_user`` stands in for a recipient who is not yet known. The slot of
    the request's own meeting is not listed, but its time counts as free for the others.
    """
    settings = settings_for(request.event)
    meeting = live_meeting(request)
    users = participants(request)
    if request.recipient_user_id is None and attendee_user is not None:
        users.append(attendee_user)
    people = [attendee(user, request.event, settings, ignoring=meeting) for user in users]
    hours = online_hours(request, settings)
    tables = TableBook(suitable_tables(request, settings), ignoring=meeting)
    return [
        slot
        for slot in candidate_slots(request, settings, now)
        if (meeting is None or slot.starts_at != meeting.starts_at)
        and tables.free(slot)
        and not any(person.problem_with(slot, hours) for person in people)
    ]


def _lock_people(users) -> None:
    list(
        get_user_model()
        .objects.select_for_update()
        .filter(pk__in=[user.pk for user in users])
        .order_by("pk")
    )


def _slot_at(request, settings, starts_at) -> Slot:
    if not isinstance(starts_at, datetime) or starts_at.tzinfo is None:
        raise ValidationError({"starts_at": _("Give the start with its time zone.")})
    for slot in candidate_slots(request, settings, now=starts_at):
        if slot.starts_at == starts_at:
            return slot
    raise ValidationError({"starts_at": _("Choose one of the free slots.")})


def organises(user, request: MeetingRequest) -> bool:
    return is_platform_admin(user) or organises_requests_event(user, request)


def check_direct_booking(user, request: MeetingRequest, settings) -> None:
    """Participants book only where the organiser allows it; organisers always may."""
    if request.event_id is None or organises(user, request):
        return
    if settings is None:
        raise ValidationError(
            {"starts_at": _("The organiser has not set up meetings for this event yet.")}
        )
    if not settings.direct_booking_open:
        raise ValidationError(
            {"starts_at": _("The organiser schedules this event's meetings; booking is closed.")}
        )


def place_at(user, request: MeetingRequest, starts_at, meeting: Meeting | None = None) -> Meeting:
    """Put the request's meeting (new, or ``meeting`` moved) at ``starts_at``, checking every
    rule; ValidationError names the field. Runs inside the caller's transaction, which must
    hold the request's row lock."""
    settings = settings_for(request.event)
    check_direct_booking(user, request, settings)
    slot = _slot_at(request, settings, starts_at)
    users = participants(request)
    _lock_people(users)
    hours = online_hours(request, settings)
    for user_ in users:
        problem = attendee(user_, request.event, settings, ignoring=meeting).problem_with(
            slot, hours
        )
        if problem:
            raise ValidationError({"starts_at": problem})
    tables = TableBook(suitable_tables(request, settings), ignoring=meeting).free(slot)
    if not tables:
        raise ValidationError({"starts_at": _("No suitable table is free at this time.")})
    source = BookingSource.DIRECT if is_a_side(user, request) else BookingSource.ORGANISER
    status = meeting.status if meeting is not None else MeetingStatus.CONFIRMED
    if meeting is not None:
        release(meeting)
    try:
        return place_meeting(
            request,
            slot,
            tables=tables,
            place_kind=request.place_kind,
            status=status,
            source=source,
            booked_by=user,
            meeting=meeting,
        )
    except SlotTaken as taken:
        raise ValidationError({taken.field: taken.message}) from None


def locked(request: MeetingRequest) -> MeetingRequest:
    return (
        MeetingRequest.objects.select_for_update(of=("self",))
        .select_related("requester", "recipient_user", "event")
        .get(pk=request.pk)
    )


@transaction.atomic
def book_meeting(user, request: MeetingRequest, starts_at: datetime) -> Meeting:
    """Book a free slot for an accepted request: first come, first served.

    Side effects: a confirmed Meeting (online ones get a video room) and the Occupancy holding
    both participants' time and the table. Raises ValidationError (``starts_at``, ``request``)
    for a request not accepted or already booked, a time that is not a free slot for both,
    a full day, no free table, or someone faster. After commit both participants get a notice
    with the .ics (``notices.announce``).
    """
    if not user.has_perm("meetings.book_meeting", request):
        raise PermissionDenied
    request = locked(request)
    if request.status != RequestStatus.ACCEPTED:
        raise ValidationError({"request": _("Only an accepted request can be booked.")})
    if live_meeting(request) is not None:
        raise ValidationError(
            {"request": _("This meeting is booked already; move it to change its time.")}
        )
    meeting = place_at(user, request, starts_at)
    announce(meeting, MeetingChange.SCHEDULED)
    return meeting


@transaction.atomic
def reschedule_meeting(user, request: MeetingRequest, starts_at: datetime) -> Meeting:
    """Move the request's meeting to another free slot.

    Side effects: the Meeting keeps its row, ``uid`` and room, takes the new time (and a free
    table) and its ``sequence`` rises, so calendars replace their copy; after commit both
    participants of a confirmed meeting get a notice. Nothing changes when the new time cannot
    be taken.
    """
    if not user.has_perm("meetings.book_meeting", request):
        raise PermissionDenied
    request = locked(request)
    meeting = live_meeting(request)
    if request.status != RequestStatus.ACCEPTED or meeting is None:
        raise ValidationError({"request": _("There is no booked meeting to move.")})
    if isinstance(starts_at, datetime) and starts_at == meeting.starts_at:
        raise ValidationError({"starts_at": _("The meeting is at this time already.")})
    meeting = place_at(user, request, starts_at, meeting=meeting)
    announce(meeting, MeetingChange.MOVED)
    return meeting


def cancel_meeting_of(request: MeetingRequest, skip: Collection[int] = ()) -> Meeting | None:
    """Cancel the request's live meeting, if any: its time and table are free again and its
    ``sequence`` rises (calendars show it cancelled); after commit the participants of a
    confirmed one (but the users in ``skip``) get a notice. For the caller's transaction."""
    meeting = live_meeting(request)
    if meeting is None:
        return None
    if meeting.status == MeetingStatus.CONFIRMED:
        announce(meeting, MeetingChange.CANCELLED, skip=skip)
    release(meeting)
    meeting.status = MeetingStatus.CANCELLED
    meeting.sequence += 1
    meeting.save(update_fields=["status", "sequence", "updated_at"])
    return meeting
