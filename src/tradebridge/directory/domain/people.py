"""State changes of people and their affiliations."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tradebridge.accounts.enums import Role
from tradebridge.directory.models import Affiliation, Organisation, Person
from tradebridge.directory.validators import normalise_phone

EDITABLE_FIELDS = (
    "name_en",
    "name_zh",
    "title_en",
    "title_zh",
    "email",
    "phone",
    "languages",
    "timezone",
    "data_protection_region",
    "visibility",
)


def _apply(person: Person, data: dict) -> Person:
    for field, value in data.items():
        if field not in EDITABLE_FIELDS:
            raise ValueError(f"{field} is not an editable person field")
        setattr(person, field, value)
    person.full_clean()
    if person.phone:
        person.phone = normalise_phone(person.phone)
    person.save()
    return person


@transaction.atomic
def create_person(
    user, data: dict, organisation: Organisation | None = None, role_en="", role_zh=""
):
    """Create a person, optionally affiliated with ``organisation`` in the given role.

    A company representative can only add people to their own organisation; agency staff own
    what they create.
    """
    if not user.has_perm("directory.add_person"):
        raise PermissionDenied
    if user.role == Role.COMPANY_REPRESENTATIVE and (
        organisation is None or organisation.pk != user.organisation_id
    ):
        raise ValidationError(
            {"organisation": _("You can add people to your own organisation only.")}
        )
    if organisation is not None and not user.has_perm("directory.view_organisation", organisation):
        raise ValidationError({"organisation": _("Unknown organisation.")})
    person = _apply(Person(owner_id=user.tenant_id), data)
    if organisation is not None:
        Affiliation.objects.create(
            person=person, organisation=organisation, role_en=role_en, role_zh=role_zh
        )
    return person


@transaction.atomic
def update_person(user, person: Person, data: dict) -> Person:
    """Change a person's own fields (not their affiliations)."""
    if not user.has_perm("directory.change_person", person):
        raise PermissionDenied
    if user.role == Role.COMPANY_REPRESENTATIVE and "visibility" in data:
        data = {k: v for k, v in data.items() if k != "visibility"}
    return _apply(person, data)


@transaction.atomic
def set_affiliation(user, person: Person, organisation: Organisation, role_en="", role_zh=""):
    """Link ``person`` to ``organisation`` with a role, or update the role of an existing link."""
    if not user.has_perm("directory.change_person", person):
        raise PermissionDenied
    if not user.has_perm("directory.view_organisation", organisation):
        raise ValidationError({"organisation": _("Unknown organisation.")})
    affiliation, _created = Affiliation.objects.update_or_create(
        person=person,
        organisation=organisation,
        defaults={"role_en": role_en, "role_zh": role_zh},
    )
    return affiliation


@transaction.atomic
def delete_person(user, person: Person) -> None:
    """Delete a person and their affiliations; a login linked to them stays, unlinked."""
    if not user.has_perm("directory.delete_person", person):
        raise PermissionDenied
    person.delete()
