"""A participant's meetings as lines to read: when (in the event's zone and their own, with the
day shift marked), with whom, where, in which language. Pages, mails and the API use these."""

from dataclasses import dataclass

from tradebridge.events.domain.time_display import ShownSpan, shown_span
from tradebridge.meetings.domain.meeting_calendar import (
    meetings_of,
    other_side,
    person_name,
    place_text,
)
from tradebridge.meetings.domain.rooms import meeting_room_url
from tradebridge.meetings.models import Meeting


@dataclass(frozen=True)
class AgendaLine:
    meeting: Meeting
    span: ShownSpan
    organisation: object
    person: str
    place: str
    room_url: str

    @property
    def is_cancelled(self) -> bool:
        return not self.meeting.is_live


def agenda_line(meeting: Meeting, user, zone: str | None) -> AgendaLine:
    """``meeting`` as ``user`` reads it, times also in ``zone`` (their own, usually)."""
    organisation, person = other_side(meeting, user)
    event_zone = meeting.event.timezone if meeting.event_id else "UTC"
    return AgendaLine(
        meeting=meeting,
        span=shown_span(meeting.starts_at, meeting.ends_at, event_zone, zone),
        organisation=organisation,
        person=person_name(person),
        place=place_text(meeting, with_room=False),
        room_url=meeting_room_url(meeting),
    )


def agenda(user, event, zone: str | None = None, *, with_cancelled: bool = False) -> list:
    """``user``'s published meetings at ``event`` in time order, as :class:`AgendaLine`."""
    meetings = meetings_of(user, event)
    if not with_cancelled:
        meetings = [meeting for meeting in meetings if meeting.is_live]
    return [agenda_line(meeting, user, zone or user.timezone) for meeting in meetings]
