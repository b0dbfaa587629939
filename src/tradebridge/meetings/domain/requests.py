"""Meeting requests and their answers: request, accept, decline, propose another time, cancel.

``request_meeting`` is also what matchmaking calls when a user acts on a recommendation; its
signature is an interface. Each function checks the acting user's permission first, locks the
request row, and changes it in one transaction.
"""

from datetime import datetime

import rules
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tradebridge.accounts.models import User
from tradebridge.common.bilingual import prefers_chinese
from tradebridge.directory.models import Affiliation, Organisation, Person
from tradebridge.events.enums import AttendanceMode
from tradebridge.meetings.domain import bookings
from tradebridge.meetings.domain.event_settings import settings_for
from tradebridge.meetings.domain.notices import announce
from tradebridge.meetings.domain.request_notices import announce_request
from tradebridge.meetings.enums import (
    OPEN_REQUEST_STATUSES,
    MeetingLanguage,
    MeetingStatus,
    PlaceKind,
    Priority,
    RequestStatus,
)
from tradebridge.meetings.models import MeetingRequest
from tradebridge.meetings.rules import is_on_recipient_side
from tradebridge.meetings.schedule_enums import MeetingChange

MAX_MESSAGE_LENGTH = 2000
# Regions whose organisations are taken to speak Chinese when nothing else is known.
CHINESE_SPEAKING_REGIONS = ("CN", "TW", "HK", "MO")


def _spoken_by_user(user) -> set[str]:
    spoken = {"zh" if prefers_chinese(user.language) else "en"}
    person = user.person if user.person_id else None
    if person is not None:
        spoken |= set(person.language_list())
    return spoken


def _spoken_by_recipient(organisation, person, user) -> set[str]:
    if user is not None:
        return _spoken_by_user(user)
    if person is not None and person.languages:
        return set(person.language_list())
    logins = organisation.users.filter(is_active=True).select_related("person")
    if logins:
        return set().union(*(_spoken_by_user(login) for login in logins))
    region = organisation.home_region.code if organisation.home_region_id else ""
    return {"zh"} if region.split("-")[0] in CHINESE_SPEAKING_REGIONS else {"en"}


def default_language(user, recipient_organisation, recipient_person=None, recipient_user=None):
    """English or Chinese when both sides speak it (the requester's own language first),
    otherwise both with an interpreter. The recipient's languages come from their login,
    their directory entry, the logins of their organisation or, failing all, its region."""
    mine = _spoken_by_user(user)
    common = mine & _spoken_by_recipient(recipient_organisation, recipient_person, recipient_user)
    preferred = ["zh", "en"] if prefers_chinese(user.language) else ["en", "zh"]
    for code in preferred:
        if code in common:
            return MeetingLanguage(code)
    return MeetingLanguage.BOTH


def _recipient(user, organisation: Organisation, named) -> tuple[Person | None, User | None]:
    """The named person and their login (if they act for ``organisation``)."""
    if named is None:
        return None, None
    if isinstance(named, User):
        if not named.is_active or named.organisation_id != organisation.pk:
            raise ValidationError(
                {"recipient_person": _("This person does not act for that organisation.")}
            )
        return (named.person if named.person_id else None), named
    if not isinstance(named, Person) or not user.has_perm("directory.view_person", named):
        raise ValidationError({"recipient_person": _("Unknown person.")})
    try:
        login = named.user
    except ObjectDoesNotExist:
        login = None
    works_there = Affiliation.objects.filter(person=named, organisation=organisation).exists()
    if login is not None and login.is_active and login.organisation_id == organisation.pk:
        return named, login
    if not works_there:
        raise ValidationError(
            {"recipient_person": _("This person does not work for that organisation.")}
        )
    return named, None


def _default_place(event) -> str:
    if event is None or event.attendance_mode == AttendanceMode.ONLINE:
        return PlaceKind.ONLINE
    return PlaceKind.TABLE


def _clean_text(field: str, text) -> str:
    text = (text or "").strip() if isinstance(text, str) or text is None else None
    if text is None:
        raise ValidationError({field: _("Enter text.")})
    if len(text) > MAX_MESSAGE_LENGTH:
        raise ValidationError(
            {field: _("Write at most %(max)d characters.") % {"max": MAX_MESSAGE_LENGTH}}
        )
    if "\x00" in text:
        raise ValidationError({field: _("Text may not contain the NUL character.")})
    return text


@transaction.atomic
def request_meeting(
    user,
    *,
    recipient_organisation,
    event=None,
    message: str = "",
    priority: str = Priority.WOULD_LIKE,
    language: str | None = None,
    recipient_person=None,
    place_kind: str | None = None,
) -> MeetingRequest:
    """Ask ``recipient_organisation`` (optionally a named person there, a Person or a User) for
    a one-to-one meeting, at ``event`` or (None) online on its own.

    ``language`` defaults to one both sides speak (else both, with an interpreter);
    ``place_kind`` to a table on site, or online for online events and meetings outside events.
    Side effects: one MeetingRequest in state "requested", on behalf of the user's
    organisation; after commit the recipient's side is told by mail (``request_notices``).
    Raises PermissionDenied for users who do not act for an organisation,
    ValidationError keyed by argument name for anything invalid, or when the same request is
    already waiting for an answer.
    """
    if not rules.test_rule("meetings.request_meeting", user):
        raise PermissionDenied
    if not isinstance(recipient_organisation, Organisation) or not user.has_perm(
        "directory.view_organisation", recipient_organisation
    ):
        raise ValidationError({"recipient_organisation": _("Unknown organisation.")})
    if recipient_organisation.pk == user.organisation_id:
        raise ValidationError(
            {"recipient_organisation": _("Choose another organisation than your own.")}
        )
    if event is not None and not (
        user.has_perm("events.take_part", event) or user.has_perm("events.change_event", event)
    ):
        raise ValidationError({"event": _("You cannot arrange meetings at this event.")})
    person, recipient_user = _recipient(user, recipient_organisation, recipient_person)
    if recipient_user is not None and recipient_user.pk == user.pk:
        raise ValidationError({"recipient_person": _("You cannot meet yourself.")})
    if priority not in Priority.values:
        raise ValidationError({"priority": _("Choose must meet or would like to meet.")})
    if language is None:
        language = default_language(user, recipient_organisation, person, recipient_user)
    if language not in MeetingLanguage.values:
        raise ValidationError({"language": _("Choose English, Chinese or both.")})
    place_kind = place_kind or _default_place(event)
    if place_kind not in PlaceKind.values:
        raise ValidationError({"place_kind": _("Choose a table on site or online.")})
    if place_kind == PlaceKind.TABLE and (
        event is None or event.attendance_mode == AttendanceMode.ONLINE
    ):
        raise ValidationError(
            {"place_kind": _("Meetings outside events and at online events take place online.")}
        )
    waiting = MeetingRequest.objects.filter(
        requester_organisation_id=user.organisation_id,
        recipient_organisation=recipient_organisation,
        event=event,
        status__in=OPEN_REQUEST_STATUSES,
    )
    if waiting.exists():
        raise ValidationError(
            {
                "recipient_organisation": _(
                    "Your organisation's request to this organisation is still waiting for an "
                    "answer."
                )
            }
        )
    request = MeetingRequest.objects.create(
        requester=user,
        requester_organisation_id=user.organisation_id,
        recipient_organisation=recipient_organisation,
        recipient_person=person,
        recipient_user=recipient_user,
        event=event,
        message=_clean_text("message", message),
        priority=priority,
        language=language,
        place_kind=place_kind,
    )
    announce_request(user, request, RequestStatus.REQUESTED)
    return request


def _answerable(user, request: MeetingRequest) -> MeetingRequest:
    if not rules.test_rule("meetings.answer_request", user, request):
        raise PermissionDenied
    request = bookings.locked(request)
    if request.status not in OPEN_REQUEST_STATUSES:
        raise ValidationError(
            {
                "status": _("This request is %(status)s; it waits for no answer.")
                % {"status": request.get_status_display().lower()}
            }
        )
    if not rules.test_rule("meetings.answer_request", user, request):
        raise PermissionDenied  # the other side answered in the meantime
    if request.recipient_user_id is None and is_on_recipient_side(user, request):
        request.recipient_user = user
    return request


@transaction.atomic
def accept_request(user, request: MeetingRequest, *, reply: str = "") -> MeetingRequest:
    """Accept a request (the recipient) or the other side's proposed time.

    Side effects: state "accepted"; the acting recipient becomes the attendee if none was
    named; accepting a proposed time books the meeting then (all or nothing: when the time
    was taken meanwhile, ValidationError on ``starts_at`` and the request stays as it was).
    After commit the other side is told (with the meeting and its .ics when one was booked),
    and the acting user gets the booked meeting's notice.
    """
    request = _answerable(user, request)
    proposed = request.status == RequestStatus.COUNTER_PROPOSED
    request.status = RequestStatus.ACCEPTED
    request.reply = _clean_text("reply", reply) or request.reply
    request.save()
    if proposed:
        meeting = bookings.place_at(user, request, request.proposed_starts_at)
        told = announce_request(user, request, RequestStatus.ACCEPTED, meeting=meeting)
        announce(meeting, MeetingChange.SCHEDULED, skip=told)
    else:
        announce_request(user, request, RequestStatus.ACCEPTED)
    return request


@transaction.atomic
def decline_request(user, request: MeetingRequest, *, reply: str = "") -> MeetingRequest:
    """Decline a request or the other side's proposed time. Side effects: state "declined"
    (final); after commit the other side is told."""
    request = _answerable(user, request)
    request.status = RequestStatus.DECLINED
    request.reply = _clean_text("reply", reply)
    request.save()
    announce_request(user, request, RequestStatus.DECLINED)
    return request


@transaction.atomic
def propose_time(
    user, request: MeetingRequest, starts_at: datetime, *, reply: str = ""
) -> MeetingRequest:
    """Answer with another time: one of the free slots of both sides.

    Side effects: state "counter_proposed" with ``proposed_starts_at`` and ``proposed_by``;
    the other side answers next and is told after commit, the time in their zone and the
    event's. Not where the organiser has closed direct booking.
    """
    request = _answerable(user, request)
    settings = settings_for(request.event)
    bookings.check_direct_booking(user, request, settings)
    if not isinstance(starts_at, datetime) or starts_at.tzinfo is None:
        raise ValidationError({"starts_at": _("Give the start with its time zone.")})
    free = {slot.starts_at for slot in bookings.free_slots(request, attendee_user=user)}
    if starts_at not in free:
        raise ValidationError({"starts_at": _("Choose one of the free slots.")})
    request.status = RequestStatus.COUNTER_PROPOSED
    request.proposed_starts_at = starts_at
    request.proposed_by = user
    request.reply = _clean_text("reply", reply)
    request.save()
    announce_request(user, request, RequestStatus.COUNTER_PROPOSED)
    return request


@transaction.atomic
def cancel_request(user, request: MeetingRequest, *, reply: str = "") -> MeetingRequest:
    """Cancel a request, by either side or the event's organiser, at any point before it ends.

    Side effects: state "cancelled" (final); a booked meeting is cancelled too, its time and
    table freed and its ``sequence`` raised so calendars drop it. After commit the other side
    (for an organiser, both sides) is told, with the cancelled meeting's .ics if it was
    published; the acting user, if they attend, gets the meeting's notice.
    """
    if not user.has_perm("meetings.cancel_request", request):
        raise PermissionDenied
    request = bookings.locked(request)
    if request.is_final:
        raise ValidationError(
            {
                "status": _("This request is %(status)s already.")
                % {"status": request.get_status_display().lower()}
            }
        )
    request.reply = _clean_text("reply", reply) or request.reply
    meeting = bookings.live_meeting(request)
    published = (
        meeting if meeting is not None and meeting.status == MeetingStatus.CONFIRMED else None
    )
    told = announce_request(user, request, RequestStatus.CANCELLED, meeting=published)
    bookings.cancel_meeting_of(request, skip=told)
    request.status = RequestStatus.CANCELLED
    request.save()
    return request
