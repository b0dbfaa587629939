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
may_see_event = is_listed | can_organise

rules.add_perm("events.view_event", may_see_event)
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


@rules.predicate
def may_see_exhibitors_event(user, exhibitor) -> bool:
    return exhibitor is not None and may_see_event(user, exhibitor.pavilion.event)


@rules.predicate
def is_on_duty_at(user, exhibitor) -> bool:
    """The user's directory entry is among the exhibitor's staff on duty."""
    person_id = getattr(user, "person_id", None)
    if exhibitor is None or person_id is None:
        return False
    if "staff" in getattr(exhibitor, "_prefetched_objects_cache", {}):
        return any(person.pk == person_id for person in exhibitor.staff.all())
    return exhibitor.staff.filter(pk=person_id).exists()


# Visitors who may contact exhibitors and book consultation hours at a published event.
rules.add_perm("events.take_part", is_signed_in & is_listed)
rules.add_perm("events.view_exhibitor", may_see_exhibitors_event)
# The catalogue: the event's organisers and the exhibiting company's own representatives.
rules.add_perm("events.change_exhibitor", organises_exhibitors_event | represents_exhibitor)
# Leads, consultation bookings and their video rooms: the exhibitor's side.
rules.add_perm(
    "events.follow_up_exhibitor",
    is_signed_in
    & may_see_exhibitors_event
    & (organises_exhibitors_event | represents_exhibitor | is_on_duty_at),
)
