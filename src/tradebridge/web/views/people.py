from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView, TemplateView

from tradebridge.directory.domain import people as domain
from tradebridge.directory.domain.search import PersonFilters, filter_people
from tradebridge.directory.domain.visibility import visible_organisations, visible_people
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.directory import PersonForm
from tradebridge.web.views.inline_validation import InlineValidationMixin


class PersonFilterForm(forms.Form):
    q = forms.CharField(required=False, label=gettext_lazy("Search"))
    country = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Country"),
        choices=[("", gettext_lazy("Any country")), ("CN", gettext_lazy("China")),
                 ("US", gettext_lazy("United States"))],
    )  # fmt: skip


class PersonListView(ListView):
    template_name = "web/people/list.html"
    paginate_by = 25
    extra_context = {"section": "people"}

    @cached_property
    def filter_form(self):
        return PersonFilterForm(self.request.GET or None)

    def get_queryset(self):
        form = self.filter_form
        data = form.cleaned_data if form.is_bound and form.is_valid() else {}
        filters = PersonFilters(query=data.get("q", ""), country=data.get("country", ""))
        queryset = filter_people(visible_people(self.request.user), filters)
        return queryset.prefetch_related("affiliations__organisation")

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["web/people/_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class PersonDetailView(DetailView):
    template_name = "web/people/detail.html"
    context_object_name = "person"
    extra_context = {"section": "people"}

    def get_object(self, queryset=None):
        return visible_object(
            visible_people(self.request.user).select_related("data_protection_region"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        organisations = visible_organisations(self.request.user)
        affiliations = self.object.affiliations.filter(
            organisation__in=organisations
        ).select_related("organisation")
        return super().get_context_data(
            affiliations=affiliations,
            can_see_contact=self.request.user.has_perm(
                "directory.view_person_contact", self.object
            ),
            **kwargs,
        )


class PersonFormView(LoginRequiredMixin, PermissionRequiredMixin, InlineValidationMixin, FormView):
    template_name = "web/people/form.html"
    form_class = PersonForm
    extra_context = {"section": "people"}

    @cached_property
    def person(self):
        if "pk" not in self.kwargs:
            return None
        return visible_object(visible_people(self.request.user), pk=self.kwargs["pk"])

    @property
    def permission(self):
        return "directory.change_person" if self.person else "directory.add_person"

    def get_permission_object(self):
        return self.person

    def get_initial(self):
        initial = super().get_initial()
        organisation_id = self.request.GET.get("organisation")
        if organisation_id and organisation_id.isdigit():
            initial["organisation"] = organisation_id
        if not self.person and self.request.user.timezone:
            initial["timezone"] = self.request.user.timezone
        return initial

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "instance": self.person}

    def form_valid(self, form):
        user, data = self.request.user, form.person_data()
        organisation = form.cleaned_data.get("organisation")
        roles = {"role_en": form.cleaned_data["role_en"], "role_zh": form.cleaned_data["role_zh"]}
        try:
            with transaction.atomic():
                if self.person:
                    person = domain.update_person(user, self.person, data)
                    if organisation is not None:
                        domain.set_affiliation(user, person, organisation, **roles)
                else:
                    person = domain.create_person(user, data, organisation, **roles)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("web:person-detail", pk=person.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)


class PersonDeleteView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "web/confirm_delete.html"
    permission = "directory.delete_person"

    @cached_property
    def person(self):
        return visible_object(visible_people(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.person

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.person,
            cancel_url=reverse("web:person-detail", args=[self.person.pk]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        name = self.person.name
        domain.delete_person(request.user, self.person)
        messages.success(request, _("%(name)s was deleted.") % {"name": name})
        return redirect("web:person-list")
