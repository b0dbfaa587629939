"""Event permissions. Events follow the directory's tenancy: a draft or private event exists
only for its owning agency's staff and platform admins (others get 404)."""

import rules

from tradebridge.accounts.rules import (
    is_agency_staff,
    is_company_representative,
    is_platform_admin,
    is_signed_in,
)
from tradebridge.directory.rules import belongs_to_users_agency


@rules.predicate
def is_listed(user, event) -> bool:
    return event is None or event.is_listed


@rules.predicate
def is_own_registration(user, registration) -> bool:
    return registration is not None and registration.user_id == user.pk


@rules.predicate
def organises_registrations_event(user, registration) -> bool:
    if registration is None or not user.is_authenticated:
        return False
    tenant_id = user.tenant_id
    return user.is_platform_admin or (
        tenant_id is not None and registration.event.owner_id == tenant_id
    )


can_organise = is_platform_admin | belongs_to_users_agency

rules.add_perm("events.view_event", is_listed | can_organise)
rules.add_perm("events.add_event", is_platform_admin | is_agency_staff)
rules.add_perm("events.change_event", can_organise)
rules.add_perm("events.register", is_signed_in & is_listed)
rules.add_perm("events.cancel_registration", is_own_registration | organises_registrations_event)
rules.add_perm("events.decide_registration", organises_registrations_event)


@rules.predicate
def represents_exhibitor(user, exhibitor) -> bool:
    return (
        exhibitor is not None
        and is_company_representative(user)
        and user.organisation_id == exhibitor.organisation_id
    )


@rules.predicate
def organises_exhibitors_event(user, exhibitor) -> bool:
    return exhibitor is not None and can_organise(user, exhibitor.pavilion.event)


# Visitors who may contact exhibitors and book consultation hours at a published event.
rules.add_perm("events.take_part", is_signed_in & is_listed)
rules.add_perm("events.change_exhibitor", organises_exhibitors_event | represents_exhibitor)
