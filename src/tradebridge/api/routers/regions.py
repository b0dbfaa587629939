"""/api/v1/regions/: countries, provinces, states and the places beneath them (read-only)."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.pagination import paginate

from tradebridge.api.auth import READ
from tradebridge.api.pagination import DirectoryPagination
from tradebridge.api.references import region_by_code, resolve_references
from tradebridge.api.schemas.catalogues import RegionOut, RegionQuery
from tradebridge.api.schemas.fields import Text
from tradebridge.directory.domain.search import matching
from tradebridge.directory.models import Region

router = Router(tags=["regions"])


@router.get("/", response=list[RegionOut], auth=READ, url_name="region-list")
@paginate(DirectoryPagination)
def list_regions(request, filters: Query[RegionQuery]):
    """Regions by country, kind or parent; ``q`` finds 加州 and guangdong alike."""
    references = resolve_references({"parent": filters.parent or None}, {"parent": region_by_code})
    regions = Region.objects.select_related("parent")
    if filters.country:
        regions = regions.filter(country_code=filters.country.upper())
    if filters.kind:
        regions = regions.filter(kind=filters.kind)
    if references["parent"] is not None:
        regions = regions.filter(parent=references["parent"])
    return matching(regions, filters.q)


@router.get("/{code}/", response=RegionOut, auth=READ, url_name="region-detail")
def read_region(request, code: Text):
    return get_object_or_404(Region.objects.select_related("parent"), code__iexact=code)
