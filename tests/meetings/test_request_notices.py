"""Each step of a meeting request is mailed to the other side in the reader's own language,
with a proposed time in their zone and the event's and a link to their inbox; the acting user
never gets one, and a change that is rolled back tells nobody."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

from tests.factories.accounts import UserFactory
from tests.factories.meetings import RepresentativeFactory
from tradebridge.accounts.enums import Role
from tradebridge.meetings.domain.bookings import book_meeting, free_slots
from tradebridge.meetings.domain.requests import (
    accept_request,
    cancel_request,
    decline_request,
    propose_time,
    request_meeting,
)

NOV_5_0900 = datetime(
    2020, 11, 5, 1, 0, tzinfo=UTC
)  # 09:00 in Shanghai, 17:00 the day before in LA
NOV_5_0930 = datetime(2020, 11, 5, 1, 30, tzinfo=UTC)
INBOX = "http://127.0.0.1:8000/meetings/"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.TRADEBRIDGE_SITE_URL = "http://127.0.0.1:8000"


def _ask(buyer, exporter, event, **fields):
    return request_meeting(
        buyer, recipient_organisation=exporter.organisation, event=event, **fields
    )


def test_a_request_reaches_the_named_recipient_in_their_language(buyer, exporter, expo, sent):
    request, mails = sent(
        lambda: _ask(buyer, exporter, expo, recipient_person=exporter, message="Almonds?")
    )
    assert set(mails) == {exporter.email}
    english = mails[exporter.email]
    assert english.subject == f"Meeting request from {buyer.organisation.name_en}"
    assert f"Li Wei ({buyer.organisation.name_en}) asks to meet" in english.body
    assert "Almonds?" in english.body
    assert INBOX in english.body
    assert f"{INBOX}requests/{request.pk}/" in english.body


def test_without_a_named_recipient_its_representatives_are_told(buyer, exporter, expo, sent):
    colleague = UserFactory(
        role=Role.AGENCY_STAFF, organisation=exporter.organisation, language="zh-hans"
    )
    UserFactory(
        role=Role.COMPANY_REPRESENTATIVE, organisation=exporter.organisation, is_active=False
    )
    UserFactory(role=Role.GOVERNMENT_VIEWER, organisation=exporter.organisation)
    UserFactory(role=Role.COMPANY_REPRESENTATIVE, organisation=exporter.organisation, email="")
    _request, mails = sent(lambda: _ask(exporter, buyer, expo))
    assert set(mails) == {buyer.email}  # the Shanghai company's only representative
    _request, mails = sent(lambda: _ask(buyer, exporter, expo))
    assert set(mails) == {exporter.email, colleague.email}
    assert mails[exporter.email].subject.startswith("Meeting request from ")
    assert mails[colleague.email].subject == f"会谈请求：{buyer.organisation.name_zh}"
    assert "请求与" in mails[colleague.email].body


def test_answers_reach_the_other_side_only(buyer, exporter, expo, sent):
    request = _ask(buyer, exporter, expo)
    colleague = RepresentativeFactory(organisation=exporter.organisation)
    _request, mails = sent(lambda: accept_request(exporter, request, reply="Gladly"))
    assert set(mails) == {buyer.email}
    chinese = mails[buyer.email]
    assert chinese.subject == f"会谈请求已接受：{exporter.organisation.name_zh}"
    assert "Gladly" in chinese.body and INBOX in chinese.body
    assert colleague.email not in mails

    declined = _ask(exporter, buyer, expo)
    _request, mails = sent(lambda: decline_request(buyer, declined, reply="Not this year"))
    assert set(mails) == {exporter.email}
    assert mails[exporter.email].subject == (
        f"Meeting request declined: {buyer.organisation.name_en}"
    )
    assert "Not this year" in mails[exporter.email].body


def test_a_proposed_time_shows_in_the_readers_zone_and_the_events(buyer, exporter, expo, sent):
    request = _ask(buyer, exporter, expo)
    _request, mails = sent(lambda: propose_time(exporter, request, NOV_5_0900))
    assert set(mails) == {buyer.email}
    chinese = mails[buyer.email]
    assert chinese.subject == f"对方提议了其他时间：{exporter.organisation.name_zh}"
    # Shanghai is the event's zone: one line.
    assert "2020-11-05 09:00 – 09:30 (Asia/Shanghai)" in chinese.body
    assert "America/Los_Angeles" not in chinese.body

    request.refresh_from_db()
    _request, mails = sent(lambda: propose_time(buyer, request, NOV_5_0930))
    english = mails[exporter.email]
    assert set(mails) == {exporter.email}
    assert english.subject == f"Another time proposed: {buyer.organisation.name_en}"
    assert "When: 2020-11-05 09:30 – 10:00 (Asia/Shanghai)" in english.body
    assert "Your time: 2020-11-04 17:30 – 18:00 (America/Los_Angeles) −1 day" in english.body


def test_outside_events_a_proposal_shows_the_proposers_zone(buyer, exporter, sent):
    request = _ask(buyer, exporter, None)
    starts_at = free_slots(request, attendee_user=exporter)[0].starts_at
    _request, mails = sent(lambda: propose_time(exporter, request, starts_at))
    body = mails[buyer.email].body
    pacific = starts_at.astimezone(ZoneInfo("America/Los_Angeles"))
    shanghai = starts_at.astimezone(ZoneInfo("Asia/Shanghai"))
    assert f"{pacific:%Y-%m-%d %H:%M} – " in body and "(America/Los_Angeles)" in body
    assert f"{shanghai:%Y-%m-%d %H:%M} – " in body and "(Asia/Shanghai)" in body


def _calendar_entry(message):
    (name, content, kind) = message.attachments[0]
    assert (name, kind) == ("meeting.ics", "text/calendar")
    (entry,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    return entry


def test_accepting_a_proposed_time_sends_one_mail_each(buyer, exporter, expo, sent):
    request = propose_time(exporter, _ask(buyer, exporter, expo), NOV_5_0900)
    _request, mails = sent(lambda: accept_request(buyer, request))
    assert set(mails) == {buyer.email, exporter.email}
    assert len(mail.outbox) == 2
    told = mails[exporter.email]
    assert told.subject == f"Meeting scheduled: {buyer.organisation.name_en}"
    assert "accepted the proposed time; the meeting is booked" in told.body
    assert "Your time: 2020-11-04 17:00 – 17:30 (America/Los_Angeles) −1 day" in told.body
    assert _calendar_entry(told).decoded("dtstart") == NOV_5_0900
    # The acting user gets the meeting's own notice, with their calendar entry.
    assert mails[buyer.email].subject.startswith("会谈已安排：")


def test_cancelling_tells_the_other_side_and_an_organiser_tells_both(
    accepted, buyer, exporter, expo, staff_user, sent
):
    request = _ask(buyer, exporter, expo)
    _request, mails = sent(lambda: cancel_request(buyer, request, reply="Plans changed"))
    assert set(mails) == {exporter.email}
    assert mails[exporter.email].subject.startswith("Meeting request cancelled: ")
    assert "Plans changed" in mails[exporter.email].body

    expo.owner = staff_user.organisation
    expo.save()
    booked = accepted(event=expo)
    book_meeting(buyer, booked, NOV_5_0900)
    _request, mails = sent(lambda: cancel_request(staff_user, booked))
    assert set(mails) == {buyer.email, exporter.email}
    assert len(mail.outbox) == 2
    assert mails[exporter.email].subject.startswith("Meeting cancelled: ")
    assert f"({staff_user.organisation.name_en}) cancelled the meeting." in (
        mails[exporter.email].body
    )
    assert str(_calendar_entry(mails[buyer.email])["status"]) == "CANCELLED"


def test_a_rolled_back_change_tells_nobody(
    buyer, exporter, expo, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _ask(buyer, exporter, expo)
        raise RuntimeError("rolled back")
    assert callbacks == [] and mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_refused_acceptance_tells_nobody(expo):
    """Accepting a proposed time someone else took meanwhile fails as a whole: no mail, on a
    real commit."""
    buyer, exporter = RepresentativeFactory(), RepresentativeFactory()
    request = propose_time(exporter, _ask(buyer, exporter, expo), NOV_5_0900)
    rival = _ask(RepresentativeFactory(), buyer, expo)
    book_meeting(buyer, accept_request(buyer, rival), NOV_5_0900)
    mail.outbox.clear()
    with pytest.raises(ValidationError):
        accept_request(buyer, request)
    assert mail.outbox == []
    request.refresh_from_db()
    assert request.status == "counter_proposed"
