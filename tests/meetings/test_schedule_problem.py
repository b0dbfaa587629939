"""The event's database state as the scheduler library's problem: slots from the organiser's
local grid, each side's availability in their own zone, online meetings only in hours that are
daytime for both sides, across the US change to standard time; confirmed meetings fixed."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories.meetings import ExpoFactory, MeetingSettingsFactory, RepresentativeFactory
from tradebridge.meetings.domain.availability import set_availability
from tradebridge.meetings.domain.bookings import book_meeting
from tradebridge.meetings.domain.schedule_problem import (
    Reason,
    build_input,
    meeting_id,
    why_unplaceable,
)
from tradebridge.meetings.enums import PRIORITY_WEIGHTS, PlaceKind, Priority

SHANGHAI, PACIFIC = "Asia/Shanghai", "America/Los_Angeles"
ROUND_THE_CLOCK = [
    {"part": "morning", "starts": "00:00", "ends": "12:00"},
    {"part": "afternoon", "starts": "12:00", "ends": "24:00"},
]


def _allowed_starts(data, request, zone):
    index = [r.pk for r in data.requests].index(request.pk)
    meeting = data.problem.meetings[index]
    return [
        data.slots[s].starts_at.astimezone(ZoneInfo(zone)).strftime("%m-%d %H:%M")
        for s in meeting.allowed
    ]


@pytest.fixture
def round_the_clock(db):
    """Hourly slots all day in Shanghai on 5 November 2020 (California on PST, 16 h behind)."""
    return MeetingSettingsFactory(
        slot_minutes=60, days=["2020-11-05"], sessions=ROUND_THE_CLOCK, breaks=[]
    ).event


def test_shanghai_and_california_meet_in_their_common_daytime(
    accepted, buyer, exporter, round_the_clock
):
    request = accepted(event=round_the_clock, place_kind=PlaceKind.ONLINE)
    data = build_input(round_the_clock)
    # 08:00–20:00 in Shanghai and 08:00–20:00 in California overlap 08:00–12:00 in Shanghai,
    # which is 16:00–20:00 of the day before in California.
    assert _allowed_starts(data, request, SHANGHAI) == [
        "11-05 08:00",
        "11-05 09:00",
        "11-05 10:00",
        "11-05 11:00",
    ]
    assert _allowed_starts(data, request, PACIFIC) == [
        "11-04 16:00",
        "11-04 17:00",
        "11-04 18:00",
        "11-04 19:00",
    ]


def test_on_site_meetings_have_no_working_hours_limit(accepted, round_the_clock):
    request = accepted(event=round_the_clock, place_kind=PlaceKind.TABLE)
    data = build_input(round_the_clock)
    assert len(_allowed_starts(data, request, SHANGHAI)) == 24


def test_each_side_states_windows_in_their_own_zone(accepted, buyer, exporter, round_the_clock):
    set_availability(
        exporter,
        event=round_the_clock,
        timezone=PACIFIC,
        windows=[{"starts": "17:00", "ends": "19:00"}],
    )
    request = accepted(event=round_the_clock, place_kind=PlaceKind.ONLINE)
    data = build_input(round_the_clock)
    assert _allowed_starts(data, request, PACIFIC) == ["11-04 17:00", "11-04 18:00"]
    assert data.problem.participants[0].id.startswith("u")


def test_the_us_change_to_standard_time_gives_one_more_common_hour(accepted, db):
    """A Los Angeles event, hourly 08:00–20:00 local, the Saturday before the change (PDT,
    UTC−7) and the Monday after (PST, UTC−8), with a Shanghai partner online."""
    event = ExpoFactory(
        timezone=PACIFIC,
        starts_at=datetime(2020, 10, 31, 15, tzinfo=UTC),
        ends_at=datetime(2020, 11, 3, 4, tzinfo=UTC),
    )
    MeetingSettingsFactory(
        event=event,
        slot_minutes=60,
        days=["2020-10-31", "2020-11-02"],
        sessions=[{"part": "morning", "starts": "08:00", "ends": "20:00"}],
        breaks=[],
    )
    request = accepted(event=event, place_kind=PlaceKind.ONLINE)
    data = build_input(event)
    assert _allowed_starts(data, request, PACIFIC) == [
        "10-31 17:00",
        "10-31 18:00",
        "10-31 19:00",
        "11-02 16:00",
        "11-02 17:00",
        "11-02 18:00",
        "11-02 19:00",
    ]
    # The same hours in Shanghai: 08:00 onwards, one morning each.
    assert _allowed_starts(data, request, SHANGHAI)[0] == "11-01 08:00"
    assert _allowed_starts(data, request, SHANGHAI)[3] == "11-03 08:00"


def test_priorities_become_weights_and_confirmed_meetings_are_fixed(accepted, expo):
    must = accepted(event=expo, priority=Priority.MUST_MEET)
    other = accepted(
        event=expo, requester=RepresentativeFactory(), recipient=RepresentativeFactory()
    )
    booked = book_meeting(other.requester, other, datetime(2020, 11, 5, 1, 30, tzinfo=UTC))
    data = build_input(expo)
    by_id = {meeting.id: meeting for meeting in data.problem.meetings}
    assert by_id[meeting_id(must)].priority == PRIORITY_WEIGHTS[Priority.MUST_MEET]
    assert by_id[meeting_id(must)].fixed_slot is None
    fixed = by_id[meeting_id(other)]
    assert data.slots[fixed.fixed_slot].starts_at == booked.starts_at
    # With moves allowed, the confirmed meeting is only a hint.
    movable = build_input(expo, allow_moves=True)
    index = [r.pk for r in movable.requests].index(other.pk)
    assert movable.problem.meetings[index].fixed_slot is None
    assert movable.slots[movable.hint[index]].starts_at == booked.starts_at


def test_tables_count_on_site_and_kept_online_tables(accepted, expo):
    accepted(event=expo, place_kind=PlaceKind.TABLE)
    assert build_input(expo).problem.tables == 3
    accepted(
        event=expo,
        requester=RepresentativeFactory(),
        recipient=RepresentativeFactory(),
        place_kind=PlaceKind.ONLINE,
    )
    # No table is kept for online meetings: room for every online meeting besides the three.
    assert build_input(expo).problem.tables == 4


def test_a_request_without_common_time_says_so(accepted, buyer, exporter, round_the_clock):
    set_availability(
        buyer,
        event=round_the_clock,
        timezone=SHANGHAI,
        windows=[{"starts": "08:00", "ends": "09:00"}],
    )
    set_availability(
        exporter,
        event=round_the_clock,
        timezone=SHANGHAI,
        windows=[{"starts": "10:00", "ends": "11:00"}],
    )
    accepted(event=round_the_clock, place_kind=PlaceKind.TABLE)
    data = build_input(round_the_clock)
    assert data.problem.meetings[0].allowed == ()
    assert why_unplaceable(data, 0) == Reason.NO_COMMON_TIME


def test_meetings_need_settings(accepted, db):
    event = ExpoFactory()
    with pytest.raises(Exception, match="meeting slots"):
        build_input(event)
