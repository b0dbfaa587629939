"""Pieces shared by the organiser's back-office pages: form pages with inline validation and
delete pages that show why a deletion is refused."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from tradebridge.web.access import PermissionRequiredMixin
from tradebridge.web.views.events import UnprocessableOnInvalidMixin, add_domain_errors
from tradebridge.web.views.inline_validation import InlineValidationMixin


class BackOfficeFormView(
    LoginRequiredMixin,
    PermissionRequiredMixin,
    UnprocessableOnInvalidMixin,
    InlineValidationMixin,
    FormView,
):
    """A form whose ``save(form)`` calls one domain function and returns where to go next.

    htmx posts validate without saving; a rejected form answers 422 with its errors.
    """

    template_name = "web/pavilions/form.html"
    extra_context = {"section": "events"}

    def save(self, form) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            next_url = self.save(form)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect(next_url)


class BackOfficeDeleteView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """GET asks, POST deletes through ``delete()``; a refusal is shown on the page (422)."""

    template_name = "web/pavilions/confirm_delete.html"
    extra_context = {"section": "events"}

    def delete(self) -> str:
        """Delete the object; returns where to go next."""
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            next_url = self.delete()
        except ValidationError as error:
            context = self.get_context_data(refusals=error.messages)
            return TemplateResponse(request, self.template_name, context, status=422)
        messages.success(request, _("Deleted."))
        return redirect(next_url)
