"""Querysets of the events a user may see; every list in views and API starts here."""

from django.db.models import Q, QuerySet

from tradebridge.directory.enums import Visibility
from tradebridge.events.enums import EventStatus
from tradebridge.events.models import Event


def visible_events(user) -> QuerySet[Event]:
    """Published public events, plus every event of the user's own agency (admins: all)."""
    queryset = Event.objects.all()
    if user.is_authenticated and user.is_platform_admin:
        return queryset
    condition = Q(status=EventStatus.PUBLISHED, visibility=Visibility.PUBLIC)
    tenant_id = getattr(user, "tenant_id", None)
    if tenant_id is not None:
        condition |= Q(owner_id=tenant_id)
    return queryset.filter(condition)
