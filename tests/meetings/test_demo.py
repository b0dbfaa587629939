"""The demo's meetings at CIIE 2020: settings, requests, answers and one online meeting across
the Pacific; loading twice changes nothing."""

from datetime import UTC, datetime

import pytest

from tradebridge.directory.demo_scenario import DEMO_STEPS, load_demo
from tradebridge.events.demo import CIIE_EN
from tradebridge.events.domain.time_display import shown_time
from tradebridge.meetings.domain.bookings import live_meeting
from tradebridge.meetings.domain.rooms import meeting_room_url
from tradebridge.meetings.domain.slots import event_slots
from tradebridge.meetings.enums import PlaceKind, RequestStatus
from tradebridge.meetings.models import Meeting, MeetingRequest

pytestmark = pytest.mark.django_db
NEEDED = ("places", "organisations", "people", "logins", "events", "meetings")


@pytest.fixture
def demo():
    steps = [step for step in DEMO_STEPS if step.name in NEEDED]
    return dict(load_demo(steps))


def test_meetings_come_after_the_events_and_logins():
    names = [step.name for step in DEMO_STEPS]
    assert names.index("meetings") > names.index("events") > names.index("logins")


def test_ciie_meetings(demo):
    assert demo["meetings"] == {"settings": 1, "requests": 4, "accepted": 2, "booked": 1}
    requests = MeetingRequest.objects.filter(event__title_en=CIIE_EN)
    statuses = sorted(requests.values_list("status", flat=True))
    assert statuses == ["accepted", "accepted", "requested", "requested"]
    settings = requests.first().event.meeting_settings
    assert len(event_slots(settings)) == 5 * (5 + 7)
    meeting = Meeting.objects.get()
    assert meeting.place_kind == PlaceKind.ONLINE
    assert meeting.table.label == "Screen 1 · California Pavilion, Hall 4.1"
    assert meeting_room_url(meeting)
    shanghai = shown_time(meeting.starts_at, "Asia/Shanghai", "America/Los_Angeles")
    assert shanghai.event_local.strftime("%d %H:%M") == "06 09:00"
    assert shanghai.viewer_local.strftime("%d %H:%M") == "05 17:00"
    assert shanghai.day_shift == -1
    assert meeting.starts_at == datetime(2020, 11, 6, 1, tzinfo=UTC)
    waiting = requests.get(recipient_organisation__name_en="Xiaomi")
    assert waiting.status == RequestStatus.ACCEPTED and live_meeting(waiting) is None


def test_loading_again_adds_nothing(demo):
    again = dict(load_demo([step for step in DEMO_STEPS if step.name in NEEDED]))
    assert again["meetings"] == {"settings": 0, "requests": 0, "accepted": 0, "booked": 0}
    assert MeetingRequest.objects.count() == 4
