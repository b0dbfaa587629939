"""/api/v1/people/: list, search, create, read, change and delete people."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from tradebridge.api.auth import READ, WRITE
from tradebridge.api.pagination import DirectoryPagination
from tradebridge.api.references import (
    organisation_visible_to,
    region_by_code,
    resolve_references,
)
from tradebridge.api.schemas.people import PersonIn, PersonOut, PersonPatch, PersonQuery
from tradebridge.directory.domain.people import (
    create_person,
    delete_person,
    set_affiliation,
    update_person,
)
from tradebridge.directory.domain.search import PersonFilters, filter_people
from tradebridge.directory.domain.visibility import visible_people
from tradebridge.directory.models import Affiliation

router = Router(tags=["people"])

AFFILIATION_FIELDS = ("organisation", "role_en", "role_zh")


def _people_for(user):
    return (
        visible_people(user)
        .select_related("data_protection_region")
        .prefetch_related(
            Prefetch("affiliations", queryset=Affiliation.objects.select_related("organisation"))
        )
    )


def _visible_person(user, person_id: int):
    """The person, or 404 when they do not exist or ``user`` may not see them."""
    return get_object_or_404(_people_for(user), pk=person_id)


def _split(user, fields: dict) -> tuple[dict, dict]:
    """The person's own fields and the affiliation's, with codes and ids resolved."""
    resolved = resolve_references(
        fields,
        {
            "data_protection_region": region_by_code,
            "organisation": organisation_visible_to(user),
        },
    )
    if "languages" in resolved:
        resolved["languages"] = ",".join(resolved["languages"])
    if resolved.get("visibility", "") is None:
        del resolved["visibility"]
    affiliation = {name: resolved.pop(name) for name in AFFILIATION_FIELDS if name in resolved}
    return resolved, affiliation


def _reloaded(user, person):
    """``person`` as the list shows it, with the affiliations just written."""
    return _people_for(user).get(pk=person.pk)


@router.get("/", response=list[PersonOut], auth=READ, url_name="person-list")
@paginate(DirectoryPagination)
def list_people(request, filters: Query[PersonQuery]):
    """People you may see; contact details only where you may see them."""
    references = resolve_references({"region": filters.region or None}, {"region": region_by_code})
    return filter_people(
        _people_for(request.auth),
        PersonFilters(
            query=filters.q,
            country=filters.country,
            region=references["region"],
            organisation_id=filters.organisation,
        ),
    )


@router.post("/", response={201: PersonOut}, auth=WRITE, url_name="person-list")
def create(request, payload: PersonIn):
    """Create a person, optionally with their organisation and role there."""
    user = request.auth
    if not user.has_perm("directory.add_person"):
        raise PermissionDenied
    data, affiliation = _split(user, payload.model_dump())
    person = create_person(user, data, **affiliation)
    return Status(201, _reloaded(user, person))


@router.get("/{int:person_id}/", response=PersonOut, auth=READ, url_name="person-detail")
def read(request, person_id: int):
    return _visible_person(request.auth, person_id)


def _update(request, person_id: int, fields: dict):
    user = request.auth
    person = _visible_person(user, person_id)
    # Checked before the input, so that someone who may not edit learns nothing from errors.
    if not user.has_perm("directory.change_person", person):
        raise PermissionDenied
    data, affiliation = _split(user, fields)
    if affiliation.get("organisation") is None and (
        affiliation.get("role_en") or affiliation.get("role_zh")
    ):
        raise ValidationError({"organisation": _("Give the organisation the role is at.")})
    with transaction.atomic():
        update_person(user, person, data)
        if affiliation.get("organisation") is not None:
            set_affiliation(user, person, **affiliation)
    return _reloaded(user, person)


@router.put("/{int:person_id}/", response=PersonOut, auth=WRITE, url_name="person-detail")
def replace(request, person_id: int, payload: PersonIn):
    """Replace the person's own fields; fields left out take their defaults."""
    return _update(request, person_id, payload.model_dump())


@router.patch("/{int:person_id}/", response=PersonOut, auth=WRITE, url_name="person-detail")
def change(request, person_id: int, payload: PersonPatch):
    """Change only the fields given."""
    return _update(request, person_id, payload.model_dump(exclude_unset=True))


@router.delete("/{int:person_id}/", response={204: None}, auth=WRITE, url_name="person-detail")
def delete(request, person_id: int):
    user = request.auth
    delete_person(user, _visible_person(user, person_id))
    return Status(204, None)
