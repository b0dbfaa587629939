"""The background side of a run, with real transactions: a worker thread that watches the
cancel flag through the run row, and ``tradebridge run_schedule`` in a process of its own."""

import os
import subprocess
import sys
import threading
import time

import pytest
from django.db import connection

from tests.factories.accounts import UserFactory
from tests.factories.meetings import MeetingSettingsFactory, RepresentativeFactory
from tradebridge.accounts.enums import Role
from tradebridge.meetings.domain import schedule_execution
from tradebridge.meetings.domain.requests import accept_request, request_meeting
from tradebridge.meetings.domain.schedule_runs import cancel_run, start_run
from tradebridge.meetings.enums import MeetingStatus
from tradebridge.meetings.models import Meeting, ScheduleRun
from tradebridge.meetings.schedule_enums import RunStatus


def _event_with_requests(count: int):
    settings = MeetingSettingsFactory()
    organiser = UserFactory(role=Role.PLATFORM_ADMIN)
    for _ in range(count):
        requester, recipient = RepresentativeFactory(), RepresentativeFactory()
        request = request_meeting(
            requester, recipient_organisation=recipient.organisation, event=settings.event
        )
        accept_request(recipient, request)
    return settings.event, organiser


def _wait_for(run, statuses, seconds=30.0) -> ScheduleRun:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        run.refresh_from_db()
        if run.status in statuses:
            return run
        time.sleep(0.1)
    raise AssertionError(f"run stayed {run.status}")


def _worker_threads():
    return [t for t in threading.enumerate() if t.name.startswith("schedule-run")]


@pytest.mark.django_db(transaction=True)
def test_cancel_reaches_a_running_solver_through_the_run_row(monkeypatch, settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "thread"
    monkeypatch.setattr(schedule_execution, "HEARTBEAT_SECONDS", 0.2)
    real_solve = schedule_execution.solve

    def long_search(problem, *, cancel, **options):
        cancel.wait(timeout=30)  # a search that goes on until it is told to stop
        return real_solve(problem, cancel=cancel, **options)

    monkeypatch.setattr(schedule_execution, "solve", long_search)
    event, organiser = _event_with_requests(3)
    run = _wait_for(start_run(organiser, event, time_limit=60), {RunStatus.RUNNING})
    cancel_run(organiser, run)
    run = _wait_for(run, {RunStatus.CANCELLED, RunStatus.FINISHED, RunStatus.FAILED})
    assert run.status == RunStatus.CANCELLED
    assert not Meeting.objects.filter(status=MeetingStatus.TENTATIVE).exists()
    deadline = time.monotonic() + 10
    while _worker_threads() and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.django_db(transaction=True)
def test_progress_is_written_while_the_run_works(monkeypatch, settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "thread"
    monkeypatch.setattr(schedule_execution, "HEARTBEAT_SECONDS", 0.1)
    real_solve = schedule_execution.solve
    seen = threading.Event()

    def watched(problem, *, progress, **options):
        progress(42.0, 1.5, 3.0, 4.0)
        seen.wait(timeout=10)
        return real_solve(problem, progress=progress, **options)

    monkeypatch.setattr(schedule_execution, "solve", watched)
    event, organiser = _event_with_requests(2)
    run = start_run(organiser, event, time_limit=5)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        run.refresh_from_db()
        if run.percent == 42.0:
            break
        time.sleep(0.05)
    assert (run.status, run.percent, run.objective, run.bound) == (
        RunStatus.RUNNING,
        42.0,
        3.0,
        4.0,
    )
    seen.set()
    assert _wait_for(run, {RunStatus.FINISHED}).new_count == 2


def _database_url() -> str:
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{config['NAME']}"
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    return (
        f"postgres://{config['USER']}{password}@{config['HOST'] or '127.0.0.1'}:"
        f"{config['PORT'] or 5432}/{config['NAME']}"
    )


@pytest.mark.django_db(transaction=True)
def test_the_run_schedule_command_works_a_run_in_its_own_process(settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "external"
    event, organiser = _event_with_requests(2)
    run = start_run(organiser, event, time_limit=5)
    connection.close()  # SQLite: let the other process write
    done = subprocess.run(
        [sys.executable, "-m", "tradebridge.cli", "run_schedule", str(run.pk)],
        env={**os.environ, "DATABASE_URL": _database_url()},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    run.refresh_from_db()
    assert (run.status, run.new_count) == (RunStatus.FINISHED, 2)
    assert f"run {run.pk}: finished" in done.stdout
