"""The organiser's scheduler pages: the event's schedule with the start form, a run's page
whose progress htmx polls, cancel and publish. Every rule lives in
``meetings.domain.schedule_runs``; these views translate HTTP to its calls."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from tradebridge.events.domain.visibility import visible_events
from tradebridge.meetings.domain.event_schedule import schedule_entries
from tradebridge.meetings.domain.event_settings import settings_for
from tradebridge.meetings.domain.schedule_reasons import unscheduled_lines
from tradebridge.meetings.domain.schedule_runs import (
    cancel_run,
    latest_run,
    mark_if_stale,
    publish_run,
    start_run,
)
from tradebridge.meetings.enums import MeetingStatus, RequestStatus
from tradebridge.meetings.models import Meeting, MeetingRequest, Placement, ScheduleRun
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.scheduling import StartRunForm
from tradebridge.web.views.events import EventObjectMixin, add_domain_errors


def waiting_requests(event):
    """Accepted requests of the event without a live meeting: what a run would add."""
    live = Meeting.objects.filter(request=OuterRef("pk")).exclude(status=MeetingStatus.CANCELLED)
    return MeetingRequest.objects.filter(event=event, status=RequestStatus.ACCEPTED).exclude(
        Exists(live)
    )


class EventScheduleView(
    LoginRequiredMixin, EventObjectMixin, PermissionRequiredMixin, TemplateView
):
    """The event's schedule (published and proposed), the last run and the start form; POST
    starts a run."""

    template_name = "web/scheduling/event_schedule.html"
    permission = "meetings.manage_schedule"
    extra_context = {"section": "events"}

    def get_context_data(self, form=None, **kwargs):
        entries = schedule_entries(self.event)
        return super().get_context_data(
            event=self.event,
            settings=settings_for(self.event),
            run=latest_run(self.event),
            form=form or StartRunForm(),
            entries=entries,
            tentative_count=sum(entry.is_tentative for entry in entries),
            waiting_count=waiting_requests(self.event).count(),
            **kwargs,
        )

    def post(self, request, pk):
        form = StartRunForm(request.POST)
        if form.is_valid():
            try:
                run = start_run(
                    request.user,
                    self.event,
                    time_limit=form.cleaned_data["time_limit"],
                    allow_moves=form.cleaned_data["allow_moves"],
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                return redirect("web:schedule-run", pk=run.pk)
        return self.render_to_response(self.get_context_data(form=form), status=422)


class RunObjectMixin:
    permission = "meetings.view_schedulerun"

    @cached_property
    def run(self) -> ScheduleRun:
        run = visible_object(
            ScheduleRun.objects.filter(event__in=visible_events(self.request.user)).select_related(
                "event", "started_by", "published_by"
            ),
            pk=self.kwargs["pk"],
        )
        return mark_if_stale(run)

    def get_permission_object(self):
        return self.run


def run_context(run: ScheduleRun) -> dict:
    return {"run": run, "event": run.event}


class RunView(LoginRequiredMixin, RunObjectMixin, PermissionRequiredMixin, TemplateView):
    """One run: its progress while it works, then its result, what it could not place and why,
    and the publish button."""

    template_name = "web/scheduling/run.html"
    extra_context = {"section": "events"}

    def get_context_data(self, **kwargs):
        run = self.run
        placements = (
            run.placements.select_related(
                "table",
                "request__requester_organisation",
                "request__recipient_organisation",
            )
            if not run.is_active
            else Placement.objects.none()
        )
        return super().get_context_data(
            **run_context(run),
            placements=placements,
            unscheduled=unscheduled_lines(run),
            **kwargs,
        )


class RunProgressView(LoginRequiredMixin, RunObjectMixin, PermissionRequiredMixin, TemplateView):
    """The progress box alone, polled by htmx; once the run has ended the page reloads to show
    the result."""

    template_name = "web/scheduling/_run_progress.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.headers.get("HX-Request") and not self.run.is_active:
            response["HX-Refresh"] = "true"
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(**run_context(self.run), **kwargs)


class CancelRunView(LoginRequiredMixin, RunObjectMixin, PermissionRequiredMixin, View):
    permission = "meetings.change_schedulerun"

    def post(self, request, pk):
        try:
            cancel_run(request.user, self.run)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The scheduler stops; this run changes nothing."))
        return redirect("web:schedule-run", pk=pk)


class PublishRunView(LoginRequiredMixin, RunObjectMixin, PermissionRequiredMixin, View):
    permission = "meetings.change_schedulerun"

    def post(self, request, pk):
        try:
            publish_run(request.user, self.run)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("web:schedule-run", pk=pk)
        messages.success(
            request, _("The schedule is published; every participant concerned is told by mail.")
        )
        return redirect("web:event-schedule", pk=self.run.event_id)
