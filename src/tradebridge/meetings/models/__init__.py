"""Models of the meetings app; each lives in its own module and is re-exported here."""

from tradebridge.meetings.models.availability import Availability
from tradebridge.meetings.models.event_settings import MeetingSettings, MeetingTable
from tradebridge.meetings.models.meeting import BLOCK_MINUTES, Meeting, Occupancy
from tradebridge.meetings.models.request import MeetingRequest
from tradebridge.meetings.models.schedule_run import Placement, ScheduleRun

__all__ = [
    "BLOCK_MINUTES",
    "Availability",
    "Meeting",
    "MeetingRequest",
    "MeetingSettings",
    "MeetingTable",
    "Occupancy",
    "Placement",
    "ScheduleRun",
]
