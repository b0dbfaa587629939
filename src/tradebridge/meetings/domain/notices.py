"""Mail to meeting participants about every change, each in their own language and zone, with
an .ics attachment whose UID is the meeting's own (calendar programs replace the entry).

Domain functions call ``announce`` or ``announce_publication`` inside their transaction; the mail
goes out after commit, re-reading the rows, so a rolled-back change tells nobody anything.
"""

from collections.abc import Collection

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tradebridge.meetings.domain.agendas import agenda_line
from tradebridge.meetings.domain.meeting_calendar import meetings_calendar, meetings_of
from tradebridge.meetings.enums import MeetingStatus
from tradebridge.meetings.models import Meeting
from tradebridge.meetings.schedule_enums import MeetingChange


def _attendees(meeting: Meeting) -> list:
    request = meeting.request
    return [user for user in (request.requester, request.recipient_user) if user is not None]


def _subject(change: str, line) -> str:
    name = line.organisation.name
    if change == MeetingChange.MOVED:
        return _("Meeting moved: %(name)s") % {"name": name}
    if change == MeetingChange.CANCELLED:
        return _("Meeting cancelled: %(name)s") % {"name": name}
    return _("Meeting scheduled: %(name)s") % {"name": name}


def send_meeting_notice(meeting_id: int, change: str, skip: Collection[int] = ()) -> int:
    """Tell both participants (but the users in ``skip``) that their meeting was scheduled,
    moved or cancelled; returns the number of mails sent."""
    meeting = _load_meeting(meeting_id)
    if meeting is None:
        return 0
    sent = 0
    for user in _attendees(meeting):
        if not user.email or not user.is_active or user.pk in skip:
            continue
        with translation.override(user.language or settings.LANGUAGE_CODE):
            line = agenda_line(meeting, user, user.timezone)
            body = render_to_string(
                "meetings/mail/meeting_change.txt", {"user": user, "line": line, "change": change}
            )
            message = EmailMessage(
                _subject(change, line), body, settings.DEFAULT_FROM_EMAIL, [user.email]
            )
            message.attach(
                "meeting.ics", meetings_calendar(_("Meeting"), [meeting], user), "text/calendar"
            )
        message.send()
        sent += 1
    return sent


def _load_meeting(meeting_id: int) -> Meeting | None:
    return (
        Meeting.objects.select_related(
            "table",
            "event",
            "request__requester",
            "request__recipient_user",
            "request__requester_organisation",
            "request__recipient_organisation",
        )
        .filter(pk=meeting_id)
        .first()
    )


def send_publication_notices(event_id: int, changes: dict[int, str]) -> int:
    """One mail per participant listing what publishing changed for them (``changes``: meeting
    id -> scheduled or moved), with all their meetings at the event attached; returns the
    number of mails sent."""
    meetings = [_load_meeting(pk) for pk in changes]
    meetings = [meeting for meeting in meetings if meeting is not None and meeting.is_live]
    people: dict[int, tuple] = {}
    for meeting in meetings:
        for user in _attendees(meeting):
            people.setdefault(user.pk, (user, []))[1].append(meeting)
    sent = 0
    for user, theirs in people.values():
        if not user.email or not user.is_active:
            continue
        event = theirs[0].event
        with translation.override(user.language or settings.LANGUAGE_CODE):
            lines = [
                (agenda_line(meeting, user, user.timezone), changes[meeting.pk])
                for meeting in sorted(theirs, key=lambda m: m.starts_at)
            ]
            body = render_to_string(
                "meetings/mail/schedule_published.txt",
                {"user": user, "event": event, "changes": lines},
            )
            subject = _("Your meetings at %(event)s") % {"event": event.title}
            message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
            calendar = meetings_calendar(event.title, meetings_of(user, event), user)
            message.attach("meetings.ics", calendar, "text/calendar")
        message.send()
        sent += 1
    return sent


def announce(meeting: Meeting, change: str, skip: Collection[int] = ()) -> None:
    """After commit, tell the meeting's participants about ``change``, except the users in
    ``skip`` (told in a request notice instead, see request_notices). Not for tentative
    meetings, which participants never saw: callers cancelling one check that first."""
    if meeting.status == MeetingStatus.TENTATIVE:
        return
    skip = frozenset(skip)
    transaction.on_commit(lambda: send_meeting_notice(meeting.pk, change, skip))


def announce_publication(event_id: int, changes: dict[int, str]) -> None:
    transaction.on_commit(lambda: send_publication_notices(event_id, changes))
