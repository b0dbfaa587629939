"""Consultation hours: daily windows when an exhibitor's staff are online, cut into slots that
visitors book. The database's unique constraints make a double booking impossible even when two
visitors click at the same moment; this module turns the refusal into a clear message.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tradebridge.directory.validators import validate_timezone
from tradebridge.events.models import ConsultationBooking, ConsultationWindow, Exhibitor

MAX_DAYS = 31


@transaction.atomic
def add_daily_windows(
    user,
    exhibitor: Exhibitor,
    first_day: date,
    last_day: date,
    opens: time,
    closes: time,
    zone: str,
    slot_minutes: int = 20,
) -> list[ConsultationWindow]:
    """One window a day from ``first_day`` to ``last_day``, ``opens``–``closes`` local time in
    ``zone`` (e.g. every morning Pacific time). Each day is converted on its own, so the local
    hours hold across a daylight-saving change. Side effects: the ConsultationWindow rows.
    """
    if not user.has_perm("events.change_event", exhibitor.pavilion.event):
        raise PermissionDenied
    try:
        validate_timezone(zone)
    except ValidationError as error:
        raise ValidationError({"timezone": error.messages}) from None
    if last_day < first_day or (last_day - first_day).days >= MAX_DAYS:
        raise ValidationError(
            {"last_day": _("Give at most 31 days, the last not before the first.")}
        )
    if closes <= opens:
        raise ValidationError({"closes": _("The window must close after it opens.")})
    tz = ZoneInfo(zone)
    windows = []
    day = first_day
    while day <= last_day:
        window = ConsultationWindow(
            exhibitor=exhibitor,
            starts_at=datetime.combine(day, opens, tzinfo=tz).astimezone(UTC),
            ends_at=datetime.combine(day, closes, tzinfo=tz).astimezone(UTC),
            timezone=zone,
            slot_minutes=slot_minutes,
        )
        window.full_clean()
        windows.append(window)
        day += timedelta(days=1)
    return ConsultationWindow.objects.bulk_create(windows)


def slot_starts(window: ConsultationWindow) -> list[datetime]:
    """Every slot's start, in UTC; a last partial slot is left out."""
    step = timedelta(minutes=window.slot_minutes)
    starts, moment = [], window.starts_at
    while moment + step <= window.ends_at:
        starts.append(moment)
        moment += step
    return starts


def free_slot_starts(window: ConsultationWindow) -> list[datetime]:
    # .all() rather than values_list so that a prefetch of bookings saves the query.
    taken = {booking.starts_at for booking in window.bookings.all()}
    return [start for start in slot_starts(window) if start not in taken]


@transaction.atomic
def book_consultation(
    user, window: ConsultationWindow, starts_at: datetime, topic: str = ""
) -> ConsultationBooking:
    """Book the slot of ``window`` that starts at ``starts_at``.

    Side effects: one ConsultationBooking row. Raises ValidationError (field ``starts_at``)
    for a time that is not a slot of the window, a slot already taken, or a visitor who has
    another consultation at that moment; the unique constraints decide races.
    """
    if not user.has_perm("events.take_part", window.exhibitor.pavilion.event):
        raise PermissionDenied
    if starts_at is None or starts_at.tzinfo is None or starts_at not in slot_starts(window):
        raise ValidationError({"starts_at": _("Choose one of the window's slots.")})
    topic = (topic or "").strip()
    if len(topic) > 300:
        raise ValidationError({"topic": _("Write at most 300 characters.")})
    try:
        with transaction.atomic():
            return ConsultationBooking.objects.create(
                window=window, starts_at=starts_at, user=user, topic=topic
            )
    except IntegrityError:
        if ConsultationBooking.objects.filter(window=window, starts_at=starts_at).exists():
            message = _("Someone has just booked this slot; please choose another.")
        else:
            message = _("You already have a consultation at this time.")
        raise ValidationError({"starts_at": message}) from None


@transaction.atomic
def cancel_booking(user, booking: ConsultationBooking) -> None:
    """Cancel a consultation (the visitor's own, or by the event's organisers).
    Side effects: the booking is deleted and its slot is free again."""
    if booking.user_id != user.pk and not user.has_perm(
        "events.change_event", booking.window.exhibitor.pavilion.event
    ):
        raise PermissionDenied
    booking.delete()
