"""The database itself refuses double bookings, whatever the code in front of it checks."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction

from tests.factories.meetings import MeetingRequestFactory, MeetingSettingsFactory
from tradebridge.meetings.enums import MeetingStatus, PlaceKind
from tradebridge.meetings.models import Meeting, MeetingTable, Occupancy

START = datetime(2020, 11, 5, 1, 0, tzinfo=UTC)


def _meeting(request, table, start=START, minutes=30, **fields):
    return Meeting.objects.create(
        request=request,
        event=request.event,
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
        place_kind=PlaceKind.TABLE,
        table=table,
        **fields,
    )


@pytest.fixture
def table(db):
    return MeetingTable.objects.get(event=MeetingSettingsFactory(tables=1).event, number=1)


def test_a_person_holds_a_block_once(table):
    request = MeetingRequestFactory(event=table.event)
    first = _meeting(request, table)
    Occupancy.objects.create(meeting=first, user=request.requester, block_start=START)
    second = _meeting(MeetingRequestFactory(event=table.event), table, status="tentative")
    with pytest.raises(IntegrityError), transaction.atomic():
        Occupancy.objects.create(meeting=second, user=request.requester, block_start=START)


def test_a_table_holds_a_block_once(table):
    first = _meeting(MeetingRequestFactory(event=table.event), table)
    Occupancy.objects.create(meeting=first, table=table, block_start=START)
    second = _meeting(MeetingRequestFactory(event=table.event), table)
    with pytest.raises(IntegrityError), transaction.atomic():
        Occupancy.objects.create(meeting=second, table=table, block_start=START)


def test_a_request_has_one_live_meeting_and_any_number_of_cancelled_ones(table):
    request = MeetingRequestFactory(event=table.event)
    _meeting(request, table, status=MeetingStatus.CANCELLED)
    _meeting(request, table, status=MeetingStatus.CANCELLED)
    _meeting(request, table)
    with pytest.raises(IntegrityError), transaction.atomic():
        _meeting(request, table, status=MeetingStatus.TENTATIVE)


@pytest.mark.parametrize(
    "fields",
    [
        {"minutes": 0},
        {"table": None},
    ],
)
def test_meeting_checks(table, fields):
    request = MeetingRequestFactory(event=table.event)
    arguments = {"table": table, **fields}
    with pytest.raises(IntegrityError), transaction.atomic():
        _meeting(request, **arguments)


def test_occupancy_is_of_a_person_or_a_table(table):
    request = MeetingRequestFactory(event=table.event)
    meeting = _meeting(request, table)
    with pytest.raises(IntegrityError), transaction.atomic():
        Occupancy.objects.create(meeting=meeting, block_start=START)
    with pytest.raises(IntegrityError), transaction.atomic():
        Occupancy.objects.create(
            meeting=meeting, user=request.requester, table=table, block_start=START
        )
