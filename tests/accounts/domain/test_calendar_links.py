import icalendar
from django.urls import reverse

from tradebridge.accounts.domain.calendar_links import (
    calendar_token,
    reset_calendar_token,
    user_for_calendar_token,
)


def test_token_is_made_once_and_opens_the_users_feed(client, staff_user):
    token = calendar_token(staff_user)
    assert len(token) >= 40
    assert calendar_token(staff_user) == token
    assert user_for_calendar_token(token) == staff_user
    response = client.get(reverse("web:subscribed-calendar", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert icalendar.Calendar.from_ical(response.content).name == "VCALENDAR"


def test_a_new_link_closes_the_old_one(client, staff_user):
    old = calendar_token(staff_user)
    client.force_login(staff_user)
    assert client.post(reverse("web:reset-calendar-link")).status_code == 302
    staff_user.refresh_from_db()
    assert staff_user.calendar_token != old
    client.logout()
    assert client.get(reverse("web:subscribed-calendar", args=[old])).status_code == 404
    current = staff_user.calendar_token
    assert reset_calendar_token(staff_user) != current


def test_inactive_users_feeds_are_closed(staff_user):
    token = calendar_token(staff_user)
    staff_user.is_active = False
    staff_user.save()
    assert user_for_calendar_token(token) is None
    assert user_for_calendar_token("") is None


def test_profile_shows_the_subscription_link(client, staff_user):
    client.force_login(staff_user)
    page = client.get(reverse("accounts:profile")).content.decode()
    staff_user.refresh_from_db()
    assert f"/events/calendar/{staff_user.calendar_token}.ics" in page
