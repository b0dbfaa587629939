"""Registration: places, the waiting list, approval, cancellation and check-in.

Seats are counted inside a transaction that first locks the event row (SELECT … FOR UPDATE on
PostgreSQL; on SQLite every transaction begins IMMEDIATE and so holds the write lock), so two
people asking for the last seat at the same moment cannot both get it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradebridge.events.domain.notifications import send_registration_mail
from tradebridge.events.enums import AttendanceMode, RegistrationStatus
from tradebridge.events.models import Event, Registration

MAX_ANSWER_LENGTH = 2000

ALLOWED_MODES = {
    AttendanceMode.IN_PERSON: {AttendanceMode.IN_PERSON},
    AttendanceMode.ONLINE: {AttendanceMode.ONLINE},
    AttendanceMode.HYBRID: {AttendanceMode.IN_PERSON, AttendanceMode.ONLINE},
}


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def seats_taken(event: Event) -> int:
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def has_free_seat(event: Event) -> bool:
    return event.capacity is None or seats_taken(event) < event.capacity


def clean_answers(event: Event, answers) -> list[str]:
    """The answers as a list of texts, one per question; ValidationError otherwise."""
    if answers is None:
        answers = []
    if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
        raise ValidationError({"answers": _("Answers must be a list of texts.")})
    if len(answers) != len(event.questions):
        raise ValidationError(
            {
                "answers": _("Answer each of the organiser's questions (%(count)d).")
                % {"count": len(event.questions)}
            }
        )
    if any(len(answer) > MAX_ANSWER_LENGTH for answer in answers):
        raise ValidationError(
            {
                "answers": _("Each answer may be at most %(max)d characters.")
                % {"max": MAX_ANSWER_LENGTH}
            }
        )
    return [answer.strip() for answer in answers]


def _notify(registration: Registration) -> None:
    transaction.on_commit(lambda: send_registration_mail(registration.pk))


@transaction.atomic
def register(user, event: Event, attendance_mode: str, answers=None) -> Registration:
    """Register ``user`` for ``event``.

    Side effects: locks the event row; creates (or revives a cancelled) Registration that is
    confirmed while seats are free, waitlisted when full, pending when the organiser approves
    registrations; after commit, mails the registrant in their language (with an .ics file
    when confirmed). Raises ValidationError naming the field for a closed event, a mode the
    event does not offer, missing answers or a second registration.
    """
    if not user.has_perm("events.register", event):
        raise PermissionDenied
    event = _locked(event)
    if not event.registration_open:
        raise ValidationError({"event": _("Registration for this event is closed.")})
    if attendance_mode not in ALLOWED_MODES[event.attendance_mode]:
        raise ValidationError(
            {"attendance_mode": _("This event does not offer that way of attending.")}
        )
    answers = clean_answers(event, answers)
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration and registration.status != RegistrationStatus.CANCELLED:
        raise ValidationError({"event": _("You are already registered for this event.")})
    if event.requires_approval:
        status = RegistrationStatus.PENDING
    elif has_free_seat(event):
        status = RegistrationStatus.CONFIRMED
    else:
        status = RegistrationStatus.WAITLISTED
    registration = registration or Registration(event=event, user=user)
    registration.attendance_mode = attendance_mode
    registration.answers = answers
    registration.status = status
    registration.checked_in_at = None
    registration.save()
    _notify(registration)
    return registration


@transaction.atomic
def decide_registration(user, registration: Registration, approve: bool) -> Registration:
    """Approve or decline a pending (or waitlisted) registration.

    Side effects: locks the event; an approved registration is confirmed while seats are
    free, otherwise waitlisted; a declined one is marked declined. Mails the registrant.
    """
    if not user.has_perm("events.decide_registration", registration):
        raise PermissionDenied
    event = _locked(registration.event)
    registration.refresh_from_db()
    if registration.status not in (RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED):
        raise ValidationError(
            {"status": _("Only pending or waitlisted registrations wait for a decision.")}
        )
    if not approve:
        registration.status = RegistrationStatus.DECLINED
    elif has_free_seat(event):
        registration.status = RegistrationStatus.CONFIRMED
    else:
        registration.status = RegistrationStatus.WAITLISTED
    registration.save(update_fields=["status", "updated_at"])
    _notify(registration)
    return registration


@transaction.atomic
def cancel_registration(user, registration: Registration) -> Registration:
    """Cancel a registration (the registrant's own, or by the organiser).

    Side effects: locks the event; the registration becomes cancelled; when it held a seat
    and the event needs no approval, the first waitlisted registration is confirmed and mailed.
    """
    if not user.has_perm("events.cancel_registration", registration):
        raise PermissionDenied
    event = _locked(registration.event)
    registration.refresh_from_db()
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError({"status": _("This registration is already cancelled.")})
    held_a_seat = registration.holds_a_seat
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if held_a_seat and not event.requires_approval:
        waiting = event.registrations.filter(status=RegistrationStatus.WAITLISTED).first()
        if waiting is not None and has_free_seat(event):
            waiting.status = RegistrationStatus.CONFIRMED
            waiting.save(update_fields=["status", "updated_at"])
            _notify(waiting)
    return registration


@transaction.atomic
def check_in(user, event: Event, code: str) -> Registration:
    """Check in an in-person attendee by the code from their confirmation.

    Side effects: sets ``checked_in_at``. Raises ValidationError (field ``code``) for an
    unknown code, an unconfirmed or online registration, or a second check-in.
    """
    if not user.has_perm("events.change_event", event):
        raise PermissionDenied
    code = (code or "").strip().upper().replace(" ", "").replace("-", "")
    registration = (
        Registration.objects.select_for_update().filter(event=event, check_in_code=code).first()
    )
    if registration is None:
        raise ValidationError({"code": _("No registration for this event has that code.")})
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ValidationError({"code": _("This registration is not confirmed.")})
    if registration.attendance_mode != AttendanceMode.IN_PERSON:
        raise ValidationError({"code": _("This registration is for online attendance.")})
    if registration.checked_in_at is not None:
        raise ValidationError(
            {
                "code": _("Already checked in at %(time)s UTC.")
                % {"time": registration.checked_in_at.strftime("%H:%M")}
            }
        )
    registration.checked_in_at = timezone.now()
    registration.save(update_fields=["checked_in_at", "updated_at"])
    return registration
