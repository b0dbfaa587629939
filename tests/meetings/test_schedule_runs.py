"""Scheduler runs end to end with the real solver (CP-SAT): proposals as tentative meetings,
confirmed meetings kept, incremental runs, moves when allowed, publishing with notices in each
recipient's language and .ics files whose UID stays and SEQUENCE rises, crashed runs."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories.meetings import MeetingSettingsFactory, RepresentativeFactory
from tradebridge.meetings.domain.availability import set_availability
from tradebridge.meetings.domain.bookings import book_meeting
from tradebridge.meetings.domain.requests import cancel_request
from tradebridge.meetings.domain.schedule_problem import Reason
from tradebridge.meetings.domain.schedule_runs import (
    cancel_run,
    latest_run,
    mark_if_stale,
    publish_run,
    start_run,
)
from tradebridge.meetings.enums import MeetingStatus, Priority
from tradebridge.meetings.models import Meeting, ScheduleRun
from tradebridge.meetings.schedule_enums import RunStatus

NOV_5_0900 = datetime(2020, 11, 5, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


@pytest.fixture(autouse=True)
def _inline_runner(settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "inline"


@pytest.fixture
def organiser(expo, staff_user):
    expo.owner = staff_user.organisation
    expo.save()
    return staff_user


@pytest.fixture
def run_now(django_capture_on_commit_callbacks):
    """Start a run and work it at once (the inline runner, after the start commits)."""

    def run(user, event, **options):
        with django_capture_on_commit_callbacks(execute=True):
            started = start_run(user, event, time_limit=options.pop("time_limit", 5), **options)
        started.refresh_from_db()
        return started

    return run


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def do(user, run):
        with django_capture_on_commit_callbacks(execute=True):
            return publish_run(user, run)

    return do


def _pairs(accepted, event, count, **fields):
    return [
        accepted(
            event=event,
            requester=RepresentativeFactory(),
            recipient=RepresentativeFactory(),
            **fields,
        )
        for _ in range(count)
    ]


def _ics_events(attachment) -> dict:
    calendar = icalendar.Calendar.from_ical(attachment[1])
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_a_run_places_every_request_and_publishing_confirms(
    accepted, expo, organiser, run_now, publish
):
    requests = _pairs(accepted, expo, 5)
    run = run_now(organiser, expo)
    assert run.status == RunStatus.FINISHED
    assert (run.new_count, run.kept_count, run.unscheduled) == (5, 0, [])
    assert run.objective == run.bound == 5.0
    assert run.solver_status == "optimal"
    meetings = Meeting.objects.filter(request__in=requests)
    assert {m.status for m in meetings} == {MeetingStatus.TENTATIVE}
    assert all(m.table is not None for m in meetings)
    mail.outbox.clear()
    publish(organiser, run)
    run.refresh_from_db()
    assert run.status == RunStatus.PUBLISHED
    assert {(m.status, m.sequence) for m in meetings.all()} == {(MeetingStatus.CONFIRMED, 1)}
    assert len(mail.outbox) == 10  # each side of each meeting


def test_confirmed_meetings_stay_and_incremental_runs_do_not_move_them(
    accepted, expo, organiser, run_now, publish
):
    first = accepted(event=expo)
    booked = book_meeting(first.requester, first, NOV_5_0900)
    run = run_now(organiser, expo)
    assert run.kept_count == 1
    publish(organiser, run)
    published = {m.pk: (m.starts_at, m.sequence) for m in Meeting.objects.all()}
    # Later: two more requests, one of them with the same buyer.
    later = accepted(event=expo, requester=first.requester, recipient=RepresentativeFactory())
    _pairs(accepted, expo, 1)
    second = run_now(organiser, expo)
    assert (second.kept_count, second.new_count, second.moved_count) == (1, 2, 0)
    for meeting in Meeting.objects.filter(pk__in=published):
        assert (meeting.starts_at, meeting.sequence) == published[meeting.pk]
    booked.refresh_from_db()
    assert booked.starts_at == NOV_5_0900
    new = Meeting.objects.get(request=later)
    assert new.status == MeetingStatus.TENTATIVE and new.starts_at != NOV_5_0900


def test_a_second_run_replaces_the_first_runs_proposals(accepted, expo, organiser, run_now):
    _pairs(accepted, expo, 2)
    first = run_now(organiser, expo)
    second = run_now(organiser, expo)
    first.refresh_from_db()
    assert first.status == RunStatus.SUPERSEDED
    assert Meeting.objects.filter(status=MeetingStatus.TENTATIVE).count() == 2
    with pytest.raises(ValidationError):
        publish_run(organiser, first)
    assert second.status == RunStatus.FINISHED


@pytest.fixture
def squeezed(accepted, expo, buyer, exporter):
    """The buyer's meeting with the exporter is booked at 09:00; a third company the buyer
    must meet can only come at 09:00."""
    booked = book_meeting(buyer, accepted(event=expo), NOV_5_0900)
    visitor = RepresentativeFactory(language="en", timezone="America/Chicago")
    set_availability(
        visitor,
        event=expo,
        timezone="Asia/Shanghai",
        windows=[{"starts": "09:00", "ends": "09:30"}],
        days=["2020-11-05"],
    )
    must = accepted(event=expo, recipient=visitor, priority=Priority.MUST_MEET)
    return booked, must


def test_without_moves_the_confirmed_meeting_wins(squeezed, expo, organiser, run_now):
    booked, must = squeezed
    run = run_now(organiser, expo)
    assert run.unscheduled == [{"request": must.pk, "reason": Reason.CROWDED_OUT}]
    booked.refresh_from_db()
    assert booked.starts_at == NOV_5_0900


def test_with_moves_allowed_a_confirmed_meeting_moves_on_publishing(
    squeezed, expo, organiser, run_now, publish, buyer, exporter
):
    booked, must = squeezed
    uid, sequence = booked.uid, booked.sequence
    run = run_now(organiser, expo, allow_moves=True)
    assert (run.moved_count, run.new_count, run.unscheduled) == (1, 1, [])
    booked.refresh_from_db()
    assert booked.starts_at == NOV_5_0900  # nothing moves before publishing
    mail.outbox.clear()
    publish(organiser, run)
    booked.refresh_from_db()
    assert booked.starts_at != NOV_5_0900
    assert (booked.uid, booked.sequence) == (uid, sequence + 1)
    assert Meeting.objects.get(request=must).starts_at == NOV_5_0900
    # The exporter reads English, the buyer Chinese; each .ics holds the moved meeting under
    # its old UID with the higher SEQUENCE.
    by_person = {message.to[0]: message for message in mail.outbox}
    english, chinese = by_person[exporter.email], by_person[buyer.email]
    assert "Your meetings at" in english.subject
    assert "会" in chinese.subject
    for message in (english, chinese):
        events = _ics_events(message.attachments[0])
        moved = events[f"meeting-{uid}@tradebridge.meetings"]
        assert moved["sequence"] == sequence + 1
        assert moved.decoded("dtstart") == booked.starts_at


def test_cancelled_requests_free_their_place_for_the_next_run(
    accepted, expo, organiser, run_now, publish
):
    MeetingSettingsFactory._meta.model.objects.filter(event=expo).update(days=["2020-11-05"])
    first = accepted(event=expo)
    run_now(organiser, expo)
    publish(organiser, ScheduleRun.objects.first())
    cancel_request(first.requester, first)
    assert Meeting.objects.get(request=first).status == MeetingStatus.CANCELLED
    _pairs(accepted, expo, 1)
    run = run_now(organiser, expo)
    assert (run.new_count, run.kept_count) == (1, 0)


def test_only_the_organiser_runs_and_publishes(accepted, expo, organiser, other_staff_user):
    with pytest.raises(PermissionDenied):
        start_run(other_staff_user, expo)
    run = ScheduleRun.objects.create(event=expo, status=RunStatus.FINISHED)
    with pytest.raises(PermissionDenied):
        publish_run(other_staff_user, run)
    with pytest.raises(PermissionDenied):
        cancel_run(other_staff_user, run)


@pytest.mark.parametrize("limit", [0, 4, 601, "30", True])
def test_bad_time_limits_are_refused(expo, organiser, limit):
    with pytest.raises(ValidationError) as error:
        start_run(organiser, expo, time_limit=limit)
    assert "time_limit" in error.value.message_dict


def test_one_run_at_a_time(expo, organiser, settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "external"
    start_run(organiser, expo)
    with pytest.raises(ValidationError) as error:
        start_run(organiser, expo)
    assert "already running" in error.value.messages[0]


def test_a_crashed_run_is_detected_and_does_not_block_the_next(expo, organiser, settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "external"
    silent_since = timezone.now() - timedelta(minutes=5)
    crashed = ScheduleRun.objects.create(
        event=expo, status=RunStatus.RUNNING, started_at=silent_since, heartbeat_at=silent_since
    )
    assert latest_run(expo).status == RunStatus.FAILED
    crashed.refresh_from_db()
    assert "stopped" in crashed.message
    assert start_run(organiser, expo).status == RunStatus.QUEUED


def test_a_run_nobody_took_fails_after_a_while(expo, organiser, settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "external"
    run = start_run(organiser, expo)
    assert mark_if_stale(run).status == RunStatus.QUEUED
    later = timezone.now() + timedelta(minutes=10)
    assert mark_if_stale(run, now=later).status == RunStatus.FAILED


def test_cancelling_a_queued_run(expo, organiser, settings):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "external"
    run = cancel_run(organiser, start_run(organiser, expo))
    assert run.status == RunStatus.CANCELLED
    with pytest.raises(ValidationError):
        cancel_run(organiser, run)


NOV_5_1100_UTC = datetime(2020, 11, 5, 11, 0, tzinfo=UTC)  # 19:00 in Shanghai


def _busy_elsewhere(accepted, buyer):
    """The buyer's 5 November (Shanghai time): a meeting at another event at 09:00 and an
    online one outside events at 19:00."""
    elsewhere = MeetingSettingsFactory().event
    book_meeting(buyer, accepted(event=elsewhere, recipient=RepresentativeFactory()), NOV_5_0900)
    online = accepted(event=None, recipient=RepresentativeFactory())
    book_meeting(buyer, online, NOV_5_1100_UTC)


def test_meetings_elsewhere_count_against_the_daily_cap(accepted, expo, buyer, organiser, run_now):
    """Three a day at most, only on 5 November, two of them elsewhere: one more fits here."""
    set_availability(
        buyer, event=expo, timezone="Asia/Shanghai", days=["2020-11-05"], max_per_day=3
    )
    _busy_elsewhere(accepted, buyer)
    wanted = [accepted(event=expo, recipient=RepresentativeFactory()) for _ in range(3)]
    run = run_now(organiser, expo)
    assert run.status == RunStatus.FINISHED
    assert Meeting.objects.filter(request__in=wanted).count() == 1
    assert [item["reason"] for item in run.unscheduled] == [Reason.DAILY_LIMIT] * 2


def test_a_day_full_here_and_elsewhere_takes_no_more_and_keeps_what_is_booked(
    accepted, expo, buyer, organiser, run_now
):
    """Two meetings booked here on 5 November and two elsewhere, then the buyer lowers the cap
    to three: the run keeps all (it cannot drop confirmed meetings) and adds none."""
    booked = [
        book_meeting(buyer, accepted(event=expo, recipient=RepresentativeFactory()), moment)
        for moment in (NOV_5_0900 + timedelta(minutes=30), NOV_5_0900 + timedelta(minutes=60))
    ]
    _busy_elsewhere(accepted, buyer)
    set_availability(
        buyer, event=expo, timezone="Asia/Shanghai", days=["2020-11-05"], max_per_day=3
    )
    more = accepted(event=expo, recipient=RepresentativeFactory())
    run = run_now(organiser, expo)
    assert run.status == RunStatus.FINISHED
    assert run.unscheduled == [{"request": more.pk, "reason": Reason.DAILY_LIMIT}]
    assert all(Meeting.objects.get(pk=m.pk).status == MeetingStatus.CONFIRMED for m in booked)
