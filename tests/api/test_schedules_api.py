"""/api/v1/schedules/: start, follow, cancel and publish runs, read the schedule, its
spreadsheet and one's agenda; bad input gets 422 naming the field."""

import io
from datetime import UTC, datetime

import openpyxl
import pytest
from django.urls import reverse

from tests.factories.meetings import ExpoFactory, MeetingSettingsFactory, RepresentativeFactory
from tradebridge.meetings.domain.requests import accept_request, request_meeting
from tradebridge.meetings.models import ScheduleRun
from tradebridge.meetings.schedule_enums import RunStatus


@pytest.fixture(autouse=True)
def _inline_runner(settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "inline"


@pytest.fixture
def expo(agency):
    return MeetingSettingsFactory(event=ExpoFactory(owner=agency)).event


@pytest.fixture
def pair(expo):
    buyer = RepresentativeFactory(timezone="Asia/Shanghai", first_name="Wei", last_name="Li")
    exporter = RepresentativeFactory(timezone="America/Los_Angeles")
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    accept_request(exporter, request)
    return buyer, exporter


def _fields(response) -> set[str]:
    return {item["field"] for item in response.json()["detail"]}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"time_limit": "abc"}, "time_limit"),
        ({"time_limit": 3}, "time_limit"),
        ({"time_limit": 601}, "time_limit"),
        ({"time_limit": True}, "time_limit"),
        ({"allow_moves": "yes"}, "allow_moves"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_input_names_the_field(client, staff_user, expo, body, field):
    client.force_login(staff_user)
    url = reverse("api:schedule-runs", kwargs={"event_id": expo.pk})
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 422
    assert field in _fields(response)
    assert not ScheduleRun.objects.exists()


def test_a_body_that_is_not_json(client, staff_user, expo):
    client.force_login(staff_user)
    url = reverse("api:schedule-runs", kwargs={"event_id": expo.pk})
    response = client.post(url, "{nope", content_type="application/json")
    assert response.status_code in (400, 422)


def test_meetings_not_set_up(client, staff_user, agency):
    event = ExpoFactory(owner=agency)
    client.force_login(staff_user)
    url = reverse("api:schedule-runs", kwargs={"event_id": event.pk})
    response = client.post(url, {}, content_type="application/json")
    assert response.status_code == 422
    assert _fields(response) == {"event"}


def test_start_follow_publish_and_read(
    client, staff_user, expo, pair, django_capture_on_commit_callbacks
):
    _buyer, exporter = pair
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("api:schedule-runs", kwargs={"event_id": expo.pk}),
            {"time_limit": 5},
            content_type="application/json",
        )
    assert response.status_code == 201
    run_id = response.json()["id"]
    run = client.get(reverse("api:schedule-run", kwargs={"run_id": run_id})).json()
    assert (run["status"], run["new_count"], run["objective"], run["bound"], run["gap"]) == (
        RunStatus.FINISHED,
        1,
        1.0,
        1.0,
        0.0,
    )
    cancel = client.post(reverse("api:schedule-run-cancel", kwargs={"run_id": run_id}))
    assert cancel.status_code == 422 and _fields(cancel) == {"run"}
    schedule = client.get(reverse("api:event-schedule", kwargs={"event_id": expo.pk})).json()
    assert [m["status"] for m in schedule["meetings"]] == ["tentative"]
    published = client.post(reverse("api:schedule-run-publish", kwargs={"run_id": run_id}))
    assert published.json()["status"] == RunStatus.PUBLISHED
    again = client.post(reverse("api:schedule-run-publish", kwargs={"run_id": run_id}))
    assert again.status_code == 422
    meeting = client.get(reverse("api:event-schedule", kwargs={"event_id": expo.pk})).json()[
        "meetings"
    ][0]
    assert meeting["status"] == "confirmed" and meeting["sequence"] == 1
    assert meeting["requester"]["person"] == "Wei Li"
    starts = datetime.fromisoformat(meeting["starts_at"].replace("Z", "+00:00"))
    local = datetime.fromisoformat(meeting["local_starts_at"])
    assert local == starts and local.utcoffset().total_seconds() == 8 * 3600
    workbook = client.get(reverse("api:schedule-xlsx", kwargs={"event_id": expo.pk}))
    rows = list(openpyxl.load_workbook(io.BytesIO(workbook.content)).active.values)
    assert len(rows) == 2
    client.force_login(exporter)
    agenda = client.get(reverse("api:my-agenda", kwargs={"event_id": expo.pk})).json()
    assert len(agenda) == 1
    line = agenda[0]
    assert line["day_shift"] in (0, -1)
    yours = datetime.fromisoformat(line["your_starts_at"])
    assert yours.astimezone(UTC) == starts
    assert yours.utcoffset().total_seconds() == -8 * 3600
