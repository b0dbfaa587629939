from django.views.generic import TemplateView

from tradebridge.directory.domain.visibility import visible_organisations, visible_people
from tradebridge.directory.enums import OrganisationKind
from tradebridge.directory.models import Region, Sector


class HomeView(TemplateView):
    template_name = "web/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        organisations = visible_organisations(user)
        return super().get_context_data(
            organisation_count=organisations.count(),
            agency_count=organisations.exclude(kind=OrganisationKind.COMPANY).count(),
            company_count=organisations.filter(kind=OrganisationKind.COMPANY).count(),
            person_count=visible_people(user).count(),
            china=Region.objects.filter(code="CN").first(),
            united_states=Region.objects.filter(code="US").first(),
            top_sectors=Sector.objects.filter(parent=None),
            recent=organisations.select_related("home_region").order_by("-updated_at")[:6],
            **kwargs,
        )
