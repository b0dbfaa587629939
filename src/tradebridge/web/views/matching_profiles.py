"""Matchmaking profile pages: the "Partners" entry page and the profile form."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from tradebridge.accounts.enums import Role
from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.matchmaking.domain.profiles import profile_of, save_profile
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.matching import ProfileForm
from tradebridge.web.views.events import UnprocessableOnInvalidMixin, add_domain_errors
from tradebridge.web.views.inline_validation import InlineValidationMixin


class PartnersHomeView(LoginRequiredMixin, PermissionRequiredMixin, ListView):
    """A representative goes straight to their organisation's partners; agency staff choose
    among the organisations their agency keeps (platform admins: those with a profile)."""

    permission = "matchmaking.find_partners"
    template_name = "web/matching/home.html"
    context_object_name = "organisations"
    paginate_by = 50
    extra_context = {"section": "partners"}

    def get(self, request, *args, **kwargs):
        if request.user.role == Role.COMPANY_REPRESENTATIVE:
            return redirect("web:partner-list", pk=request.user.organisation_id)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        user = self.request.user
        organisations = visible_organisations(user).select_related("match_profile")
        if user.tenant_id is not None:
            organisations = organisations.filter(owner_id=user.tenant_id)
        else:
            organisations = organisations.filter(match_profile__isnull=False)
        return organisations.order_by("name_en", "name_zh")


class ProfileFormView(
    LoginRequiredMixin,
    PermissionRequiredMixin,
    InlineValidationMixin,
    UnprocessableOnInvalidMixin,
    FormView,
):
    """Create or edit an organisation's profile; htmx posts validate without saving."""

    permission = "matchmaking.change_profile"
    template_name = "web/matching/profile_form.html"
    form_class = ProfileForm
    extra_context = {"section": "partners"}

    @cached_property
    def organisation(self):
        return visible_object(visible_organisations(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.organisation

    @cached_property
    def profile(self):
        return profile_of(self.organisation)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.profile}

    def form_valid(self, form):
        try:
            save_profile(
                self.request.user,
                self.organisation,
                form.profile_data(),
                offer_sectors=form.cleaned_data["offer_sectors"],
                need_sectors=form.cleaned_data["need_sectors"],
                target_regions=form.cleaned_data["target_regions"],
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Profile saved."))
        return redirect("web:partner-list", pk=self.organisation.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organisation=self.organisation, profile=self.profile, **kwargs
        )
