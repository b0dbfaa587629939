"""Querysets of what a user may see; every list in views and API starts here."""

from django.db.models import Q, QuerySet

from tradebridge.directory.enums import Visibility
from tradebridge.directory.models import Organisation, Person


def _visible(user, queryset: QuerySet, own_organisation: Q) -> QuerySet:
    if user.is_authenticated and user.is_platform_admin:
        return queryset
    condition = Q(visibility=Visibility.PUBLIC)
    tenant_id = getattr(user, "tenant_id", None)
    if tenant_id is not None:
        condition |= Q(owner_id=tenant_id)
    if user.is_authenticated and user.organisation_id and not tenant_id:
        condition |= own_organisation
    return queryset.filter(condition)


def visible_organisations(user) -> QuerySet[Organisation]:
    """Organisations ``user`` may see: public ones, their agency's, their own company."""
    organisation_id = getattr(user, "organisation_id", None)
    return _visible(user, Organisation.objects.all(), Q(pk=organisation_id))


def visible_people(user) -> QuerySet[Person]:
    """People ``user`` may see: public records, their agency's, their own colleagues."""
    organisation_id = getattr(user, "organisation_id", None)
    return _visible(
        user, Person.objects.all(), Q(affiliations__organisation_id=organisation_id)
    ).distinct()
