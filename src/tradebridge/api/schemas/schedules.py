"""Scheduler runs and published schedules as the API shows and accepts them.

Times are ISO 8601 in UTC, with the event's IANA zone and the event-local time alongside.
Objective and bound are priority points (must meet 10, would like to meet 1).
"""

from datetime import datetime

from ninja import Field, Schema

from tradebridge.meetings.domain.schedule_reasons import reason_text
from tradebridge.meetings.models.schedule_run import MAX_TIME_LIMIT, MIN_TIME_LIMIT

STRICT = {"extra": "forbid"}


class RunIn(Schema):
    model_config = STRICT

    time_limit: int = Field(30, ge=MIN_TIME_LIMIT, le=MAX_TIME_LIMIT, strict=True)
    allow_moves: bool = Field(False, strict=True)


class UnscheduledOut(Schema):
    request: int
    reason: str
    message: str


class RunOut(Schema):
    id: int
    event: int = Field(alias="event_id")
    status: str
    time_limit: int
    allow_moves: bool
    cancel_requested: bool
    percent: float
    objective: float | None = Field(description="priority points of the best schedule so far")
    bound: float | None = Field(description="proven upper bound on the points")
    gap: float | None = Field(description="(bound - objective) / bound")
    elapsed: float
    solver_status: str
    requests_total: int
    kept_count: int
    new_count: int
    moved_count: int
    unscheduled: list[UnscheduledOut]
    message: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    published_at: datetime | None

    @staticmethod
    def resolve_unscheduled(run) -> list[dict]:
        return [
            {
                "request": item["request"],
                "reason": item["reason"],
                "message": reason_text(item["reason"]),
            }
            for item in run.unscheduled
        ]


class SideOut(Schema):
    organisation: int
    organisation_name: str
    person: str


class TableOut(Schema):
    number: int
    name: str
    room: str
    for_online: bool


class ScheduledMeetingOut(Schema):
    id: int
    uid: str
    sequence: int
    status: str
    request: int
    starts_at: datetime
    ends_at: datetime
    local_starts_at: datetime = Field(description="the start in the event's zone")
    local_ends_at: datetime
    place_kind: str
    table: TableOut | None
    room_url: str
    language: str
    priority: str
    requester: SideOut
    recipient: SideOut


class ScheduleOut(Schema):
    event: int
    timezone: str
    meetings: list[ScheduledMeetingOut]


class AgendaLineOut(Schema):
    meeting: int
    uid: str
    sequence: int
    status: str
    starts_at: datetime
    ends_at: datetime
    local_starts_at: datetime = Field(description="the start in the event's zone")
    your_starts_at: datetime | None = Field(description="the start in your zone")
    day_shift: int = Field(description="your calendar date minus the event's")
    organisation: str
    person: str
    place: str
    room_url: str
    language: str
