"""Meeting pages: the inbox, asking for a meeting, answering (htmx swaps the request's card in
place), and booking or moving the meeting in a free slot.

Views translate HTTP into calls of ``tradebridge.meetings.domain``; every rule lives there.
Times are shown in the viewer's zone and in the event's (outside events: the other side's).
"""

import rules
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from tradebridge.events.domain.time_display import shown_span
from tradebridge.meetings.domain import bookings, requests
from tradebridge.meetings.domain.event_settings import settings_for
from tradebridge.meetings.domain.rooms import meeting_room_url
from tradebridge.meetings.domain.visibility import visible_meetings, visible_requests
from tradebridge.meetings.enums import MeetingStatus, RequestStatus
from tradebridge.meetings.rules import acts_for_an_organisation, is_on_requester_side
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.meetings import BookForm, ProposeForm, ReplyForm
from tradebridge.web.views.events import UnprocessableOnInvalidMixin, add_domain_errors

CARD_TEMPLATE = "web/meetings/_request_card.html"
REQUEST_RELATIONS = (
    "requester",
    "requester_organisation",
    "recipient_organisation",
    "recipient_person",
    "recipient_user",
    "proposed_by",
    "event",
)


class RuleRequiredMixin:
    """Checks ``rule`` (a rules.test_rule name, not a permission a superuser always has)."""

    rule = ""

    def get_rule_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not rules.test_rule(self.rule, request.user, self.get_rule_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def person_zone(user) -> str:
    """Where a person's clocks are, as their account says."""
    return getattr(user, "timezone", "") or "UTC"


def reference_zone(meeting_request, viewer) -> str:
    """The second zone times are shown in: the event's, or outside events the other side's."""
    if meeting_request.event_id is not None:
        return meeting_request.event.timezone
    if is_on_requester_side(viewer, meeting_request):
        other = meeting_request.recipient_user
    else:
        other = meeting_request.requester
    return person_zone(other) if other is not None else person_zone(viewer)


def span_of(starts_at, ends_at, meeting_request, viewer):
    return shown_span(
        starts_at, ends_at, reference_zone(meeting_request, viewer), person_zone(viewer)
    )


def card_context(meeting_request, user, *, with_slots: bool = False, errors=()) -> dict:
    """What a request's card shows and which actions it offers ``user``. A meeting the
    scheduler has placed but the organiser not yet published is shown to organisers only."""
    meeting = bookings.live_meeting(meeting_request)
    planned = (
        meeting is not None
        and meeting.status == MeetingStatus.TENTATIVE
        and not bookings.organises(user, meeting_request)
    )
    if planned:
        meeting = None
    context = {
        "planned": planned,
        "meeting_request": meeting_request,
        "zone": reference_zone(meeting_request, user),
        "meeting": meeting,
        "may_answer": meeting_request.is_open
        and rules.test_rule("meetings.answer_request", user, meeting_request),
        "may_cancel": not meeting_request.is_final
        and user.has_perm("meetings.cancel_request", meeting_request),
        "may_book": meeting_request.status == RequestStatus.ACCEPTED
        and not planned
        and user.has_perm("meetings.book_meeting", meeting_request),
        "errors": list(errors),
    }
    if meeting is not None:
        meeting.span = span_of(meeting.starts_at, meeting.ends_at, meeting_request, user)
        meeting.room_url = meeting_room_url(meeting)
    if meeting_request.proposed_starts_at and meeting_request.is_open:
        starts_at = meeting_request.proposed_starts_at
        context["proposed_span"] = span_of(
            starts_at, starts_at + bookings.meeting_length(meeting_request), meeting_request, user
        )
    if with_slots and context["may_answer"] and may_propose(user, meeting_request):
        context["free_slots"] = slot_choices(
            bookings.free_slots(meeting_request, attendee_user=user), meeting_request, user
        )
    return context


def may_propose(user, meeting_request) -> bool:
    """Times are proposed only where participants may book them."""
    try:
        bookings.check_direct_booking(user, meeting_request, settings_for(meeting_request.event))
    except ValidationError:
        return False
    return True


def slot_choices(slots, meeting_request, user) -> list[tuple]:
    return [
        (slot.starts_at, span_of(slot.starts_at, slot.ends_at, meeting_request, user))
        for slot in slots
    ]


class InboxView(LoginRequiredMixin, TemplateView):
    """My meeting requests, received and sent, and my booked meetings."""

    template_name = "web/meetings/inbox.html"
    extra_context = {"section": "meetings"}

    def get_context_data(self, **kwargs):
        user = self.request.user
        mine = visible_requests(user).select_related(*REQUEST_RELATIONS)
        received = Q(recipient_user=user)
        sent = Q(requester=user)
        if acts_for_an_organisation(user):
            received |= Q(recipient_organisation_id=user.organisation_id)
            sent |= Q(requester_organisation_id=user.organisation_id)
        meetings = list(
            visible_meetings(user)
            .filter(Q(request__requester=user) | Q(request__recipient_user=user))
            .filter(status=MeetingStatus.CONFIRMED)
            .select_related(
                "table",
                *(f"request__{relation}" for relation in REQUEST_RELATIONS),
            )
        )
        for meeting in meetings:
            meeting.span = span_of(meeting.starts_at, meeting.ends_at, meeting.request, user)
            meeting.zone = reference_zone(meeting.request, user)
            meeting.room_url = meeting_room_url(meeting)
        return super().get_context_data(
            received=mine.filter(received).exclude(sent).order_by("-updated_at", "pk"),
            sent=mine.filter(sent).order_by("-updated_at", "pk"),
            meetings=meetings,
            may_request=acts_for_an_organisation(user),
            **kwargs,
        )


class RequestObjectMixin:
    """The request in the URL; one the user may not see does not exist for them."""

    @cached_property
    def meeting_request(self):
        return visible_object(
            visible_requests(self.request.user).select_related(*REQUEST_RELATIONS),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.meeting_request


class RequestDetailView(LoginRequiredMixin, RequestObjectMixin, TemplateView):
    template_name = "web/meetings/request_detail.html"
    extra_context = {"section": "meetings"}

    def get_context_data(self, **kwargs):
        context = card_context(self.meeting_request, self.request.user, with_slots=True)
        return super().get_context_data(**context, **kwargs)


class RequestActionView(LoginRequiredMixin, RequestObjectMixin, View):
    """A POST that answers or cancels a request. htmx gets the card back, others a redirect;
    a refused answer comes back with its reasons and status 422."""

    form_class = ReplyForm
    done_message = ""

    def may_act(self, user, meeting_request) -> bool:
        return rules.test_rule("meetings.answer_request", user, meeting_request)

    def act(self, form):
        raise NotImplementedError

    def post(self, request, pk):
        if not self.may_act(request.user, self.meeting_request):
            raise PermissionDenied
        form = self.form_class(request.POST)
        errors = []
        if form.is_valid():
            try:
                self.act(form)
            except ValidationError as error:
                errors = error.messages
        else:
            errors = [message for messages_ in form.errors.values() for message in messages_]
        if not errors and not request.htmx:
            messages.success(request, self.done_message)
            return redirect("web:meeting-request-detail", pk=pk)
        fresh = visible_requests(request.user).select_related(*REQUEST_RELATIONS).get(pk=pk)
        context = card_context(fresh, request.user, with_slots=True, errors=errors)
        if not errors:
            context["notice"] = self.done_message
        template = CARD_TEMPLATE if request.htmx else "web/meetings/request_detail.html"
        return TemplateResponse(request, template, context, status=422 if errors else 200)


class AcceptView(RequestActionView):
    done_message = gettext_lazy("Accepted.")

    def act(self, form):
        requests.accept_request(
            self.request.user, self.meeting_request, reply=form.cleaned_data["reply"]
        )


class DeclineView(RequestActionView):
    done_message = gettext_lazy("Declined.")

    def act(self, form):
        requests.decline_request(
            self.request.user, self.meeting_request, reply=form.cleaned_data["reply"]
        )


class ProposeView(RequestActionView):
    form_class = ProposeForm
    done_message = gettext_lazy("Your proposal has been sent.")

    def act(self, form):
        requests.propose_time(
            self.request.user,
            self.meeting_request,
            form.cleaned_data["starts_at"],
            reply=form.cleaned_data["reply"],
        )


class CancelView(RequestActionView):
    done_message = gettext_lazy("Cancelled.")

    def may_act(self, user, meeting_request) -> bool:
        return user.has_perm("meetings.cancel_request", meeting_request)

    def act(self, form):
        requests.cancel_request(
            self.request.user, self.meeting_request, reply=form.cleaned_data["reply"]
        )


class BookView(
    LoginRequiredMixin,
    RequestObjectMixin,
    PermissionRequiredMixin,
    UnprocessableOnInvalidMixin,
    FormView,
):
    """The free slots of an accepted request in the viewer's zone; choosing one books the
    meeting, or moves it when it is booked already."""

    template_name = "web/meetings/book.html"
    form_class = BookForm
    permission = "meetings.book_meeting"
    extra_context = {"section": "meetings"}

    def form_valid(self, form):
        user, meeting_request = self.request.user, self.meeting_request
        starts_at = form.cleaned_data["starts_at"]
        try:
            if bookings.live_meeting(meeting_request) is None:
                bookings.book_meeting(user, meeting_request, starts_at)
                messages.success(self.request, _("The meeting is booked."))
            else:
                bookings.reschedule_meeting(user, meeting_request, starts_at)
                messages.success(self.request, _("The meeting has moved."))
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        return redirect("web:meeting-request-detail", pk=meeting_request.pk)

    def get_context_data(self, **kwargs):
        user, meeting_request = self.request.user, self.meeting_request
        slots = (
            bookings.free_slots(meeting_request)
            if meeting_request.status == RequestStatus.ACCEPTED
            else []
        )
        return super().get_context_data(
            **card_context(meeting_request, user),
            free_slots=slot_choices(slots, meeting_request, user),
            viewer_zone=person_zone(user),
            **kwargs,
        )
