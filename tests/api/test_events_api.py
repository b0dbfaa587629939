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
