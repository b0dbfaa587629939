"""When each participant can meet, and how busy they already are.

A participant states daily windows and breaks in their own zone, the days they can meet and a
cap per day; without a statement they can meet whenever the event's grid has slots (outside
events: 08:00–20:00 in their own zone). ``Attendee`` answers, slot by slot, whether a person
can take a meeting then and, if not, why.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tradebridge.directory.validators import validate_timezone
from tradebridge.meetings.domain.slots import Slot
from tradebridge.meetings.enums import MeetingStatus
from tradebridge.meetings.models import BLOCK_MINUTES, Availability, Meeting, Occupancy
from tradebridge.meetings.validators import (
    MINUTES_PER_DAY,
    Span,
    parse_days,
    parse_spans,
)

# Default hours for online meetings outside events, in each participant's own zone.
STANDALONE_HOURS = Span(8 * 60, 20 * 60)
MAX_PER_DAY_LIMIT = 50


def blocks(starts_at: datetime, ends_at: datetime) -> list[datetime]:
    """The starts of the time blocks [starts_at, ends_at) covers."""
    step = timedelta(minutes=BLOCK_MINUTES)
    out, moment = [], starts_at
    while moment < ends_at:
        out.append(moment)
        moment += step
    return out


def display_name(user) -> str:
    return user.get_full_name() or user.username


def local_minutes(slot: Slot, zone: ZoneInfo) -> tuple[date, int, int] | None:
    """The slot's local date and its start and end in minutes after local midnight, or None
    when it runs past midnight (it then fits no daily window)."""
    start, end = slot.starts_at.astimezone(zone), slot.ends_at.astimezone(zone)
    start_minutes = start.hour * 60 + start.minute
    if end.date() == start.date():
        return start.date(), start_minutes, end.hour * 60 + end.minute
    if end.date() == start.date() + timedelta(days=1) and (end.hour, end.minute) == (0, 0):
        return start.date(), start_minutes, MINUTES_PER_DAY
    return None


@dataclass
class Attendee:
    """One participant's rules and commitments, loaded once for many slot checks."""

    user: object
    zone: ZoneInfo
    windows: list[Span] | None  # None: whenever the grid has slots
    breaks: list[Span] = field(default_factory=list)
    days: frozenset[date] = frozenset()
    max_per_day: int | None = None
    busy: frozenset[datetime] = frozenset()
    meetings_per_day: Counter = field(default_factory=Counter)

    def problem_with(self, slot: Slot, online_hours: Span | None = None) -> str:
        """Why this person cannot meet in ``slot`` ("" when they can)."""
        name = display_name(self.user)
        local = local_minutes(slot, self.zone)
        if local is None:
            return _("%(name)s is not available then.") % {"name": name}
        day, starts, ends = local
        if (
            (self.days and day not in self.days)
            or (
                self.windows is not None and not any(w.contains(starts, ends) for w in self.windows)
            )
            or any(pause.overlaps(starts, ends) for pause in self.breaks)
        ):
            return _("%(name)s is not available then.") % {"name": name}
        if online_hours is not None and not online_hours.contains(starts, ends):
            return _("This is outside %(name)s's working hours for online meetings.") % {
                "name": name
            }
        if any(block in self.busy for block in blocks(slot.starts_at, slot.ends_at)):
            return _("%(name)s has another meeting then.") % {"name": name}
        if self.max_per_day is not None and self.meetings_per_day[day] >= self.max_per_day:
            return _("%(name)s already has %(count)d meetings that day, their limit.") % {
                "name": name,
                "count": self.max_per_day,
            }
        return ""


def availability_of(user, event) -> Availability | None:
    return Availability.objects.filter(user=user, event=event).first()


def attendee(user, event=None, settings=None, ignoring: Meeting | None = None) -> Attendee:
    """``user``'s rules at ``event`` (None: online meetings outside events) and the meetings
    they already have anywhere; ``ignoring`` is a meeting being moved, whose time is free."""
    stated = availability_of(user, event)
    zone_name = stated.timezone if stated else user.timezone
    zone = ZoneInfo(zone_name or "UTC")
    caps = [
        cap
        for cap in (
            stated.max_per_day if stated else None,
            getattr(settings, "default_max_per_day", None),
        )
        if cap is not None
    ]
    live = Meeting.objects.filter(occupancy__user=user).exclude(status=MeetingStatus.CANCELLED)
    held = Occupancy.objects.filter(user=user)
    if ignoring is not None:
        live = live.exclude(pk=ignoring.pk)
        held = held.exclude(meeting=ignoring)
    per_day = Counter(
        starts_at.astimezone(zone).date()
        for starts_at in live.distinct().values_list("starts_at", flat=True)
    )
    if stated and stated.windows:
        windows = parse_spans(stated.windows)
    else:
        windows = None if event is not None else [STANDALONE_HOURS]
    return Attendee(
        user=user,
        zone=zone,
        windows=windows,
        breaks=parse_spans(stated.breaks) if stated else [],
        days=frozenset(parse_days(stated.days)) if stated else frozenset(),
        max_per_day=min(caps) if caps else None,
        busy=frozenset(held.values_list("block_start", flat=True)),
        meetings_per_day=per_day,
    )


def _field(name: str, parse, value):
    try:
        return parse(value)
    except ValidationError as error:
        raise ValidationError({name: error.messages}) from None


@transaction.atomic
def set_availability(
    user,
    *,
    event=None,
    timezone: str,
    windows=(),
    breaks=(),
    days=(),
    max_per_day: int | None = None,
) -> Availability:
    """State when ``user`` can meet at ``event`` (None: online meetings outside events).

    ``windows`` and ``breaks`` are lists of ``{"starts": "HH:MM", "ends": "HH:MM"}`` in
    ``timezone``; ``days`` ISO dates (empty: every day). Side effects: creates or replaces the
    user's Availability for that event. Meetings already booked stay where they are.
    """
    if not rules.test_rule("meetings.set_availability", user, event):
        raise PermissionDenied
    if not timezone:
        raise ValidationError({"timezone": _("Choose a time zone.")})
    _field("timezone", validate_timezone, timezone)
    windows_ = _field("windows", parse_spans, list(windows))
    breaks_ = _field("breaks", parse_spans, list(breaks))
    days_ = _field("days", parse_days, [str(day) for day in days])
    if max_per_day is not None and not (1 <= max_per_day <= MAX_PER_DAY_LIMIT):
        raise ValidationError(
            {"max_per_day": _("Give a number from 1 to %(max)d.") % {"max": MAX_PER_DAY_LIMIT}}
        )
    availability, _created = Availability.objects.update_or_create(
        user=user,
        event=event,
        defaults={
            "timezone": timezone,
            "windows": [span.as_json() for span in windows_],
            "breaks": [span.as_json() for span in breaks_],
            "days": [day.isoformat() for day in days_],
            "max_per_day": max_per_day,
        },
    )
    return availability
