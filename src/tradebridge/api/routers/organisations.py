"""/api/v1/organisations/: list, search, create, read, change and delete organisations."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import paginate

from tradebridge.api.auth import READ, WRITE
from tradebridge.api.pagination import DirectoryPagination
from tradebridge.api.references import (
    organisation_visible_to,
    region_by_code,
    resolve_references,
    sector_by_code,
    sectors_by_codes,
)
from tradebridge.api.schemas.organisations import (
    OrganisationIn,
    OrganisationOut,
    OrganisationPatch,
    OrganisationQuery,
)
from tradebridge.directory.domain.organisations import (
    create_organisation,
    delete_organisation,
    update_organisation,
)
from tradebridge.directory.domain.search import OrganisationFilters, filter_organisations
from tradebridge.directory.domain.visibility import visible_organisations

router = Router(tags=["organisations"])


def _organisations_for(user):
    return (
        visible_organisations(user)
        .select_related("home_region", "parent")
        .prefetch_related("sectors")
    )


def _visible_organisation(user, organisation_id: int):
    """The organisation, or 404 when it does not exist or ``user`` may not see it."""
    return get_object_or_404(_organisations_for(user), pk=organisation_id)


def _domain_arguments(user, fields: dict) -> tuple[dict, list | None]:
    """The domain functions' ``data`` and ``sectors`` for the given input fields."""
    resolved = resolve_references(
        fields,
        {
            "home_region": region_by_code,
            "parent": organisation_visible_to(user),
            "sectors": sectors_by_codes,
        },
    )
    sectors = resolved.pop("sectors", None)
    if resolved.get("visibility", "") is None:
        del resolved["visibility"]
    return resolved, sectors


@router.get("/", response=list[OrganisationOut], auth=READ, url_name="organisation-list")
@paginate(DirectoryPagination)
def list_organisations(request, filters: Query[OrganisationQuery]):
    """Organisations you may see, best name matches first when searching."""
    references = resolve_references(
        {"region": filters.region or None, "sector": filters.sector or None},
        {"region": region_by_code, "sector": sector_by_code},
    )
    return filter_organisations(
        _organisations_for(request.auth),
        OrganisationFilters(
            query=filters.q,
            country=filters.country,
            region=references["region"],
            kind=filters.kind or "",
            sector=references["sector"],
            sme=filters.sme,
        ),
    )


@router.post("/", response={201: OrganisationOut}, auth=WRITE, url_name="organisation-list")
def create(request, payload: OrganisationIn):
    """Create an organisation; agency staff's records belong to their agency."""
    user = request.auth
    if not user.has_perm("directory.add_organisation"):
        raise PermissionDenied
    data, sectors = _domain_arguments(user, payload.model_dump())
    return Status(201, create_organisation(user, data, sectors=sectors or []))


@router.get(
    "/{int:organisation_id}/", response=OrganisationOut, auth=READ, url_name="organisation-detail"
)
def read(request, organisation_id: int):
    return _visible_organisation(request.auth, organisation_id)


def _update(request, organisation_id: int, fields: dict):
    user = request.auth
    organisation = _visible_organisation(user, organisation_id)
    # Checked before the input, so that someone who may not edit learns nothing from errors.
    if not user.has_perm("directory.change_organisation", organisation):
        raise PermissionDenied
    data, sectors = _domain_arguments(user, fields)
    return update_organisation(user, organisation, data, sectors=sectors)


@router.put(
    "/{int:organisation_id}/", response=OrganisationOut, auth=WRITE, url_name="organisation-detail"
)
def replace(request, organisation_id: int, payload: OrganisationIn):
    """Replace every field; fields left out take their defaults (visibility excepted)."""
    fields = payload.model_dump()
    fields.setdefault("sectors", [])
    return _update(request, organisation_id, fields)


@router.patch(
    "/{int:organisation_id}/", response=OrganisationOut, auth=WRITE, url_name="organisation-detail"
)
def change(request, organisation_id: int, payload: OrganisationPatch):
    """Change only the fields given."""
    return _update(request, organisation_id, payload.model_dump(exclude_unset=True))


@router.delete(
    "/{int:organisation_id}/", response={204: None}, auth=WRITE, url_name="organisation-detail"
)
def delete(request, organisation_id: int):
    user = request.auth
    delete_organisation(user, _visible_organisation(user, organisation_id))
    return Status(204, None)
