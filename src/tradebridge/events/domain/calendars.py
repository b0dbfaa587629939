"""iCalendar (RFC 5545) feeds: one per event, one per person.

UIDs are stable (they name the row, not its content), SEQUENCE is the stored counter that the
domain functions raise when a time or place changes, and times carry the event's TZID with a
VTIMEZONE built from the IANA data, so calendar programs show them in any zone correctly.
"""

from collections.abc import Iterable
from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from tradebridge.events.domain.rooms import consultation_room_url, video_room_url
from tradebridge.events.enums import RegistrationStatus
from tradebridge.events.models import ConsultationBooking, Event, Session

UID_DOMAIN = "tradebridge.events"
PRODUCT_ID = "-//TradeBridge//Events//EN"


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{UID_DOMAIN}"


def session_uid(session: Session) -> str:
    return f"session-{session.pk}@{UID_DOMAIN}"


def _new_calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _vevent(uid, sequence, summary, description, starts_at, ends_at, zone, location, url=""):
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("sequence", sequence)
    vevent.add("dtstamp", timezone.now())
    vevent.add("summary", summary)
    if description:
        vevent.add("description", description)
    vevent.add("dtstart", timezone.localtime(starts_at, zone))
    vevent.add("dtend", timezone.localtime(ends_at, zone))
    if location:
        vevent.add("location", location)
    if url:
        vevent.add("url", url)
    return vevent


def _event_component(event: Event):
    zone = ZoneInfo(event.timezone)
    return _vevent(
        event_uid(event),
        event.sequence,
        event.title,
        event.description,
        event.starts_at,
        event.ends_at,
        zone,
        event.venue,
    )


def _session_component(session: Session, with_room_links: bool):
    event = session.event
    zone = ZoneInfo(event.timezone)
    location = session.room or event.venue
    room_url = video_room_url(session) if with_room_links else ""
    if session.is_online and not location:
        location = _("Online")
    return _vevent(
        session_uid(session),
        session.sequence,
        f"{session.title} · {event.title}",
        session.description,
        session.starts_at,
        session.ends_at,
        zone,
        location,
        room_url,
    )


def booking_uid(booking: ConsultationBooking) -> str:
    return f"consultation-{booking.pk}@{UID_DOMAIN}"


def _booking_component(booking: ConsultationBooking, for_user):
    """The visitor reads "Consultation with <exhibitor>", the exhibitor's staff the visitor's
    name. The booking's own video room is its LOCATION and URL."""
    window = booking.window
    exhibitor = window.exhibitor
    if booking.user_id == for_user.pk:
        summary = _("Consultation with %(name)s") % {"name": exhibitor.organisation.name}
    else:
        visitor = booking.user.get_full_name() or booking.user.username
        summary = _("Consultation: %(visitor)s (%(exhibitor)s)") % {
            "visitor": visitor,
            "exhibitor": exhibitor.organisation.name,
        }
    room_url = consultation_room_url(booking)
    description = "\n".join(
        part for part in (booking.topic, exhibitor.pavilion.name, room_url) if part
    )
    return _vevent(
        booking_uid(booking),
        0,  # a booking is never moved, only cancelled and booked anew (a new UID)
        summary,
        description,
        booking.starts_at,
        booking.starts_at + timedelta(minutes=window.slot_minutes),
        ZoneInfo(window.timezone),
        room_url,
        room_url,
    )


def build_calendar(
    name: str,
    events: Iterable[Event],
    sessions: Iterable[Session],
    with_room_links: bool = False,
    bookings: Iterable[ConsultationBooking] = (),
    for_user=None,
    extra: Iterable[icalendar.Event] = (),
) -> bytes:
    """An .ics file with the events, sessions and consultations given, and a VTIMEZONE for
    each zone used. Consultations are written as ``for_user`` (visitor or exhibitor's side)
    reads them; ``extra`` components (other apps' entries, e.g. meetings) are added as they
    are."""
    calendar = _new_calendar(name)
    for event in events:
        calendar.add_component(_event_component(event))
    for session in sessions:
        calendar.add_component(_session_component(session, with_room_links))
    for booking in bookings:
        calendar.add_component(_booking_component(booking, for_user))
    for component in extra:
        calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_calendar(event: Event, with_room_links: bool = False) -> bytes:
    """The event and every session of its programme."""
    sessions = event.sessions.select_related("event").order_by("starts_at", "pk")
    return build_calendar(event.title, [event], sessions, with_room_links)


def booking_calendar(booking: ConsultationBooking, for_user) -> bytes:
    """One consultation, with its video room, as ``for_user`` reads it."""
    return build_calendar(_("Consultation"), [], [], bookings=[booking], for_user=for_user)


def person_calendar(user, extra: Iterable[icalendar.Event] = ()) -> bytes:
    """The events ``user`` holds a confirmed place at (with their programmes, room links
    included), the sessions where their directory entry speaks or moderates, the
    consultations they booked and those booked at stands where they are on duty, and
    ``extra`` entries (the web views add the user's meetings)."""
    events = list(
        Event.objects.filter(
            registrations__user=user, registrations__status=RegistrationStatus.CONFIRMED
        ).order_by("starts_at", "pk")
    )
    sessions = Session.objects.select_related("event").filter(event__in=events)
    if user.person_id:
        sessions = sessions | Session.objects.select_related("event").filter(people=user.person_id)
    sessions = sessions.distinct().order_by("starts_at", "pk")
    bookings = ConsultationBooking.objects.filter(user=user)
    if user.person_id:
        bookings = bookings | ConsultationBooking.objects.filter(
            window__exhibitor__staff=user.person_id
        )
    bookings = (
        bookings.distinct()
        .select_related("user", "window__exhibitor__organisation", "window__exhibitor__pavilion")
        .order_by("starts_at", "pk")
    )
    return build_calendar(
        _("My TradeBridge events"),
        events,
        sessions,
        with_room_links=True,
        bookings=bookings,
        for_user=user,
        extra=extra,
    )
