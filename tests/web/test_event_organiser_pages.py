from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests.factories.directory import PersonFactory
from tests.factories.events import EventFactory, SessionFactory
from tradebridge.events.enums import EventStatus
from tradebridge.events.models import Event

pytestmark = pytest.mark.django_db

SEMINAR = {
    "kind": "seminar",
    "title_en": "Trade seminar",
    "title_zh": "贸易研讨会",
    "timezone": "America/Los_Angeles",
    "starts_local": "2015-09-22T09:00",
    "ends_local": "2015-09-22T12:00",
    "attendance_mode": "hybrid",
    "languages": ["en", "zh"],
    "capacity": "450",
    "registration_open": "on",
    "questions": "Which sector?\n\nWhich province?\n",
    "visibility": "public",
}


def test_staff_create_a_draft_typed_in_the_events_zone(client, staff_user, agency):
    client.force_login(staff_user)  # staff_user's own zone is UTC; the times are Seattle's
    response = client.post(reverse("web:event-create"), SEMINAR)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.starts_at == datetime(2015, 9, 22, 16, tzinfo=UTC)
    assert (event.owner, event.status) == (agency, EventStatus.DRAFT)
    assert event.questions == ["Which sector?", "Which province?"]
    assert event.languages == "en,zh" and event.capacity == 450
    assert client.post(reverse("web:event-publish", args=[event.pk])).status_code == 302
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title_en": "", "title_zh": ""}, "title_en"),
        ({"ends_local": "2015-09-22T08:00"}, "ends_local"),
        ({"starts_local": "yesterday"}, "starts_local"),
        ({"timezone": "Mars/Base"}, "timezone"),
        ({"kind": "party"}, "kind"),
        ({"capacity": "-1"}, "capacity"),
        ({"languages": ["xx"]}, "languages"),
        # 02:30 on 8 March 2015 did not exist in California: clocks went from 02:00 to 03:00.
        ({"starts_local": "2015-03-08T02:30", "ends_local": "2015-03-08T05:00"}, "starts_local"),
    ],
)
def test_bad_events_get_a_4xx_naming_the_field(client, staff_user, change, field):
    client.force_login(staff_user)
    response = client.post(reverse("web:event-create"), {**SEMINAR, **change})
    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert not Event.objects.exists()


def test_editing_shows_local_times_and_raises_the_sequence(client, staff_user, agency):
    event = EventFactory(owner=agency)
    client.force_login(staff_user)
    page = client.get(reverse("web:event-edit", args=[event.pk])).content.decode()
    assert 'value="2015-09-22T09:00"' in page
    response = client.post(
        reverse("web:event-edit", args=[event.pk]), {**SEMINAR, "ends_local": "2015-09-22T13:00"}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.sequence == 1


def test_sessions_with_moderators_and_speakers(client, staff_user, agency):
    event = EventFactory(owner=agency)
    moderator, speaker = PersonFactory(name_en="Host"), PersonFactory(name_en="Shen Boyang")
    client.force_login(staff_user)
    data = {
        "kind": "panel",
        "title_en": "Internet + Commerce",
        "starts_local": "2015-09-22T10:00",
        "ends_local": "2015-09-22T11:00",
        "moderators": [moderator.pk],
        "speakers": [speaker.pk],
    }
    assert client.post(reverse("web:session-create", args=[event.pk]), data).status_code == 302
    session = event.sessions.get()
    assert session.starts_at == datetime(2015, 9, 22, 17, tzinfo=UTC)
    assert [(link.person, link.role) for link in session.speaker_links.all()] == [
        (moderator, "moderator"),
        (speaker, "speaker"),
    ]
    url = reverse("web:session-edit", args=[session.pk])
    assert 'value="2015-09-22T10:00"' in client.get(url).content.decode()
    assert client.post(url, {**data, "room": "Hall B"}).status_code == 302
    session.refresh_from_db()
    assert (session.room, session.sequence) == ("Hall B", 1)


@pytest.mark.parametrize(
    "change",
    [
        {"title_en": ""},
        {"starts_local": "2015-09-22T13:00", "ends_local": "2015-09-22T14:00"},  # after event
        {"ends_local": "2015-09-22T09:30"},
        {"kind": "picnic"},
        {"speakers": ["999999"]},
        {"speakers": ["x"]},
    ],
)
def test_bad_sessions_get_a_4xx(client, staff_user, agency, change):
    event = EventFactory(owner=agency)
    client.force_login(staff_user)
    data = {"kind": "panel", "title_en": "Panel", "starts_local": "2015-09-22T10:00",
            "ends_local": "2015-09-22T11:00", **change}  # fmt: skip
    response = client.post(reverse("web:session-create", args=[event.pk]), data)
    assert response.status_code == 422
    assert not event.sessions.exists()


def test_same_person_cannot_moderate_and_speak(client, staff_user, agency):
    event = EventFactory(owner=agency)
    person = PersonFactory()
    client.force_login(staff_user)
    response = client.post(
        reverse("web:session-create", args=[event.pk]),
        {
            "kind": "panel",
            "title_en": "Panel",
            "starts_local": "2015-09-22T10:00",
            "ends_local": "2015-09-22T11:00",
            "moderators": [person.pk],
            "speakers": [person.pk],
        },
    )
    assert response.status_code == 422


def test_organiser_buttons_only_for_organisers(client, staff_user, other_staff_user, agency):
    event = EventFactory(owner=agency)
    SessionFactory(event=event)
    url = reverse("web:event-detail", args=[event.pk])
    client.force_login(staff_user)
    assert reverse("web:session-create", args=[event.pk]) in client.get(url).content.decode()
    client.force_login(other_staff_user)
    assert reverse("web:session-create", args=[event.pk]) not in client.get(url).content.decode()
