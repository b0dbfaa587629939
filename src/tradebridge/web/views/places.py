"""Regions and sectors: read-only reference pages."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from tradebridge.directory.domain.search import matching, region_and_below, sector_and_below
from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.directory.enums import RegionKind
from tradebridge.directory.models import Region, Sector


class RegionListView(ListView):
    template_name = "web/regions/list.html"
    extra_context = {"section": "regions"}

    def get_queryset(self):
        country = self.request.GET.get("country", "").upper()
        query = self.request.GET.get("q", "")
        regions = Region.objects.all()
        if query:
            return matching(regions, query)[:100]
        if country:
            return regions.filter(country_code=country).exclude(kind=RegionKind.COUNTRY)
        return regions.filter(country_code__in=["CN", "US"]).exclude(kind=RegionKind.COUNTRY)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.request.GET.get("q", ""),
            country=self.request.GET.get("country", "").upper(),
            featured=Region.objects.filter(code__in=["CN", "US"]),
            **kwargs,
        )


class RegionDetailView(DetailView):
    template_name = "web/regions/detail.html"
    context_object_name = "region"
    extra_context = {"section": "regions"}

    def get_object(self, queryset=None):
        return get_object_or_404(Region.objects.select_related("parent"), code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        organisations = (
            visible_organisations(self.request.user)
            .filter(region_and_below(self.object))
            .select_related("home_region")
            .distinct()
        )
        return super().get_context_data(
            children=self.object.children.all(),
            organisations=organisations[:100],
            organisation_count=organisations.count(),
            **kwargs,
        )


class SectorListView(ListView):
    template_name = "web/sectors/list.html"
    extra_context = {"section": "sectors"}

    def get_queryset(self):
        return Sector.objects.filter(parent=None).prefetch_related("children")


class SectorDetailView(DetailView):
    template_name = "web/sectors/detail.html"
    context_object_name = "sector"
    extra_context = {"section": "sectors"}

    def get_object(self, queryset=None):
        return get_object_or_404(Sector.objects.select_related("parent"), code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        organisations = (
            visible_organisations(self.request.user)
            .filter(sector_and_below(self.object))
            .select_related("home_region")
            .distinct()
        )
        children = self.object.children.annotate(
            organisation_count=Count("organisations", filter=Q(organisations__visibility="public"))
        )
        return super().get_context_data(
            organisations=organisations[:100], children=children, **kwargs
        )
