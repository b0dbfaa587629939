"""Meeting requests, meetings, availability and organiser settings as the API shows and
accepts them. Times are UTC in ISO 8601; clock times of day are "HH:MM" in the zone named."""

from datetime import date, datetime, time

from ninja import Field, Schema

from tradebridge.api.schemas.fields import Id, Text
from tradebridge.meetings.domain.rooms import meeting_room_url
from tradebridge.meetings.enums import DayPart, MeetingLanguage, PlaceKind, Priority

STRICT = {"extra": "forbid"}


class MeetingOut(Schema):
    id: int
    uid: str = Field(description="Stable calendar UID of this meeting (the same after a move)")
    request: int = Field(alias="request_id")
    event: int | None = Field(alias="event_id")
    starts_at: datetime
    ends_at: datetime
    place_kind: str
    table: int | None = Field(description="Table number")
    table_label: str
    room_url: str = Field(description="Video room of an online meeting, else empty")
    status: str
    sequence: int

    @staticmethod
    def resolve_uid(meeting) -> str:
        return str(meeting.uid)

    @staticmethod
    def resolve_table(meeting) -> int | None:
        return meeting.table.number if meeting.table_id else None

    @staticmethod
    def resolve_table_label(meeting) -> str:
        return str(meeting.table.label) if meeting.table_id else ""

    @staticmethod
    def resolve_room_url(meeting) -> str:
        return meeting_room_url(meeting)


class MeetingRequestOut(Schema):
    id: int
    status: str
    requester: int = Field(alias="requester_id")
    requester_organisation: int = Field(alias="requester_organisation_id")
    recipient_organisation: int = Field(alias="recipient_organisation_id")
    recipient_person: int | None = Field(alias="recipient_person_id")
    recipient_user: int | None = Field(alias="recipient_user_id")
    event: int | None = Field(alias="event_id")
    message: str
    priority: str
    language: str
    place_kind: str
    proposed_starts_at: datetime | None
    proposed_by: int | None = Field(alias="proposed_by_id")
    reply: str
    created_at: datetime
    updated_at: datetime


class MeetingRequestIn(Schema):
    model_config = STRICT

    recipient_organisation: Id
    recipient_person: Id | None = Field(None, description="A person at that organisation")
    event: Id | None = Field(None, description="Empty for an online meeting outside events")
    message: Text = Field("", max_length=2000)
    priority: Priority = Priority.WOULD_LIKE
    language: MeetingLanguage | None = Field(None, description="Default: one both speak")
    place_kind: PlaceKind | None = None


class ReplyIn(Schema):
    model_config = STRICT

    reply: Text = Field("", max_length=2000)


class ProposeIn(ReplyIn):
    starts_at: datetime = Field(description="UTC start of one of the request's free slots")


class BookingIn(Schema):
    model_config = STRICT

    starts_at: datetime = Field(description="UTC start of one of the request's free slots")


class SlotOut(Schema):
    starts_at: datetime
    ends_at: datetime
    part: str = Field(description="Session of the day (morning, afternoon…), empty outside events")


class SpanIn(Schema):
    model_config = STRICT

    starts: Text = Field(description="HH:MM")
    ends: Text = Field(description="HH:MM; 24:00 for midnight")


class SessionIn(SpanIn):
    part: DayPart


class AvailabilityIn(Schema):
    model_config = STRICT

    event: Id | None = Field(None, description="Empty: online meetings outside events")
    timezone: Text = Field(description="IANA zone of the times given")
    windows: list[SpanIn] = Field([], max_length=12)
    breaks: list[SpanIn] = Field([], max_length=12)
    days: list[date] = Field([], max_length=31, description="Days you can meet; empty: all")
    max_per_day: int | None = Field(None, ge=1, le=50)


class AvailabilityOut(Schema):
    event: int | None = Field(alias="event_id")
    timezone: str
    windows: list[dict]
    breaks: list[dict]
    days: list[str]
    max_per_day: int | None


class TableIn(Schema):
    model_config = STRICT

    name: Text = Field(max_length=100)
    room: Text = Field("", max_length=200)


class TableOut(Schema):
    number: int
    name: str
    room: str
    for_online: bool


class SettingsIn(Schema):
    model_config = STRICT

    slot_minutes: int = Field(30, ge=5, le=240)
    days: list[date] = Field(max_length=31)
    sessions: list[SessionIn] = Field(max_length=12)
    breaks: list[SpanIn] = Field([], max_length=12)
    tables: int | list[TableIn] = Field(0, description="A number, or the tables by name")
    online_tables: int = Field(0, ge=0, le=500, description="The last tables, kept for online")
    direct_booking_open: bool = True
    default_max_per_day: int | None = Field(None, ge=1, le=50)
    online_hours_start: time = time(8)
    online_hours_end: time = time(20)


class SettingsOut(Schema):
    event: int = Field(alias="event_id")
    slot_minutes: int
    days: list[str]
    sessions: list[dict]
    breaks: list[dict]
    tables: list[TableOut]
    direct_booking_open: bool
    default_max_per_day: int | None
    online_hours_start: time
    online_hours_end: time

    @staticmethod
    def resolve_tables(settings) -> list:
        return list(settings.event.meeting_tables.all())
