"""Daily times as the meeting settings and availability store them (JSON, local clock times).

A span is ``{"starts": "09:00", "ends": "12:00"}`` in some zone's wall-clock time; "24:00" may
end a span at midnight. Days are ISO dates ("2020-11-05"). Kept as JSON because each is edited
as a whole (one form field, one API field) and only ever read through these functions.
"""

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tradebridge.meetings.enums import DayPart

MINUTES_PER_DAY = 24 * 60
MAX_SPANS = 12
MAX_DAYS = 31


@dataclass(frozen=True, order=True)
class Span:
    """Minutes after local midnight, ``starts`` < ``ends`` <= 1440."""

    starts: int
    ends: int

    def contains(self, starts: int, ends: int) -> bool:
        return self.starts <= starts and ends <= self.ends

    def overlaps(self, starts: int, ends: int) -> bool:
        return starts < self.ends and self.starts < ends

    def as_json(self) -> dict:
        return {"starts": clock_text(self.starts), "ends": clock_text(self.ends)}


def clock_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_clock(text, *, end: bool = False) -> int:
    """ "09:30" as 570 minutes; "24:00" only as the end of a span."""
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        raise ValidationError(_("Write times as HH:MM, e.g. 09:30."))
    hours, minutes = text[:2], text[3:]
    if not (hours.isdigit() and minutes.isdigit()):
        raise ValidationError(_("Write times as HH:MM, e.g. 09:30."))
    value = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or value > MINUTES_PER_DAY or (value == MINUTES_PER_DAY and not end):
        raise ValidationError(_("%(time)s is not a time of day.") % {"time": text})
    return value


def parse_span(item) -> Span:
    if not isinstance(item, dict) or set(item) != {"starts", "ends"}:
        raise ValidationError(_('Give each time span as {"starts": "09:00", "ends": "12:00"}.'))
    span = Span(parse_clock(item["starts"]), parse_clock(item["ends"], end=True))
    if span.ends <= span.starts:
        raise ValidationError(
            _("%(starts)s–%(ends)s ends before it starts.")
            % {"starts": item["starts"], "ends": item["ends"]}
        )
    return span


def parse_spans(value) -> list[Span]:
    """A JSON list of spans, sorted; ValidationError for anything else."""
    if not isinstance(value, list):
        raise ValidationError(_("Give a list of time spans."))
    if len(value) > MAX_SPANS:
        raise ValidationError(_("Give at most %(count)d time spans.") % {"count": MAX_SPANS})
    return sorted(parse_span(item) for item in value)


def validate_spans(value) -> None:
    parse_spans(value)


def parse_days(value) -> list[date]:
    """A JSON list of ISO dates, sorted and without repeats."""
    if not isinstance(value, list):
        raise ValidationError(_("Give a list of dates."))
    days = []
    for item in value:
        try:
            days.append(date.fromisoformat(item))
        except (TypeError, ValueError):
            raise ValidationError(
                _("%(value)s is not a date (YYYY-MM-DD).") % {"value": item}
            ) from None
    if len(set(days)) != len(days):
        raise ValidationError(_("Each day may be given once."))
    if len(days) > MAX_DAYS:
        raise ValidationError(_("Give at most %(count)d days.") % {"count": MAX_DAYS})
    return sorted(days)


def validate_days(value) -> None:
    parse_days(value)


@dataclass(frozen=True, order=True)
class DaySession:
    """A part of each meeting day (morning, afternoon…) in the event's local time."""

    span: Span
    part: str


def parse_sessions(value) -> list[DaySession]:
    """``[{"part": "morning", "starts": "09:00", "ends": "12:00"}, …]``, sorted, not overlapping."""
    if not isinstance(value, list):
        raise ValidationError(_("Give a list of sessions."))
    sessions = []
    for item in value:
        if not isinstance(item, dict) or item.get("part") not in DayPart.values:
            raise ValidationError(
                _("Each session needs a part (%(parts)s) and its times.")
                % {"parts": ", ".join(DayPart.values)}
            )
        span = parse_span({key: val for key, val in item.items() if key != "part"})
        sessions.append(DaySession(span, item["part"]))
    sessions.sort()
    for earlier, later in pairwise(sessions):
        if later.span.starts < earlier.span.ends:
            raise ValidationError(_("Sessions may not overlap."))
    if len(sessions) > MAX_SPANS:
        raise ValidationError(_("Give at most %(count)d sessions.") % {"count": MAX_SPANS})
    return sessions


def validate_sessions(value) -> None:
    parse_sessions(value)
