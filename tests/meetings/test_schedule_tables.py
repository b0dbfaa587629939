"""On-site meetings take on-site tables, online ones the tables kept for online meetings: the
solver counts one pool, and the table step repairs a slot that holds too many of one kind."""

from collections import Counter

import pytest

from tests.factories.meetings import ExpoFactory, MeetingSettingsFactory, RepresentativeFactory
from tradebridge.meetings.domain.schedule_problem import Reason, build_input
from tradebridge.meetings.domain.schedule_runs import start_run
from tradebridge.meetings.domain.schedule_tables import assign_tables
from tradebridge.meetings.enums import MeetingStatus, PlaceKind
from tradebridge.meetings.models import Meeting, MeetingTable

TWO_SLOTS = [{"part": "morning", "starts": "09:00", "ends": "10:00"}]


@pytest.fixture
def small_expo(agency, settings):
    """Two half-hour slots on one day; table 1 on site, table 2 kept for online meetings."""
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "inline"
    event = MeetingSettingsFactory(
        event=ExpoFactory(owner=agency),
        days=["2020-11-05"],
        sessions=TWO_SLOTS,
        breaks=[],
        tables=2,
    ).event
    MeetingTable.objects.filter(event=event, number=2).update(for_online=True)
    return event


def _requests(accepted, event, kinds):
    return [
        accepted(
            event=event,
            requester=RepresentativeFactory(timezone="Asia/Shanghai"),
            recipient=RepresentativeFactory(timezone="Asia/Shanghai"),
            place_kind=kind,
        )
        for kind in kinds
    ]


def _by_slot_and_kind(event):
    meetings = Meeting.objects.filter(event=event, status=MeetingStatus.TENTATIVE)
    for meeting in meetings:
        assert meeting.table.for_online == (meeting.place_kind == PlaceKind.ONLINE)
    return Counter((m.starts_at, m.place_kind) for m in meetings)


def test_every_meeting_gets_a_table_of_its_kind(accepted, small_expo, staff_user):
    kinds = [PlaceKind.TABLE, PlaceKind.TABLE, PlaceKind.ONLINE, PlaceKind.ONLINE]
    _requests(accepted, small_expo, kinds)
    run = start_run(staff_user, small_expo, time_limit=5, wait=True)
    assert (run.new_count, run.unscheduled) == (4, [])
    assert set(_by_slot_and_kind(small_expo).values()) == {1}


def test_a_meeting_without_a_table_of_its_kind_is_left_out_with_the_reason(
    accepted, small_expo, staff_user
):
    kinds = [PlaceKind.TABLE, PlaceKind.TABLE, PlaceKind.TABLE, PlaceKind.ONLINE]
    _requests(accepted, small_expo, kinds)
    run = start_run(staff_user, small_expo, time_limit=5, wait=True)
    assert run.new_count == 3
    assert [item["reason"] for item in run.unscheduled] in (
        [Reason.NO_FREE_TABLE],
        [Reason.CROWDED_OUT],
    )
    assert max(_by_slot_and_kind(small_expo).values()) == 1
    # The solver's bound counts the two kinds of table as one pool: still an upper bound.
    assert run.bound >= run.objective == 3


def test_the_repair_moves_a_meeting_to_a_slot_with_a_table_of_its_kind(accepted, small_expo):
    kinds = [PlaceKind.TABLE, PlaceKind.TABLE, PlaceKind.ONLINE, PlaceKind.ONLINE]
    _requests(accepted, small_expo, kinds)
    data = build_input(small_expo)
    # As the one-pool solver may leave it: both on-site meetings in the first slot.
    tabled = assign_tables(data, [0, 0, 1, 1])
    assert tabled.dropped == {}
    assert sorted(tabled.slots[:2]) == [0, 1] and sorted(tabled.slots[2:]) == [0, 1]
    for index, table in enumerate(tabled.tables):
        assert table.for_online == (data.requests[index].place_kind == PlaceKind.ONLINE)
