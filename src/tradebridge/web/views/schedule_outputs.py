"""What a schedule gives people: each participant's agenda (their zone and the event's) with
an .ics download, the organiser's printable table plan per slot, and the .xlsx of it all."""

from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import TemplateView

from tradebridge.meetings.domain.agendas import agenda
from tradebridge.meetings.domain.event_schedule import table_plan
from tradebridge.meetings.domain.meeting_calendar import meetings_calendar, meetings_of
from tradebridge.meetings.interfaces.schedule_xlsx import CONTENT_TYPE, schedule_workbook
from tradebridge.meetings.models import MeetingRequest
from tradebridge.web.access import PermissionRequiredMixin, require_permission
from tradebridge.web.views.events import EventObjectMixin, calendar_response


class OrganiserOutputMixin(LoginRequiredMixin, EventObjectMixin, PermissionRequiredMixin):
    permission = "meetings.manage_schedule"


class TablePlanView(OrganiserOutputMixin, TemplateView):
    """Slot by slot, who sits at which table: for printing (``?proposed=1`` adds the proposals
    of the last run)."""

    template_name = "web/scheduling/table_plan.html"

    def get_context_data(self, **kwargs):
        proposed = self.request.GET.get("proposed") == "1"
        return super().get_context_data(
            event=self.event,
            plan=table_plan(self.event, with_tentative=proposed),
            proposed=proposed,
            **kwargs,
        )


class ScheduleWorkbookView(OrganiserOutputMixin, View):
    def get(self, request, pk):
        response = HttpResponse(schedule_workbook(self.event), content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="meetings-event-{pk}.xlsx"'
        return response


class AgendaMixin(LoginRequiredMixin, EventObjectMixin):
    """Whose agenda: the signed-in user's, or (organisers only) ``?person=<user id>``, someone
    with a request at the event."""

    @cached_property
    def person(self):
        value = self.request.GET.get("person", "")
        if not value or value == str(self.request.user.pk):
            return self.request.user
        require_permission(self.request.user, "meetings.manage_schedule", self.event)
        if not value.isdigit():
            raise Http404
        user_id = int(value)
        involved = MeetingRequest.objects.filter(event=self.event).filter(
            Q(requester_id=user_id) | Q(recipient_user_id=user_id)
        )
        if not involved.exists():
            raise Http404
        return get_user_model().objects.get(pk=user_id)


class AgendaView(AgendaMixin, TemplateView):
    template_name = "web/scheduling/agenda.html"
    extra_context = {"section": "meetings"}

    def get_context_data(self, **kwargs):
        person = self.person
        return super().get_context_data(
            event=self.event,
            person=person,
            lines=agenda(person, self.event, person.timezone),
            is_own=person.pk == self.request.user.pk,
            **kwargs,
        )


class AgendaCalendarView(AgendaMixin, View):
    def get(self, request, pk):
        person = self.person
        content = meetings_calendar(self.event.title, meetings_of(person, self.event), person)
        return calendar_response(content, f"meetings-event-{pk}.ics")
