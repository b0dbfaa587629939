from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.meetings.schedule_enums import ACTIVE_RUN_STATUSES, PlacementChange, RunStatus

MIN_TIME_LIMIT = 5
MAX_TIME_LIMIT = 600


class ScheduleRun(models.Model):
    """One run of the automatic scheduler over an event's accepted requests.

    The row is the single source of truth between the page, the API and the worker that
    solves: the worker writes progress (``percent``, ``objective``, ``bound``, ``elapsed``) and
    a ``heartbeat_at``; the page sets ``cancel_requested``. Objective and bound are in priority
    points (``enums.PRIORITY_WEIGHTS``). Its proposals are the Placement rows and the
    tentative meetings they made; publishing confirms them.
    """

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="schedule_runs"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    time_limit = models.PositiveSmallIntegerField(_("time limit (seconds)"), default=30)
    allow_moves = models.BooleanField(_("confirmed meetings may move"), default=False)
    cancel_requested = models.BooleanField(default=False)
    percent = models.FloatField(default=0)
    objective = models.FloatField(null=True, blank=True)
    bound = models.FloatField(null=True, blank=True)
    elapsed = models.FloatField(default=0)
    solver_status = models.CharField(max_length=12, blank=True)
    requests_total = models.PositiveIntegerField(default=0)
    kept_count = models.PositiveIntegerField(default=0)
    new_count = models.PositiveIntegerField(default=0)
    moved_count = models.PositiveIntegerField(default=0)
    # [{"request": id, "reason": "…"}] in English; pages translate the reason codes.
    unscheduled = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("scheduler run")
        verbose_name_plural = _("scheduler runs")
        constraints = [
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(status__in=ACTIVE_RUN_STATUSES),
                name="one_active_schedule_run_per_event",
            ),
            models.CheckConstraint(
                condition=models.Q(time_limit__gte=MIN_TIME_LIMIT, time_limit__lte=MAX_TIME_LIMIT),
                name="schedule_run_time_limit_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} #{self.pk} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_RUN_STATUSES

    @property
    def gap(self) -> float | None:
        """(bound − objective) / bound, when both are known."""
        if self.objective is None or not self.bound:
            return None
        return max(0.0, (self.bound - self.objective) / self.bound)

    @property
    def gap_percent(self) -> float | None:
        return None if self.gap is None else round(100 * self.gap, 2)


class Placement(models.Model):
    """Where a run puts one request's meeting: a new meeting, or a confirmed one moved (only
    when the organiser allowed moves). ``meeting`` is the tentative meeting made for a new
    placement, or the confirmed meeting to move; a new placement whose time is still held by a
    meeting that moves has none until publishing."""

    run = models.ForeignKey(ScheduleRun, on_delete=models.CASCADE, related_name="placements")
    request = models.ForeignKey(
        "meetings.MeetingRequest", on_delete=models.CASCADE, related_name="+"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    change = models.CharField(max_length=8, choices=PlacementChange.choices)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    table = models.ForeignKey(
        "meetings.MeetingTable", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["run", "request"], name="one_placement_per_request"),
        ]

    def __str__(self) -> str:
        return f"{self.request} {self.starts_at:%Y-%m-%d %H:%M} UTC ({self.change})"
