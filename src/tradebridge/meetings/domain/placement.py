"""Writing a meeting into the calendar: the Meeting row and the Occupancy that holds its two
participants' time and its table. No permission checks here: the domain functions that call
these (direct booking, rescheduling, the organiser's scheduler) check them first.

The database decides races: Occupancy is unique per (person, block) and per (table, block), so
of two transactions taking the same time, the second fails at its INSERT (PostgreSQL makes it
wait for the first to commit; SQLite serialises writers). A table that was just taken is not
an error: the next free table of the right kind is tried.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tradebridge.meetings.domain.availability import blocks, display_name
from tradebridge.meetings.domain.slots import Slot
from tradebridge.meetings.enums import BookingSource, MeetingStatus
from tradebridge.meetings.models import Meeting, MeetingRequest, MeetingTable, Occupancy


class SlotTaken(Exception):
    """The time (or every suitable table) was taken; ``field`` and ``message`` say which."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def participants(request: MeetingRequest) -> list:
    """The two people who attend: the requester and the recipient's attendee."""
    return [user for user in (request.requester, request.recipient_user) if user is not None]


def hold(meeting: Meeting, users, table: MeetingTable | None) -> None:
    """Write the Occupancy of a live meeting; IntegrityError when any block is taken."""
    times = blocks(meeting.starts_at, meeting.ends_at)
    rows = [Occupancy(meeting=meeting, user=user, block_start=b) for user in users for b in times]
    if table is not None:
        rows += [Occupancy(meeting=meeting, table=table, block_start=b) for b in times]
    Occupancy.objects.bulk_create(rows)


def release(meeting: Meeting) -> None:
    """Free the time and table a meeting held (before it moves or is cancelled)."""
    Occupancy.objects.filter(meeting=meeting).delete()


def _clash(request: MeetingRequest, users, slot: Slot, meeting: Meeting | None) -> SlotTaken | None:
    others = Meeting.objects.filter(request=request).exclude(status=MeetingStatus.CANCELLED)
    if meeting is not None and meeting.pk:
        others = others.exclude(pk=meeting.pk)
    if others.exists():
        return SlotTaken("request", _("This meeting has just been booked."))
    busy = Occupancy.objects.filter(
        user__in=users, block_start__in=blocks(slot.starts_at, slot.ends_at)
    )
    if meeting is not None and meeting.pk:
        busy = busy.exclude(meeting=meeting)
    taken = busy.select_related("user").first()
    if taken is not None:
        return SlotTaken(
            "starts_at",
            _("%(name)s has just been booked for another meeting at this time.")
            % {"name": display_name(taken.user)},
        )
    return None


def place_meeting(
    request: MeetingRequest,
    slot: Slot,
    *,
    tables: list[MeetingTable | None],
    place_kind: str,
    status: str = MeetingStatus.CONFIRMED,
    source: str = BookingSource.DIRECT,
    booked_by=None,
    meeting: Meeting | None = None,
) -> Meeting:
    """Put ``request``'s meeting in ``slot`` at the first of ``tables`` still free ([None]
    for no table); creates the Meeting, or moves ``meeting`` (its Occupancy must be released
    first) and raises its ``sequence``. Raises SlotTaken when a participant is busy, the
    request has a live meeting already, or every table given is taken.

    Must run inside a transaction; each attempt is a savepoint, so a failed one leaves nothing.
    """
    users = participants(request)
    moving = meeting is not None
    for table in tables:
        try:
            with transaction.atomic():
                if meeting is None:
                    meeting = Meeting(request=request, event_id=request.event_id)
                meeting.starts_at, meeting.ends_at = slot.starts_at, slot.ends_at
                meeting.table = table
                meeting.place_kind = place_kind
                meeting.status = status
                meeting.source = source
                meeting.booked_by = booked_by
                if moving:
                    meeting.sequence += 1
                meeting.save()
                hold(meeting, users, table)
                return meeting
        except IntegrityError:
            # The savepoint undid the row; the instance must forget the attempt too.
            if moving:
                meeting.refresh_from_db()
            else:
                meeting = None
            problem = _clash(request, users, slot, meeting)
            if problem is not None:
                raise problem from None
    raise SlotTaken("starts_at", _("No table is free at this time any more."))
