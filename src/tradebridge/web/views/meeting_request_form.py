"""Asking for a meeting: the request form, whose organisation is found by name in any script
rather than picked from a list of every organisation, and the suggestions it shows while the
user types."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from tradebridge.meetings.domain import requests
from tradebridge.web.forms.meetings import (
    MeetingRequestForm,
    OrganisationPicker,
    organisation_suggestions,
)
from tradebridge.web.views.events import UnprocessableOnInvalidMixin, add_domain_errors
from tradebridge.web.views.inline_validation import InlineValidationMixin
from tradebridge.web.views.meetings import RuleRequiredMixin


class RequestMeetingView(
    RuleRequiredMixin, InlineValidationMixin, UnprocessableOnInvalidMixin, FormView
):
    """Ask an organisation for a meeting; ``?organisation=`` and ``?event=`` preselect. The
    organisation is found by name (``OrganisationSuggestionsView`` while typing; without
    JavaScript the form's "Find" button comes back here with the suggestions)."""

    template_name = "web/meetings/request_form.html"
    form_class = MeetingRequestForm
    rule = "meetings.request_meeting"
    extra_context = {"section": "meetings"}

    def post(self, request, *args, **kwargs):
        if MeetingRequestForm.FIND in request.POST:
            form = self.form_class(initial=request.POST.dict(), user=request.user)
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        initial = {}
        for name in ("organisation", "event"):
            value = self.request.GET.get(name, "")
            if value.isdigit():
                initial["recipient_organisation" if name == "organisation" else name] = int(value)
        return initial

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            meeting_request = requests.request_meeting(
                self.request.user,
                recipient_organisation=data["recipient_organisation"],
                event=data["event"],
                message=data["message"],
                priority=data["priority"],
                language=data["language"] or None,
                recipient_person=data.get("recipient_person"),
                place_kind=data["place_kind"] or None,
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your request has been sent."))
        return redirect("web:meeting-request-detail", pk=meeting_request.pk)


class OrganisationSuggestionsView(RuleRequiredMixin, TemplateView):
    """The organisations matching what the user typed into the request form, as the radio
    buttons the form submits (htmx swaps them in)."""

    template_name = "web/meetings/_organisation_suggestions.html"
    rule = "meetings.request_meeting"

    def get_context_data(self, **kwargs):
        query, suggestions, chosen = organisation_suggestions(
            self.request.user,
            self.request.GET.get(OrganisationPicker.query_name, ""),
            self.request.GET.get("recipient_organisation"),
        )
        return super().get_context_data(
            name="recipient_organisation",
            query=query,
            suggestions=suggestions,
            selected=str(chosen.pk) if chosen is not None else "",
            **kwargs,
        )
