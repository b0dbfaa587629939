"""/api/v1/meetings/: meeting requests and their answers, free slots, bookings, availability and
the organisers' settings, through the same domain functions and permissions as the pages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from tradebridge.api.auth import WRITE
from tradebridge.api.pagination import DirectoryPagination
from tradebridge.api.references import organisation_visible_to
from tradebridge.api.schemas.meetings import (
    AvailabilityIn,
    AvailabilityOut,
    BookingIn,
    MeetingOut,
    MeetingRequestIn,
    MeetingRequestOut,
    ProposeIn,
    ReplyIn,
    SettingsIn,
    SettingsOut,
    SlotOut,
)
from tradebridge.directory.domain.visibility import visible_people
from tradebridge.events.domain.visibility import visible_events
from tradebridge.meetings.domain import bookings, requests
from tradebridge.meetings.domain.availability import availability_of, set_availability
from tradebridge.meetings.domain.event_settings import set_meeting_settings, settings_for
from tradebridge.meetings.domain.visibility import visible_meetings, visible_requests
from tradebridge.meetings.enums import MeetingStatus

router = Router(tags=["meetings"])


def _request(user, request_id: int):
    return get_object_or_404(
        visible_requests(user).select_related("event", "requester", "recipient_user"),
        pk=request_id,
    )


def _event(user, event_id: int | None, field: str = "event"):
    if event_id is None:
        return None
    event = visible_events(user).filter(pk=event_id).first()
    if event is None:
        raise ValidationError({field: _("Unknown event.")})
    return event


@router.get(
    "/requests/", response=list[MeetingRequestOut], auth=WRITE, url_name="meeting-request-list"
)
@paginate(DirectoryPagination)
def list_requests(request, event: int | None = None, status: str | None = None):
    """Requests your side sent or received, and those at events your agency organises."""
    queryset = visible_requests(request.auth).order_by("-updated_at", "pk")
    if event is not None:
        queryset = queryset.filter(event_id=event)
    if status:
        queryset = queryset.filter(status=status)
    return queryset


@router.post(
    "/requests/", response={201: MeetingRequestOut}, auth=WRITE, url_name="meeting-request-list"
)
def create_request(request, payload: MeetingRequestIn):
    """Ask an organisation (optionally a named person there) for a one-to-one meeting."""
    user = request.auth
    try:
        organisation = organisation_visible_to(user)(payload.recipient_organisation)
    except ValidationError as error:
        raise ValidationError({"recipient_organisation": error.messages}) from None
    person = None
    if payload.recipient_person is not None:
        person = visible_people(user).filter(pk=payload.recipient_person).first()
        if person is None:
            raise ValidationError({"recipient_person": _("Unknown person.")})
    meeting_request = requests.request_meeting(
        user,
        recipient_organisation=organisation,
        event=_event(user, payload.event),
        message=payload.message,
        priority=payload.priority,
        language=payload.language,
        recipient_person=person,
        place_kind=payload.place_kind,
    )
    return Status(201, meeting_request)


@router.get(
    "/requests/{int:request_id}/",
    response=MeetingRequestOut,
    auth=WRITE,
    url_name="meeting-request-detail",
)
def read_request(request, request_id: int):
    return _request(request.auth, request_id)


@router.post(
    "/requests/{int:request_id}/accept/",
    response=MeetingRequestOut,
    auth=WRITE,
    url_name="meeting-request-accept",
)
def accept(request, request_id: int, payload: ReplyIn):
    """Accept the request, or the other side's proposed time (which books it)."""
    user = request.auth
    return requests.accept_request(user, _request(user, request_id), reply=payload.reply)


@router.post(
    "/requests/{int:request_id}/decline/",
    response=MeetingRequestOut,
    auth=WRITE,
    url_name="meeting-request-decline",
)
def decline(request, request_id: int, payload: ReplyIn):
    user = request.auth
    return requests.decline_request(user, _request(user, request_id), reply=payload.reply)


@router.post(
    "/requests/{int:request_id}/propose/",
    response=MeetingRequestOut,
    auth=WRITE,
    url_name="meeting-request-propose",
)
def propose(request, request_id: int, payload: ProposeIn):
    """Answer with another time: one of the request's free slots."""
    user = request.auth
    return requests.propose_time(
        user, _request(user, request_id), payload.starts_at, reply=payload.reply
    )


@router.post(
    "/requests/{int:request_id}/cancel/",
    response=MeetingRequestOut,
    auth=WRITE,
    url_name="meeting-request-cancel",
)
def cancel(request, request_id: int, payload: ReplyIn):
    """Cancel the request; a booked meeting is cancelled with it."""
    user = request.auth
    return requests.cancel_request(user, _request(user, request_id), reply=payload.reply)


@router.get(
    "/requests/{int:request_id}/free-slots/",
    response=list[SlotOut],
    auth=WRITE,
    url_name="meeting-free-slots",
)
def free_slots(request, request_id: int):
    """Slots in which both sides can meet and a suitable table is free."""
    user = request.auth
    meeting_request = _request(user, request_id)
    return bookings.free_slots(meeting_request, attendee_user=user)


@router.post(
    "/requests/{int:request_id}/booking/",
    response={201: MeetingOut},
    auth=WRITE,
    url_name="meeting-booking",
)
def book(request, request_id: int, payload: BookingIn):
    """Book one of the free slots for an accepted request (first come, first served)."""
    user = request.auth
    return Status(201, bookings.book_meeting(user, _request(user, request_id), payload.starts_at))


@router.put(
    "/requests/{int:request_id}/booking/",
    response=MeetingOut,
    auth=WRITE,
    url_name="meeting-booking",
)
def reschedule(request, request_id: int, payload: BookingIn):
    """Move the booked meeting to another free slot (same uid, sequence + 1)."""
    user = request.auth
    return bookings.reschedule_meeting(user, _request(user, request_id), payload.starts_at)


@router.get("/", response=list[MeetingOut], auth=WRITE, url_name="meeting-list")
@paginate(DirectoryPagination)
def my_meetings(request):
    """The meetings you attend, cancelled ones included (status says so), in time order;
    not those the organiser's scheduler has placed but not yet published."""
    user = request.auth
    return (
        visible_meetings(user)
        .filter(Q(request__requester=user) | Q(request__recipient_user=user))
        .exclude(status=MeetingStatus.TENTATIVE)
        .select_related("table")
        .order_by("starts_at", "pk")
    )


@router.get("/availability/", response=AvailabilityOut, auth=WRITE, url_name="meeting-availability")
def read_availability(request, event: int | None = None):
    """What you stated for ``?event=`` (none: online meetings outside events); 404 if nothing."""
    user = request.auth
    stated = availability_of(user, _event(user, event))
    if stated is None:
        raise Http404
    return stated


@router.put("/availability/", response=AvailabilityOut, auth=WRITE, url_name="meeting-availability")
def state_availability(request, payload: AvailabilityIn):
    """State when you can meet, in your own zone; replaces what you stated before."""
    user = request.auth
    return set_availability(
        user,
        event=_event(user, payload.event),
        timezone=payload.timezone,
        windows=[span.model_dump() for span in payload.windows],
        breaks=[span.model_dump() for span in payload.breaks],
        days=payload.days,
        max_per_day=payload.max_per_day,
    )


def _organised_event(user, event_id: int):
    return get_object_or_404(visible_events(user), pk=event_id)


@router.get(
    "/events/{int:event_id}/settings/",
    response=SettingsOut,
    auth=WRITE,
    url_name="meeting-settings",
)
def read_settings(request, event_id: int):
    """An event's meeting settings (organisers); 404 before they are set."""
    user = request.auth
    event = _organised_event(user, event_id)
    if not user.has_perm("meetings.change_settings", event):
        raise PermissionDenied
    settings = settings_for(event)
    if settings is None:
        raise Http404
    return settings


@router.put(
    "/events/{int:event_id}/settings/",
    response=SettingsOut,
    auth=WRITE,
    url_name="meeting-settings",
)
def change_settings(request, event_id: int, payload: SettingsIn):
    """Set how meetings run at the event: slot length, daily grid, tables, booking."""
    user = request.auth
    event = _organised_event(user, event_id)
    tables = payload.tables
    if isinstance(tables, list):
        tables = [(table.name, table.room) for table in tables]
    return set_meeting_settings(
        user,
        event,
        slot_minutes=payload.slot_minutes,
        days=payload.days,
        sessions=[session.model_dump(mode="json") for session in payload.sessions],
        breaks=[span.model_dump() for span in payload.breaks],
        tables=tables,
        online_tables=payload.online_tables,
        direct_booking_open=payload.direct_booking_open,
        default_max_per_day=payload.default_max_per_day,
        online_hours=(payload.online_hours_start, payload.online_hours_end),
    )
