"""Consultation hours: daily windows when an exhibitor's staff are online, cut into slots that
visitors book. The database's unique constraints make a double booking impossible even when two
visitors click at the same moment; this module turns the refusal into a clear message.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradebridge.directory.validators import validate_timezone
from tradebridge.events.domain.notifications import send_consultation_cancelled_mail
from tradebridge.events.domain.time_display import NonexistentLocalTime, local_to_utc
from tradebridge.events.models import ConsultationBooking, ConsultationWindow, Exhibitor

MAX_DAYS = 31
MIN_SLOT_MINUTES, MAX_SLOT_MINUTES = 5, 240


def _window_of_day(day: date, opens: time, closes: time, zone: str) -> tuple[datetime, datetime]:
    """The day's window in UTC; ValidationError when a clock change skips either time."""
    try:
        starts_at = local_to_utc(datetime.combine(day, opens), zone)
    except NonexistentLocalTime:
        raise ValidationError(
            {"opens": _("On %(day)s this time does not exist in %(zone)s: the clocks change.")
             % {"day": day.isoformat(), "zone": zone}}
        ) from None  # fmt: skip
    try:
        ends_at = local_to_utc(datetime.combine(day, closes), zone)
    except NonexistentLocalTime:
        raise ValidationError(
            {"closes": _("On %(day)s this time does not exist in %(zone)s: the clocks change.")
             % {"day": day.isoformat(), "zone": zone}}
        ) from None  # fmt: skip
    return starts_at, ends_at


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
    hours hold across a daylight-saving change; a time the clocks skip that day is refused.
    Windows may not overlap the exhibitor's existing ones (a second click would otherwise double
    every slot). Side effects: the ConsultationWindow rows.
    """
    if not user.has_perm("events.change_event", exhibitor.pavilion.event):
        raise PermissionDenied
    try:
        validate_timezone(zone)
    except ValidationError as error:
        raise ValidationError({"timezone": error.messages}) from None
    if not zone:
        raise ValidationError({"timezone": _("Choose a time zone.")})
    if last_day < first_day or (last_day - first_day).days >= MAX_DAYS:
        raise ValidationError(
            {"last_day": _("Give at most 31 days, the last not before the first.")}
        )
    if closes <= opens:
        raise ValidationError({"closes": _("The window must close after it opens.")})
    if not MIN_SLOT_MINUTES <= slot_minutes <= MAX_SLOT_MINUTES:
        raise ValidationError(
            {"slot_minutes": _("Give between %(min)d and %(max)d minutes.")
             % {"min": MIN_SLOT_MINUTES, "max": MAX_SLOT_MINUTES}}
        )  # fmt: skip
    windows = []
    day = first_day
    while day <= last_day:
        starts_at, ends_at = _window_of_day(day, opens, closes, zone)
        window = ConsultationWindow(
            exhibitor=exhibitor,
            starts_at=starts_at,
            ends_at=ends_at,
            timezone=zone,
            slot_minutes=slot_minutes,
        )
        window.full_clean()
        if not slot_starts(window):
            raise ValidationError(
                {"slot_minutes": _("A consultation must fit into the window at least once.")}
            )
        windows.append(window)
        day += timedelta(days=1)
    _refuse_overlaps(exhibitor, windows)
    return ConsultationWindow.objects.bulk_create(windows)


def _refuse_overlaps(exhibitor: Exhibitor, windows: list[ConsultationWindow]) -> None:
    # Lock the exhibitor's row so that two simultaneous submissions cannot both pass the check.
    Exhibitor.objects.select_for_update().filter(pk=exhibitor.pk).first()
    for window in windows:
        clash = exhibitor.consultation_windows.filter(
            starts_at__lt=window.ends_at, ends_at__gt=window.starts_at
        ).first()
        if clash is not None:
            local = clash.starts_at.astimezone(ZoneInfo(clash.timezone))
            raise ValidationError(
                {"first_day": _("The exhibitor already has consultation hours on %(day)s.")
                 % {"day": local.date().isoformat()}}
            )  # fmt: skip


@transaction.atomic
def delete_window(user, window: ConsultationWindow) -> None:
    """Delete a consultation window that nobody has booked yet.

    Booked windows are refused (ValidationError): each booking is first cancelled with
    ``cancel_booking``, which tells its visitor. Side effects: the ConsultationWindow row.
    """
    if not user.has_perm("events.change_event", window.exhibitor.pavilion.event):
        raise PermissionDenied
    # The lock makes a booking that arrives meanwhile wait, and then fail, instead of being
    # deleted with the window unseen.
    ConsultationWindow.objects.select_for_update().filter(pk=window.pk).first()
    count = window.bookings.count()
    if count:
        raise ValidationError(
            {
                "window": ngettext(
                    "%(count)d consultation is booked in this window; cancel it first.",
                    "%(count)d consultations are booked in this window; cancel them first.",
                    count,
                )
                % {"count": count}
            }
        )
    window.delete()


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
    another consultation at that moment; the unique constraints decide races. A window being
    deleted at the same moment is either seen with this booking (and kept) or gone (a
    ValidationError), never deleted under it.
    """
    if not user.has_perm("events.take_part", window.exhibitor.pavilion.event):
        raise PermissionDenied
    if starts_at is None or starts_at.tzinfo is None or starts_at not in slot_starts(window):
        raise ValidationError({"starts_at": _("Choose one of the window's slots.")})
    topic = (topic or "").strip()
    if len(topic) > 300:
        raise ValidationError({"topic": _("Write at most 300 characters.")})
    # Bookings of one window take turns on this row lock, and so does delete_window: without it
    # a booking could reach its commit after the window was deleted, where the (deferred)
    # foreign-key check fails too late to answer with a message.
    still_there = ConsultationWindow.objects.select_for_update(no_key=True).filter(pk=window.pk)
    if not list(still_there.values_list("pk", flat=True)):
        raise ValidationError({"starts_at": _("These consultation hours were just removed.")})
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

    Side effects: the booking is deleted and its slot is free again; when the organisers
    cancel it, its visitor gets a mail (in their language) after commit.
    """
    by_visitor = booking.user_id == user.pk
    if not by_visitor and not user.has_perm(
        "events.change_event", booking.window.exhibitor.pavilion.event
    ):
        raise PermissionDenied
    if not by_visitor:
        notice = {
            "user_id": booking.user_id,
            "exhibitor_id": booking.window.exhibitor_id,
            "starts_at": booking.starts_at,
            "zone": booking.window.timezone,
        }
        transaction.on_commit(lambda: send_consultation_cancelled_mail(**notice))
    booking.delete()
