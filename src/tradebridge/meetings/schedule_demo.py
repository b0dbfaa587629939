"""The demo's CIIE 2020 meeting schedule: the organiser runs the scheduler over the accepted
requests (a few seconds at most) and publishes it, as the Bay Area Council's staff would.
Idempotent: an event with a published run is left as it is."""

from django.contrib.auth import get_user_model

from tradebridge.directory.demo.specs import BAY_AREA_CHINA_OFFICE
from tradebridge.events.demo import CIIE_EN
from tradebridge.events.models import Event
from tradebridge.meetings.domain.event_settings import settings_for
from tradebridge.meetings.domain.schedule_runs import publish_run, start_run
from tradebridge.meetings.models import ScheduleRun
from tradebridge.meetings.schedule_enums import RunStatus

DEMO_TIME_LIMIT = 5


def load_schedule() -> dict[str, int]:
    """Run and publish the CIIE 2020 schedule once; returns what it placed."""
    counts = {"runs": 0, "scheduled": 0, "kept": 0}
    ciie = Event.objects.filter(title_en=CIIE_EN).first()
    organiser = (
        get_user_model()
        .objects.filter(organisation__name_en=BAY_AREA_CHINA_OFFICE, is_active=True)
        .first()
    )
    if ciie is None or organiser is None or settings_for(ciie) is None:
        return counts
    if ScheduleRun.objects.filter(event=ciie, status=RunStatus.PUBLISHED).exists():
        return counts
    run = start_run(organiser, ciie, time_limit=DEMO_TIME_LIMIT, wait=True)
    if run.status != RunStatus.FINISHED:
        return counts
    publish_run(organiser, run, notify=False)
    counts.update(runs=1, scheduled=run.new_count + run.moved_count, kept=run.kept_count)
    return counts
