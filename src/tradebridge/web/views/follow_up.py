"""The exhibitor's side following up: leads, and one consultation's calendar entry."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import ListView

from tradebridge.events.domain.calendars import booking_calendar
from tradebridge.events.domain.follow_up import followed_bookings, followed_leads
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.models import ConsultationBooking
from tradebridge.web.views.events import calendar_response


class LeadListView(LoginRequiredMixin, ListView):
    """Leads of the exhibitors the user follows up: an organiser sees their events' (narrowed
    with ``?event=``), a company representative their own stands', staff on duty theirs."""

    template_name = "web/pavilions/leads.html"
    context_object_name = "leads"
    paginate_by = 50
    extra_context = {"section": "events"}

    @cached_property
    def event(self):
        try:
            event_id = int(self.request.GET.get("event", ""))
        except ValueError:
            return None
        return visible_events(self.request.user).filter(pk=event_id).first()

    def get_queryset(self):
        leads = followed_leads(self.request.user).select_related(
            "user", "product", "exhibitor__organisation", "exhibitor__pavilion__event"
        )
        if self.event is not None:
            leads = leads.filter(exhibitor__pavilion__event=self.event)
        return leads

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)


class ConsultationCalendarView(LoginRequiredMixin, View):
    """One consultation as an .ics file with its video room: for its visitor and for the
    exhibitor's side; nobody else learns that it exists."""

    def get(self, request, pk):
        user = request.user
        booking = (
            ConsultationBooking.objects.filter(pk=pk)
            .select_related(
                "user", "window__exhibitor__organisation", "window__exhibitor__pavilion"
            )
            .first()
        )
        if booking is None or (
            booking.user_id != user.pk and not followed_bookings(user).filter(pk=pk).exists()
        ):
            raise Http404
        return calendar_response(booking_calendar(booking, user), f"consultation-{pk}.ics")
