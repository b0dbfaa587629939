from datetime import UTC, datetime

import pytest

from tradebridge.directory.demo_scenario import DEMO_STEPS, load_demo
from tradebridge.events.demo import (
    CIIE_EN,
    CONSULTATIONS_EN,
    EXHIBITORS,
    PAVILION_EN,
    SACRAMENTO,
    SEATTLE_EN,
    SERIES_EN,
)
from tradebridge.events.domain.time_display import shown_time
from tradebridge.events.models import Event, EventSeries, Pavilion, Session

pytestmark = pytest.mark.django_db
CATALOGUES = {"regions", "sectors"}


@pytest.fixture
def demo():
    return dict(load_demo([step for step in DEMO_STEPS if step.name not in CATALOGUES]))


def test_events_come_after_the_directory_records_they_name():
    names = [step.name for step in DEMO_STEPS]
    assert names.index("events") > names.index("people")


def test_the_2015_series_in_order(demo):
    series = EventSeries.objects.get(name_en=SERIES_EN)
    events = list(series.events.order_by("starts_at"))
    assert [e.venue_en for e in events] == [
        "San Francisco, California",
        "Seattle, Washington",
        "Des Moines, Iowa",
    ]
    local_dates = [shown_time(e.starts_at, e.timezone, None).event_local.day for e in events]
    assert local_dates == [21, 22, 24]
    assert all("illustrative" in e.description_en for e in events)


def test_the_seattle_seminar(demo):
    seminar = Event.objects.get(title_en=SEATTLE_EN)
    assert (seminar.ends_at - seminar.starts_at).total_seconds() == 3 * 3600
    assert seminar.starts_at == datetime(2015, 9, 22, 16, tzinfo=UTC)  # 09:00 PDT
    roles = {(link.organisation.name_en, link.role) for link in seminar.host_links.all()}
    assert ("U.S. Department of Commerce", "supporter") in roles
    assert ("Washington State Department of Commerce", "organiser") in roles
    panel = seminar.sessions.get(title_en="Internet + Commerce")
    assert [p.name_en for p in panel.people.all()] == ["Shen Boyang"]
    signing = seminar.sessions.get(kind="signing")
    assert {p.name_en for p in signing.people.all()} == {"Zhang Xiangchen", "Joby Shimomura"}


def test_ciie_2020_with_the_online_opening_and_daily_consultations(demo):
    ciie = Event.objects.get(title_en=CIIE_EN)
    assert ciie.timezone == "Asia/Shanghai"
    opening = ciie.sessions.get(kind="ceremony")
    assert opening.is_online
    assert shown_time(opening.starts_at, "Asia/Shanghai", None).event_local.day == 6
    assert {p.name_en for p in opening.people.all()} >= {"Max Oltersdorf", "Libby Schaaf"}
    hours = Session.objects.filter(event__title_en=CONSULTATIONS_EN).order_by("starts_at")
    pacific_days = [shown_time(s.starts_at, "America/Los_Angeles", None).event_local for s in hours]
    assert [(d.day, d.hour) for d in pacific_days] == [(day, 8) for day in range(5, 11)]
    assert all(s.is_online for s in hours)


def test_loading_again_creates_nothing(demo):
    assert demo["events"] == {
        "series": 1,
        "events": 5,
        "sessions": 9,
        "pavilions": 1,
        "exhibitors": 4,
        "consultation_windows": 6,
    }
    again = dict(load_demo([step for step in DEMO_STEPS if step.name not in CATALOGUES]))
    assert set(again["events"].values()) == {0}


def test_the_california_pavilion(demo):
    pavilion = Pavilion.objects.get(name_en=PAVILION_EN)
    assert pavilion.event.title_en == CIIE_EN
    assert pavilion.host_organisation.name_en == "Bay Area Council"
    assert pavilion.area_en == "Smart equipment"
    assert [e.organisation.name_en for e in pavilion.exhibitors.order_by("pk")] == EXHIBITORS
    sacramento = pavilion.exhibitors.get(organisation__name_en=SACRAMENTO)
    windows = sacramento.consultation_windows.order_by("starts_at")
    local = [shown_time(w.starts_at, w.timezone, "Asia/Shanghai") for w in windows]
    assert [(t.event_local.day, t.event_local.hour) for t in local] == [
        (d, 8) for d in range(5, 11)
    ]
    assert all(t.day_shift == 1 for t in local)
