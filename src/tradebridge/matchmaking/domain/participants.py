"""Who takes part in an event, as organisations: registrants' organisations and exhibitors."""

from django.db.models import Q, QuerySet

from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.enums import RegistrationStatus
from tradebridge.events.models import Event, Exhibitor, Registration

ACTIVE_REGISTRATIONS = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.PENDING,
    RegistrationStatus.WAITLISTED,
)


def participant_ids(event: Event) -> set[int]:
    """Ids of the organisations taking part in ``event``."""
    registered = Registration.objects.filter(
        event=event, status__in=ACTIVE_REGISTRATIONS, user__organisation__isnull=False
    ).values_list("user__organisation_id", flat=True)
    exhibiting = Exhibitor.objects.filter(pavilion__event=event).values_list(
        "organisation_id", flat=True
    )
    return set(registered) | set(exhibiting)


def events_of(user, organisation_id: int) -> QuerySet[Event]:
    """Events ``user`` may see in which the organisation takes part, latest first."""
    takes_part = Q(
        registrations__user__organisation_id=organisation_id,
        registrations__status__in=ACTIVE_REGISTRATIONS,
    ) | Q(pavilions__exhibitors__organisation_id=organisation_id)
    return (
        visible_events(user)
        .filter(pk__in=Event.objects.filter(takes_part).values("pk"))
        .order_by("-starts_at")
    )
