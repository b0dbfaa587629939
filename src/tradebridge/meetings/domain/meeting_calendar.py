"""One-to-one meetings in iCalendar (RFC 5545): each participant's own copy.

The UID names the meeting row (``Meeting.uid``), never its time, and SEQUENCE is the counter
the domain functions raise on every move, publication and cancellation, so a calendar program
replaces its entry instead of adding a second one; a cancelled meeting stays in the feed with
STATUS:CANCELLED so that subscribed calendars drop it. Tentative meetings (not yet published)
are never shown to participants.
"""

from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tradebridge.meetings.domain.rooms import meeting_room_url
from tradebridge.meetings.enums import MeetingStatus, PlaceKind
from tradebridge.meetings.models import Meeting

UID_DOMAIN = "tradebridge.meetings"
PRODUCT_ID = "-//TradeBridge//Meetings//EN"


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.uid}@{UID_DOMAIN}"


def meetings_of(user, event=None) -> QuerySet[Meeting]:
    """The meetings ``user`` attends (published or cancelled; never tentative), oldest first."""
    meetings = Meeting.objects.filter(
        Q(request__requester=user) | Q(request__recipient_user=user)
    ).exclude(status=MeetingStatus.TENTATIVE)
    if event is not None:
        meetings = meetings.filter(request__event=event)
    return meetings.select_related(
        "table",
        "event",
        "request__requester",
        "request__recipient_user",
        "request__requester_organisation",
        "request__recipient_organisation",
    ).order_by("starts_at", "pk")


def other_side(meeting: Meeting, user):
    """(organisation, attending user or None) of the side ``user`` is not on."""
    request = meeting.request
    if request.requester_id == user.pk:
        return request.recipient_organisation, request.recipient_user
    return request.requester_organisation, request.requester


def person_name(user) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def place_text(meeting: Meeting, *, with_room: bool = True) -> str:
    """Where it happens, in the reader's language: the table (and room), and for online
    meetings the video room's address (unless ``with_room`` is False: pages link it)."""
    parts = []
    if meeting.place_kind == PlaceKind.ONLINE:
        parts.append(_("Online"))
    if meeting.table_id:
        parts.append(meeting.table.label)
    if with_room and meeting.place_kind == PlaceKind.ONLINE:
        parts.append(meeting_room_url(meeting))
    return " · ".join(parts)


def meeting_component(meeting: Meeting, for_user) -> icalendar.Event:
    """The VEVENT of ``meeting`` as ``for_user`` reads it (in the active language)."""
    organisation, person = other_side(meeting, for_user)
    zone = ZoneInfo(meeting.event.timezone if meeting.event_id else for_user.timezone or "UTC")
    vevent = icalendar.Event()
    vevent.add("uid", meeting_uid(meeting))
    vevent.add("sequence", meeting.sequence)
    vevent.add("dtstamp", timezone.now())
    vevent.add("last-modified", meeting.updated_at)
    vevent.add("summary", _("Meeting with %(name)s") % {"name": organisation.name})
    details = [
        person_name(person),
        meeting.request.get_language_display(),
        meeting.event.title if meeting.event_id else "",
        place_text(meeting),
    ]
    vevent.add("description", "\n".join(part for part in details if part))
    vevent.add("dtstart", timezone.localtime(meeting.starts_at, zone))
    vevent.add("dtend", timezone.localtime(meeting.ends_at, zone))
    location = place_text(meeting)
    if location:
        vevent.add("location", location)
    room = meeting_room_url(meeting)
    if room:
        vevent.add("url", room)
    vevent.add("status", "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED")
    return vevent


def add_meetings(calendar: icalendar.Calendar, meetings: Iterable[Meeting], for_user) -> None:
    """Add ``for_user``'s copy of each meeting, with the VTIMEZONEs they need."""
    for meeting in meetings:
        calendar.add_component(meeting_component(meeting, for_user))
    calendar.add_missing_timezones()


def meetings_calendar(name: str, meetings: Iterable[Meeting], for_user) -> bytes:
    """An .ics file of the given meetings only (an agenda, a notice's attachment)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    add_meetings(calendar, meetings, for_user)
    return calendar.to_ical()


def personal_meeting_entries(user) -> list[icalendar.Event]:
    """``user``'s meetings as entries of the personal feed (events.domain.calendars'
    ``person_calendar(user, extra=...)``), so one subscription holds everything."""
    return [meeting_component(meeting, user) for meeting in meetings_of(user)]
