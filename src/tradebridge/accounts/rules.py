"""Who a user is, as named predicates that every other app's rules build on."""

import rules

from tradebridge.accounts.enums import Role


@rules.predicate
def is_platform_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_platform_admin)


@rules.predicate
def is_agency_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.AGENCY_STAFF)


@rules.predicate
def is_company_representative(user) -> bool:
    return bool(
        user.is_authenticated and user.is_active and user.role == Role.COMPANY_REPRESENTATIVE
    )


@rules.predicate
def is_government_viewer(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.GOVERNMENT_VIEWER)


is_signed_in = rules.is_authenticated & rules.is_active

rules.add_perm("accounts.manage_own_tokens", is_signed_in)
