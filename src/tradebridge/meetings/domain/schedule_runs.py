"""The organiser's scheduler runs: start one, cancel it, publish its result.

A run places every accepted request of an event that has no confirmed meeting, keeping
confirmed meetings where they are unless the organiser allows moves; its proposals are
tentative meetings (seen by the organiser only) until it is published. Running it again later
is the incremental schedule: what was published stays, new requests are added. The work itself
happens in ``schedule_execution.execute_run``, started after commit by ``tasks.launch``.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradebridge.meetings import tasks
from tradebridge.meetings.domain.event_settings import settings_for
from tradebridge.meetings.domain.notices import announce_publication
from tradebridge.meetings.domain.placement import SlotTaken, place_meeting, release
from tradebridge.meetings.domain.schedule_execution import execute_run
from tradebridge.meetings.domain.slots import Slot
from tradebridge.meetings.enums import BookingSource, MeetingStatus, RequestStatus
from tradebridge.meetings.models import Placement, ScheduleRun
from tradebridge.meetings.models.schedule_run import MAX_TIME_LIMIT, MIN_TIME_LIMIT
from tradebridge.meetings.schedule_enums import (
    ACTIVE_RUN_STATUSES,
    MeetingChange,
    PlacementChange,
    RunStatus,
)

# A running worker writes its heartbeat every few seconds; silence this long means it died.
STALE_AFTER = timedelta(seconds=60)
# A queued run that no worker has taken after this long will not be taken.
UNCLAIMED_AFTER = timedelta(minutes=2)


def _require(user, permission: str, obj) -> None:
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def mark_if_stale(run: ScheduleRun, now=None) -> ScheduleRun:
    """Fail an active run whose worker is gone: no heartbeat for ``STALE_AFTER`` (crashed,
    killed, machine restarted) or never claimed. Returns the run, re-read when it changed."""
    now = now or timezone.now()
    if run.status == RunStatus.RUNNING:
        silent = now - (run.heartbeat_at or run.started_at or run.created_at)
        if silent > STALE_AFTER:
            message = _("The scheduler stopped without finishing (no sign of life for %(s)d s).")
            return _fail_if(run, RunStatus.RUNNING, message % {"s": silent.total_seconds()}, now)
    elif run.status == RunStatus.QUEUED and now - run.created_at > UNCLAIMED_AFTER:
        return _fail_if(run, RunStatus.QUEUED, _("No scheduler worker took this run."), now)
    return run


def _fail_if(run, status, message, now) -> ScheduleRun:
    ScheduleRun.objects.filter(pk=run.pk, status=status).update(
        status=RunStatus.FAILED, message=message, finished_at=now
    )
    run.refresh_from_db()
    return run


def latest_run(event) -> ScheduleRun | None:
    run = ScheduleRun.objects.filter(event=event).first()
    return mark_if_stale(run) if run is not None else None


def _time_limit(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError({"time_limit": _("Give the time limit in whole seconds.")})
    if not MIN_TIME_LIMIT <= value <= MAX_TIME_LIMIT:
        raise ValidationError(
            {
                "time_limit": _("Give from %(min)d to %(max)d seconds.")
                % {"min": MIN_TIME_LIMIT, "max": MAX_TIME_LIMIT}
            }
        )
    return value


def start_run(
    user, event, *, time_limit: int = 30, allow_moves: bool = False, wait: bool = False
) -> ScheduleRun:
    """Start the automatic scheduler over ``event``'s accepted requests.

    Side effects: a queued ScheduleRun; after commit a worker solves it (``tasks.launch``),
    or, with ``wait``, it is solved here and now and returned finished (the demo loader).
    ValidationError when the time limit is out of range, meetings are not set up, or another
    run of the event is under way (a dead one is failed first, see ``mark_if_stale``).
    """
    _require(user, "meetings.manage_schedule", event)
    time_limit = _time_limit(time_limit)
    if settings_for(event) is None:
        raise ValidationError({"event": _("Set up this event's meeting slots and tables first.")})
    for active in ScheduleRun.objects.filter(event=event, status__in=ACTIVE_RUN_STATUSES):
        mark_if_stale(active)
    try:
        with transaction.atomic():
            run = ScheduleRun.objects.create(
                event=event,
                started_by=user,
                time_limit=time_limit,
                allow_moves=bool(allow_moves),
            )
            if not wait:
                transaction.on_commit(lambda: tasks.launch(run.pk))
    except IntegrityError:
        raise ValidationError(
            {"event": _("The scheduler is already running for this event; wait or cancel it.")}
        ) from None
    if wait:
        execute_run(run.pk, watch=False)
        run.refresh_from_db()
    return run


@transaction.atomic
def cancel_run(user, run: ScheduleRun) -> ScheduleRun:
    """Stop a run that is under way. Side effects: a queued run is cancelled at once; a running
    one gets ``cancel_requested``, and its worker stops within a second or two and records
    nothing. ValidationError when the run has ended."""
    _require(user, "meetings.change_schedulerun", run)
    run = ScheduleRun.objects.select_for_update().get(pk=run.pk)
    if run.status == RunStatus.QUEUED:
        run.status, run.finished_at = RunStatus.CANCELLED, timezone.now()
        run.cancel_requested = True
        run.save(update_fields=["status", "finished_at", "cancel_requested"])
    elif run.status == RunStatus.RUNNING:
        run.cancel_requested = True
        run.save(update_fields=["cancel_requested"])
    else:
        raise ValidationError(
            {
                "run": _("This run is %(status)s; there is nothing to cancel.")
                % {"status": run.get_status_display().lower()}
            }
        )
    return run


def _placed(placement: Placement, user, meeting=None):
    request = placement.request
    return place_meeting(
        request,
        Slot(placement.starts_at, placement.ends_at),
        tables=[placement.table],
        place_kind=request.place_kind,
        status=MeetingStatus.CONFIRMED,
        source=BookingSource.SCHEDULER,
        booked_by=user,
        meeting=meeting,
    )


@transaction.atomic
def publish_run(user, run: ScheduleRun, *, notify: bool = True) -> ScheduleRun:
    """Publish a finished run: its proposals become the confirmed schedule.

    Side effects, all or nothing: confirmed meetings the run moves take their new time (same
    UID, ``sequence`` raised); tentative meetings become confirmed (``sequence`` raised);
    proposals still waiting for a moved meeting's time are booked; requests cancelled since the
    run are skipped; the run is "published". After commit each participant gets one mail in
    their language listing what changed, with their meetings as .ics (unless ``notify`` is
    False). ValidationError when the run is not finished, or when its times were taken since.
    """
    _require(user, "meetings.change_schedulerun", run)
    run = ScheduleRun.objects.select_for_update().get(pk=run.pk)
    if run.status != RunStatus.FINISHED:
        raise ValidationError(
            {
                "run": _("Only a finished run can be published; this one is %(status)s.")
                % {"status": run.get_status_display().lower()}
            }
        )
    placements = list(
        run.placements.select_related(
            "request__requester", "request__recipient_user", "meeting", "table"
        ).order_by("pk")
    )
    changes: dict[int, str] = {}
    moves = [
        p
        for p in placements
        if p.change == PlacementChange.MOVED
        and p.meeting is not None
        and p.meeting.status == MeetingStatus.CONFIRMED
        and p.request.status == RequestStatus.ACCEPTED
    ]
    try:
        for placement in moves:
            release(placement.meeting)
        for placement in moves:
            _placed(placement, user, meeting=placement.meeting)
            changes[placement.meeting.pk] = MeetingChange.MOVED
        for placement in placements:
            if placement.change != PlacementChange.NEW:
                continue
            if placement.request.status != RequestStatus.ACCEPTED:
                continue
            meeting = placement.meeting
            if meeting is None:
                meeting = _placed(placement, user)
            elif meeting.status != MeetingStatus.TENTATIVE:
                continue
            else:
                meeting.status = MeetingStatus.CONFIRMED
                meeting.sequence += 1
                meeting.booked_by = user
                meeting.save(update_fields=["status", "sequence", "booked_by", "updated_at"])
            changes[meeting.pk] = MeetingChange.SCHEDULED
    except SlotTaken:
        raise ValidationError(
            {"run": _("Times in this run were taken since it finished; run the scheduler again.")}
        ) from None
    run.status, run.published_at, run.published_by = RunStatus.PUBLISHED, timezone.now(), user
    run.save(update_fields=["status", "published_at", "published_by"])
    if notify and changes:
        announce_publication(run.event_id, changes)
    return run
