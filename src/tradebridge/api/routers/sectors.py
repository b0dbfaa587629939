"""/api/v1/sectors/: the two-level sector taxonomy (read-only, small, so not paginated)."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router

from tradebridge.api.auth import READ
from tradebridge.api.references import resolve_references, sector_by_code
from tradebridge.api.schemas.catalogues import SectorOut, SectorQuery
from tradebridge.api.schemas.fields import Text
from tradebridge.directory.domain.search import matching
from tradebridge.directory.models import Sector

router = Router(tags=["sectors"])


def _sectors():
    return Sector.objects.select_related("parent").prefetch_related("children")


@router.get("/", response=list[SectorOut], auth=READ, url_name="sector-list")
def list_sectors(request, filters: Query[SectorQuery]):
    """All sectors in taxonomy order, or the children of ``parent``, or the top level."""
    references = resolve_references({"parent": filters.parent or None}, {"parent": sector_by_code})
    sectors = _sectors()
    if references["parent"] is not None:
        sectors = sectors.filter(parent=references["parent"])
    if filters.top_level:
        sectors = sectors.filter(parent__isnull=True)
    return matching(sectors, filters.q)


@router.get("/{code}/", response=SectorOut, auth=READ, url_name="sector-detail")
def read_sector(request, code: Text):
    return get_object_or_404(_sectors(), code=code.lower())
