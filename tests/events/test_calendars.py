from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.factories.accounts import UserFactory
from tests.factories.directory import PersonFactory
from tests.factories.events import EventFactory, ExhibitorFactory, SessionFactory
from tradebridge.events.domain.calendars import booking_calendar, event_calendar, person_calendar
from tradebridge.events.domain.events import update_session
from tradebridge.events.domain.registrations import register
from tradebridge.events.domain.rooms import consultation_room_url, video_room_url
from tradebridge.events.enums import AttendanceMode
from tradebridge.events.models import ConsultationBooking, ConsultationWindow

pytestmark = pytest.mark.django_db

CIIE_START = datetime(2020, 11, 5, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


def _ciie():
    event = EventFactory(
        title_en="CIIE 2020",
        timezone="Asia/Shanghai",
        starts_at=CIIE_START,
        ends_at=CIIE_START + timedelta(days=5, hours=9),
        attendance_mode=AttendanceMode.HYBRID,
    )
    opening = SessionFactory(
        event=event,
        title_en="Opening of the California Pavilion",
        starts_at=datetime(2020, 11, 6, 2, 0, tzinfo=UTC),
        ends_at=datetime(2020, 11, 6, 3, 0, tzinfo=UTC),
        is_online=True,
    )
    return event, opening


def _events_by_uid(ics: bytes):
    calendar = Calendar.from_ical(ics)
    return calendar, {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_event_feed_parses_back_event_by_event():
    event, opening = _ciie()
    calendar, vevents = _events_by_uid(event_calendar(event))
    assert set(vevents) == {
        f"event-{event.pk}@tradebridge.events",
        f"session-{opening.pk}@tradebridge.events",
    }
    vevent = vevents[f"session-{opening.pk}@tradebridge.events"]
    start = vevent.decoded("dtstart")
    assert start == datetime(2020, 11, 6, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert start.astimezone(UTC) == opening.starts_at
    assert vevent["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert vevent.decoded("dtend").astimezone(UTC) == opening.ends_at
    assert int(vevent["sequence"]) == 0
    assert "url" not in vevent  # the public feed does not give the room away
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_vtimezone_carries_both_us_offsets_across_daylight_saving():
    event = EventFactory(
        timezone="America/Los_Angeles",
        starts_at=datetime(2020, 10, 31, 16, tzinfo=UTC),
        ends_at=datetime(2020, 11, 2, 18, tzinfo=UTC),
    )
    before = SessionFactory(
        event=event,
        starts_at=datetime(2020, 10, 31, 16, tzinfo=UTC),
        ends_at=datetime(2020, 10, 31, 17, tzinfo=UTC),
    )
    after = SessionFactory(
        event=event,
        starts_at=datetime(2020, 11, 2, 17, tzinfo=UTC),
        ends_at=datetime(2020, 11, 2, 18, tzinfo=UTC),
    )
    calendar, vevents = _events_by_uid(event_calendar(event))
    (vtimezone,) = calendar.walk("VTIMEZONE")
    offsets = {str(sub["tzname"]) for sub in vtimezone.subcomponents}
    assert {"PDT", "PST"} <= offsets
    for session in (before, after):
        vevent = vevents[f"session-{session.pk}@tradebridge.events"]
        local = vevent.decoded("dtstart")
        assert local.hour == 9  # 09:00 local both times, though UTC differs by an hour
        assert local.astimezone(UTC) == session.starts_at


def test_sequence_rises_when_a_session_changes(staff_user, agency):
    event, opening = _ciie()
    event.owner = agency
    event.save()
    update_session(staff_user, opening, {"ends_at": datetime(2020, 11, 6, 4, tzinfo=UTC)})
    _calendar, vevents = _events_by_uid(event_calendar(event))
    vevent = vevents[f"session-{opening.pk}@tradebridge.events"]
    assert int(vevent["sequence"]) == 1
    assert vevent.decoded("dtend").astimezone(UTC) == datetime(2020, 11, 6, 4, tzinfo=UTC)


def test_person_feed_has_confirmed_events_and_own_sessions_with_room_links():
    event, opening = _ciie()
    speaker = PersonFactory()
    talk_event = EventFactory()
    talk = SessionFactory(event=talk_event)
    talk.speaker_links.create(person=speaker)
    user = UserFactory(person=speaker)
    register(user, event, AttendanceMode.ONLINE)
    EventFactory()  # not registered: not in the feed
    _calendar, vevents = _events_by_uid(person_calendar(user))
    assert set(vevents) == {
        f"event-{event.pk}@tradebridge.events",
        f"session-{opening.pk}@tradebridge.events",
        f"session-{talk.pk}@tradebridge.events",
    }
    assert str(vevents[f"session-{opening.pk}@tradebridge.events"]["url"]) == video_room_url(
        opening
    )


def test_person_feed_has_booked_consultations_in_the_windows_zone(agency):
    exhibitor = ExhibitorFactory(organisation__name_en="Sacramento Export Center")
    start = datetime(2020, 11, 5, 16, tzinfo=UTC)  # 08:00 PST
    window = ConsultationWindow.objects.create(
        exhibitor=exhibitor, starts_at=start, ends_at=start + timedelta(hours=1),
        timezone="America/Los_Angeles", slot_minutes=20,
    )  # fmt: skip
    user = UserFactory(timezone="Asia/Shanghai")
    booking = ConsultationBooking.objects.create(window=window, starts_at=start, user=user)
    _calendar, vevents = _events_by_uid(person_calendar(user))
    vevent = vevents[f"consultation-{booking.pk}@tradebridge.events"]
    assert str(vevent["summary"]) == "Consultation with Sacramento Export Center"
    assert vevent.decoded("dtstart").hour == 8
    assert vevent["dtstart"].params["TZID"] == "America/Los_Angeles"
    assert vevent.decoded("dtend").astimezone(UTC) == start + timedelta(minutes=20)


def _booking(user, start=datetime(2020, 11, 5, 16, tzinfo=UTC)):
    exhibitor = ExhibitorFactory(organisation__name_en="Sacramento Export Center")
    window = ConsultationWindow.objects.create(
        exhibitor=exhibitor, starts_at=start, ends_at=start + timedelta(hours=1),
        timezone="America/Los_Angeles", slot_minutes=20,
    )  # fmt: skip
    return ConsultationBooking.objects.create(window=window, starts_at=start, user=user)


def test_each_consultation_has_its_own_video_room_in_the_ics(settings):
    settings.TRADEBRIDGE_VIDEO_ROOM_URL = "https://meet.example.org/{room}"
    visitor = UserFactory()
    booking = _booking(visitor)
    other = ConsultationBooking.objects.create(
        window=booking.window, starts_at=booking.starts_at + timedelta(minutes=20),
        user=UserFactory(),
    )  # fmt: skip
    room = consultation_room_url(booking)
    assert room == f"https://meet.example.org/c{booking.room_token}"
    assert len(booking.room_token) == 32 and room != consultation_room_url(other)
    booking.topic = "Tariffs"
    booking.save()
    assert consultation_room_url(ConsultationBooking.objects.get(pk=booking.pk)) == room
    for ics in (person_calendar(visitor), booking_calendar(booking, visitor)):
        _calendar, vevents = _events_by_uid(ics)
        vevent = vevents[f"consultation-{booking.pk}@tradebridge.events"]
        assert str(vevent["location"]) == room and str(vevent["url"]) == room
        assert "Tariffs" in str(vevent["description"])
        assert f"consultation-{other.pk}@tradebridge.events" not in vevents


def test_staff_on_duty_find_the_consultation_in_their_own_feed():
    visitor = UserFactory(first_name="Mei", last_name="Lin")
    booking = _booking(visitor)
    on_duty = UserFactory(person=PersonFactory())
    booking.window.exhibitor.staff.add(on_duty.person)
    _calendar, vevents = _events_by_uid(person_calendar(on_duty))
    vevent = vevents[f"consultation-{booking.pk}@tradebridge.events"]
    assert str(vevent["summary"]) == "Consultation: Mei Lin (Sacramento Export Center)"
    assert str(vevent["url"]) == consultation_room_url(booking)
    _calendar, vevents = _events_by_uid(person_calendar(UserFactory(person=PersonFactory())))
    assert f"consultation-{booking.pk}@tradebridge.events" not in vevents
