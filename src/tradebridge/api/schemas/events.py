"""Events, their programmes and registrations as the API shows and accepts them.

Times are ISO 8601 in UTC, with the event's IANA zone alongside: clients convert for display.
"""

from datetime import datetime

from ninja import Field, Schema
from pydantic import AwareDatetime

from tradebridge.api.schemas.fields import Id, Text
from tradebridge.directory.enums import Visibility
from tradebridge.events.enums import AttendanceMode, EventKind, SessionKind, SpeakerRole

STRICT = {"extra": "forbid"}


class HostOut(Schema):
    organisation: int = Field(alias="organisation_id")
    name: str = Field(alias="organisation.name")
    role: str


class EventOut(Schema):
    id: int
    kind: str
    series: int | None = Field(alias="series_id")
    title_en: str
    title_zh: str
    description_en: str
    description_zh: str
    starts_at: datetime
    ends_at: datetime
    timezone: str = Field(description="IANA zone the event happens in")
    venue_en: str
    venue_zh: str
    attendance_mode: str
    languages: list[str]
    capacity: int | None
    requires_approval: bool
    registration_open: bool
    questions: list[str]
    status: str
    visibility: str
    hosts: list[HostOut]

    @staticmethod
    def resolve_languages(event) -> list[str]:
        return event.language_list()

    @staticmethod
    def resolve_hosts(event) -> list:
        return list(event.host_links.all())


class SpeakerOut(Schema):
    person: int = Field(alias="person_id")
    name: str = Field(alias="person.name")
    role: str


class SessionOut(Schema):
    id: int
    event: int = Field(alias="event_id")
    kind: str
    title_en: str
    title_zh: str
    description_en: str
    description_zh: str
    starts_at: datetime
    ends_at: datetime
    room: str
    is_online: bool
    sequence: int
    speakers: list[SpeakerOut]

    @staticmethod
    def resolve_speakers(session) -> list:
        return list(session.speaker_links.all())


class RegistrationIn(Schema):
    model_config = STRICT

    attendance_mode: AttendanceMode
    answers: list[Text] = Field(default_factory=list, max_length=50)


class RegistrationOut(Schema):
    id: int
    event: int = Field(alias="event_id")
    status: str
    attendance_mode: str
    answers: list[str]
    check_in_code: str
    checked_in_at: datetime | None
    created_at: datetime


class EventIn(Schema):
    """A new event (a draft of your agency until published). Times are aware ISO 8601."""

    model_config = STRICT

    kind: EventKind
    title_en: Text = Field("", max_length=300)
    title_zh: Text = Field("", max_length=300)
    description_en: Text = ""
    description_zh: Text = ""
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    timezone: Text = Field(description="IANA zone of the event, e.g. America/Los_Angeles")
    venue_en: Text = Field("", max_length=500)
    venue_zh: Text = Field("", max_length=500)
    attendance_mode: AttendanceMode = AttendanceMode.IN_PERSON
    languages: list[Text] = Field([], description="Language codes, e.g. en, zh")
    capacity: int | None = Field(None, ge=0, le=1_000_000)
    requires_approval: bool = False
    registration_open: bool = True
    questions: list[Text] = Field([], max_length=50)
    visibility: Visibility = Visibility.PUBLIC


class EventPatch(Schema):
    """Only the fields given change."""

    model_config = STRICT

    kind: EventKind = None
    title_en: Text = Field(None, max_length=300)
    title_zh: Text = Field(None, max_length=300)
    description_en: Text = None
    description_zh: Text = None
    starts_at: AwareDatetime = None
    ends_at: AwareDatetime = None
    timezone: Text = None
    venue_en: Text = Field(None, max_length=500)
    venue_zh: Text = Field(None, max_length=500)
    attendance_mode: AttendanceMode = None
    languages: list[Text] = None
    capacity: int | None = Field(None, ge=0, le=1_000_000)
    requires_approval: bool = None
    registration_open: bool = None
    questions: list[Text] = Field(None, max_length=50)
    visibility: Visibility = None


class SpeakerIn(Schema):
    model_config = STRICT

    person: Id
    role: SpeakerRole = SpeakerRole.SPEAKER


class SessionIn(Schema):
    model_config = STRICT

    kind: SessionKind
    title_en: Text = Field("", max_length=300)
    title_zh: Text = Field("", max_length=300)
    description_en: Text = ""
    description_zh: Text = ""
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    room: Text = Field("", max_length=200)
    is_online: bool = False
    speakers: list[SpeakerIn] = Field([], max_length=100)


class SessionPatch(Schema):
    model_config = STRICT

    kind: SessionKind = None
    title_en: Text = Field(None, max_length=300)
    title_zh: Text = Field(None, max_length=300)
    description_en: Text = None
    description_zh: Text = None
    starts_at: AwareDatetime = None
    ends_at: AwareDatetime = None
    room: Text = Field(None, max_length=200)
    is_online: bool = None
    speakers: list[SpeakerIn] = Field(None, max_length=100)


class RegistrationAdminOut(RegistrationOut):
    """A registration as its event's organisers see it."""

    user: int = Field(alias="user_id")
    name: str
    email: str

    @staticmethod
    def resolve_name(registration) -> str:
        return registration.user.get_full_name() or registration.user.username

    @staticmethod
    def resolve_email(registration) -> str:
        return registration.user.email


class DecisionIn(Schema):
    model_config = STRICT

    approve: bool


class CheckInIn(Schema):
    model_config = STRICT

    code: Text = Field(max_length=20)
