"""The exhibitor's side: whose leads and consultation bookings a user follows up.

These querysets mirror the ``events.follow_up_exhibitor`` rule: the event's organisers (admins:
every event), the exhibiting company's representatives, and people on duty at the stand whose
directory entry is their login. Only exhibitors at events the user may see are included.
"""

from django.db.models import Q, QuerySet

from tradebridge.accounts.rules import is_company_representative
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.models import ConsultationBooking, Exhibitor, Lead


def followed_exhibitors(user) -> QuerySet[Exhibitor]:
    if not (user.is_authenticated and user.is_active):
        return Exhibitor.objects.none()
    exhibitors = Exhibitor.objects.filter(pavilion__event__in=visible_events(user))
    if user.is_platform_admin:
        return exhibitors
    conditions = []
    if user.tenant_id is not None:
        conditions.append(Q(pavilion__event__owner_id=user.tenant_id))
    if is_company_representative(user) and user.organisation_id is not None:
        conditions.append(Q(organisation_id=user.organisation_id))
    if user.person_id is not None:
        conditions.append(Q(staff=user.person_id))
    if not conditions:
        return Exhibitor.objects.none()
    condition = conditions[0]
    for more in conditions[1:]:
        condition |= more
    # pk__in rather than .distinct(): the staff join may repeat an exhibitor.
    return Exhibitor.objects.filter(pk__in=exhibitors.filter(condition).values("pk"))


def followed_leads(user) -> QuerySet[Lead]:
    """Leads ("Contact this exhibitor") of the exhibitors ``user`` follows up, newest first."""
    return Lead.objects.filter(exhibitor__in=followed_exhibitors(user))


def followed_bookings(user) -> QuerySet[ConsultationBooking]:
    """Consultations booked with the exhibitors ``user`` follows up, earliest first."""
    return ConsultationBooking.objects.filter(window__exhibitor__in=followed_exhibitors(user))
