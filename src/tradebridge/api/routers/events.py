"""/api/v1/events/: events, their programmes, and the caller's registrations.

Reads show what ``visible_events`` allows (anonymous callers: published public events); writes
call the same domain functions as the pages.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate

from tradebridge.api.auth import READ, WRITE
from tradebridge.api.pagination import DirectoryPagination
from tradebridge.api.schemas.events import EventOut, RegistrationIn, RegistrationOut, SessionOut
from tradebridge.events.domain.registrations import cancel_registration, register
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.models import EventHost, Registration, SessionSpeaker

router = Router(tags=["events"])


def _events_for(user):
    return visible_events(user).prefetch_related(
        Prefetch("host_links", queryset=EventHost.objects.select_related("organisation"))
    )


def _visible_event(user, event_id: int):
    return get_object_or_404(_events_for(user), pk=event_id)


@router.get("/", response=list[EventOut], auth=READ, url_name="event-list")
@paginate(DirectoryPagination)
def list_events(request):
    """Events you may see, earliest first."""
    return _events_for(request.auth)


@router.get("/{int:event_id}/", response=EventOut, auth=READ, url_name="event-detail")
def read_event(request, event_id: int):
    return _visible_event(request.auth, event_id)


@router.get(
    "/{int:event_id}/sessions/", response=list[SessionOut], auth=READ, url_name="session-list"
)
def list_sessions(request, event_id: int):
    """The programme, in order. Video-room links are given on the event page to participants."""
    event = _visible_event(request.auth, event_id)
    return event.sessions.prefetch_related(
        Prefetch("speaker_links", queryset=SessionSpeaker.objects.select_related("person"))
    )


@router.post(
    "/{int:event_id}/registrations/",
    response={201: RegistrationOut},
    auth=WRITE,
    url_name="registration-list",
)
def create_registration(request, event_id: int, payload: RegistrationIn):
    """Register yourself: confirmed, waitlisted or pending the organiser's approval."""
    event = _visible_event(request.auth, event_id)
    return Status(
        201, register(request.auth, event, payload.attendance_mode, list(payload.answers))
    )


@router.get(
    "/registrations/", response=list[RegistrationOut], auth=WRITE, url_name="my-registrations"
)
def my_registrations(request):
    """Your own registrations."""
    return Registration.objects.filter(user=request.auth).order_by("created_at", "pk")


@router.delete(
    "/registrations/{int:registration_id}/",
    response=RegistrationOut,
    auth=WRITE,
    url_name="registration-detail",
)
def cancel(request, registration_id: int):
    """Cancel your registration (organisers may cancel any of their event's)."""
    user = request.auth
    registration = get_object_or_404(
        Registration.objects.select_related("event").filter(event__in=visible_events(user)),
        pk=registration_id,
    )
    if registration.user_id != user.pk and not user.has_perm(
        "events.change_event", registration.event
    ):
        raise Http404  # someone else's registration does not exist for this caller
    return cancel_registration(user, registration)
