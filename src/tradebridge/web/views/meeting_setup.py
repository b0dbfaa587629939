"""Setting meetings up: a participant's availability, the organiser's settings for an event."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView

from tradebridge.events.domain.visibility import visible_events
from tradebridge.meetings.domain.availability import availability_of, set_availability
from tradebridge.meetings.domain.event_settings import set_meeting_settings, settings_for
from tradebridge.meetings.domain.slots import event_slots
from tradebridge.meetings.enums import MeetingStatus, RequestStatus
from tradebridge.meetings.models import MeetingTable
from tradebridge.meetings.validators import parse_days
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.meetings import (
    AvailabilityForm,
    MeetingSettingsForm,
    event_days,
    spans_to_text,
)
from tradebridge.web.views.events import (
    EventObjectMixin,
    UnprocessableOnInvalidMixin,
    add_domain_errors,
)
from tradebridge.web.views.meetings import RuleRequiredMixin

# Where a domain error's field shows on the settings form.
SETTINGS_FIELDS = {
    "sessions": "morning_starts",
    "tables": "table_count",
    "online_hours": "online_hours_start",
}


class AvailabilityView(RuleRequiredMixin, UnprocessableOnInvalidMixin, FormView):
    """When I can meet: at the event in ``?event=``, or for online meetings outside events."""

    template_name = "web/meetings/availability.html"
    form_class = AvailabilityForm
    rule = "meetings.set_availability"
    extra_context = {"section": "meetings"}

    @cached_property
    def event(self):
        value = self.request.GET.get("event", "")
        if not value:
            return None
        if not value.isdigit():
            raise Http404
        return visible_object(visible_events(self.request.user), pk=int(value))

    def get_rule_object(self):
        return self.event

    def get_form_kwargs(self):
        settings = settings_for(self.event)
        days = parse_days(settings.days) if settings and settings.days else ()
        if self.event is not None and not days:
            days = event_days(self.event)
        return {**super().get_form_kwargs(), "days": days}

    def get_initial(self):
        stated = availability_of(self.request.user, self.event)
        if stated is None:
            return {"timezone": self.request.user.timezone}
        return {
            "timezone": stated.timezone,
            "windows": spans_to_text(stated.windows),
            "breaks": spans_to_text(stated.breaks),
            "days": stated.days,
            "max_per_day": stated.max_per_day,
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            set_availability(
                self.request.user,
                event=self.event,
                timezone=data["timezone"],
                windows=data["windows"],
                breaks=data["breaks"],
                days=data.get("days", []),
                max_per_day=data["max_per_day"],
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        url = reverse("web:meeting-availability")
        return redirect(f"{url}?event={self.event.pk}" if self.event else url)

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)


class MeetingSettingsView(
    LoginRequiredMixin,
    EventObjectMixin,
    PermissionRequiredMixin,
    UnprocessableOnInvalidMixin,
    FormView,
):
    """The organiser's set-up of one-to-one meetings at an event, and where they stand."""

    template_name = "web/meetings/settings.html"
    form_class = MeetingSettingsForm
    permission = "meetings.change_settings"
    extra_context = {"section": "events"}

    @cached_property
    def tables(self):
        return list(MeetingTable.objects.filter(event=self.event))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def get_initial(self):
        return MeetingSettingsForm.initial_for(settings_for(self.event), self.tables)

    def form_valid(self, form):
        try:
            set_meeting_settings(self.request.user, self.event, **form.settings_data())
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                target = SETTINGS_FIELDS.get(field, field)
                form.add_error(target if target in form.fields else None, messages_)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("web:meeting-settings", pk=self.event.pk)

    def get_context_data(self, **kwargs):
        settings = settings_for(self.event)
        requests = [
            (RequestStatus(status).label, count)
            for status, count in self.event.meeting_requests.order_by("status")
            .values_list("status")
            .annotate(count=Count("pk"))
        ]
        meetings = [
            (MeetingStatus(status).label, count)
            for status, count in self.event.meetings.exclude(status=MeetingStatus.CANCELLED)
            .order_by("status")
            .values_list("status")
            .annotate(count=Count("pk"))
        ]
        return super().get_context_data(
            event=self.event,
            settings=settings,
            slot_count=len(event_slots(settings)) if settings else 0,
            tables=self.tables,
            request_counts=requests,
            meeting_counts=meetings,
            **kwargs,
        )
