"""Participants state when they can meet, in their own zone."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories.events import EventFactory
from tradebridge.events.enums import EventStatus
from tradebridge.meetings.domain.availability import availability_of, set_availability


def test_stated_hours_replace_the_previous_ones(buyer, expo):
    set_availability(buyer, event=expo, timezone="Asia/Shanghai", max_per_day=5)
    stated = set_availability(
        buyer,
        event=expo,
        timezone="Asia/Shanghai",
        windows=[{"starts": "13:00", "ends": "18:00"}, {"starts": "09:00", "ends": "12:00"}],
        breaks=[{"starts": "15:00", "ends": "15:30"}],
        days=["2020-11-06"],
    )
    assert availability_of(buyer, expo) == stated
    assert stated.windows == [
        {"starts": "09:00", "ends": "12:00"},
        {"starts": "13:00", "ends": "18:00"},
    ]
    assert stated.max_per_day is None
    general = set_availability(
        buyer, timezone="Asia/Shanghai", windows=[{"starts": "20:00", "ends": "24:00"}]
    )
    assert availability_of(buyer, None) == general != stated


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"timezone": ""}, "timezone"),
        ({"windows": [{"starts": "9:00", "ends": "12:00"}]}, "windows"),
        ({"windows": [{"starts": "09:00"}]}, "windows"),
        ({"windows": [{"starts": "24:00", "ends": "24:00"}]}, "windows"),
        ({"breaks": [{"starts": "12:00", "ends": "11:00"}]}, "breaks"),
        ({"days": ["2020-13-01"]}, "days"),
        ({"max_per_day": 0}, "max_per_day"),
        ({"max_per_day": 51}, "max_per_day"),
    ],
)
def test_bad_availability_names_the_field(buyer, expo, changes, field):
    with pytest.raises(ValidationError) as error:
        set_availability(buyer, event=expo, **{"timezone": "Asia/Shanghai", **changes})
    assert set(error.value.message_dict) == {field}


def test_who_states_availability(buyer, agency, government_viewer, admin_user):
    draft = EventFactory(owner=agency, status=EventStatus.DRAFT)
    with pytest.raises(PermissionDenied):
        set_availability(buyer, event=draft, timezone="UTC")
    for user in (government_viewer, admin_user):
        with pytest.raises(PermissionDenied):
            set_availability(user, timezone="UTC")
