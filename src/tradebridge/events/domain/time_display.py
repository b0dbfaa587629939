"""Times shown twice: in the event's zone and in the viewer's, with the day shift marked.

Data stay in UTC; this is the one place that converts them for people to read. A session at
09:00 in Shanghai is 17:00 the previous day in California: the viewer's copy reads "−1 day".
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from tradebridge.directory.validators import validate_timezone

MINUS_SIGN = "\u2212"


@dataclass(frozen=True)
class ShownTime:
    """One moment as the event's zone and the viewer's zone read it."""

    event_local: datetime
    viewer_local: datetime | None
    day_shift: int  # viewer's calendar date minus the event's, in days

    @property
    def event_zone_abbreviation(self) -> str:
        return self.event_local.tzname() or ""

    @property
    def viewer_zone_abbreviation(self) -> str:
        return self.viewer_local.tzname() if self.viewer_local else ""

    @property
    def shows_viewer_time(self) -> bool:
        return self.viewer_local is not None and (
            self.viewer_local.utcoffset() != self.event_local.utcoffset()
            or self.viewer_local.tzinfo != self.event_local.tzinfo
        )

    @property
    def day_shift_label(self) -> str:
        return day_shift_label(self.day_shift)


def day_shift_label(days: int) -> str:
    """ "+1 day", "−2 days" (a true minus sign), or "" for the same day."""
    if days == 0:
        return ""
    count = abs(days)
    if days > 0:
        return ngettext("+%(days)d day", "+%(days)d days", count) % {"days": count}
    return ngettext("−%(days)d day", "−%(days)d days", count) % {"days": count}


def zone_or_none(name: str | None) -> ZoneInfo | None:
    """The zone named ``name``, or None when it is empty or not an IANA zone."""
    if not name:
        return None
    try:
        validate_timezone(name)
    except ValidationError:
        return None
    return ZoneInfo(name)


def shown_time(moment: datetime, event_zone: str, viewer_zone: str | None) -> ShownTime:
    """``moment`` (aware, any zone) in the event's zone and, if given, the viewer's."""
    if moment.tzinfo is None:
        raise ValueError("shown_time needs an aware datetime")
    event_local = moment.astimezone(ZoneInfo(event_zone))
    zone = zone_or_none(viewer_zone)
    if zone is None:
        return ShownTime(event_local=event_local, viewer_local=None, day_shift=0)
    viewer_local = moment.astimezone(zone)
    shift = (viewer_local.date() - event_local.date()).days
    return ShownTime(event_local=event_local, viewer_local=viewer_local, day_shift=shift)


@dataclass(frozen=True)
class ShownSpan:
    start: ShownTime
    end: ShownTime


def shown_span(
    starts_at: datetime, ends_at: datetime, event_zone: str, viewer_zone: str | None
) -> ShownSpan:
    """A session's or event's start and end, each in both zones."""
    return ShownSpan(
        start=shown_time(starts_at, event_zone, viewer_zone),
        end=shown_time(ends_at, event_zone, viewer_zone),
    )


class NonexistentLocalTime(ValueError):
    """A wall-clock time the zone skips (clocks go forward at a daylight-saving change)."""


def local_to_utc(wall_clock: datetime, zone: str) -> datetime:
    """A naive wall-clock time in ``zone`` as an aware UTC datetime.

    Raises NonexistentLocalTime for a time inside a spring-forward gap (02:30 on the night US
    clocks go from 02:00 to 03:00). An ambiguous autumn time takes its first occurrence.
    """
    if wall_clock.tzinfo is not None:
        raise ValueError("local_to_utc needs a naive wall-clock time")
    tz = ZoneInfo(zone)
    aware = wall_clock.replace(tzinfo=tz, fold=0)
    if aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall_clock:
        raise NonexistentLocalTime(f"{wall_clock:%Y-%m-%d %H:%M} does not exist in {zone}")
    return aware.astimezone(UTC)
