"""Meeting pages: inbox, request form, answers with htmx, booking, availability, settings."""

from datetime import UTC, datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories.meetings import ExpoFactory, RepresentativeFactory
from tradebridge.meetings.domain import bookings
from tradebridge.meetings.domain.bookings import (
    book_meeting,
    free_slots,
    live_meeting,
    suitable_tables,
)
from tradebridge.meetings.domain.placement import place_meeting
from tradebridge.meetings.domain.requests import request_meeting
from tradebridge.meetings.enums import BookingSource, MeetingStatus, PlaceKind, RequestStatus
from tradebridge.meetings.models import MeetingRequest, MeetingSettings

NOV_5_0900 = datetime(2020, 11, 5, 1, 0, tzinfo=UTC)  # 09:00 Shanghai, 17:00 the day before in LA


@pytest.fixture(autouse=True)
def _room_template(settings):
    settings.TRADEBRIDGE_VIDEO_ROOM_URL = "https://video.example.org/{room}"


def test_the_organisation_page_offers_a_meeting(client, buyer, exporter):
    client.force_login(buyer)
    page = client.get(reverse("web:organisation-detail", args=[exporter.organisation_id]))
    url = f"{reverse('web:meeting-request-create')}?organisation={exporter.organisation_id}"
    assert url in page.content.decode()
    own = client.get(reverse("web:organisation-detail", args=[buyer.organisation_id]))
    assert reverse("web:meeting-request-create") not in own.content.decode()


def test_requesting_a_meeting(client, buyer, exporter, expo):
    client.force_login(buyer)
    form = client.get(
        reverse("web:meeting-request-create"), {"organisation": exporter.organisation_id}
    )
    assert form.status_code == 200
    response = client.post(
        reverse("web:meeting-request-create"),
        {
            "recipient_organisation": exporter.organisation_id,
            "event": expo.pk,
            "message": "我们想进口杏仁。",
            "priority": "must",
        },
    )
    request = MeetingRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("web:meeting-request-detail", args=[request.pk])
    assert (request.event, request.priority, request.place_kind) == (expo, "must", "table")


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"recipient_organisation": "999999", "priority": "must"},
        {"recipient_organisation": "x", "priority": "must"},
        {"priority": "urgent"},
        {"message": "x" * 2001, "priority": "must"},
        {"place_kind": "table", "priority": "must"},  # outside events: online only
    ],
)
def test_a_bad_request_form_answers_422(client, buyer, exporter, data):
    client.force_login(buyer)
    data = {"recipient_organisation": exporter.organisation_id, **data} if data else {}
    response = client.post(reverse("web:meeting-request-create"), data)
    assert response.status_code == 422
    assert not MeetingRequest.objects.exists()


def test_answering_with_htmx_swaps_the_card(client, buyer, exporter, expo):
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    client.force_login(exporter)
    detail = client.get(reverse("web:meeting-request-detail", args=[request.pk]))
    assert "Propose another time" in detail.content.decode()
    proposed = client.post(
        reverse("web:meeting-request-propose", args=[request.pk]),
        {"starts_at": "2020-11-05T01:00:00+0000", "reply": "Thursday?"},
        HTTP_HX_REQUEST="true",
    )
    assert proposed.status_code == 200
    assert proposed.content.decode().startswith('<article class="card request-card"')
    request.refresh_from_db()
    assert (request.status, request.proposed_starts_at) == (
        RequestStatus.COUNTER_PROPOSED,
        NOV_5_0900,
    )
    client.force_login(buyer)
    accepted = client.post(reverse("web:meeting-request-accept", args=[request.pk]))
    assert accepted.status_code == 302
    assert live_meeting(request).starts_at == NOV_5_0900


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("web:meeting-request-propose", {"starts_at": "tomorrow"}),
        ("web:meeting-request-propose", {"starts_at": "2020-11-05T01:10:00+0000"}),
        ("web:meeting-request-propose", {}),
        ("web:meeting-request-accept", {"reply": "x" * 2001}),
    ],
)
def test_a_bad_answer_answers_422(client, buyer, exporter, expo, action, data):
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    client.force_login(exporter)
    response = client.post(reverse(action, args=[request.pk]), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert 'class="error"' in response.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.REQUESTED


def test_a_second_answer_is_refused(client, buyer, exporter, expo):
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    client.force_login(exporter)
    client.post(reverse("web:meeting-request-decline", args=[request.pk]))
    again = client.post(reverse("web:meeting-request-decline", args=[request.pk]))
    assert again.status_code in (403, 422)
    cancel = client.post(reverse("web:meeting-request-cancel", args=[request.pk]))
    assert cancel.status_code == 422


def test_booking_page_shows_slots_in_both_zones(client, accepted, buyer, exporter, expo):
    request = accepted(event=expo, place_kind=PlaceKind.ONLINE)
    client.force_login(exporter)
    page = client.get(reverse("web:meeting-book", args=[request.pk]))
    content = page.content.decode()
    assert page.status_code == 200
    assert 'value="2020-11-05T01:00:00+0000"' in content
    assert "PST" in content and "CST" in content  # the exporter's and the event's clocks
    assert "−1 day" in content  # 09:00 in Shanghai is the evening before in California
    booked = client.post(
        reverse("web:meeting-book", args=[request.pk]), {"starts_at": "2020-11-05T01:00:00+0000"}
    )
    assert booked.status_code == 302
    meeting = live_meeting(request)
    inbox = client.get(reverse("web:meetings")).content.decode()
    assert f"https://video.example.org/m{meeting.room_token}" in inbox
    moved = client.post(
        reverse("web:meeting-book", args=[request.pk]), {"starts_at": "2020-11-05T01:30:00+0000"}
    )
    assert moved.status_code == 302
    meeting.refresh_from_db()
    assert meeting.sequence == 1


@pytest.mark.parametrize("value", ["", "2020-11-05 09:00", "2020-11-05T01:10:00+0000"])
def test_a_bad_booking_answers_422(client, accepted, exporter, expo, value):
    request = accepted(event=expo)
    client.force_login(exporter)
    response = client.post(reverse("web:meeting-book", args=[request.pk]), {"starts_at": value})
    assert response.status_code == 422
    assert live_meeting(request) is None


def test_inbox_in_chinese(client, accepted, buyer, expo):
    request = accepted(event=expo)
    book_meeting(buyer, request, free_slots(request)[0].starts_at)
    client.force_login(buyer)
    with translation.override("zh-hans"):
        page = client.get(reverse("web:meetings"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    content = page.content.decode()
    assert page.status_code == 200
    assert "我的会谈" in content and "收到的请求" in content
    assert request.recipient_organisation.name_zh in content


def test_availability_form(client, buyer, expo):
    client.force_login(buyer)
    url = f"{reverse('web:meeting-availability')}?event={expo.pk}"
    assert client.get(url).status_code == 200
    saved = client.post(
        url,
        {
            "timezone": "Asia/Shanghai",
            "windows": "09:00-12:00, 13:30–18:00",
            "breaks": "",
            "days": ["2020-11-06"],
            "max_per_day": "4",
        },
    )
    assert saved.status_code == 302
    assert buyer.meeting_availability.get().windows[1] == {"starts": "13:30", "ends": "18:00"}
    for bad in ({"windows": "9-12"}, {"windows": "12:00-09:00"}, {"timezone": "Mars"}):
        response = client.post(url, {"timezone": "Asia/Shanghai", **bad})
        assert response.status_code == 422, bad


def test_organiser_settings_form(client, staff_user):
    event = ExpoFactory(owner=staff_user.organisation)
    client.force_login(staff_user)
    url = reverse("web:meeting-settings", args=[event.pk])
    manage = client.get(reverse("web:event-manage", args=[event.pk])).content.decode()
    assert url in manage
    assert client.get(url).status_code == 200
    data = {
        "slot_minutes": "20",
        "days": ["2020-11-05", "2020-11-06"],
        "morning_starts": "09:00",
        "morning_ends": "12:00",
        "afternoon_starts": "13:30",
        "afternoon_ends": "17:00",
        "breaks": "10:30-10:40",
        "table_names": "A1 | Hall 4.1\nA2 | Hall 4.1\nScreen",
        "online_tables": "1",
        "direct_booking_open": "on",
        "online_hours_start": "08:00",
        "online_hours_end": "20:00",
    }
    assert client.post(url, data).status_code == 302
    settings = MeetingSettings.objects.get(event=event)
    assert settings.slot_minutes == 20
    assert [t.for_online for t in event.meeting_tables.all()] == [False, False, True]
    page = client.get(url).content.decode()
    assert "A1 | Hall 4.1" in page
    for bad in (
        {"slot_minutes": "7"},
        {"days": ["2021-01-01"]},
        {"morning_ends": ""},
        {"afternoon_starts": "11:00"},
        {"breaks": "lunch"},
        {"online_tables": "4"},
        {"online_hours_end": "07:00"},
    ):
        response = client.post(url, {**data, **bad})
        assert response.status_code == 422, bad


def test_the_inbox_costs_the_same_queries_for_more_meetings(client, accepted, buyer, expo):
    def add_meetings(count):
        for _ in range(count):
            request = accepted(event=expo, recipient=RepresentativeFactory())
            book_meeting(buyer, request, free_slots(request)[0].starts_at)
            request_meeting(RepresentativeFactory(), recipient_organisation=buyer.organisation)

    client.force_login(buyer)
    add_meetings(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("web:meetings")).status_code == 200
    add_meetings(3)
    with CaptureQueriesContext(connection) as more:
        assert client.get(reverse("web:meetings")).status_code == 200
    assert len(more) == len(few)


def test_a_tentative_meeting_is_the_organisers_until_published(
    client, accepted, buyer, expo, staff_user
):
    expo.owner = staff_user.organisation
    expo.save()
    request = accepted(event=expo)
    slot = free_slots(request)[0]
    with transaction.atomic():
        bookings.locked(request)
        place_meeting(
            request,
            slot,
            tables=suitable_tables(request, expo.meeting_settings),
            place_kind=request.place_kind,
            status=MeetingStatus.TENTATIVE,
            source=BookingSource.SCHEDULER,
        )
    url = reverse("web:meeting-request-detail", args=[request.pk])
    client.force_login(buyer)
    seen = client.get(url).content.decode()
    assert "scheduling this meeting" in seen
    assert reverse("web:meeting-book", args=[request.pk]) not in seen
    assert "No meetings booked yet." in client.get(reverse("web:meetings")).content.decode()
    client.force_login(staff_user)
    assert "Tentative" in client.get(url).content.decode()
