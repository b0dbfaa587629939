"""Mail to registrants and visitors, each in their own language and time zone."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tradebridge.events.domain.calendars import event_calendar
from tradebridge.events.domain.time_display import shown_span, shown_time
from tradebridge.events.enums import RegistrationStatus
from tradebridge.events.models import Exhibitor, Registration


def send_registration_mail(registration_id: int) -> bool:
    """Tell a registrant where their registration stands; returns whether a mail went out.

    A confirmed registration comes with the event's calendar (.ics, room links included) and
    the check-in code for in-person attendance. Runs after commit; re-reads the row.
    """
    registration = (
        Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    )
    if registration is None or not registration.user.email:
        return False
    user, event = registration.user, registration.event
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "event": event,
            "user": user,
            "span": shown_span(event.starts_at, event.ends_at, event.timezone, user.timezone),
            "confirmed": registration.status == RegistrationStatus.CONFIRMED,
        }
        subject = _("%(status)s: %(event)s") % {
            "status": registration.get_status_display(),
            "event": event.title,
        }
        body = render_to_string("events/mail/registration.txt", context)
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        if context["confirmed"]:
            message.attach(
                "event.ics", event_calendar(event, with_room_links=True), "text/calendar"
            )
    message.send()
    return True


def send_consultation_cancelled_mail(
    user_id: int, exhibitor_id: int, starts_at: datetime, zone: str
) -> bool:
    """Tell a visitor that the organisers cancelled their consultation (the booking row is gone,
    so its facts are passed in); returns whether a mail went out. Runs after commit."""
    user = get_user_model().objects.filter(pk=user_id).first()
    exhibitor = (
        Exhibitor.objects.select_related("organisation", "pavilion").filter(pk=exhibitor_id).first()
    )
    if user is None or exhibitor is None or not user.email:
        return False
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "exhibitor": exhibitor,
            "zone": zone,
            "shown": shown_time(starts_at, zone, user.timezone),
        }
        subject = _("Consultation cancelled: %(name)s") % {"name": exhibitor.organisation.name}
        body = render_to_string("events/mail/consultation_cancelled.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]).send()
    return True
