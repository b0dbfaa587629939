"""The organiser's scheduler pages and the schedule's outputs: starting a run, its progress
box, publishing, the printable table plan, the spreadsheet read back with openpyxl, and each
participant's agenda in their own zone with its .ics."""

import io
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import openpyxl
import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from tests.factories.meetings import ExpoFactory, MeetingSettingsFactory, RepresentativeFactory
from tradebridge.meetings.domain.bookings import book_meeting
from tradebridge.meetings.domain.requests import accept_request, request_meeting
from tradebridge.meetings.domain.schedule_runs import publish_run, start_run
from tradebridge.meetings.models import Meeting, ScheduleRun
from tradebridge.meetings.schedule_enums import RunStatus

NOV_5_0900 = datetime(
    2020, 11, 5, 1, 0, tzinfo=UTC
)  # 09:00 in Shanghai, 17:00 the day before in LA


@pytest.fixture(autouse=True)
def _inline_runner(settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "inline"


@pytest.fixture
def expo(agency):
    return MeetingSettingsFactory(event=ExpoFactory(owner=agency)).event


@pytest.fixture
def buyer(db):
    return RepresentativeFactory(
        language="zh-hans", timezone="Asia/Shanghai", first_name="Wei", last_name="Li"
    )


@pytest.fixture
def exporter(db):
    return RepresentativeFactory(
        language="en", timezone="America/Los_Angeles", first_name="Ann", last_name="Lee"
    )


@pytest.fixture
def booked(expo, buyer, exporter):
    """The buyer's request, accepted by the exporter and booked at 09:00 Shanghai time."""
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    accept_request(exporter, request)
    return book_meeting(buyer, request, NOV_5_0900)


def _accepted(expo, count=1):
    for _ in range(count):
        requester, recipient = RepresentativeFactory(), RepresentativeFactory()
        request = request_meeting(
            requester, recipient_organisation=recipient.organisation, event=expo
        )
        accept_request(recipient, request)


def test_the_organiser_runs_watches_and_publishes(
    client, staff_user, expo, booked, django_capture_on_commit_callbacks
):
    _accepted(expo, 2)
    client.force_login(staff_user)
    page = client.get(reverse("web:event-schedule", args=[expo.pk]))
    assert "2 accepted requests wait for a time." in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("web:event-schedule", args=[expo.pk]), {"time_limit": 5, "allow_moves": ""}
        )
    run = ScheduleRun.objects.get()
    assert response["Location"] == reverse("web:schedule-run", args=[run.pk])
    text = client.get(response["Location"]).content.decode()
    assert "Scheduled 3 meetings worth 3 points, of at most 3 possible." in text
    assert "Proven optimal" in text
    assert reverse("web:schedule-run-publish", args=[run.pk]) in text
    # The progress box of a finished run tells htmx to show the whole page again.
    progress = client.get(
        reverse("web:schedule-run-progress", args=[run.pk]), headers={"HX-Request": "true"}
    )
    assert progress["HX-Refresh"] == "true"
    response = client.post(reverse("web:schedule-run-publish", args=[run.pk]))
    assert response["Location"] == reverse("web:event-schedule", args=[expo.pk])
    run.refresh_from_db()
    assert run.status == RunStatus.PUBLISHED


def test_a_running_run_polls_its_progress(client, staff_user, expo):
    run = ScheduleRun.objects.create(
        event=expo, status=RunStatus.RUNNING, percent=37.5, objective=12, bound=15, elapsed=3.2
    )
    ScheduleRun.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now())
    client.force_login(staff_user)
    text = client.get(reverse("web:schedule-run", args=[run.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in text
    assert 'value="37.5"' in text
    assert "12 points" in text and "15 points" in text and "20%" in text
    assert reverse("web:schedule-run-cancel", args=[run.pk]) in text
    client.post(reverse("web:schedule-run-cancel", args=[run.pk]))
    run.refresh_from_db()
    assert run.cancel_requested


def test_bad_input_is_refused_with_the_form(client, staff_user, expo):
    client.force_login(staff_user)
    response = client.post(reverse("web:event-schedule", args=[expo.pk]), {"time_limit": "3"})
    assert response.status_code == 422
    assert "Ensure this value is greater than or equal to 5." in response.content.decode()
    assert not ScheduleRun.objects.exists()


def test_table_plan_lists_each_slot_with_tables_and_both_sides(client, staff_user, expo, booked):
    client.force_login(staff_user)
    text = client.get(reverse("web:schedule-table-plan", args=[expo.pk])).content.decode()
    request = booked.request
    assert "Thu 5 Nov 2020 · 09:00–09:30" in text
    assert booked.table.label in text
    assert request.requester_organisation.name in text
    assert request.recipient_organisation.name in text
    assert "Wei Li" in text and "Ann Lee" in text
    assert 'href="/static/web/scheduling.css"' in text
    assert "@media print" in Path(finders.find("web/scheduling.css")).read_text()


def test_the_spreadsheet_has_event_and_utc_times(client, staff_user, expo, booked):
    client.force_login(staff_user)
    response = client.get(reverse("web:schedule-xlsx", args=[expo.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == (
        "Date (Asia/Shanghai)",
        "Start (Asia/Shanghai)",
        "End (Asia/Shanghai)",
        "Start (UTC)",
        "End (UTC)",
    )
    assert len(rows) == 2
    row = rows[1]
    assert row[0].date().isoformat() == "2020-11-05"
    assert row[1:5] == ("09:00", "09:30", "2020-11-05 01:00", "2020-11-05 01:30")
    assert row[5] == booked.table.label
    assert row[7] == booked.request.requester_organisation.name
    assert row[10] == "Ann Lee"


def test_each_side_reads_the_agenda_in_their_own_zone(client, expo, booked, buyer, exporter):
    client.force_login(exporter)
    text = client.get(reverse("web:meeting-agenda", args=[expo.pk])).content.decode()
    assert "Wed 4 Nov, 17:00–17:30" in text  # Los Angeles
    assert "−1 day" in text
    assert buyer.organisation.name in text
    client.force_login(buyer)
    text = client.get(reverse("web:meeting-agenda", args=[expo.pk])).content.decode()
    assert "Thu 5 Nov, 09:00–09:30" in text


def test_the_agenda_calendar_and_the_personal_feed_hold_the_meeting(client, expo, booked, exporter):
    client.force_login(exporter)
    for url in (reverse("web:meeting-agenda-ics", args=[expo.pk]), reverse("web:my-calendar")):
        calendar = icalendar.Calendar.from_ical(client.get(url).content)
        entries = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
        entry = entries[f"meeting-{booked.uid}@tradebridge.meetings"]
        assert entry["sequence"] == booked.sequence
        assert entry.decoded("dtstart") == NOV_5_0900
        assert str(entry["status"]) == "CONFIRMED"


def test_tentative_meetings_stay_out_of_participants_calendars(
    client, staff_user, expo, exporter, buyer, django_capture_on_commit_callbacks
):
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    accept_request(exporter, request)
    with django_capture_on_commit_callbacks(execute=True):
        run = start_run(staff_user, expo, time_limit=5)
    assert Meeting.objects.get(request=request).status == "tentative"
    client.force_login(exporter)
    calendar = icalendar.Calendar.from_ical(client.get(reverse("web:my-calendar")).content)
    assert calendar.walk("VEVENT") == []
    publish_run(staff_user, run, notify=False)
    calendar = icalendar.Calendar.from_ical(client.get(reverse("web:my-calendar")).content)
    assert len(calendar.walk("VEVENT")) == 1


def test_organisers_read_anyones_agenda_participants_only_their_own(
    client, staff_user, expo, booked, buyer, exporter, representative
):
    url = reverse("web:meeting-agenda", args=[expo.pk])
    client.force_login(staff_user)
    text = client.get(url, {"person": exporter.pk}).content.decode()
    assert "Meetings of Ann Lee" in text
    assert client.get(url, {"person": representative.pk}).status_code == 404
    assert client.get(url, {"person": "x"}).status_code == 404
    client.force_login(buyer)
    assert client.get(url, {"person": exporter.pk}).status_code == 403
    assert client.get(url, {"person": buyer.pk}).status_code == 200
    ics = reverse("web:meeting-agenda-ics", args=[expo.pk])
    assert client.get(ics, {"person": exporter.pk}).status_code == 403
