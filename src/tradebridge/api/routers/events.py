"""/api/v1/events/: events, their programmes, and the caller's registrations.

Reads show what ``visible_events`` allows (anonymous callers: published public events); writes
call the same domain functions as the pages.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from tradebridge.api.auth import READ, WRITE
from tradebridge.api.pagination import DirectoryPagination
from tradebridge.api.schemas.events import (
    CheckInIn,
    DecisionIn,
    EventIn,
    EventOut,
    EventPatch,
    RegistrationAdminOut,
    RegistrationIn,
    RegistrationOut,
    SessionIn,
    SessionOut,
    SessionPatch,
)
from tradebridge.directory.domain.visibility import visible_people
from tradebridge.events.domain.events import (
    add_session,
    create_event,
    publish_event,
    update_event,
    update_session,
)
from tradebridge.events.domain.registrations import (
    cancel_registration,
    check_in,
    decide_registration,
    register,
)
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.models import EventHost, Registration, Session, SessionSpeaker

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


def _event_data(fields: dict) -> dict:
    if "languages" in fields:
        fields["languages"] = ",".join(fields["languages"])
    return fields


def _speakers(user, speakers) -> list | None:
    """(person, role) pairs for the domain; every person must be one ``user`` may see."""
    if speakers is None:
        return None
    people = visible_people(user).in_bulk([item["person"] for item in speakers])
    missing = [item["person"] for item in speakers if item["person"] not in people]
    if missing:
        raise ValidationError({"speakers": _("Unknown person: %(ids)s.")
                               % {"ids": ", ".join(map(str, missing))}})  # fmt: skip
    return [(people[item["person"]], item["role"]) for item in speakers]


def _organised_event(user, event_id: int):
    event = _visible_event(user, event_id)
    # Checked before the input, so that someone who may not edit learns nothing from errors.
    if not user.has_perm("events.change_event", event):
        raise PermissionDenied
    return event


@router.post("/", response={201: EventOut}, auth=WRITE, url_name="event-list")
def create(request, payload: EventIn):
    """Create a draft event of your agency; publish it to show it to everyone."""
    user = request.auth
    if not user.has_perm("events.add_event"):
        raise PermissionDenied
    return Status(201, create_event(user, _event_data(payload.model_dump())))


@router.patch("/{int:event_id}/", response=EventOut, auth=WRITE, url_name="event-detail")
def change(request, event_id: int, payload: EventPatch):
    """Change only the fields given; a new time or place raises the calendar SEQUENCE."""
    user = request.auth
    event = _organised_event(user, event_id)
    return update_event(user, event, _event_data(payload.model_dump(exclude_unset=True)))


@router.post("/{int:event_id}/publish/", response=EventOut, auth=WRITE, url_name="event-publish")
def publish(request, event_id: int):
    user = request.auth
    return publish_event(user, _organised_event(user, event_id))


@router.post(
    "/{int:event_id}/sessions/",
    response={201: SessionOut},
    auth=WRITE,
    url_name="session-list",
)
def create_session(request, event_id: int, payload: SessionIn):
    """Add a session; online sessions get a video room (the link is on the event page)."""
    user = request.auth
    event = _organised_event(user, event_id)
    fields = payload.model_dump()
    speakers = _speakers(user, fields.pop("speakers"))
    return Status(201, add_session(user, event, fields, speakers))


@router.patch(
    "/sessions/{int:session_id}/", response=SessionOut, auth=WRITE, url_name="session-detail"
)
def change_session(request, session_id: int, payload: SessionPatch):
    """Change only the fields given; a new time, room or title raises the SEQUENCE."""
    user = request.auth
    session = get_object_or_404(
        Session.objects.select_related("event").filter(event__in=visible_events(user)),
        pk=session_id,
    )
    if not user.has_perm("events.change_event", session.event):
        raise PermissionDenied
    fields = payload.model_dump(exclude_unset=True)
    speakers = _speakers(user, fields.pop("speakers", None))
    return update_session(user, session, fields, speakers)


@router.get(
    "/{int:event_id}/registrations/",
    response=list[RegistrationAdminOut],
    auth=WRITE,
    url_name="registration-list",
)
def list_registrations(request, event_id: int):
    """Every registration of an event you organise, with the answers."""
    event = _organised_event(request.auth, event_id)
    return event.registrations.select_related("user").order_by("created_at", "pk")


@router.post(
    "/registrations/{int:registration_id}/decision/",
    response=RegistrationAdminOut,
    auth=WRITE,
    url_name="registration-decision",
)
def decide(request, registration_id: int, payload: DecisionIn):
    """Approve (confirmed while seats are free, else waitlisted) or decline a registration."""
    user = request.auth
    registration = get_object_or_404(
        Registration.objects.select_related("event", "user").filter(event__in=visible_events(user)),
        pk=registration_id,
    )
    if not user.has_perm("events.change_event", registration.event):
        raise Http404  # someone else's registration does not exist for this caller
    return decide_registration(user, registration, payload.approve)


@router.post(
    "/{int:event_id}/check-in/",
    response=RegistrationAdminOut,
    auth=WRITE,
    url_name="event-check-in",
)
def check_in_attendee(request, event_id: int, payload: CheckInIn):
    """Check in an in-person attendee by the code from their confirmation."""
    user = request.auth
    registration = check_in(user, _organised_event(user, event_id), payload.code)
    return Registration.objects.select_related("user").get(pk=registration.pk)
