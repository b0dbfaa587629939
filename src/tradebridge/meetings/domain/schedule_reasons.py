"""Why a run left a request out, in the reader's language (runs store reason codes)."""

from django.utils.translation import gettext_lazy as _

from tradebridge.meetings.domain.schedule_problem import Reason
from tradebridge.meetings.models import MeetingRequest, ScheduleRun

REASONS = {
    Reason.NO_ATTENDEE: _("Nobody attends for one side (the login is gone or inactive)."),
    Reason.NO_TABLES: _("The event has no tables for meetings on site."),
    Reason.NO_COMMON_TIME: _("The two sides have no free slot in common."),
    Reason.OUTSIDE_WORKING_HOURS: _(
        "Their common free slots are all outside someone's working hours for online meetings."
    ),
    Reason.DAILY_LIMIT: _(
        "On every day both could meet, one side already has as many meetings as they allow "
        "(here and elsewhere)."
    ),
    Reason.CROWDED_OUT: _(
        "Every slot both could take went to other meetings (of equal or higher priority)."
    ),
    Reason.NO_FREE_TABLE: _("No table of the right kind was free in any slot both could take."),
    Reason.TAKEN_MEANWHILE: _("Its time was booked directly while the scheduler was running."),
}


def reason_text(code: str) -> str:
    return str(REASONS.get(code, _("Unknown reason.")))


def unscheduled_lines(run: ScheduleRun) -> list[tuple[MeetingRequest | None, str]]:
    """(request, reason) for each request the run could not place, the request None when it
    has been deleted since."""
    ids = [item["request"] for item in run.unscheduled]
    requests = MeetingRequest.objects.select_related(
        "requester_organisation", "recipient_organisation", "requester", "recipient_user"
    ).in_bulk(ids)
    return [
        (requests.get(item["request"]), reason_text(item["reason"])) for item in run.unscheduled
    ]
