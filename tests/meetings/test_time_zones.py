"""A Shanghai participant and a Californian one: the few slots that are daytime for both, and
how the US change from daylight-saving to standard time on 1 November 2020 moves them."""

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from tests.factories.meetings import ExpoFactory, MeetingSettingsFactory
from tradebridge.meetings.domain.availability import set_availability
from tradebridge.meetings.domain.bookings import book_meeting, free_slots
from tradebridge.meetings.domain.slots import event_slots, standalone_slots
from tradebridge.meetings.enums import PlaceKind

SHANGHAI, PACIFIC = "Asia/Shanghai", "America/Los_Angeles"


def _shanghai_clock(slots) -> list[str]:
    zone = ZoneInfo(SHANGHAI)
    return [slot.starts_at.astimezone(zone).strftime("%m-%d %H:%M") for slot in slots]


@pytest.fixture
def across_the_change(db):
    """Friday 30 October (California on PDT, UTC−7) and Monday 2 November (PST, UTC−8)."""
    event = ExpoFactory(
        starts_at=datetime(2020, 10, 30, 0, tzinfo=UTC),
        ends_at=datetime(2020, 11, 2, 10, tzinfo=UTC),
    )
    return MeetingSettingsFactory(
        event=event,
        days=["2020-10-30", "2020-11-02"],
        sessions=[
            {"part": "morning", "starts": "08:00", "ends": "12:00"},
            {"part": "afternoon", "starts": "13:00", "ends": "18:00"},
        ],
        breaks=[],
    ).event


def _state_hours(buyer, exporter, event):
    set_availability(
        buyer, event=event, timezone=SHANGHAI, windows=[{"starts": "09:00", "ends": "18:00"}]
    )
    set_availability(
        exporter, event=event, timezone=PACIFIC, windows=[{"starts": "08:00", "ends": "19:00"}]
    )


def test_only_the_shanghai_morning_is_daytime_in_california(
    accepted, buyer, exporter, across_the_change
):
    _state_hours(buyer, exporter, across_the_change)
    request = accepted(event=across_the_change, place_kind=PlaceKind.ONLINE)
    # 09:00 Shanghai is 18:00 the day before in California on PDT, 17:00 on PST: one more hour.
    assert _shanghai_clock(free_slots(request)) == [
        "10-30 09:00",
        "10-30 09:30",
        "11-02 09:00",
        "11-02 09:30",
        "11-02 10:00",
        "11-02 10:30",
    ]
    meeting = book_meeting(exporter, request, free_slots(request)[-1].starts_at)
    assert meeting.starts_at == datetime(2020, 11, 2, 2, 30, tzinfo=UTC)  # 18:30 PST, 1 Nov


def test_working_hours_bound_online_meetings_without_stated_windows(
    accepted, buyer, exporter, across_the_change
):
    """Nobody stated hours: the event's grid applies, and for online meetings each side's
    working hours (here 08:00–19:00 local)."""
    settings = across_the_change.meeting_settings
    settings.online_hours_end = time(19)
    settings.save()
    online = accepted(event=across_the_change, place_kind=PlaceKind.ONLINE)
    assert _shanghai_clock(free_slots(online)) == [
        "10-30 08:00",
        "10-30 08:30",
        "10-30 09:00",
        "10-30 09:30",
        "11-02 08:00",
        "11-02 08:30",
        "11-02 09:00",
        "11-02 09:30",
        "11-02 10:00",
        "11-02 10:30",
    ]
    on_site = accepted(event=across_the_change, requester=exporter, recipient=buyer)
    assert len(free_slots(on_site)) == len(event_slots(settings)) == 36


def test_a_grid_keeps_its_local_hours_when_the_clocks_change(db):
    event = ExpoFactory(
        timezone=PACIFIC,
        starts_at=datetime(2020, 10, 31, 15, tzinfo=UTC),
        ends_at=datetime(2020, 11, 2, 1, tzinfo=UTC),
    )
    settings = MeetingSettingsFactory(
        event=event,
        days=["2020-10-31", "2020-11-01"],
        sessions=[{"part": "morning", "starts": "09:00", "ends": "10:00"}],
        breaks=[],
    )
    starts = [slot.starts_at for slot in event_slots(settings)]
    assert starts == [
        datetime(2020, 10, 31, 16, 0, tzinfo=UTC),
        datetime(2020, 10, 31, 16, 30, tzinfo=UTC),
        datetime(2020, 11, 1, 17, 0, tzinfo=UTC),
        datetime(2020, 11, 1, 17, 30, tzinfo=UTC),
    ]


def test_online_meetings_outside_events_meet_in_both_sides_daytime(accepted, buyer, exporter):
    request = accepted()
    now = datetime(2020, 11, 2, 0, 10, tzinfo=UTC)
    slots = free_slots(request, now=now)
    # 08:00–20:00 in both zones: 16:00–20:00 in California is 08:00–12:00 in Shanghai.
    assert {_shanghai_clock([slot])[0][6:] for slot in slots} == {
        "08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"
    }  # fmt: skip
    assert slots[0].starts_at == datetime(2020, 11, 2, 0, 30, tzinfo=UTC)  # 16:30 on 1 Nov
    assert standalone_slots(now)[0].starts_at == datetime(2020, 11, 2, 0, 30, tzinfo=UTC)
