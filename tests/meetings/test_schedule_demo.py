"""The demo's CIIE 2020 schedule: run and published after the meetings; loading twice changes
nothing."""

import pytest

from tradebridge.directory.demo_scenario import DEMO_STEPS, load_demo
from tradebridge.events.demo import CIIE_EN
from tradebridge.meetings.domain.bookings import live_meeting
from tradebridge.meetings.enums import MeetingStatus, RequestStatus
from tradebridge.meetings.models import MeetingRequest, ScheduleRun
from tradebridge.meetings.schedule_enums import RunStatus

pytestmark = pytest.mark.django_db
NEEDED = ("places", "organisations", "people", "logins", "events", "meetings", "meeting schedule")


def test_the_schedule_comes_after_the_meetings():
    names = [step.name for step in DEMO_STEPS]
    assert names.index("meeting schedule") == names.index("meetings") + 1


def test_ciie_has_a_published_schedule():
    steps = [step for step in DEMO_STEPS if step.name in NEEDED]
    done = dict(load_demo(steps))
    assert done["meeting schedule"] == {"runs": 1, "scheduled": 1, "kept": 1}
    run = ScheduleRun.objects.get()
    assert (run.status, run.event.title_en, run.solver_status) == (
        RunStatus.PUBLISHED,
        CIIE_EN,
        "optimal",
    )
    for request in MeetingRequest.objects.filter(status=RequestStatus.ACCEPTED):
        assert live_meeting(request).status == MeetingStatus.CONFIRMED
    assert dict(load_demo(steps))["meeting schedule"] == {"runs": 0, "scheduled": 0, "kept": 0}
    assert ScheduleRun.objects.count() == 1
