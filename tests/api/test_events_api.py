from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.directory import PersonFactory
from tests.factories.events import EventFactory, SessionFactory
from tradebridge.events.domain.registrations import register
from tradebridge.events.enums import AttendanceMode, EventStatus, HostRole, SpeakerRole
from tradebridge.events.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(agency):
    event = EventFactory(owner=agency, questions=["Sector?"], capacity=1)
    event.host_links.create(organisation=agency, role=HostRole.ORGANISER)
    session = SessionFactory(event=event, title_en="Internet + Commerce")
    session.speaker_links.create(person=PersonFactory(name_en="Shen Boyang"),
                                 role=SpeakerRole.SPEAKER)  # fmt: skip
    return event


def test_events_list_and_detail_in_utc_with_the_zone(client, event, agency):
    EventFactory(owner=agency, status=EventStatus.DRAFT)
    body = client.get(reverse("api:event-list")).json()
    assert [item["id"] for item in body["items"]] == [event.pk]
    detail = client.get(reverse("api:event-detail", args=[event.pk])).json()
    assert detail["timezone"] == "America/Los_Angeles"
    assert datetime.fromisoformat(detail["starts_at"]) == datetime(2015, 9, 22, 16, tzinfo=UTC)
    assert detail["hosts"] == [{"organisation": agency.pk, "name": "Agency A", "role": "organiser"}]
    assert detail["questions"] == ["Sector?"]


def test_sessions_with_speakers(client, event):
    (session,) = client.get(reverse("api:session-list", args=[event.pk])).json()
    assert session["title_en"] == "Internet + Commerce"
    assert [s["name"] for s in session["speakers"]] == ["Shen Boyang"]
    assert "room_token" not in session


def test_register_list_and_cancel(client, event):
    user = UserFactory()
    client.force_login(user)
    url = reverse("api:registration-list", args=[event.pk])
    response = client.post(url, {"attendance_mode": "in_person", "answers": ["Dairy"]},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"
    mine = client.get(reverse("api:my-registrations")).json()
    assert [r["event"] for r in mine] == [event.pk]
    detail = reverse("api:registration-detail", args=[mine[0]["id"]])
    assert client.delete(detail).json()["status"] == "cancelled"
    assert client.delete(detail).status_code == 422


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"attendance_mode": "teleport", "answers": ["x"]}, "attendance_mode"),
        ({"answers": ["x"]}, "attendance_mode"),
        ({"attendance_mode": "in_person"}, "answers"),
        ({"attendance_mode": "in_person", "answers": "x"}, "answers"),
        ({"attendance_mode": "in_person", "answers": ["x", "y"]}, "answers"),
        ({"attendance_mode": "online", "answers": ["x"]}, "attendance_mode"),
        ({"attendance_mode": "in_person", "answers": ["x"], "extra": 1}, "extra"),
        ({"attendance_mode": "in_person", "answers": ["x\x00"]}, "answers"),
    ],
)
def test_bad_registrations_name_the_field(client, event, body, field):
    client.force_login(UserFactory())
    response = client.post(reverse("api:registration-list", args=[event.pk]), body,
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 422
    assert field in [item["field"] for item in response.json()["detail"]]
    assert not Registration.objects.exists()


def test_malformed_json_is_a_4xx(client, event):
    client.force_login(UserFactory())
    response = client.post(reverse("api:registration-list", args=[event.pk]), "{not json",
                           content_type="application/json")  # fmt: skip
    assert 400 <= response.status_code < 500


def test_second_registration_is_refused(client, event):
    user = UserFactory()
    register(user, event, AttendanceMode.IN_PERSON, ["x"])
    client.force_login(user)
    response = client.post(reverse("api:registration-list", args=[event.pk]),
                           {"attendance_mode": "in_person", "answers": ["x"]},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "event"


NEW_EVENT = {
    "kind": "seminar",
    "title_en": "Seattle seminar",
    "title_zh": "西雅图研讨会",
    "starts_at": "2015-09-22T09:00:00-07:00",
    "ends_at": "2015-09-22T12:00:00-07:00",
    "timezone": "America/Los_Angeles",
    "languages": ["en", "zh"],
    "questions": ["Sector?"],
}


def test_staff_create_publish_and_program_an_event(client, staff_user, agency):
    client.force_login(staff_user)
    created = client.post(reverse("api:event-list"), NEW_EVENT, content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    assert body["status"] == "draft" and body["languages"] == ["en", "zh"]
    assert datetime.fromisoformat(body["starts_at"]) == datetime(2015, 9, 22, 16, tzinfo=UTC)
    event_id = body["id"]
    published = client.post(reverse("api:event-publish", args=[event_id]))
    assert published.json()["status"] == "published"
    speaker = PersonFactory(name_en="Shen Boyang")
    session = client.post(
        reverse("api:session-list", args=[event_id]),
        {"kind": "panel", "title_en": "Internet + Commerce", "is_online": True,
         "starts_at": "2015-09-22T17:00:00Z", "ends_at": "2015-09-22T18:00:00Z",
         "speakers": [{"person": speaker.pk, "role": "speaker"}]},
        content_type="application/json",
    )  # fmt: skip
    assert session.status_code == 201
    assert session.json()["speakers"][0]["name"] == "Shen Boyang"
    moved = client.patch(
        reverse("api:session-detail", args=[session.json()["id"]]),
        {"starts_at": "2015-09-22T17:30:00Z"},
        content_type="application/json",
    )
    assert moved.json()["sequence"] == 1
    changed = client.patch(reverse("api:event-detail", args=[event_id]),
                           {"venue_en": "Seattle"}, content_type="application/json")  # fmt: skip
    assert changed.json()["venue_en"] == "Seattle"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"starts_at": "2015-09-22T09:00:00"}, "starts_at"),  # naive
        ({"ends_at": "2015-09-22T08:00:00-07:00"}, "ends_at"),
        ({"timezone": "Mars/Base"}, "timezone"),
        ({"kind": "party"}, "kind"),
        ({"title_en": "", "title_zh": ""}, "title_en"),
        ({"languages": ["xx"]}, "languages"),
        ({"capacity": -1}, "capacity"),
        ({"questions": "Sector?"}, "questions"),
        ({"owner": 1}, "owner"),
    ],
)
def test_bad_events_name_the_field(client, staff_user, change, field):
    client.force_login(staff_user)
    response = client.post(reverse("api:event-list"), {**NEW_EVENT, **change},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 422
    assert field in [item["field"] for item in response.json()["detail"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "panel", "title_en": "P", "starts_at": "2015-09-22T20:00:00Z",
          "ends_at": "2015-09-22T21:00:00Z"}, "starts_at"),  # outside the event
        ({"kind": "panel", "title_en": "P", "starts_at": "2015-09-22T17:00:00Z",
          "ends_at": "2015-09-22T18:00:00Z", "speakers": [{"person": 999999}]}, "speakers"),
        ({"kind": "panel", "title_en": "P", "starts_at": "2015-09-22T17:00:00Z",
          "ends_at": "2015-09-22T18:00:00Z", "speakers": [{"person": 1, "role": "x"}]},
         "speakers"),
    ],
)  # fmt: skip
def test_bad_sessions_name_the_field(client, staff_user, event, body, field):
    client.force_login(staff_user)
    response = client.post(reverse("api:session-list", args=[event.pk]), body,
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 422
    assert field in [item["field"] for item in response.json()["detail"]]


def test_organisers_list_decide_and_check_in(client, staff_user, other_staff_user, agency):
    event = EventFactory(owner=agency, requires_approval=True, capacity=5)
    registration = register(UserFactory(first_name="Ada"), event, AttendanceMode.IN_PERSON)
    client.force_login(staff_user)
    (listed,) = client.get(reverse("api:registration-list", args=[event.pk])).json()
    assert (listed["name"], listed["status"]) == ("Ada", "pending")
    url = reverse("api:registration-decision", args=[registration.pk])
    assert (
        client.post(url, {"approve": "maybe"}, content_type="application/json").status_code == 422
    )
    decided = client.post(url, {"approve": True}, content_type="application/json")
    assert decided.json()["status"] == "confirmed"
    check_in_url = reverse("api:event-check-in", args=[event.pk])
    done = client.post(check_in_url, {"code": registration.check_in_code},
                       content_type="application/json")  # fmt: skip
    assert done.json()["checked_in_at"] is not None
    again = client.post(check_in_url, {"code": registration.check_in_code},
                        content_type="application/json")  # fmt: skip
    assert again.status_code == 422 and again.json()["detail"][0]["field"] == "code"
    client.force_login(other_staff_user)
    assert client.post(url, {"approve": False}, content_type="application/json").status_code == 404
