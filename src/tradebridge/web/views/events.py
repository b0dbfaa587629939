"""Event pages: public list and detail, calendars, registration, the organiser's back office.

Views only translate HTTP to calls of ``tradebridge.events.domain``; every rule lives there.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from tradebridge.accounts.domain import calendar_links
from tradebridge.events.domain import events as event_domain
from tradebridge.events.domain import registrations as registration_domain
from tradebridge.events.domain.calendars import event_calendar, person_calendar
from tradebridge.events.domain.rooms import consultation_room_url, video_room_url
from tradebridge.events.domain.time_display import shown_span, zone_or_none
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.enums import RegistrationStatus
from tradebridge.events.models import (
    ConsultationBooking,
    Lead,
    Registration,
    Session,
    SessionSpeaker,
)
from tradebridge.meetings.domain.meeting_calendar import personal_meeting_entries
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.events import CheckInForm, EventForm, RegistrationForm, SessionForm


def viewer_zone(request) -> str | None:
    """The signed-in user's zone; an anonymous visitor may pass ``?tz=Asia/Shanghai``."""
    if request.user.is_authenticated:
        return request.user.timezone
    name = request.GET.get("tz", "")
    return name if zone_or_none(name) else None


def add_domain_errors(form, error: ValidationError) -> None:
    """Show a domain function's errors on the form: on their field if the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


def calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class UnprocessableOnInvalidMixin:
    """A rejected form comes back with its errors and status 422, so clients see a 4xx."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response


class EventListView(ListView):
    template_name = "web/events/list.html"
    context_object_name = "events"
    paginate_by = 25
    extra_context = {"section": "events"}

    def get_queryset(self):
        return visible_events(self.request.user).select_related("series", "region")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        zone = viewer_zone(self.request)
        for event in context["events"]:
            event.span = shown_span(event.starts_at, event.ends_at, event.timezone, zone)
        return context


class EventObjectMixin:
    @cached_property
    def event(self):
        return visible_object(
            visible_events(self.request.user).select_related("series", "region", "owner"),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.event


class EventDetailView(EventObjectMixin, TemplateView):
    template_name = "web/events/detail.html"
    extra_context = {"section": "events"}

    def get_context_data(self, **kwargs):
        event, user = self.event, self.request.user
        zone = viewer_zone(self.request)
        registration = (
            Registration.objects.filter(event=event, user=user).first()
            if user.is_authenticated
            else None
        )
        may_join_rooms = user.has_perm("events.change_event", event) or (
            registration is not None and registration.status == RegistrationStatus.CONFIRMED
        )
        sessions = list(
            event.sessions.prefetch_related(
                Prefetch("speaker_links", queryset=SessionSpeaker.objects.select_related("person"))
            )
        )
        for session in sessions:
            session.span = shown_span(session.starts_at, session.ends_at, event.timezone, zone)
            session.room_url = video_room_url(session) if may_join_rooms else ""
        return super().get_context_data(
            event=event,
            span=shown_span(event.starts_at, event.ends_at, event.timezone, zone),
            viewer_zone=zone,
            sessions=sessions,
            hosts=event.host_links.select_related("organisation"),
            pavilions=event.pavilions.select_related("host_organisation"),
            registration=registration,
            **kwargs,
        )


class EventCalendarView(EventObjectMixin, View):
    def get(self, request, pk):
        return calendar_response(event_calendar(self.event), f"event-{pk}.ics")


def personal_feed(user) -> bytes:
    """Events, sessions, consultations and one-to-one meetings, in one feed."""
    return person_calendar(user, extra=personal_meeting_entries(user))


class MyCalendarView(LoginRequiredMixin, View):
    def get(self, request):
        return calendar_response(personal_feed(request.user), "tradebridge.ics")


class SubscribedCalendarView(View):
    """The personal feed for calendar programs, which cannot log in: the token is the key."""

    def get(self, request, token):
        user = calendar_links.user_for_calendar_token(token)
        if user is None:
            raise Http404
        return calendar_response(personal_feed(user), "tradebridge.ics")


class ResetCalendarLinkView(LoginRequiredMixin, View):
    def post(self, request):
        calendar_links.reset_calendar_token(request.user)
        messages.success(request, _("A new calendar link is made; the old one no longer works."))
        return redirect("accounts:profile")


class RegisterView(
    LoginRequiredMixin,
    EventObjectMixin,
    PermissionRequiredMixin,
    UnprocessableOnInvalidMixin,
    FormView,
):
    template_name = "web/events/register.html"
    form_class = RegistrationForm
    permission = "events.register"
    extra_context = {"section": "events"}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def form_valid(self, form):
        try:
            registration = registration_domain.register(
                self.request.user,
                self.event,
                form.cleaned_data["attendance_mode"],
                form.answers(),
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Registration: %(status)s.") % {"status": registration.get_status_display()},
        )
        return redirect("web:event-detail", pk=self.event.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)


class RegistrationObjectMixin:
    @cached_property
    def registration(self):
        user = self.request.user
        queryset = Registration.objects.select_related("event").filter(
            event__in=visible_events(user)
        )
        registration = visible_object(queryset, pk=self.kwargs["pk"])
        if registration.user_id != user.pk and not user.has_perm(
            "events.change_event", registration.event
        ):
            raise Http404  # someone else's registration does not exist for this user
        return registration

    def get_permission_object(self):
        return self.registration


class CancelRegistrationView(
    LoginRequiredMixin, RegistrationObjectMixin, PermissionRequiredMixin, View
):
    permission = "events.cancel_registration"

    def post(self, request, pk):
        try:
            registration_domain.cancel_registration(request.user, self.registration)
            messages.success(request, _("Your registration is cancelled."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("web:event-detail", pk=self.registration.event_id)


class DecideRegistrationView(
    LoginRequiredMixin, RegistrationObjectMixin, PermissionRequiredMixin, View
):
    permission = "events.decide_registration"

    def post(self, request, pk):
        decision = request.POST.get("decision")
        if decision not in ("approve", "decline"):
            return HttpResponse(_("Choose approve or decline."), status=400)
        try:
            registration_domain.decide_registration(
                request.user, self.registration, approve=decision == "approve"
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("web:event-manage", pk=self.registration.event_id)


class EventManageView(LoginRequiredMixin, EventObjectMixin, PermissionRequiredMixin, TemplateView):
    """The organiser's back office: registrations, their answers and check-in state, the
    pavilions, and the leads and consultation bookings (with their video rooms) of the event's
    exhibitors."""

    template_name = "web/events/manage.html"
    permission = "events.change_event"
    extra_context = {"section": "events"}

    def get_context_data(self, **kwargs):
        registrations = self.event.registrations.select_related("user").order_by(
            "status", "created_at"
        )
        leads = Lead.objects.filter(exhibitor__pavilion__event=self.event).select_related(
            "user", "product", "exhibitor__organisation"
        )
        bookings = list(
            ConsultationBooking.objects.filter(
                window__exhibitor__pavilion__event=self.event
            ).select_related("user", "window__exhibitor__organisation")
        )
        for booking in bookings:
            booking.room_url = consultation_room_url(booking)
        return super().get_context_data(
            event=self.event,
            registrations=registrations,
            seats_taken=registration_domain.seats_taken(self.event),
            pavilions=self.event.pavilions.annotate(exhibitor_count=Count("exhibitors")),
            leads=leads,
            bookings=bookings,
            **kwargs,
        )


class CheckInView(
    LoginRequiredMixin,
    EventObjectMixin,
    PermissionRequiredMixin,
    UnprocessableOnInvalidMixin,
    FormView,
):
    template_name = "web/events/check_in.html"
    form_class = CheckInForm
    permission = "events.change_event"
    extra_context = {"section": "events"}

    def form_valid(self, form):
        try:
            registration = registration_domain.check_in(
                self.request.user, self.event, form.cleaned_data["code"]
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        name = registration.user.get_full_name() or registration.user.username
        messages.success(self.request, _("%(name)s is checked in.") % {"name": name})
        return redirect("web:event-check-in", pk=self.event.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)


class EventFormView(
    LoginRequiredMixin, PermissionRequiredMixin, UnprocessableOnInvalidMixin, FormView
):
    """Create (no pk) or edit (pk) an event; times are typed in the event's own zone."""

    template_name = "web/events/form.html"
    form_class = EventForm
    extra_context = {"section": "events"}

    @cached_property
    def event(self):
        if "pk" not in self.kwargs:
            return None
        return visible_object(visible_events(self.request.user), pk=self.kwargs["pk"])

    @property
    def permission(self):
        return "events.change_event" if self.event else "events.add_event"

    def get_permission_object(self):
        return self.event

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def form_valid(self, form):
        try:
            if self.event:
                event = event_domain.update_event(self.request.user, self.event, form.event_data())
            else:
                event = event_domain.create_event(self.request.user, form.event_data())
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("web:event-detail", pk=event.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)


class PublishEventView(LoginRequiredMixin, EventObjectMixin, PermissionRequiredMixin, View):
    permission = "events.change_event"

    def post(self, request, pk):
        event_domain.publish_event(request.user, self.event)
        messages.success(request, _("The event is published."))
        return redirect("web:event-detail", pk=pk)


class SessionFormView(
    LoginRequiredMixin, PermissionRequiredMixin, UnprocessableOnInvalidMixin, FormView
):
    """Add a session to an event (``pk`` of the event) or edit one (``session_pk``)."""

    template_name = "web/events/session_form.html"
    form_class = SessionForm
    permission = "events.change_event"
    extra_context = {"section": "events"}

    @cached_property
    def session(self):
        if "session_pk" not in self.kwargs:
            return None
        return visible_object(
            Session.objects.select_related("event").filter(
                event__in=visible_events(self.request.user)
            ),
            pk=self.kwargs["session_pk"],
        )

    @cached_property
    def event(self):
        if self.session is not None:
            return self.session.event
        return visible_object(visible_events(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.event

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "event": self.event,
            "user": self.request.user,
            "session": self.session,
        }

    def form_valid(self, form):
        user = self.request.user
        try:
            if self.session:
                event_domain.update_session(
                    user, self.session, form.session_data(), form.speaker_roles()
                )
            else:
                event_domain.add_session(
                    user, self.event, form.session_data(), form.speaker_roles()
                )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("web:event-detail", pk=self.event.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, session=self.session, **kwargs)
