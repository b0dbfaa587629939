"""Every role against every scheduler page and API route, other agencies' events and drafts
included. Statuses per role in the order of ROLES (as in tests/web/test_permission_matrix.py):
302 is the login redirect of an anonymous visitor (or the redirect after a POST), 401 the
API's answer to no credentials, 404 an object that does not exist for that user."""

import pytest
from django.urls import reverse

from tests.factories.meetings import ExpoFactory, MeetingSettingsFactory
from tradebridge.events.enums import EventStatus
from tradebridge.meetings.models import ScheduleRun
from tradebridge.meetings.schedule_enums import RunStatus

ROLES = ("anonymous", "admin", "staff", "other_staff", "representative", "viewer")
START = {"time_limit": 5}

# (url name, object key or None, method, expected statuses in ROLES order)
SCHEDULING_MATRIX: list[tuple[str, str | None, str, str]] = [
    ("web:event-schedule", "event", "get", "302 200 200 403 403 403"),
    ("web:event-schedule", "draft", "get", "302 200 200 404 404 404"),
    ("web:event-schedule", "event", "post", "302 422 422 403 403 403"),
    ("web:schedule-run", "run", "get", "302 200 200 404 404 404"),
    ("web:schedule-run", "draft_run", "get", "302 200 200 404 404 404"),
    ("web:schedule-run-progress", "run", "get", "302 200 200 404 404 404"),
    ("web:schedule-run-cancel", "run", "post", "302 302 302 404 404 404"),
    ("web:schedule-run-publish", "run", "post", "302 302 302 404 404 404"),
    ("web:schedule-table-plan", "event", "get", "302 200 200 403 403 403"),
    ("web:schedule-table-plan", "draft", "get", "302 200 200 404 404 404"),
    ("web:schedule-xlsx", "event", "get", "302 200 200 403 403 403"),
    ("web:schedule-xlsx", "draft", "get", "302 200 200 404 404 404"),
    ("web:meeting-agenda", "event", "get", "302 200 200 200 200 200"),
    ("web:meeting-agenda", "draft", "get", "302 200 200 404 404 404"),
    ("web:meeting-agenda-ics", "event", "get", "302 200 200 200 200 200"),
    ("web:meeting-agenda-ics", "draft", "get", "302 200 200 404 404 404"),
]

# (url name, object key, method, body, expected statuses in ROLES order)
SCHEDULING_API_MATRIX = [
    ("api:schedule-runs", "api_event", "post", START, "401 201 201 403 403 403"),
    ("api:schedule-runs", "api_draft", "post", START, "401 201 201 404 404 404"),
    ("api:schedule-runs", "api_event", "get", None, "401 200 200 403 403 403"),
    ("api:schedule-run", "api_run", "get", None, "401 200 200 404 404 404"),
    ("api:schedule-run", "api_draft_run", "get", None, "401 200 200 404 404 404"),
    ("api:schedule-run-cancel", "api_run", "post", None, "401 422 422 404 404 404"),
    ("api:schedule-run-publish", "api_run", "post", None, "401 200 200 404 404 404"),
    ("api:event-schedule", "api_event", "get", None, "401 200 200 403 403 403"),
    ("api:event-schedule", "api_draft", "get", None, "401 200 200 404 404 404"),
    ("api:schedule-xlsx", "api_event", "get", None, "401 200 200 403 403 403"),
    ("api:my-agenda", "api_event", "get", None, "401 200 200 200 200 200"),
    ("api:my-agenda", "api_draft", "get", None, "401 200 200 404 404 404"),
]

SCHEDULING_MATRIX_NAMES = [row[0] for row in SCHEDULING_MATRIX] + [
    row[0] for row in SCHEDULING_API_MATRIX
]


@pytest.fixture
def objects(db, agency, settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "external"  # runs started here stay queued
    event = MeetingSettingsFactory(event=ExpoFactory(owner=agency)).event
    draft = MeetingSettingsFactory(event=ExpoFactory(owner=agency, status=EventStatus.DRAFT)).event
    run = ScheduleRun.objects.create(event=event, status=RunStatus.FINISHED)
    draft_run = ScheduleRun.objects.create(event=draft, status=RunStatus.FINISHED)
    return {
        "event": {"pk": event.pk},
        "draft": {"pk": draft.pk},
        "run": {"pk": run.pk},
        "draft_run": {"pk": draft_run.pk},
        "api_event": {"event_id": event.pk},
        "api_draft": {"event_id": draft.pk},
        "api_run": {"run_id": run.pk},
        "api_draft_run": {"run_id": draft_run.pk},
    }


@pytest.mark.parametrize(("name", "key", "method", "expected"), SCHEDULING_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_scheduling_pages(client, objects, users, role, name, key, method, expected):
    if users[role] is not None:
        client.force_login(users[role])
    url = reverse(name, kwargs=objects[key] if key else None)
    response = getattr(client, method)(url)
    want = int(expected.split()[ROLES.index(role)])
    assert response.status_code == want, f"{role} {method.upper()} {url}"
    if want == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "key", "method", "body", "expected"), SCHEDULING_API_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_scheduling_api(client, objects, users, role, name, key, method, body, expected):
    if users[role] is not None:
        client.force_login(users[role])
    url = reverse(name, kwargs=objects[key])
    if body is None:
        response = getattr(client, method)(url)
    else:
        response = getattr(client, method)(url, body, content_type="application/json")
    want = int(expected.split()[ROLES.index(role)])
    assert response.status_code == want, f"{role} {method.upper()} {url}: {response.content[:200]}"
