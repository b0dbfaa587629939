"""Events, their programmes and registrations as the API shows and accepts them.

Times are ISO 8601 in UTC, with the event's IANA zone alongside: clients convert for display.
"""

from datetime import datetime

from ninja import Field, Schema

from tradebridge.api.schemas.fields import Text
from tradebridge.events.enums import AttendanceMode

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
