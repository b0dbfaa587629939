"""Mail about each step of a meeting request: a new request reaches the recipient's side; an
acceptance, a refusal, another proposed time or a cancellation reaches the other side. Each
reader gets it in their own language, a proposed time in their own zone and the event's (outside
events: the proposer's), with a link to their meeting inbox; the acting user never gets one.

Who reads: the requester, and for the recipient's side the attending user once known, else the
representatives of the recipient organisation (company representatives and agency staff acting
for it), less the acting user and, when the actor is on the recipient's side, their colleagues.

Domain functions call ``announce_request`` inside their transaction; the mail goes out after
commit, re-reading the rows, so a rolled-back change tells nobody anything. When the change
books or cancels a published meeting, the readers' mail carries the meeting and its .ics, and
``notices.announce`` leaves them out (one mail per person and change).
"""

from collections.abc import Collection

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from tradebridge.events.domain.time_display import shown_span
from tradebridge.meetings.domain.agendas import agenda_line
from tradebridge.meetings.domain.availability import display_name
from tradebridge.meetings.domain.bookings import meeting_length
from tradebridge.meetings.domain.meeting_calendar import meetings_calendar
from tradebridge.meetings.enums import MeetingStatus, RequestStatus
from tradebridge.meetings.models import Meeting, MeetingRequest
from tradebridge.meetings.rules import ACTING_ROLES, is_on_recipient_side


def readers(actor, request: MeetingRequest) -> list[int]:
    """Ids of the users told about ``actor``'s change to ``request``, in a stable order."""
    people = [request.requester_id]
    if request.recipient_user_id is not None:
        people.append(request.recipient_user_id)
    elif not is_on_recipient_side(actor, request):
        people.extend(
            get_user_model()
            .objects.filter(
                organisation_id=request.recipient_organisation_id,
                role__in=ACTING_ROLES,
                is_active=True,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    return [pk for pk in dict.fromkeys(people) if pk != actor.pk]


def announce_request(
    actor, request: MeetingRequest, change: str, meeting: Meeting | None = None
) -> list[int]:
    """After commit, tell the readers of ``request`` that ``actor`` changed it (``change``: the
    request's new status); ``meeting``, a published meeting the change booked or cancelled,
    goes with it. Returns the ids of the users who will be told."""
    told = readers(actor, request)
    if told:
        meeting_id = meeting.pk if meeting is not None else None
        transaction.on_commit(
            lambda: send_request_notice(request.pk, change, actor.pk, told, meeting_id)
        )
    return told


def _link(name: str, *args) -> str:
    return f"{settings.TRADEBRIDGE_SITE_URL}{reverse(name, args=args)}"


def _on_requester_side(user, request: MeetingRequest) -> bool:
    return user.pk == request.requester_id or (
        user.organisation_id is not None
        and user.organisation_id == request.requester_organisation_id
    )


def _subject(change: str, name: str, meeting: Meeting | None) -> str:
    values = {"name": name}
    if meeting is not None and change == RequestStatus.CANCELLED:
        return _("Meeting cancelled: %(name)s") % values
    if meeting is not None:
        return _("Meeting scheduled: %(name)s") % values
    subjects = {
        RequestStatus.REQUESTED: _("Meeting request from %(name)s"),
        RequestStatus.ACCEPTED: _("Meeting request accepted: %(name)s"),
        RequestStatus.DECLINED: _("Meeting request declined: %(name)s"),
        RequestStatus.COUNTER_PROPOSED: _("Another time proposed: %(name)s"),
    }
    return subjects.get(change, _("Meeting request cancelled: %(name)s")) % values


def _proposed_span(request: MeetingRequest, proposer, reader):
    if request.proposed_starts_at is None:
        return None
    starts_at = request.proposed_starts_at
    if request.event_id is not None:
        zone = request.event.timezone
    else:
        zone = (proposer.timezone if proposer is not None else "") or "UTC"
    return shown_span(starts_at, starts_at + meeting_length(request), zone, reader.timezone)


def send_request_notice(
    request_id: int,
    change: str,
    actor_id: int,
    reader_ids: Collection[int],
    meeting_id: int | None = None,
) -> int:
    """Mail each active reader with an address about ``change``; returns the mails sent."""
    request = (
        MeetingRequest.objects.select_related(
            "event",
            "requester",
            "recipient_user",
            "proposed_by",
            "requester_organisation",
            "recipient_organisation",
        )
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        return 0
    users = get_user_model().objects.select_related("organisation")
    actor = users.filter(pk=actor_id).first()
    meeting = (
        Meeting.objects.select_related("table", "event").filter(pk=meeting_id).first()
        if meeting_id is not None
        else None
    )
    if meeting is not None and meeting.status == MeetingStatus.TENTATIVE:
        meeting = None
    sent = 0
    for reader in users.filter(pk__in=reader_ids, is_active=True).exclude(email="").order_by("pk"):
        send_one(request, change, actor, reader, meeting)
        sent += 1
    return sent


def _who(actor) -> str:
    """The acting user as the reader sees them: their name and organisation."""
    if actor is None:
        return _("Someone")
    if actor.organisation is None:
        return display_name(actor)
    return _("%(name)s (%(organisation)s)") % {
        "name": display_name(actor),
        "organisation": actor.organisation.name,
    }


def send_one(request: MeetingRequest, change: str, actor, reader, meeting) -> None:
    """The mail to one reader, in their language."""
    attends = meeting is not None and reader.pk in (request.requester_id, request.recipient_user_id)
    if attends:
        meeting.request = request
    with translation.override(reader.language or settings.LANGUAGE_CODE):
        if _on_requester_side(reader, request):
            other = request.recipient_organisation
        else:
            other = request.requester_organisation
        context = {
            "reader": reader,
            "request": request,
            "change": change,
            "who": _who(actor),
            "other": other,
            "line": agenda_line(meeting, reader, reader.timezone) if attends else None,
            "proposed": _proposed_span(request, request.proposed_by, reader)
            if change == RequestStatus.COUNTER_PROPOSED
            else None,
            "inbox_url": _link("web:meetings"),
            "request_url": _link("web:meeting-request-detail", request.pk),
        }
        body = render_to_string("meetings/mail/request_change.txt", context)
        message = EmailMessage(
            _subject(change, other.name, meeting if attends else None),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [reader.email],
        )
        if attends:
            message.attach(
                "meeting.ics", meetings_calendar(_("Meeting"), [meeting], reader), "text/calendar"
            )
    message.send()
