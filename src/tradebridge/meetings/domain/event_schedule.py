"""An event's whole meeting schedule as the organiser reads it: every live meeting (tentative
proposals marked), grouped by slot for table plans; the spreadsheet and the API read it too."""

from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from zoneinfo import ZoneInfo

from tradebridge.meetings.domain.meeting_calendar import person_name
from tradebridge.meetings.domain.rooms import meeting_room_url
from tradebridge.meetings.enums import MeetingStatus
from tradebridge.meetings.models import Meeting


@dataclass(frozen=True)
class ScheduleEntry:
    meeting: Meeting
    local_start: datetime
    local_end: datetime
    room_url: str

    @property
    def request(self):
        return self.meeting.request

    @property
    def requester_name(self) -> str:
        return person_name(self.meeting.request.requester)

    @property
    def recipient_name(self) -> str:
        return person_name(self.meeting.request.recipient_user)

    @property
    def is_tentative(self) -> bool:
        return self.meeting.status == MeetingStatus.TENTATIVE


def schedule_entries(event, *, with_tentative: bool = True) -> list[ScheduleEntry]:
    """The event's live meetings in time and table order."""
    meetings = (
        Meeting.objects.filter(request__event=event)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related(
            "table",
            "request__requester",
            "request__recipient_user",
            "request__requester_organisation",
            "request__recipient_organisation",
        )
        .order_by("starts_at", "table__number", "pk")
    )
    if not with_tentative:
        meetings = meetings.exclude(status=MeetingStatus.TENTATIVE)
    zone = ZoneInfo(event.timezone)
    return [
        ScheduleEntry(
            meeting=meeting,
            local_start=meeting.starts_at.astimezone(zone),
            local_end=meeting.ends_at.astimezone(zone),
            room_url=meeting_room_url(meeting),
        )
        for meeting in meetings
    ]


@dataclass(frozen=True)
class SlotPlan:
    local_start: datetime
    local_end: datetime
    entries: list[ScheduleEntry]


def table_plan(event, *, with_tentative: bool = False) -> list[SlotPlan]:
    """Per slot, who sits at which table (online meetings without a table last)."""
    plans = []
    entries = schedule_entries(event, with_tentative=with_tentative)
    for _start, group in groupby(entries, key=lambda entry: entry.meeting.starts_at):
        group = sorted(
            group,
            key=lambda e: (
                e.meeting.table is None,
                e.meeting.table.number if e.meeting.table else 0,
            ),
        )
        plans.append(SlotPlan(group[0].local_start, group[0].local_end, group))
    return plans
