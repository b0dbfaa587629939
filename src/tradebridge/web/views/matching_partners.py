"""Recommended partners: the list with its reasons, "not relevant" and one-click meeting
requests (htmx swaps the list in place), and the organisers' view of an event's matches."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.events.domain.visibility import visible_events
from tradebridge.matchmaking.domain.feedback import clear_mark, mark_partner
from tradebridge.matchmaking.domain.meeting_requests import request_meeting_with
from tradebridge.matchmaking.domain.participants import events_of
from tradebridge.matchmaking.domain.recommendations import (
    GOOD_MATCH_SCORE,
    event_matches,
    recommend_partners,
)
from tradebridge.matchmaking.enums import FeedbackMark
from tradebridge.matchmaking.models import PartnerFeedback
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.matching import FeedbackForm, MeetingRequestForm

LIST_TEMPLATE = "web/matching/_partner_list.html"


class OrganisationPartnersMixin:
    """The organisation in the URL (404 if the user may not see it) and the chosen event."""

    permission = "matchmaking.view_recommendations"

    @cached_property
    def organisation(self):
        return visible_object(visible_organisations(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.organisation

    @cached_property
    def event(self):
        """The event whose participants the list is limited to (``event`` in GET or POST)."""
        value = self.request.POST.get("event") or self.request.GET.get("event") or ""
        if not value:
            return None
        if not value.isdigit():
            raise Http404
        return visible_object(events_of(self.request.user, self.organisation.pk), pk=int(value))

    def list_url(self) -> str:
        url = reverse("web:partner-list", args=[self.organisation.pk])
        return f"{url}?event={self.event.pk}" if self.event else url

    def list_context(self, notice: str = "", error: str = "") -> dict:
        organisation = self.organisation
        matches = recommend_partners(
            self.request.user, organisation, event=self.event, language=get_language()
        )
        marks = PartnerFeedback.objects.filter(organisation=organisation).select_related("partner")
        visible = set(
            visible_organisations(self.request.user)
            .filter(pk__in=[m.partner_id for m in marks])
            .values_list("pk", flat=True)
        )
        marks = [m for m in marks if m.partner_id in visible]
        return {
            "organisation": organisation,
            "event": self.event,
            "matches": matches,
            "has_profile": matches is not None,
            "requested": [m for m in marks if m.mark == FeedbackMark.MEETING_REQUESTED],
            "dismissed": [m for m in marks if m.mark != FeedbackMark.MEETING_REQUESTED],
            "good_score": GOOD_MATCH_SCORE,
            "notice": notice,
            "error": error,
        }


class PartnerListView(
    LoginRequiredMixin, OrganisationPartnersMixin, PermissionRequiredMixin, TemplateView
):
    template_name = "web/matching/partners.html"
    extra_context = {"section": "partners"}

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            events=events_of(user, self.organisation.pk),
            can_edit=user.has_perm("matchmaking.change_profile", self.organisation),
            **self.list_context(),
            **kwargs,
        )


class PartnerActionView(
    LoginRequiredMixin, OrganisationPartnersMixin, PermissionRequiredMixin, View
):
    """A POST about one recommended partner; htmx gets the list back, others a redirect."""

    permission = "matchmaking.give_feedback"
    form_class = None

    @cached_property
    def partner(self):
        return visible_object(
            visible_organisations(self.request.user), pk=self.kwargs["partner_pk"]
        )

    def act(self, form) -> str:
        """Do the thing; returns the notice to show."""
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST) if self.form_class else None
        try:
            if form is not None and not form.is_valid():
                raise ValidationError(form.errors.as_text())
            notice = self.act(form)
        except ValidationError as error:
            return self.respond(error=" ".join(error.messages), status=422)
        return self.respond(notice=notice)

    def respond(self, notice: str = "", error: str = "", status: int = 200):
        if self.request.htmx:
            context = self.list_context(notice=notice, error=error)
            return TemplateResponse(self.request, LIST_TEMPLATE, context, status=status)
        if error:
            context = {**self.list_context(error=error), "section": "partners"}
            return TemplateResponse(
                self.request, "web/matching/partners.html", context, status=status
            )
        messages.success(self.request, notice)
        return redirect(self.list_url())


class PartnerFeedbackView(PartnerActionView):
    form_class = FeedbackForm

    def act(self, form) -> str:
        mark = mark_partner(
            self.request.user,
            self.organisation,
            self.partner,
            form.cleaned_data["mark"],
            event=self.event,
        )
        return _("%(name)s: %(mark)s. It will not be recommended again.") % {
            "name": self.partner.name,
            "mark": mark.get_mark_display(),
        }


class ClearFeedbackView(PartnerActionView):
    def act(self, form) -> str:
        clear_mark(self.request.user, self.organisation, self.partner)
        return _("%(name)s may be recommended again.") % {"name": self.partner.name}


class RequestMeetingView(PartnerActionView):
    form_class = MeetingRequestForm

    def act(self, form) -> str:
        _feedback, meeting = request_meeting_with(
            self.request.user,
            self.organisation,
            self.partner,
            event=self.event,
            message=form.cleaned_data["message"],
        )
        if meeting is None:
            return _(
                "Noted: %(name)s is wanted for a meeting. Its representatives can send the "
                "request from the meetings page."
            ) % {"name": self.partner.name}
        return _("Meeting requested with %(name)s; you will find the answer under Meetings.") % {
            "name": self.partner.name
        }


class EventMatchesView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """For an event's organisers: participants with no good match among the others yet."""

    permission = "matchmaking.view_event_gaps"
    template_name = "web/matching/event_matches.html"
    extra_context = {"section": "events"}

    @cached_property
    def event(self):
        return visible_object(visible_events(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.event

    def get_context_data(self, **kwargs):
        participants = event_matches(self.request.user, self.event, language=get_language())
        return super().get_context_data(
            event=self.event,
            unmatched=[p for p in participants if not p.is_matched],
            matched_count=sum(p.is_matched for p in participants),
            participant_count=len(participants),
            good_score=GOOD_MATCH_SCORE,
            **kwargs,
        )
