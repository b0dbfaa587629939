"""Directory permissions, declared once and used by views, API and templates alike.

Private records belong to one agency (their ``owner``); other agencies cannot learn that they
exist, so views answer 404 for them rather than 403.
"""

import rules

from tradebridge.accounts.rules import (
    is_agency_staff,
    is_company_representative,
    is_platform_admin,
)
from tradebridge.directory.enums import Visibility


@rules.predicate
def is_public(user, obj) -> bool:
    return obj is None or obj.visibility == Visibility.PUBLIC


@rules.predicate
def belongs_to_users_agency(user, obj) -> bool:
    tenant_id = getattr(user, "tenant_id", None)
    return obj is not None and tenant_id is not None and obj.owner_id == tenant_id


@rules.predicate
def is_users_own_organisation(user, organisation) -> bool:
    return (
        organisation is not None
        and is_company_representative(user)
        and user.organisation_id == organisation.pk
    )


@rules.predicate
def works_at_users_organisation(user, person) -> bool:
    if person is None or not is_company_representative(user) or person.pk is None:
        return False
    if "affiliations" in getattr(person, "_prefetched_objects_cache", {}):
        # Lists prefetch affiliations; reading them saves one query per person listed.
        return any(a.organisation_id == user.organisation_id for a in person.affiliations.all())
    return person.affiliations.filter(organisation_id=user.organisation_id).exists()


can_manage_records = is_platform_admin | is_agency_staff

rules.add_perm(
    "directory.view_organisation",
    is_public | is_platform_admin | belongs_to_users_agency | is_users_own_organisation,
)
rules.add_perm("directory.add_organisation", can_manage_records)
rules.add_perm(
    "directory.change_organisation",
    is_platform_admin | belongs_to_users_agency | is_users_own_organisation,
)
rules.add_perm("directory.delete_organisation", is_platform_admin | belongs_to_users_agency)
rules.add_perm("directory.invite_representative", is_platform_admin | belongs_to_users_agency)

rules.add_perm(
    "directory.view_person",
    is_public | is_platform_admin | belongs_to_users_agency | works_at_users_organisation,
)
rules.add_perm(
    "directory.view_person_contact",
    is_platform_admin
    | belongs_to_users_agency
    | works_at_users_organisation
    | (is_agency_staff & is_public),
)
rules.add_perm("directory.add_person", can_manage_records | is_company_representative)
rules.add_perm(
    "directory.change_person",
    is_platform_admin | belongs_to_users_agency | works_at_users_organisation,
)
rules.add_perm("directory.delete_person", is_platform_admin | belongs_to_users_agency)

rules.add_perm("directory.import_records", can_manage_records)
rules.add_perm("directory.export_records", can_manage_records)
