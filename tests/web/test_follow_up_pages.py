"""The exhibitor's side: leads, and each consultation's own video room."""

from datetime import date, time

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories.accounts import UserFactory
from tests.factories.events import EventFactory, ExhibitorFactory
from tradebridge.events.domain.consultations import (
    add_daily_windows,
    book_consultation,
    slot_starts,
)
from tradebridge.events.domain.pavilions import contact_exhibitor
from tradebridge.events.domain.rooms import consultation_room_url
from tradebridge.events.models import ConsultationBooking

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibitor(agency, company):
    """The representative's company exhibits at the agency's expo."""
    return ExhibitorFactory(
        pavilion__event__owner=agency, organisation=company, pavilion__name_en="California"
    )


@pytest.fixture
def neighbour(exhibitor):
    return ExhibitorFactory(pavilion=exhibitor.pavilion, organisation__name_en="Port of Oakland")


@pytest.fixture
def booking(exhibitor, staff_user):
    (window,) = add_daily_windows(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 5),
                                  time(8), time(9), "America/Los_Angeles")  # fmt: skip
    visitor = UserFactory(timezone="Asia/Shanghai", first_name="Mei", email="mei@example.cn")
    return book_consultation(visitor, window, slot_starts(window)[0], "Tariffs")


def test_each_side_sees_its_own_leads(
    client, exhibitor, neighbour, staff_user, representative, other_staff_user, government_viewer
):
    contact_exhibitor(UserFactory(), exhibitor, "Do you export almonds?")
    contact_exhibitor(UserFactory(), neighbour, "Berth for a container ship?")
    url = reverse("web:lead-list")
    seen = {}
    roles = [("organiser", staff_user), ("representative", representative),
             ("other agency", other_staff_user), ("viewer", government_viewer)]  # fmt: skip
    for name, user in roles:
        client.force_login(user)
        text = client.get(url).content.decode()
        seen[name] = ("almonds" in text, "container ship" in text)
    assert seen == {
        "organiser": (True, True),
        "representative": (True, False),
        "other agency": (False, False),
        "viewer": (False, False),
    }


def test_an_organiser_narrows_leads_to_one_event(client, staff_user, agency, exhibitor):
    elsewhere = ExhibitorFactory(pavilion__event=EventFactory(owner=agency))
    contact_exhibitor(UserFactory(), exhibitor, "At the expo")
    contact_exhibitor(UserFactory(), elsewhere, "At the other event")
    client.force_login(staff_user)
    manage = client.get(reverse("web:event-manage", args=[exhibitor.pavilion.event_id]))
    link = f"{reverse('web:lead-list')}?event={exhibitor.pavilion.event_id}"
    assert link in manage.content.decode()
    text = client.get(link).content.decode()
    assert "At the expo" in text and "At the other event" not in text
    assert client.get(f"{reverse('web:lead-list')}?event=nonsense").status_code == 200


def test_the_visitor_and_the_exhibitor_side_see_the_consultation_room(
    client, booking, exhibitor, staff_user, representative
):
    room = consultation_room_url(booking)
    pavilion_url = reverse("web:pavilion-detail", args=[exhibitor.pavilion_id])
    client.force_login(booking.user)
    assert room in client.get(pavilion_url).content.decode()
    for user, url in [
        (staff_user, reverse("web:event-manage", args=[exhibitor.pavilion.event_id])),
        (staff_user, reverse("web:exhibitor-manage", args=[exhibitor.pk])),
        (representative, reverse("web:exhibitor-manage", args=[exhibitor.pk])),
    ]:
        client.force_login(user)
        text = client.get(url).content.decode()
        assert room in text and "Tariffs" in text, (user, url)
    client.force_login(UserFactory())  # another visitor sees free slots, never the room
    assert room not in client.get(pavilion_url).content.decode()


def test_one_consultation_as_a_calendar_file(client, booking, representative):
    url = reverse("web:consultation-calendar", args=[booking.pk])
    for user, summary in [
        (booking.user, "Consultation with"),
        (representative, "Consultation: Mei"),
    ]:
        client.force_login(user)
        response = client.get(url)
        assert response["Content-Type"].startswith("text/calendar")
        (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
        assert str(vevent["location"]) == consultation_room_url(booking)
        assert str(vevent["summary"]).startswith(summary)
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_an_organiser_cancels_and_the_visitor_is_told(
    client, booking, exhibitor, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    back = reverse("web:exhibitor-manage", args=[exhibitor.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("web:consultation-cancel", args=[booking.pk]), {"next": back}
        )
    assert response["Location"] == back
    assert not ConsultationBooking.objects.exists()
    (mail,) = mailoutbox
    assert mail.to == ["mei@example.cn"] and "Tariffs" not in mail.body
    assert "2020-11-06 00:00 (Asia/Shanghai)" in mail.body


def test_cancel_goes_back_only_to_this_site(client, booking, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("web:consultation-cancel", args=[booking.pk]),
        {"next": "https://evil.example.com/"},
    )
    assert response["Location"] == reverse(
        "web:pavilion-detail", args=[booking.window.exhibitor.pavilion_id]
    )
