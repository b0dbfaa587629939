from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from tests.factories.accounts import UserFactory
from tests.factories.directory import PersonFactory
from tests.factories.events import EventFactory, SessionFactory
from tradebridge.events.domain.registrations import register
from tradebridge.events.domain.rooms import video_room_url
from tradebridge.events.enums import AttendanceMode, RegistrationStatus, SpeakerRole
from tradebridge.events.models import Registration

pytestmark = pytest.mark.django_db

OPENING = datetime(2020, 11, 6, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai, 17:00 PST the day before


@pytest.fixture
def ciie(agency):
    event = EventFactory(
        owner=agency,
        title_en="CIIE 2020",
        timezone="Asia/Shanghai",
        starts_at=datetime(2020, 11, 5, 1, tzinfo=UTC),
        ends_at=datetime(2020, 11, 10, 10, tzinfo=UTC),
        attendance_mode=AttendanceMode.HYBRID,
        questions=["Which products interest you?"],
    )
    session = SessionFactory(
        event=event,
        title_en="Opening of the California Pavilion",
        starts_at=OPENING,
        ends_at=OPENING + timedelta(hours=1),
        is_online=True,
    )
    session.speaker_links.create(person=PersonFactory(name_en="Jennifer Zou"),
                                 role=SpeakerRole.SPEAKER)  # fmt: skip
    return event


def test_anonymous_visitors_see_the_programme_in_the_event_zone(client, ciie):
    page = client.get(reverse("web:event-detail", args=[ciie.pk])).content.decode()
    assert "Opening of the California Pavilion" in page
    assert "09:00" in page and "Asia/Shanghai" in page
    assert "Jennifer Zou" in page
    assert "Your time" not in page
    assert "meet" not in page and "video.example" not in page  # no room link for visitors


def test_a_californian_sees_both_times_and_the_day_shift(client, ciie):
    client.force_login(UserFactory(timezone="America/Los_Angeles"))
    page = client.get(reverse("web:event-detail", args=[ciie.pk])).content.decode()
    assert "Thu 5 Nov, 17:00" in page
    assert "\u22121 day" in page


def test_anonymous_visitors_may_choose_a_zone(client, ciie):
    page = client.get(reverse("web:event-detail", args=[ciie.pk]), {"tz": "America/Chicago"})
    assert "19:00" in page.content.decode()
    page = client.get(reverse("web:event-detail", args=[ciie.pk]), {"tz": "not/a zone"})
    assert page.status_code == 200


def test_confirmed_participants_get_the_room_link(client, ciie, settings):
    settings.TRADEBRIDGE_VIDEO_ROOM_URL = "https://video.example.org/{room}"
    user = UserFactory()
    register(user, ciie, AttendanceMode.ONLINE, ["Ports"])
    client.force_login(user)
    page = client.get(reverse("web:event-detail", args=[ciie.pk])).content.decode()
    assert video_room_url(ciie.sessions.get()) in page


def test_register_through_the_page(client, ciie, django_capture_on_commit_callbacks):
    user = UserFactory()
    client.force_login(user)
    url = reverse("web:event-register", args=[ciie.pk])
    assert "Which products interest you?" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"attendance_mode": "in_person", "answer_0": "Robots"})
    assert response.status_code == 302
    registration = Registration.objects.get(user=user)
    assert registration.answers == ["Robots"]
    assert len(mail.outbox) == 1
    page = client.get(reverse("web:event-detail", args=[ciie.pk])).content.decode()
    assert registration.check_in_code in page


@pytest.mark.parametrize(
    "data",
    [{}, {"attendance_mode": "teleport", "answer_0": "x"}, {"attendance_mode": "online"},
     {"attendance_mode": "online", "answer_0": "x" * 2001}],
)  # fmt: skip
def test_bad_registrations_get_a_4xx_with_the_form(client, ciie, data):
    client.force_login(UserFactory())
    response = client.post(reverse("web:event-register", args=[ciie.pk]), data)
    assert response.status_code == 422
    assert b"errorlist" in response.content
    assert not Registration.objects.exists()


def test_registering_twice_is_a_form_error(client, ciie):
    user = UserFactory()
    register(user, ciie, AttendanceMode.ONLINE, ["x"])
    client.force_login(user)
    response = client.post(
        reverse("web:event-register", args=[ciie.pk]),
        {"attendance_mode": "online", "answer_0": "y"},
    )
    assert response.status_code == 422


def test_cancel_from_the_page(client, ciie):
    user = UserFactory()
    registration = register(user, ciie, AttendanceMode.ONLINE, ["x"])
    client.force_login(user)
    assert (
        client.post(reverse("web:registration-cancel", args=[registration.pk])).status_code == 302
    )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    # Cancelling again is refused with a message, not an error page.
    response = client.post(reverse("web:registration-cancel", args=[registration.pk]), follow=True)
    assert b"already cancelled" in response.content


def test_back_office_lists_and_decides(client, staff_user, agency):
    event = EventFactory(owner=agency, requires_approval=True, questions=["Sector?"])
    registration = register(UserFactory(first_name="Ada"), event, "in_person", ["Dairy"])
    client.force_login(staff_user)
    page = client.get(reverse("web:event-manage", args=[event.pk])).content.decode()
    assert "Ada" in page and "Dairy" in page
    url = reverse("web:registration-decide", args=[registration.pk])
    assert client.post(url, {"decision": "maybe"}).status_code == 400
    assert client.post(url, {"decision": "approve"}).status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_check_in_page(client, staff_user, agency):
    event = EventFactory(owner=agency)
    registration = register(UserFactory(), event, "in_person")
    client.force_login(staff_user)
    url = reverse("web:event-check-in", args=[event.pk])
    assert client.post(url, {"code": ""}).status_code == 422
    assert client.post(url, {"code": "WRONG"}).status_code == 422
    assert client.post(url, {"code": registration.check_in_code}).status_code == 302
    again = client.post(url, {"code": registration.check_in_code})
    assert again.status_code == 422 and b"Already checked in" in again.content


def test_calendar_downloads(client, ciie):
    response = client.get(reverse("web:event-calendar", args=[ciie.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 2
    user = UserFactory()
    register(user, ciie, AttendanceMode.ONLINE, ["x"])
    client.force_login(user)
    mine = Calendar.from_ical(client.get(reverse("web:my-calendar")).content)
    assert len(mine.walk("VEVENT")) == 2


def test_drafts_are_not_listed(client, agency):
    EventFactory(owner=agency, title_en="Secret draft", status="draft")
    EventFactory(title_en="Open forum")
    page = client.get(reverse("web:event-list")).content.decode()
    assert "Open forum" in page and "Secret draft" not in page


def test_event_pages_do_not_grow_with_sessions_or_events(
    client, ciie, django_assert_max_num_queries
):
    for _ in range(5):
        session = SessionFactory(event=ciie)
        session.speaker_links.create(person=PersonFactory())
        EventFactory()
    with django_assert_max_num_queries(10):
        client.get(reverse("web:event-detail", args=[ciie.pk]))
    with django_assert_max_num_queries(6):
        client.get(reverse("web:event-list"))
