"""State changes of events and their programmes. Each checks the acting user's permission first."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tradebridge.directory.enums import Visibility
from tradebridge.events.enums import EventStatus
from tradebridge.events.models import Event, EventHost, Session, SessionSpeaker

EVENT_FIELDS = (
    "kind",
    "series",
    "title_en",
    "title_zh",
    "description_en",
    "description_zh",
    "starts_at",
    "ends_at",
    "timezone",
    "venue_en",
    "venue_zh",
    "region",
    "attendance_mode",
    "languages",
    "capacity",
    "requires_approval",
    "registration_open",
    "questions",
    "visibility",
)
# A change to any of these makes calendar programs replace their copy (SEQUENCE + 1).
EVENT_SCHEDULE_FIELDS = ("starts_at", "ends_at", "timezone", "venue_en", "venue_zh")

SESSION_FIELDS = (
    "kind",
    "title_en",
    "title_zh",
    "description_en",
    "description_zh",
    "starts_at",
    "ends_at",
    "room",
    "is_online",
)
SESSION_SCHEDULE_FIELDS = ("starts_at", "ends_at", "room", "is_online", "title_en", "title_zh")


def _assign(instance, data: dict, allowed: tuple[str, ...]) -> set[str]:
    """Set the fields of ``data`` on ``instance``; returns the names whose value changed."""
    changed = set()
    for field, value in data.items():
        if field not in allowed:
            raise ValueError(f"{field} is not an editable field of {type(instance).__name__}")
        if getattr(instance, field) != value:
            changed.add(field)
        setattr(instance, field, value)
    return changed


def _set_hosts(event: Event, hosts) -> None:
    EventHost.objects.filter(event=event).delete()
    EventHost.objects.bulk_create(
        EventHost(event=event, organisation=organisation, role=role) for organisation, role in hosts
    )


@transaction.atomic
def create_event(user, data: dict, hosts=()) -> Event:
    """Create a draft event owned by the acting staff member's agency.

    ``hosts`` is a sequence of (organisation, HostRole). Side effects: one Event row and its
    host links. Raises ValidationError naming the fields, PermissionDenied for other roles.
    """
    if not user.has_perm("events.add_event"):
        raise PermissionDenied
    event = Event(owner_id=user.tenant_id, status=EventStatus.DRAFT)
    _assign(event, data, EVENT_FIELDS)
    event.full_clean()
    event.save()
    _set_hosts(event, hosts)
    return event


@transaction.atomic
def update_event(user, event: Event, data: dict, hosts=None) -> Event:
    """Change an event's fields (and, if given, its hosts).

    Side effects: when its time, zone or venue changes, ``sequence`` rises by one.
    """
    if not user.has_perm("events.change_event", event):
        raise PermissionDenied
    changed = _assign(event, data, EVENT_FIELDS)
    event.full_clean()
    if changed & set(EVENT_SCHEDULE_FIELDS):
        event.sequence += 1
    event.save()
    if hosts is not None:
        _set_hosts(event, hosts)
    return event


@transaction.atomic
def publish_event(user, event: Event, visibility: str = Visibility.PUBLIC) -> Event:
    """Publish an event: with public visibility it appears to everyone, anonymous visitors too.

    Side effects: ``status`` becomes published, ``visibility`` is set.
    """
    if not user.has_perm("events.change_event", event):
        raise PermissionDenied
    if visibility not in Visibility.values:
        raise ValidationError({"visibility": _("Choose public or private.")})
    event.status = EventStatus.PUBLISHED
    event.visibility = visibility
    event.save(update_fields=["status", "visibility", "updated_at"])
    return event


def _set_speakers(session: Session, speakers) -> None:
    SessionSpeaker.objects.filter(session=session).delete()
    SessionSpeaker.objects.bulk_create(
        SessionSpeaker(session=session, person=person, role=role, order=order)
        for order, (person, role) in enumerate(speakers)
    )


def _check_session_within_event(session: Session) -> None:
    event = session.event
    if (
        session.starts_at
        and session.ends_at
        and (session.starts_at < event.starts_at or session.ends_at > event.ends_at)
    ):
        raise ValidationError({"starts_at": _("The session must lie within the event's dates.")})


@transaction.atomic
def add_session(user, event: Event, data: dict, speakers=()) -> Session:
    """Add a session to an event's programme.

    ``speakers`` is a sequence of (person, SpeakerRole), in the order they are shown. Side
    effects: one Session row (with a new secret room token) and its speaker links.
    """
    if not user.has_perm("events.change_event", event):
        raise PermissionDenied
    session = Session(event=event)
    _assign(session, data, SESSION_FIELDS)
    session.full_clean()
    _check_session_within_event(session)
    session.save()
    _set_speakers(session, speakers)
    return session


@transaction.atomic
def update_session(user, session: Session, data: dict, speakers=None) -> Session:
    """Change a session and, if given, its speakers and moderators.

    Side effects: when its time, room, online flag or title changes, ``sequence`` rises by one
    so that calendar programs holding the session replace it. The room token never changes.
    """
    if not user.has_perm("events.change_event", session.event):
        raise PermissionDenied
    changed = _assign(session, data, SESSION_FIELDS)
    session.full_clean()
    _check_session_within_event(session)
    if changed & set(SESSION_SCHEDULE_FIELDS):
        session.sequence += 1
    session.save()
    if speakers is not None:
        _set_speakers(session, speakers)
    return session
