"""The meetings API: requests and answers, free slots, bookings, availability, settings;
bad input everywhere is a 4xx naming the field."""

import pytest
from django.urls import reverse

from tradebridge.meetings.domain.requests import request_meeting
from tradebridge.meetings.models import Meeting

JSON = "application/json"


def _post(client, name, body, **kwargs):
    return client.post(reverse(name, kwargs=kwargs), body, content_type=JSON)


def _fields(response) -> set[str]:
    return {item["field"] for item in response.json()["detail"]}


@pytest.fixture
def waiting(buyer, exporter, expo):
    return request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)


def test_a_request_from_asking_to_booking(client, buyer, exporter, expo, settings):
    settings.TRADEBRIDGE_VIDEO_ROOM_URL = "https://video.example.org/{room}"
    client.force_login(buyer)
    created = _post(
        client,
        "api:meeting-request-list",
        {
            "recipient_organisation": exporter.organisation_id,
            "event": expo.pk,
            "message": "我们想进口杏仁。",
            "priority": "must",
            "place_kind": "online",
        },
    )
    assert created.status_code == 201, created.content
    request_id = created.json()["id"]
    assert created.json()["status"] == "requested"
    listed = client.get(reverse("api:meeting-request-list")).json()
    assert [item["id"] for item in listed["items"]] == [request_id]

    client.force_login(exporter)
    slots = client.get(reverse("api:meeting-free-slots", kwargs={"request_id": request_id}))
    first, second = slots.json()[:2]
    proposed = _post(
        client,
        "api:meeting-request-propose",
        {"starts_at": first["starts_at"], "reply": "Thursday?"},
        request_id=request_id,
    )
    assert proposed.json()["status"] == "counter_proposed"

    client.force_login(buyer)
    accepted = _post(client, "api:meeting-request-accept", {}, request_id=request_id)
    assert accepted.json()["status"] == "accepted"
    meetings = client.get(reverse("api:meeting-list")).json()["items"]
    assert [m["starts_at"][:16] for m in meetings] == [first["starts_at"][:16]]
    assert meetings[0]["room_url"].startswith("https://video.example.org/m")

    url = reverse("api:meeting-booking", kwargs={"request_id": request_id})
    moved = client.put(url, {"starts_at": second["starts_at"]}, content_type=JSON)
    assert moved.status_code == 200, moved.content
    assert (moved.json()["uid"], moved.json()["sequence"]) == (meetings[0]["uid"], 1)
    again = client.post(url, {"starts_at": first["starts_at"]}, content_type=JSON)
    assert again.status_code == 422
    assert _fields(again) == {"request"}

    cancelled = _post(client, "api:meeting-request-cancel", {}, request_id=request_id)
    assert cancelled.json()["status"] == "cancelled"
    assert Meeting.objects.get().status == "cancelled"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"recipient_organisation"}),
        ({"recipient_organisation": 0}, {"recipient_organisation"}),
        ({"recipient_organisation": 99999999}, {"recipient_organisation"}),
        ({"recipient_organisation": "x"}, {"recipient_organisation"}),
        ({"priority": "urgent"}, {"priority"}),
        ({"language": "fr"}, {"language"}),
        ({"place_kind": "table"}, {"place_kind"}),
        ({"event": 99999999}, {"event"}),
        ({"recipient_person": 99999999}, {"recipient_person"}),
        ({"message": "x" * 2001}, {"message"}),
        ({"message": "a\x00b"}, {"message"}),
        ({"colour": "red"}, {"colour"}),
    ],
)
def test_bad_requests_name_the_field(client, buyer, exporter, body, fields):
    client.force_login(buyer)
    if "recipient_organisation" not in body and body:
        body = {"recipient_organisation": exporter.organisation_id, **body}
    response = _post(client, "api:meeting-request-list", body)
    assert response.status_code == 422
    assert _fields(response) == fields


@pytest.mark.parametrize(
    ("name", "body", "fields"),
    [
        ("api:meeting-request-propose", {}, {"starts_at"}),
        ("api:meeting-request-propose", {"starts_at": "soon"}, {"starts_at"}),
        ("api:meeting-request-propose", {"starts_at": "2020-11-05T01:10:00Z"}, {"starts_at"}),
        ("api:meeting-request-propose", {"starts_at": "2020-11-05T01:00:00"}, {"starts_at"}),
        ("api:meeting-request-accept", {"reply": "x" * 2001}, {"reply"}),
        ("api:meeting-request-decline", {"reply": 5}, {"reply"}),
        ("api:meeting-request-decline", {"extra": 1}, {"extra"}),
        ("api:meeting-booking", {"starts_at": "2020-11-05T01:00:00Z"}, {"request"}),
    ],
)
def test_bad_answers_name_the_field(client, exporter, waiting, name, body, fields):
    client.force_login(exporter)
    response = _post(client, name, body, request_id=waiting.pk)
    assert response.status_code == 422, response.content
    assert _fields(response) == fields


def test_bad_json_is_a_400(client, exporter, waiting):
    client.force_login(exporter)
    url = reverse("api:meeting-request-accept", kwargs={"request_id": waiting.pk})
    assert client.post(url, "{", content_type=JSON).status_code == 400


def test_availability(client, buyer, expo):
    client.force_login(buyer)
    url = reverse("api:meeting-availability")
    assert client.get(url, {"event": expo.pk}).status_code == 404
    body = {
        "event": expo.pk,
        "timezone": "Asia/Shanghai",
        "windows": [{"starts": "09:00", "ends": "18:00"}],
        "days": ["2020-11-05"],
        "max_per_day": 6,
    }
    stated = client.put(url, body, content_type=JSON)
    assert stated.status_code == 200, stated.content
    assert client.get(url, {"event": expo.pk}).json()["windows"] == body["windows"]
    for bad, field in [
        ({"timezone": "Mars/Base"}, "timezone"),
        ({"windows": [{"starts": "9", "ends": "18:00"}]}, "windows"),
        ({"windows": [{"starts": "09:00"}]}, "windows"),
        ({"days": ["someday"]}, "days"),
        ({"max_per_day": 0}, "max_per_day"),
        ({"event": 99999999}, "event"),
    ]:
        response = client.put(url, {**body, **bad}, content_type=JSON)
        assert response.status_code == 422, bad
        assert field in _fields(response), (bad, response.json())


def test_settings(client, staff_user, expo):
    expo.owner = staff_user.organisation
    expo.save()
    client.force_login(staff_user)
    url = reverse("api:meeting-settings", kwargs={"event_id": expo.pk})
    body = {
        "slot_minutes": 20,
        "days": ["2020-11-05"],
        "sessions": [{"part": "morning", "starts": "09:00", "ends": "12:00"}],
        "breaks": [{"starts": "10:00", "ends": "10:20"}],
        "tables": [{"name": "A1", "room": "Hall 4.1"}, {"name": "Screen"}],
        "online_tables": 1,
    }
    changed = client.put(url, body, content_type=JSON)
    assert changed.status_code == 200, changed.content
    assert [t["for_online"] for t in changed.json()["tables"]] == [False, True]
    assert client.get(url).json()["slot_minutes"] == 20
    for bad, field in [
        ({"slot_minutes": 7}, "slot_minutes"),
        ({"slot_minutes": 500}, "slot_minutes"),
        ({"days": ["2021-01-01"]}, "days"),
        ({"sessions": [{"part": "night", "starts": "09:00", "ends": "12:00"}]}, "sessions"),
        ({"sessions": [{"part": "morning", "starts": "12:00", "ends": "09:00"}]}, "sessions"),
        ({"tables": 501}, "tables"),
        ({"online_tables": 3}, "online_tables"),
        ({"online_hours_start": "21:00"}, "online_hours"),
    ]:
        response = client.put(url, {**body, **bad}, content_type=JSON)
        assert response.status_code == 422, bad
        assert field in _fields(response), (bad, response.json())
