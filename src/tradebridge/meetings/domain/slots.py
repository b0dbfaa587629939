"""The times meetings can take: an event's daily slot grid, or a plain grid for online meetings
outside events. Every slot is [start, end) in UTC; clock times are converted day by day in the
event's zone, so a grid keeps its local hours across a daylight-saving change.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tradebridge.events.domain.time_display import NonexistentLocalTime, local_to_utc
from tradebridge.meetings.models import MeetingSettings
from tradebridge.meetings.validators import parse_days, parse_sessions, parse_spans

# Online meetings outside events: 30-minute slots on the hour and half hour, two weeks ahead.
STANDALONE_SLOT_MINUTES = 30
STANDALONE_DAYS = 14


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    part: str = ""  # the session's day part ("morning"…), "" outside events
    day: date | None = None  # the event's local date

    @property
    def id(self) -> str:
        """A stable name for the slot (its UTC start), as scheduler instances need one."""
        return self.starts_at.strftime("%Y-%m-%dT%H:%MZ")


def _local(day: date, minutes: int, zone: str) -> datetime:
    wall_clock = datetime.combine(day, datetime.min.time()) + timedelta(minutes=minutes)
    return local_to_utc(wall_clock, zone)


def event_slots(settings: MeetingSettings) -> list[Slot]:
    """Every slot of the event's grid, in time order.

    On each meeting day, each session is cut into slots of ``slot_minutes`` from its start; a
    slot that overlaps a break, or whose local time does not exist (spring forward), is left
    out, as is a last partial slot.
    """
    zone = settings.event.timezone
    step = settings.slot_minutes
    breaks = parse_spans(settings.breaks)
    slots = []
    for day in parse_days(settings.days):
        for session in parse_sessions(settings.sessions):
            start = session.span.starts
            while start + step <= session.span.ends:
                end = start + step
                if not any(pause.overlaps(start, end) for pause in breaks):
                    try:
                        starts_at, ends_at = _local(day, start, zone), _local(day, end, zone)
                    except NonexistentLocalTime:
                        starts_at = None
                    if starts_at is not None and ends_at > starts_at:
                        slots.append(Slot(starts_at, ends_at, session.part, day))
                start = end
    return sorted(slots, key=lambda slot: slot.starts_at)


def standalone_slots(now: datetime) -> list[Slot]:
    """Half-hour slots from the next half hour after ``now`` for two weeks (UTC grid)."""
    step = timedelta(minutes=STANDALONE_SLOT_MINUTES)
    moment = now.astimezone(UTC).replace(second=0, microsecond=0)
    moment += timedelta(minutes=-moment.minute % STANDALONE_SLOT_MINUTES)
    if moment < now:
        moment += step
    end = moment + timedelta(days=STANDALONE_DAYS)
    slots = []
    while moment < end:
        slots.append(Slot(moment, moment + step))
        moment += step
    return slots
