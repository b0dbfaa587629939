"""/api/v1/schedules/: the organiser's scheduler runs, their progress, and the published schedule.

The same domain functions and permissions as the pages: runs exist only for the event's
organisers (404 for everyone else); the schedule and its spreadsheet are the organisers'; each
participant reads their own agenda.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from tradebridge.api.auth import WRITE
from tradebridge.api.schemas.schedules import (
    AgendaLineOut,
    RunIn,
    RunOut,
    ScheduleOut,
)
from tradebridge.events.domain.visibility import visible_events
from tradebridge.meetings.domain.agendas import agenda
from tradebridge.meetings.domain.event_schedule import schedule_entries
from tradebridge.meetings.domain.schedule_runs import (
    cancel_run,
    mark_if_stale,
    publish_run,
    start_run,
)
from tradebridge.meetings.interfaces.schedule_xlsx import CONTENT_TYPE, schedule_workbook
from tradebridge.meetings.models import ScheduleRun

router = Router(tags=["schedules"])


def require_permission(user, permission: str, obj) -> None:
    """403 for what the caller sees but may not do; 404 for what they may not see at all."""
    if user.has_perm(permission, obj):
        return
    if not user.has_perm(f"{obj._meta.app_label}.view_{obj._meta.model_name}", obj):
        raise Http404
    raise PermissionDenied


def _event(user, event_id: int):
    return get_object_or_404(visible_events(user), pk=event_id)


def _organised_event(user, event_id: int):
    event = _event(user, event_id)
    require_permission(user, "meetings.manage_schedule", event)
    return event


def _run(user, run_id: int) -> ScheduleRun:
    run = get_object_or_404(
        ScheduleRun.objects.filter(event__in=visible_events(user)).select_related("event"),
        pk=run_id,
    )
    require_permission(user, "meetings.view_schedulerun", run)
    return mark_if_stale(run)


@router.post(
    "/events/{int:event_id}/runs/", response={201: RunOut}, auth=WRITE, url_name="schedule-runs"
)
def start(request, event_id: int, payload: RunIn):
    """Start the scheduler over the event's accepted requests; poll the run for progress."""
    user = request.auth
    event = _organised_event(user, event_id)
    return Status(201, start_run(user, event, **payload.model_dump()))


@router.get(
    "/events/{int:event_id}/runs/", response=list[RunOut], auth=WRITE, url_name="schedule-runs"
)
def list_runs(request, event_id: int):
    """The event's runs, newest first."""
    event = _organised_event(request.auth, event_id)
    return [mark_if_stale(run) for run in ScheduleRun.objects.filter(event=event)[:50]]


@router.get("/runs/{int:run_id}/", response=RunOut, auth=WRITE, url_name="schedule-run")
def progress(request, run_id: int):
    """A run's state: percent, best points so far, the proven bound, the gap, elapsed time;
    when finished, what it placed and what it could not, with the reason."""
    return _run(request.auth, run_id)


@router.post(
    "/runs/{int:run_id}/cancel/", response=RunOut, auth=WRITE, url_name="schedule-run-cancel"
)
def cancel(request, run_id: int):
    """Stop a queued or running run; it changes nothing."""
    user = request.auth
    run = _run(user, run_id)
    require_permission(user, "meetings.change_schedulerun", run)
    return cancel_run(user, run)


@router.post(
    "/runs/{int:run_id}/publish/", response=RunOut, auth=WRITE, url_name="schedule-run-publish"
)
def publish(request, run_id: int):
    """Confirm a finished run's proposals; each participant concerned gets a mail with .ics."""
    user = request.auth
    run = _run(user, run_id)
    require_permission(user, "meetings.change_schedulerun", run)
    return publish_run(user, run)


def _side(organisation, user) -> dict:
    name = (user.get_full_name() or user.username) if user is not None else ""
    return {"organisation": organisation.pk, "organisation_name": organisation.name, "person": name}


@router.get("/events/{int:event_id}/", response=ScheduleOut, auth=WRITE, url_name="event-schedule")
def schedule(request, event_id: int):
    """Every live meeting of the event, proposals of an unpublished run included (``status``
    "tentative")."""
    event = _organised_event(request.auth, event_id)
    meetings = []
    for entry in schedule_entries(event):
        meeting, meeting_request = entry.meeting, entry.request
        table = meeting.table
        meetings.append(
            {
                "id": meeting.pk,
                "uid": str(meeting.uid),
                "sequence": meeting.sequence,
                "status": meeting.status,
                "request": meeting_request.pk,
                "starts_at": meeting.starts_at,
                "ends_at": meeting.ends_at,
                "local_starts_at": entry.local_start,
                "local_ends_at": entry.local_end,
                "place_kind": meeting.place_kind,
                "table": (
                    {
                        "number": table.number,
                        "name": table.name,
                        "room": table.room,
                        "for_online": table.for_online,
                    }
                    if table is not None
                    else None
                ),
                "room_url": entry.room_url,
                "language": meeting_request.language,
                "priority": meeting_request.priority,
                "requester": _side(
                    meeting_request.requester_organisation, meeting_request.requester
                ),
                "recipient": _side(
                    meeting_request.recipient_organisation, meeting_request.recipient_user
                ),
            }
        )
    return {"event": event.pk, "timezone": event.timezone, "meetings": meetings}


@router.get("/events/{int:event_id}/schedule.xlsx", auth=WRITE, url_name="schedule-xlsx")
def workbook(request, event_id: int):
    """The whole schedule as an Excel workbook (times in the event's zone and UTC)."""
    event = _organised_event(request.auth, event_id)
    response = HttpResponse(schedule_workbook(event), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="meetings-event-{event.pk}.xlsx"'
    return response


@router.get(
    "/events/{int:event_id}/agenda/",
    response=list[AgendaLineOut],
    auth=WRITE,
    url_name="my-agenda",
)
def my_agenda(request, event_id: int):
    """Your published meetings at the event, in the event's zone and yours."""
    user = request.auth
    event = _event(user, event_id)
    lines = []
    for line in agenda(user, event, user.timezone):
        meeting = line.meeting
        lines.append(
            {
                "meeting": meeting.pk,
                "uid": str(meeting.uid),
                "sequence": meeting.sequence,
                "status": meeting.status,
                "starts_at": meeting.starts_at,
                "ends_at": meeting.ends_at,
                "local_starts_at": line.span.start.event_local,
                "your_starts_at": line.span.start.viewer_local,
                "day_shift": line.span.start.day_shift,
                "organisation": line.organisation.name,
                "person": line.person,
                "place": line.place,
                "room_url": line.room_url,
                "language": meeting.request.language,
            }
        )
    return lines
