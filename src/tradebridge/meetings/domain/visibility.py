"""Querysets of the meeting requests and meetings a user may see; lists start here."""

from django.db.models import Q, QuerySet

from tradebridge.meetings.models import Meeting, MeetingRequest
from tradebridge.meetings.rules import acts_for_an_organisation


def _involving(user, prefix: str = "") -> Q:
    condition = Q(**{f"{prefix}requester": user}) | Q(**{f"{prefix}recipient_user": user})
    if acts_for_an_organisation(user):
        condition |= Q(**{f"{prefix}requester_organisation_id": user.organisation_id})
        condition |= Q(**{f"{prefix}recipient_organisation_id": user.organisation_id})
    if user.tenant_id is not None:
        condition |= Q(**{f"{prefix}event__owner_id": user.tenant_id})
    return condition


def visible_requests(user) -> QuerySet[MeetingRequest]:
    """Requests ``user``'s side sent or received, and those at events their agency runs."""
    if not user.is_authenticated:
        return MeetingRequest.objects.none()
    if user.is_platform_admin:
        return MeetingRequest.objects.all()
    return MeetingRequest.objects.filter(_involving(user))


def visible_meetings(user) -> QuerySet[Meeting]:
    """Meetings of the requests ``user`` may see."""
    if not user.is_authenticated:
        return Meeting.objects.none()
    if user.is_platform_admin:
        return Meeting.objects.all()
    return Meeting.objects.filter(_involving(user, "request__"))
