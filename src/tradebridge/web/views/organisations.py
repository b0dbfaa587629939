from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView

from tradebridge.directory.domain import organisations as domain
from tradebridge.directory.domain.search import OrganisationFilters, filter_organisations
from tradebridge.directory.domain.visibility import visible_organisations, visible_people
from tradebridge.directory.models import Affiliation
from tradebridge.matchmaking.models import MatchProfile
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.directory import OrganisationFilterForm, OrganisationForm
from tradebridge.web.views.inline_validation import InlineValidationMixin


class OrganisationListView(ListView):
    template_name = "web/organisations/list.html"
    paginate_by = 25
    extra_context = {"section": "organisations"}

    @cached_property
    def filter_form(self):
        return OrganisationFilterForm(self.request.GET or None)

    def get_queryset(self):
        form = self.filter_form
        data = form.cleaned_data if form.is_bound and form.is_valid() else {}
        filters = OrganisationFilters(
            query=data.get("q", ""),
            country=data.get("country", ""),
            region=data.get("region"),
            kind=data.get("kind", ""),
            sector=data.get("sector"),
        )
        queryset = visible_organisations(self.request.user).select_related("home_region")
        return filter_organisations(queryset, filters).prefetch_related("sectors")

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["web/organisations/_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class OrganisationDetailView(DetailView):
    template_name = "web/organisations/detail.html"
    context_object_name = "organisation"
    extra_context = {"section": "organisations"}

    def get_object(self, queryset=None):
        return visible_object(
            visible_organisations(self.request.user).select_related(
                "home_region", "parent", "owner"
            ),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        organisation = self.object
        user = self.request.user
        people = visible_people(user).filter(affiliations__organisation=organisation)
        affiliations = (
            Affiliation.objects.filter(organisation=organisation, person__in=people)
            .select_related("person")
            .order_by("person__name_en")
        )
        units = visible_organisations(user).filter(parent=organisation)
        return super().get_context_data(
            affiliations=affiliations,
            units=units,
            sectors=organisation.sectors.all(),
            parent_visible=organisation.parent_id
            and visible_organisations(user).filter(pk=organisation.parent_id).exists(),
            trade_profile=MatchProfile.objects.filter(organisation=organisation)
            .prefetch_related("offer_sectors", "need_sectors", "target_regions")
            .first(),
            can_edit_profile=user.has_perm("matchmaking.change_profile", organisation),
            can_see_partners=user.has_perm("matchmaking.view_recommendations", organisation),
            **kwargs,
        )


class OrganisationFormView(
    LoginRequiredMixin, PermissionRequiredMixin, InlineValidationMixin, FormView
):
    """Create (no pk) or edit (pk) an organisation; htmx posts validate without saving."""

    template_name = "web/organisations/form.html"
    form_class = OrganisationForm
    extra_context = {"section": "organisations"}

    @cached_property
    def organisation(self):
        if "pk" not in self.kwargs:
            return None
        return visible_object(visible_organisations(self.request.user), pk=self.kwargs["pk"])

    @property
    def permission(self):
        return (
            "directory.change_organisation" if self.organisation else "directory.add_organisation"
        )

    def get_permission_object(self):
        return self.organisation

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "instance": self.organisation,
        }

    def form_valid(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k in domain.EDITABLE_FIELDS}
        try:
            if self.organisation:
                organisation = domain.update_organisation(
                    self.request.user, self.organisation, data, form.cleaned_data["sectors"]
                )
                messages.success(self.request, _("Saved."))
            else:
                organisation = domain.create_organisation(
                    self.request.user, data, form.cleaned_data["sectors"]
                )
                messages.success(self.request, _("Organisation created."))
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect("web:organisation-detail", pk=organisation.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)


class OrganisationDeleteView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "web/confirm_delete.html"
    permission = "directory.delete_organisation"

    @cached_property
    def organisation(self):
        return visible_object(visible_organisations(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.organisation

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.organisation,
            cancel_url=reverse("web:organisation-detail", args=[self.organisation.pk]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        name = self.organisation.name
        try:
            domain.delete_organisation(request.user, self.organisation)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("web:organisation-detail", pk=self.organisation.pk)
        messages.success(request, _("%(name)s was deleted.") % {"name": name})
        return redirect("web:organisation-list")
