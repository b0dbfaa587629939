from datetime import UTC, datetime

import factory

from tests.factories.accounts import UserFactory
from tests.factories.directory import OrganisationFactory
from tests.factories.events import EventFactory
from tradebridge.accounts.enums import Role
from tradebridge.events.enums import AttendanceMode, EventKind
from tradebridge.meetings.enums import MeetingLanguage, PlaceKind
from tradebridge.meetings.models import MeetingRequest, MeetingSettings, MeetingTable

# CIIE 2020 in Shanghai: 5–10 November (after the US change to standard time on 1 November).
EXPO_START = datetime(2020, 11, 5, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
EXPO_END = datetime(2020, 11, 10, 9, 0, tzinfo=UTC)  # 17:00 in Shanghai


class RepresentativeFactory(UserFactory):
    """A company representative with a company of their own."""

    role = Role.COMPANY_REPRESENTATIVE
    organisation = factory.SubFactory(OrganisationFactory)


class ExpoFactory(EventFactory):
    kind = EventKind.EXPO
    starts_at = EXPO_START
    ends_at = EXPO_END
    timezone = "Asia/Shanghai"
    attendance_mode = AttendanceMode.HYBRID


class MeetingSettingsFactory(factory.django.DjangoModelFactory):
    """Two expo days, morning and afternoon sessions, half-hour slots, a coffee break."""

    class Meta:
        model = MeetingSettings
        skip_postgeneration_save = True

    event = factory.SubFactory(ExpoFactory)
    slot_minutes = 30
    days = ["2020-11-05", "2020-11-06"]
    sessions = [
        {"part": "morning", "starts": "09:00", "ends": "12:00"},
        {"part": "afternoon", "starts": "13:30", "ends": "17:00"},
    ]
    breaks = [{"starts": "10:30", "ends": "11:00"}]

    @factory.post_generation
    def tables(obj, create, extracted, **kwargs):
        if create:
            for number in range(1, (extracted if extracted is not None else 3) + 1):
                MeetingTable.objects.create(event=obj.event, number=number)


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    """A request still waiting for an answer, between two representatives' companies."""

    class Meta:
        model = MeetingRequest

    requester = factory.SubFactory(RepresentativeFactory)
    requester_organisation = factory.LazyAttribute(lambda r: r.requester.organisation)
    recipient_organisation = factory.SubFactory(OrganisationFactory)
    event = factory.SubFactory(ExpoFactory)
    language = MeetingLanguage.ENGLISH
    place_kind = PlaceKind.TABLE
