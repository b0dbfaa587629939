"""Direct booking, first come first served: free slots for a pair, tables, caps, moves."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories.meetings import MeetingSettingsFactory, RepresentativeFactory
from tradebridge.meetings.domain.availability import set_availability
from tradebridge.meetings.domain.bookings import (
    book_meeting,
    free_slots,
    live_meeting,
    reschedule_meeting,
)
from tradebridge.meetings.domain.rooms import meeting_room_url
from tradebridge.meetings.enums import BookingSource, MeetingStatus, PlaceKind
from tradebridge.meetings.models import MeetingTable, Occupancy

NOV_5_0900 = datetime(2020, 11, 5, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


def _starts(slots):
    return [slot.starts_at for slot in slots]


def _field(error) -> set[str]:
    return set(error.value.message_dict)


def test_a_booked_table_meeting_holds_both_people_and_a_table(accepted, buyer, exporter, expo):
    request = accepted(event=expo)
    slots = free_slots(request)
    assert len(slots) == 24  # 2 days × (5 morning slots around the break + 7 afternoon ones)
    assert datetime(2020, 11, 5, 2, 30, tzinfo=UTC) not in _starts(slots)  # 10:30 coffee
    meeting = book_meeting(buyer, request, NOV_5_0900)
    assert meeting.status == MeetingStatus.CONFIRMED
    assert meeting.source == BookingSource.DIRECT
    assert meeting.ends_at - meeting.starts_at == timedelta(minutes=30)
    assert meeting.table.number == 1
    assert meeting_room_url(meeting) == ""
    held = Occupancy.objects.filter(meeting=meeting)
    assert {o.user_id for o in held if o.user_id} == {buyer.pk, exporter.pk}
    assert held.filter(table=meeting.table).count() == 6  # six 5-minute blocks
    assert NOV_5_0900 not in _starts(free_slots(request))


def test_an_online_meeting_gets_a_video_room(accepted, expo, settings):
    settings.TRADEBRIDGE_VIDEO_ROOM_URL = "https://video.example.org/{room}"
    request = accepted(event=expo, place_kind=PlaceKind.ONLINE)
    meeting = book_meeting(request.requester, request, free_slots(request)[0].starts_at)
    assert meeting.table is None  # no table is kept for online meetings at this expo
    assert meeting_room_url(meeting) == f"https://video.example.org/m{meeting.room_token}"


def test_tables_kept_for_online_meetings(accepted, expo, buyer):
    MeetingTable.objects.filter(event=expo, number=3).update(for_online=True)
    online = accepted(event=expo, place_kind=PlaceKind.ONLINE)
    assert book_meeting(buyer, online, NOV_5_0900).table.number == 3
    others = [
        accepted(event=expo, requester=RepresentativeFactory(), recipient=RepresentativeFactory())
        for _ in range(3)
    ]
    assert book_meeting(others[0].requester, others[0], NOV_5_0900).table.number == 1
    assert book_meeting(others[1].requester, others[1], NOV_5_0900).table.number == 2
    assert NOV_5_0900 not in _starts(free_slots(others[2]))  # tables 1–2 full, 3 is kept
    with pytest.raises(ValidationError) as error:
        book_meeting(others[2].requester, others[2], NOV_5_0900)
    assert _field(error) == {"starts_at"}


def test_nobody_is_in_two_meetings_at_once(accepted, buyer, exporter, expo):
    first = accepted(event=expo)
    book_meeting(buyer, first, NOV_5_0900)
    second = accepted(event=expo, recipient=RepresentativeFactory())
    assert NOV_5_0900 not in _starts(free_slots(second))
    with pytest.raises(ValidationError) as error:
        book_meeting(buyer, second, NOV_5_0900)
    assert "has another meeting" in error.value.message_dict["starts_at"][0]


def test_meetings_on_different_grids_cannot_overlap(accepted, buyer, expo_settings, exporter):
    expo_settings.slot_minutes = 20
    expo_settings.breaks = []
    expo_settings.save()
    at_expo = accepted(event=expo_settings.event)
    book_meeting(buyer, at_expo, NOV_5_0900 + timedelta(minutes=20))  # 09:20–09:40 Shanghai
    online = accepted(recipient=RepresentativeFactory(timezone="Asia/Shanghai"))
    with pytest.raises(ValidationError) as error:
        book_meeting(buyer, online, NOV_5_0900 + timedelta(minutes=30))  # 09:30–10:00
    assert "has another meeting" in error.value.message_dict["starts_at"][0]


def test_one_booking_per_request(accepted, buyer, exporter, expo):
    request = accepted(event=expo)
    book_meeting(buyer, request, NOV_5_0900)
    with pytest.raises(ValidationError) as error:
        book_meeting(exporter, request, NOV_5_0900 + timedelta(minutes=30))
    assert _field(error) == {"request"}


def test_the_daily_cap_and_the_stated_windows(accepted, buyer, exporter, expo):
    set_availability(
        exporter,
        event=expo,
        timezone="Asia/Shanghai",
        windows=[{"starts": "09:00", "ends": "12:00"}],
        max_per_day=1,
    )
    first = accepted(event=expo)
    assert all(slot.starts_at.astimezone(UTC).hour < 4 for slot in free_slots(first))
    book_meeting(buyer, first, NOV_5_0900)
    second = accepted(event=expo, requester=RepresentativeFactory())
    days = {slot.day.isoformat() for slot in free_slots(second)}
    assert days == {"2020-11-06"}
    with pytest.raises(ValidationError) as error:
        book_meeting(second.requester, second, NOV_5_0900 + timedelta(minutes=60))
    assert "limit" in error.value.message_dict["starts_at"][0]
    with pytest.raises(ValidationError):
        book_meeting(second.requester, second, NOV_5_0900 + timedelta(days=1, hours=5))


def test_booking_needs_an_accepted_request_and_a_slot(accepted, buyer, exporter, expo):
    from tradebridge.meetings.domain.requests import request_meeting

    waiting = request_meeting(exporter, recipient_organisation=buyer.organisation, event=expo)
    with pytest.raises(ValidationError) as error:
        book_meeting(exporter, waiting, NOV_5_0900)
    assert _field(error) == {"request"}
    request = accepted(event=expo)
    for moment in (NOV_5_0900 + timedelta(minutes=10), NOV_5_0900.replace(tzinfo=None), "09:00"):
        with pytest.raises(ValidationError) as error:
            book_meeting(buyer, request, moment)
        assert _field(error) == {"starts_at"}
    with pytest.raises(PermissionDenied):
        book_meeting(RepresentativeFactory(), request, NOV_5_0900)


def test_when_the_organiser_schedules_participants_cannot_book(accepted, buyer, expo, staff_user):
    expo.owner = staff_user.organisation
    expo.save()
    expo.meeting_settings.direct_booking_open = False
    expo.meeting_settings.save()
    request = accepted(event=expo)
    with pytest.raises(ValidationError) as error:
        book_meeting(buyer, request, NOV_5_0900)
    assert _field(error) == {"starts_at"}
    meeting = book_meeting(staff_user, request, NOV_5_0900)
    assert meeting.source == BookingSource.ORGANISER


def test_an_event_without_meeting_settings_has_no_slots(accepted, buyer):
    event = MeetingSettingsFactory().event
    event.meeting_settings.delete()
    request = accepted(event=event)
    assert free_slots(request) == []
    with pytest.raises(ValidationError):
        book_meeting(buyer, request, NOV_5_0900)


def test_moving_keeps_the_uid_and_raises_the_sequence(accepted, buyer, exporter, expo):
    request = accepted(event=expo)
    meeting = book_meeting(buyer, request, NOV_5_0900)
    uid = meeting.uid
    later = NOV_5_0900 + timedelta(hours=1)
    moved = reschedule_meeting(exporter, request, later)
    assert (moved.pk, moved.uid, moved.sequence, moved.starts_at) == (meeting.pk, uid, 1, later)
    assert Occupancy.objects.filter(meeting=moved, block_start=NOV_5_0900).count() == 0
    assert NOV_5_0900 in _starts(free_slots(request))


def test_a_failed_move_changes_nothing(accepted, buyer, exporter, expo):
    request = accepted(event=expo)
    meeting = book_meeting(buyer, request, NOV_5_0900)
    other = accepted(event=expo, recipient=RepresentativeFactory())
    book_meeting(buyer, other, NOV_5_0900 + timedelta(hours=1))
    with pytest.raises(ValidationError):
        reschedule_meeting(exporter, request, NOV_5_0900 + timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        reschedule_meeting(exporter, request, NOV_5_0900)
    assert _field(error) == {"starts_at"}
    current = live_meeting(request)
    assert (current.starts_at, current.sequence) == (NOV_5_0900, 0)
    assert Occupancy.objects.filter(meeting=meeting).count() == 18
