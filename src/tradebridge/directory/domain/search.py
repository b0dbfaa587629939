"""Directory search and filters, shared by the web pages and the API."""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from tradebridge.common.text_search import fold, query_terms
from tradebridge.directory.models import Region, Sector


def matching(queryset: QuerySet, query: str) -> QuerySet:
    """Records whose search document holds every term of ``query``; best name matches first."""
    terms = query_terms(query or "")
    if not terms:
        return queryset
    for term in terms:
        queryset = queryset.filter(search_document__contains=term)
    whole = fold(query).strip()
    return queryset.annotate(
        search_rank=Case(
            When(search_document__startswith=whole, then=Value(0)),
            When(search_document__contains=f"| {whole}", then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("search_rank", *queryset.model._meta.ordering)


def region_and_below(region: Region) -> Q:
    """Records whose home region is ``region`` or lies beneath it (three levels deep)."""
    return (
        Q(home_region=region)
        | Q(home_region__parent=region)
        | Q(home_region__parent__parent=region)
    )


def sector_and_below(sector: Sector) -> Q:
    return Q(sectors=sector) | Q(sectors__parent=sector)


@dataclass(frozen=True)
class OrganisationFilters:
    query: str = ""
    country: str = ""
    region: Region | None = None
    kind: str = ""
    sector: Sector | None = None
    sme: bool | None = None


def filter_organisations(queryset: QuerySet, filters: OrganisationFilters) -> QuerySet:
    """Apply the directory filters; ``country`` is an ISO 3166-1 alpha-2 code."""
    if filters.country:
        queryset = queryset.filter(home_region__country_code=filters.country.upper())
    if filters.region is not None:
        queryset = queryset.filter(region_and_below(filters.region))
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.sector is not None:
        queryset = queryset.filter(sector_and_below(filters.sector)).distinct()
    if filters.sme is not None:
        queryset = queryset.filter(is_sme=filters.sme)
    return matching(queryset, filters.query)


@dataclass(frozen=True)
class PersonFilters:
    query: str = ""
    country: str = ""
    region: Region | None = None
    organisation_id: int | None = None


def filter_people(queryset: QuerySet, filters: PersonFilters) -> QuerySet:
    """Filter people by the country or region of their organisations, or one organisation."""
    if filters.country:
        queryset = queryset.filter(
            affiliations__organisation__home_region__country_code=filters.country.upper()
        )
    if filters.region is not None:
        region = filters.region
        queryset = queryset.filter(
            Q(affiliations__organisation__home_region=region)
            | Q(affiliations__organisation__home_region__parent=region)
            | Q(affiliations__organisation__home_region__parent__parent=region)
        )
    if filters.organisation_id:
        queryset = queryset.filter(affiliations__organisation_id=filters.organisation_id)
    return matching(queryset.distinct(), filters.query)
