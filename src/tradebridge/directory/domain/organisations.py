"""State changes of organisations. Each checks the acting user's permission first."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradebridge.accounts.enums import Role
from tradebridge.directory.enums import Visibility
from tradebridge.directory.models import Organisation

EDITABLE_FIELDS = (
    "kind",
    "name_en",
    "name_zh",
    "short_name",
    "description_en",
    "description_zh",
    "home_region",
    "parent",
    "website",
    "is_sme",
    "logo",
    "visibility",
)


def _check_parent_chain(organisation: Organisation) -> None:
    """An organisation cannot be its own parent, directly or through its units."""
    seen, parent = set(), organisation.parent
    while parent is not None and parent.pk not in seen:
        if organisation.pk is not None and parent.pk == organisation.pk:
            raise ValidationError(
                {"parent": _("An organisation cannot be part of itself or of its own units.")}
            )
        seen.add(parent.pk)
        parent = parent.parent


def _apply(organisation: Organisation, data: dict, sectors) -> Organisation:
    for field, value in data.items():
        if field not in EDITABLE_FIELDS:
            raise ValueError(f"{field} is not an editable organisation field")
        setattr(organisation, field, value)
    organisation.full_clean()
    _check_parent_chain(organisation)
    organisation.save()
    if sectors is not None:
        organisation.sectors.set(sectors)
    return organisation


@transaction.atomic
def create_organisation(user, data: dict, sectors=None) -> Organisation:
    """Create an organisation owned by the acting agency staff member's agency.

    Side effects: one Organisation row, its sector links. Raises ValidationError naming the
    fields when the data are invalid, PermissionDenied when ``user`` may not create records.
    """
    if not user.has_perm("directory.add_organisation"):
        raise PermissionDenied
    organisation = Organisation(owner_id=user.tenant_id)
    if user.tenant_id is None:
        data = {"visibility": Visibility.PUBLIC, **data}
    return _apply(organisation, data, sectors)


@transaction.atomic
def update_organisation(user, organisation: Organisation, data: dict, sectors=None):
    """Change an organisation's fields and, if given, its sectors.

    A company representative may edit their own organisation's profile but not its visibility.
    """
    if not user.has_perm("directory.change_organisation", organisation):
        raise PermissionDenied
    if user.role == Role.COMPANY_REPRESENTATIVE and "visibility" in data:
        data = {k: v for k, v in data.items() if k != "visibility"}
    return _apply(organisation, data, sectors)


@transaction.atomic
def delete_organisation(user, organisation: Organisation) -> None:
    """Delete an organisation; its affiliations go with it, its units lose their parent.

    Refused (ValidationError) while user accounts act for it: they must be moved first, or
    their owners would be left acting for nothing.
    """
    if not user.has_perm("directory.delete_organisation", organisation):
        raise PermissionDenied
    accounts = organisation.users.count()
    if accounts:
        raise ValidationError(
            {
                "organisation": ngettext(
                    "%(count)d user account acts for this organisation; move it first.",
                    "%(count)d user accounts act for this organisation; move them first.",
                    accounts,
                )
                % {"count": accounts}
            }
        )
    organisation.delete()
