"""The organiser's meeting set-up for an event: slot length, the daily grid, tables, booking."""

from dataclasses import dataclass
from datetime import time
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tradebridge.meetings.enums import MeetingStatus
from tradebridge.meetings.models import BLOCK_MINUTES, Meeting, MeetingSettings, MeetingTable
from tradebridge.meetings.validators import parse_days, parse_sessions, parse_spans

MAX_TABLES = 500


@dataclass(frozen=True)
class TableSpec:
    name: str = ""
    room: str = ""


def settings_for(event) -> MeetingSettings | None:
    """The event's meeting settings, or None before the organiser sets them."""
    if event is None:
        return None
    return MeetingSettings.objects.filter(event=event).select_related("event").first()


def _checked(field: str, parse, value):
    try:
        return parse(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


def _table_specs(tables) -> list[TableSpec]:
    """``tables``: how many (numbered 1…n), or one (name, room) pair or name per table."""
    if isinstance(tables, bool):
        raise ValidationError({"tables": _("Give a number of tables or their names.")})
    if isinstance(tables, int):
        if not 0 <= tables <= MAX_TABLES:
            raise ValidationError(
                {"tables": _("Give from 0 to %(max)d tables.") % {"max": MAX_TABLES}}
            )
        return [TableSpec() for _ in range(tables)]
    specs = []
    for item in tables:
        name, room = (item, "") if isinstance(item, str) else tuple(item)
        name, room = str(name).strip(), str(room).strip()
        if not name or len(name) > 100 or len(room) > 200:
            raise ValidationError(
                {"tables": _("Give each table a name of at most 100 characters.")}
            )
        specs.append(TableSpec(name, room))
    if len(specs) > MAX_TABLES:
        raise ValidationError({"tables": _("Give from 0 to %(max)d tables.") % {"max": MAX_TABLES}})
    if len({spec.name for spec in specs}) != len(specs):
        raise ValidationError({"tables": _("Each table needs its own name.")})
    return specs


def _sync_tables(event, specs: list[TableSpec], online_tables: int) -> None:
    """Tables 1…n as ``specs`` say, the last ``online_tables`` kept for online meetings.
    A table that would go while it still holds a meeting stops the change."""
    first_online = len(specs) - online_tables + 1
    existing = {table.number: table for table in MeetingTable.objects.filter(event=event)}
    gone = [number for number in existing if number > len(specs)]
    busy = (
        Meeting.objects.filter(table__event=event, table__number__in=gone)
        .exclude(status=MeetingStatus.CANCELLED)
        .values_list("table__number", flat=True)
        .distinct()
    )
    if busy:
        raise ValidationError(
            {
                "tables": _("Table %(number)d still has meetings; move them before removing it.")
                % {"number": min(busy)}
            }
        )
    MeetingTable.objects.filter(event=event, number__in=gone).delete()
    for number, spec in enumerate(specs, start=1):
        table = existing.get(number) or MeetingTable(event=event, number=number)
        table.name, table.room = spec.name, spec.room
        table.for_online = number >= first_online
        table.save()


@transaction.atomic
def set_meeting_settings(
    user,
    event,
    *,
    slot_minutes: int,
    days,
    sessions,
    breaks=(),
    tables=0,
    online_tables: int = 0,
    direct_booking_open: bool = True,
    default_max_per_day: int | None = None,
    online_hours: tuple[time, time] = (time(8), time(20)),
) -> MeetingSettings:
    """Set how meetings run at ``event``.

    ``days`` are ISO dates within the event, ``sessions`` ``[{"part", "starts", "ends"}]`` and
    ``breaks`` ``[{"starts", "ends"}]`` in the event's local time; ``tables`` a number or a list
    of names (or (name, room) pairs), of which the last ``online_tables`` are kept for online
    meetings. Side effects: creates or changes the MeetingSettings and the event's tables.
    Meetings already placed keep their time; a table still in use cannot be removed.
    """
    if not user.has_perm("meetings.change_settings", event):
        raise PermissionDenied
    if (
        not isinstance(slot_minutes, int)
        or not (BLOCK_MINUTES <= slot_minutes <= 240)
        or (slot_minutes % BLOCK_MINUTES)
    ):
        raise ValidationError(
            {"slot_minutes": _("Give a length from 5 to 240 minutes, in steps of 5.")}
        )
    days_ = _checked("days", parse_days, [str(day) for day in days])
    zone = ZoneInfo(event.timezone)
    first, last = event.starts_at.astimezone(zone).date(), event.ends_at.astimezone(zone).date()
    outside = [day for day in days_ if not first <= day <= last]
    if outside:
        raise ValidationError(
            {
                "days": _("%(day)s is not a day of the event (%(first)s to %(last)s).")
                % {"day": outside[0], "first": first, "last": last}
            }
        )
    sessions_ = _checked("sessions", parse_sessions, list(sessions))
    breaks_ = _checked("breaks", parse_spans, list(breaks))
    specs = _table_specs(tables)
    if not isinstance(online_tables, int) or not 0 <= online_tables <= len(specs):
        raise ValidationError(
            {"online_tables": _("Keep at most as many tables for online meetings as there are.")}
        )
    if default_max_per_day is not None and not 1 <= default_max_per_day <= 50:
        raise ValidationError({"default_max_per_day": _("Give a number from 1 to 50.")})
    starts, ends = online_hours
    if not (isinstance(starts, time) and isinstance(ends, time)) or ends <= starts:
        raise ValidationError(
            {"online_hours": _("Online meetings must end later in the day than they start.")}
        )
    settings, _created = MeetingSettings.objects.update_or_create(
        event=event,
        defaults={
            "slot_minutes": slot_minutes,
            "days": [day.isoformat() for day in days_],
            "sessions": [{"part": session.part, **session.span.as_json()} for session in sessions_],
            "breaks": [span.as_json() for span in breaks_],
            "direct_booking_open": bool(direct_booking_open),
            "default_max_per_day": default_max_per_day,
            "online_hours_start": starts,
            "online_hours_end": ends,
        },
    )
    _sync_tables(event, specs, online_tables)
    return settings
