"""Virtual pavilion pages: exhibitors, their catalogues, contact and consultation hours."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from tradebridge.events.domain.consultations import (
    book_consultation,
    cancel_booking,
    free_slot_starts,
)
from tradebridge.events.domain.rooms import consultation_room_url
from tradebridge.events.domain.time_display import shown_span, shown_time
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.models import (
    ConsultationBooking,
    ConsultationWindow,
    Exhibitor,
    Pavilion,
    Product,
)
from tradebridge.meetings.domain.exhibitor_contact import contact_exhibitor_for_a_meeting
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.events import BookConsultationForm, ContactExhibitorForm
from tradebridge.web.views.events import (
    UnprocessableOnInvalidMixin,
    add_domain_errors,
    viewer_zone,
)


def visible_pavilions(user):
    return Pavilion.objects.filter(event__in=visible_events(user))


class PavilionDetailView(TemplateView):
    template_name = "web/events/pavilion.html"
    extra_context = {"section": "events"}

    def get_context_data(self, **kwargs):
        user = self.request.user
        pavilion = visible_object(
            visible_pavilions(user).select_related("event", "host_organisation", "host_region"),
            pk=self.kwargs["pk"],
        )
        zone = viewer_zone(self.request)
        exhibitors = list(
            pavilion.exhibitors.select_related("organisation").prefetch_related(
                "staff",
                Prefetch("products", queryset=Product.objects.prefetch_related("sectors")),
                Prefetch(
                    "consultation_windows",
                    queryset=ConsultationWindow.objects.prefetch_related("bookings"),
                ),
            )
        )
        for exhibitor in exhibitors:
            exhibitor.may_keep = user.has_perm("events.change_exhibitor", exhibitor)
            for window in exhibitor.consultation_windows.all():
                window.span = shown_span(window.starts_at, window.ends_at, window.timezone, zone)
                window.free_slots = [
                    (start, shown_time(start, window.timezone, zone))
                    for start in free_slot_starts(window)
                ]
        bookings = []
        if user.is_authenticated:
            for booking in ConsultationBooking.objects.filter(
                user=user, window__exhibitor__pavilion=pavilion
            ).select_related("window__exhibitor__organisation"):
                booking.shown = shown_time(booking.starts_at, booking.window.timezone, zone)
                booking.room_url = consultation_room_url(booking)
                bookings.append(booking)
        return super().get_context_data(
            pavilion=pavilion,
            event=pavilion.event,
            can_organise=user.has_perm("events.change_event", pavilion.event),
            exhibitors=exhibitors,
            bookings=bookings,
            viewer_zone=zone,
            **kwargs,
        )


class ContactExhibitorView(
    LoginRequiredMixin, PermissionRequiredMixin, UnprocessableOnInvalidMixin, FormView
):
    template_name = "web/events/contact_exhibitor.html"
    form_class = ContactExhibitorForm
    permission = "events.take_part"
    extra_context = {"section": "events"}

    @cached_property
    def exhibitor(self):
        return visible_object(
            Exhibitor.objects.select_related("organisation", "pavilion__event").filter(
                pavilion__in=visible_pavilions(self.request.user)
            ),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.exhibitor.pavilion.event

    def form_valid(self, form):
        try:
            _lead, meeting_request = contact_exhibitor_for_a_meeting(
                self.request.user, self.exhibitor, form.cleaned_data["message"]
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your message was passed on to the exhibitor."))
        if meeting_request is not None:
            messages.info(
                self.request,
                _("A meeting request went to the exhibitor too; see it under Meetings."),
            )
        return redirect("web:pavilion-detail", pk=self.exhibitor.pavilion_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(exhibitor=self.exhibitor, **kwargs)


class BookConsultationView(
    LoginRequiredMixin, PermissionRequiredMixin, UnprocessableOnInvalidMixin, FormView
):
    template_name = "web/events/book_consultation.html"
    form_class = BookConsultationForm
    permission = "events.take_part"
    extra_context = {"section": "events"}

    @cached_property
    def window(self):
        return visible_object(
            ConsultationWindow.objects.select_related(
                "exhibitor__organisation", "exhibitor__pavilion__event"
            ).filter(exhibitor__pavilion__in=visible_pavilions(self.request.user)),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.window.exhibitor.pavilion.event

    def get(self, request, *args, **kwargs):
        return redirect("web:pavilion-detail", pk=self.window.exhibitor.pavilion_id)

    def form_valid(self, form):
        try:
            booking = book_consultation(
                self.request.user,
                self.window,
                form.cleaned_data["starts_at"],
                form.cleaned_data["topic"],
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        shown = shown_time(booking.starts_at, self.window.timezone, viewer_zone(self.request))
        local = shown.viewer_local or shown.event_local
        messages.success(
            self.request,
            _("Consultation booked for %(time)s.") % {"time": local.strftime("%Y-%m-%d %H:%M %Z")},
        )
        return redirect("web:pavilion-detail", pk=self.window.exhibitor.pavilion_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(window=self.window, **kwargs)


class CancelConsultationView(LoginRequiredMixin, View):
    def post(self, request, pk):
        booking = (
            ConsultationBooking.objects.select_related("window__exhibitor__pavilion__event")
            .filter(pk=pk)
            .first()
        )
        if booking is None or (
            booking.user_id != request.user.pk
            and not request.user.has_perm(
                "events.change_event", booking.window.exhibitor.pavilion.event
            )
        ):
            raise Http404
        pavilion_id = booking.window.exhibitor.pavilion_id
        by_visitor = booking.user_id == request.user.pk
        cancel_booking(request.user, booking)
        if by_visitor:
            messages.success(request, _("Your consultation is cancelled."))
        else:
            messages.success(request, _("The consultation is cancelled; the visitor is told."))
        next_url = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(next_url)
        return redirect("web:pavilion-detail", pk=pavilion_id)
