"""The work of one scheduler run: claim it, solve, record the proposals.

Runs in whatever process ``tasks.launch`` chose (a subprocess running ``tradebridge
run_schedule``, a thread, or inline). The ScheduleRun row is the only channel: a monitor thread
writes progress and a heartbeat every ``HEARTBEAT_SECONDS`` and reads the cancel flag, which
it turns into the ``threading.Event`` the solver watches.
"""

import logging
import threading
from dataclasses import replace

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradebridge.meetings.domain.placement import SlotTaken, place_meeting, release
from tradebridge.meetings.domain.schedule_problem import (
    Reason,
    SchedulingInput,
    build_input,
    why_unplaceable,
)
from tradebridge.meetings.domain.schedule_tables import assign_tables
from tradebridge.meetings.enums import PRIORITY_WEIGHTS, BookingSource, MeetingStatus
from tradebridge.meetings.models import Meeting, Placement, ScheduleRun
from tradebridge.meetings.schedule_enums import PlacementChange, RunStatus
from tradebridge.meetings.scheduling import solve

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 2.0


class _Monitor:
    """Carries progress from the solver's threads to the run row, and the cancel flag back."""

    def __init__(self, run_id: int, offset: float, watch: bool) -> None:
        self.run_id, self.offset, self.watch = run_id, offset, watch
        self.cancelled = threading.Event()
        self._latest: dict = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"schedule-run-{run_id}")

    def progress(self, percent, elapsed, objective, bound) -> None:
        with self._lock:
            self._latest = {
                "percent": round(float(percent), 1),
                "elapsed": round(float(elapsed), 2),
                "objective": None if objective is None else max(0.0, objective - self.offset),
                "bound": None if bound is None else max(0.0, bound - self.offset),
            }

    def _beat(self) -> None:
        with self._lock:
            fields = dict(self._latest)
        ScheduleRun.objects.filter(pk=self.run_id, status=RunStatus.RUNNING).update(
            heartbeat_at=timezone.now(), **fields
        )
        if ScheduleRun.objects.filter(pk=self.run_id, cancel_requested=True).exists():
            self.cancelled.set()

    def _loop(self) -> None:
        try:
            while not self._stop.wait(HEARTBEAT_SECONDS):
                self._beat()
        except Exception:
            logger.exception("scheduler run %s: the monitor stopped", self.run_id)
        finally:
            connection.close()

    def __enter__(self):
        if self.watch:
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self.watch:
            self._thread.join()


def _claim(run_id: int) -> bool:
    now = timezone.now()
    return bool(
        ScheduleRun.objects.filter(pk=run_id, status=RunStatus.QUEUED).update(
            status=RunStatus.RUNNING, started_at=now, heartbeat_at=now
        )
    )


def _fail(run_id: int, message: str) -> None:
    ScheduleRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(
        status=RunStatus.FAILED, message=message, finished_at=timezone.now()
    )


def _keep_confirmed(data: SchedulingInput) -> float:
    """With moves allowed, confirmed meetings are only hints to the solver; each is made worth
    more than every other meeting together, so that no optimum drops one (keeping them all
    where they are is always possible). Returns the points added, for the reports."""
    movable = [
        i
        for i, meeting in enumerate(data.current)
        if meeting is not None and meeting.status == MeetingStatus.CONFIRMED and not data.fixed[i]
    ]
    if not movable:
        return 0.0
    bonus = sum(m.priority for m in data.problem.meetings) + 1
    meetings = list(data.problem.meetings)
    for i in movable:
        meetings[i] = replace(meetings[i], priority=meetings[i].priority + bonus)
    data.problem = replace(data.problem, meetings=meetings)
    return float(bonus * len(movable))


def execute_run(run_id: int, *, watch: bool = True) -> ScheduleRun | None:
    """Solve a queued run and record its proposals; None when the run was not queued (another
    worker took it, or it was cancelled). ``watch=False`` skips the monitor thread (progress is
    written at the end only, and cancelling has no effect): for synchronous runs."""
    if not _claim(run_id):
        return None
    run = ScheduleRun.objects.select_related("event", "started_by").get(pk=run_id)
    try:
        result = None
        # Watching starts before the event is read: reading a large one takes a while too.
        with _Monitor(run_id, 0.0, watch) as monitor:
            data = build_input(run.event, allow_moves=run.allow_moves)
            offset = monitor.offset = _keep_confirmed(data)
            ScheduleRun.objects.filter(pk=run_id).update(
                requests_total=len(data.requests) + len(data.excluded)
            )
            if data.requests:
                result = solve(
                    data.problem,
                    time_limit=run.time_limit,
                    progress=monitor.progress,
                    cancel=monitor.cancelled,
                    hint=data.hint,
                )
        return _record(run_id, data, result, offset)
    except ValidationError as error:
        _fail(run_id, " ".join(error.messages))
    except Exception as error:
        logger.exception("scheduler run %s failed", run_id)
        _fail(run_id, _("The scheduler failed: %(error)s") % {"error": repr(error)[:500]})
    return ScheduleRun.objects.get(pk=run_id)


@transaction.atomic
def _record(run_id: int, data: SchedulingInput, result, offset: float) -> ScheduleRun:
    run = (
        ScheduleRun.objects.select_for_update(of=("self",))
        .select_related("started_by")
        .get(pk=run_id)
    )
    now = timezone.now()
    if run.status != RunStatus.RUNNING:
        return run  # declared dead meanwhile: its result is not trusted
    if run.cancel_requested:
        run.status, run.finished_at = RunStatus.CANCELLED, now
        run.save(update_fields=["status", "finished_at"])
        return run
    if result is not None and result.status not in ("optimal", "feasible"):
        run.status, run.finished_at, run.solver_status = RunStatus.FAILED, now, result.status
        run.message = (
            _("The confirmed meetings cannot all be kept as they are.")
            if result.status == "infeasible"
            else _("No schedule was found within the time limit; allow more time.")
        )
        run.save()
        return run
    ScheduleRun.objects.filter(event=run.event, status=RunStatus.FINISHED).update(
        status=RunStatus.SUPERSEDED
    )
    for meeting in Meeting.objects.filter(request__event=run.event, status=MeetingStatus.TENTATIVE):
        release(meeting)
        meeting.delete()
    counts = _write_proposals(run, data, result)
    placed_value = sum(
        PRIORITY_WEIGHTS[request.priority]
        for request, placed in counts.pop("placed_requests")
        if placed
    )
    run.objective = float(placed_value)
    run.bound = max(float(placed_value), (result.bound - offset) if result else 0.0)
    # Proven when the value reaches the bound (the table repair may have lost what the solver
    # had proven).
    run.solver_status = "optimal" if placed_value >= run.bound else "feasible"
    run.elapsed = round(result.seconds, 2) if result else 0.0
    run.percent = 100.0
    run.status, run.finished_at = RunStatus.FINISHED, now
    for key, value in counts.items():
        setattr(run, key, value)
    run.save()
    return run


def _write_proposals(run: ScheduleRun, data: SchedulingInput, result) -> dict:
    """Tentative meetings and Placement rows for the solver's schedule; returns the counts."""
    slots = result.slots if result is not None else []
    tabled = assign_tables(data, slots)
    confirmed = [
        meeting if meeting is not None and meeting.status == MeetingStatus.CONFIRMED else None
        for meeting in data.current
    ]
    moving = {
        i
        for i, slot in enumerate(tabled.slots)
        if confirmed[i] is not None
        and not data.fixed[i]
        and slot is not None
        and data.slots[slot].starts_at != confirmed[i].starts_at
    }
    kept = new = 0
    unscheduled = [{"request": request.pk, "reason": code} for request, code in data.excluded]
    placed_requests = []
    for i, request in enumerate(data.requests):
        slot_index = tabled.slots[i]
        if data.fixed[i] or (confirmed[i] is not None and i not in moving):
            kept += 1
            placed_requests.append((request, True))
            continue
        if slot_index is None:
            reason = tabled.dropped.get(i) or why_unplaceable(data, i, tabled.per_day)
            unscheduled.append({"request": request.pk, "reason": reason})
            placed_requests.append((request, False))
            continue
        slot, table = data.slots[slot_index], tabled.tables[i]
        placement = Placement(
            run=run,
            request=request,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            table=table,
        )
        if i in moving:
            placement.change, placement.meeting = PlacementChange.MOVED, confirmed[i]
        else:
            placement.change = PlacementChange.NEW
            try:
                placement.meeting = place_meeting(
                    request,
                    slot,
                    tables=[table],
                    place_kind=request.place_kind,
                    status=MeetingStatus.TENTATIVE,
                    source=BookingSource.SCHEDULER,
                    booked_by=run.started_by,
                )
            except SlotTaken:
                if not moving:
                    unscheduled.append({"request": request.pk, "reason": Reason.TAKEN_MEANWHILE})
                    placed_requests.append((request, False))
                    continue
                # held by a meeting this run moves away: booked when the run is published
            new += 1
        placement.save()
        placed_requests.append((request, True))
    return {
        "kept_count": kept,
        "new_count": new,
        "moved_count": len(moving),
        "unscheduled": unscheduled,
        "placed_requests": placed_requests,
    }
