"""One search box over the whole directory: organisations, people, regions, sectors."""

from django.views.generic import TemplateView

from tradebridge.directory.domain.search import matching
from tradebridge.directory.domain.visibility import visible_organisations, visible_people
from tradebridge.directory.models import Region, Sector

RESULTS_PER_KIND = 10


class SearchView(TemplateView):
    template_name = "web/search.html"
    extra_context = {"section": "search"}

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["web/_search_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()
        context = super().get_context_data(query=query, **kwargs)
        if not query:
            return context
        user = self.request.user
        context.update(
            organisations=matching(
                visible_organisations(user).select_related("home_region"), query
            )[:RESULTS_PER_KIND],
            people=matching(visible_people(user), query).prefetch_related(
                "affiliations__organisation"
            )[:RESULTS_PER_KIND],
            regions=matching(Region.objects.select_related("parent"), query)[:RESULTS_PER_KIND],
            sectors=matching(Sector.objects.all(), query)[:RESULTS_PER_KIND],
        )
        context["has_results"] = any(
            context[key] for key in ("organisations", "people", "regions", "sectors")
        )
        return context
