"""The organiser's meeting set-up: grid, tables, validation, permissions."""

from datetime import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories.meetings import ExpoFactory
from tradebridge.meetings.domain.bookings import book_meeting, free_slots
from tradebridge.meetings.domain.event_settings import set_meeting_settings, settings_for
from tradebridge.meetings.domain.slots import event_slots
from tradebridge.meetings.models import MeetingTable

GRID = {
    "slot_minutes": 20,
    "days": ["2020-11-05", "2020-11-06", "2020-11-07"],
    "sessions": [
        {"part": "morning", "starts": "09:00", "ends": "12:00"},
        {"part": "afternoon", "starts": "14:00", "ends": "17:00"},
    ],
    "breaks": [{"starts": "10:00", "ends": "10:20"}],
}


@pytest.fixture
def organised_expo(db, staff_user):
    return ExpoFactory(owner=staff_user.organisation)


def test_the_organiser_sets_the_grid_and_named_tables(organised_expo, staff_user):
    settings = set_meeting_settings(
        staff_user,
        organised_expo,
        **GRID,
        tables=[("A1", "Hall 4.1"), ("A2", "Hall 4.1"), "Screen 1"],
        online_tables=1,
        direct_booking_open=False,
        default_max_per_day=8,
        online_hours=(time(7), time(21)),
    )
    assert settings_for(organised_expo) == settings
    slots = event_slots(settings)
    assert len(slots) == 3 * (8 + 9)  # 9 morning slots less the one in the break, 9 afternoon
    assert {slot.part for slot in slots} == {"morning", "afternoon"}
    tables = list(MeetingTable.objects.filter(event=organised_expo))
    assert [(t.number, t.label, t.for_online) for t in tables] == [
        (1, "A1 · Hall 4.1", False),
        (2, "A2 · Hall 4.1", False),
        (3, "Screen 1", True),
    ]
    set_meeting_settings(staff_user, organised_expo, **GRID, tables=2)
    assert [t.label for t in MeetingTable.objects.filter(event=organised_expo)] == [
        "Table 1",
        "Table 2",
    ]


def test_a_table_in_use_stays(organised_expo, staff_user, accepted):
    set_meeting_settings(staff_user, organised_expo, **GRID, tables=2)
    request = accepted(event=organised_expo)
    first = free_slots(request)[0].starts_at
    book_meeting(request.requester, request, first)
    with pytest.raises(ValidationError) as error:
        set_meeting_settings(staff_user, organised_expo, **GRID, tables=0)
    assert set(error.value.message_dict) == {"tables"}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"slot_minutes": 7}, "slot_minutes"),
        ({"slot_minutes": 0}, "slot_minutes"),
        ({"slot_minutes": "30"}, "slot_minutes"),
        ({"days": ["2020-12-01"]}, "days"),
        ({"days": ["5 November"]}, "days"),
        ({"days": ["2020-11-05", "2020-11-05"]}, "days"),
        ({"sessions": [{"part": "night", "starts": "09:00", "ends": "12:00"}]}, "sessions"),
        ({"sessions": [{"part": "morning", "starts": "12:00", "ends": "09:00"}]}, "sessions"),
        (
            {
                "sessions": [
                    {"part": "morning", "starts": "09:00", "ends": "12:00"},
                    {"part": "afternoon", "starts": "11:00", "ends": "15:00"},
                ]
            },
            "sessions",
        ),
        ({"breaks": [{"starts": "25:00", "ends": "26:00"}]}, "breaks"),
        ({"breaks": "10:00-10:20"}, "breaks"),
        ({"tables": -1}, "tables"),
        ({"tables": 501}, "tables"),
        ({"tables": ["A1", "A1"]}, "tables"),
        ({"tables": 2, "online_tables": 3}, "online_tables"),
        ({"default_max_per_day": 0}, "default_max_per_day"),
        ({"online_hours": (time(20), time(8))}, "online_hours"),
    ],
)
def test_bad_settings_name_the_field(organised_expo, staff_user, changes, field):
    with pytest.raises(ValidationError) as error:
        set_meeting_settings(staff_user, organised_expo, **{**GRID, **changes})
    assert set(error.value.message_dict) == {field}
    assert settings_for(organised_expo) is None


def test_only_the_organiser(organised_expo, other_staff_user, representative, admin_user):
    for user in (other_staff_user, representative):
        with pytest.raises(PermissionDenied):
            set_meeting_settings(user, organised_expo, **GRID)
    assert set_meeting_settings(admin_user, organised_expo, **GRID).slot_minutes == 20
