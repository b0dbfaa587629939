from datetime import date, time

import pytest
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.events import ExhibitorFactory
from tradebridge.events.domain.consultations import add_daily_windows, slot_starts
from tradebridge.events.enums import EventStatus
from tradebridge.events.models import ConsultationBooking, Lead, Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibitor(agency, staff_user):
    exhibitor = ExhibitorFactory(pavilion__event__owner=agency, pavilion__name_en="California")
    Product.objects.create(exhibitor=exhibitor, title_en="Coaching", hs_codes="8479,847989")
    add_daily_windows(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 5), time(8),
                      time(9), "America/Los_Angeles", 30)  # fmt: skip
    return exhibitor


def test_pavilion_with_exhibitors_products_and_free_slots(client, exhibitor, agency):
    ExhibitorFactory(pavilion__event__owner=agency, pavilion__event__status=EventStatus.DRAFT)
    body = client.get(reverse("api:pavilion-list")).json()
    assert [p["name_en"] for p in body["items"]] == ["California"]
    detail = client.get(reverse("api:pavilion-detail", args=[exhibitor.pavilion_id])).json()
    (shown,) = detail["exhibitors"]
    assert shown["products"][0]["hs_codes"] == ["8479", "847989"]
    (window,) = shown["consultation_windows"]
    assert window["timezone"] == "America/Los_Angeles"
    assert len(window["free_slots"]) == 2
    other_event = client.get(reverse("api:pavilion-list"), {"event": 999999}).json()
    assert other_event["items"] == []


def test_book_a_consultation_and_contact_the_exhibitor(client, exhibitor):
    client.force_login(UserFactory())
    window = exhibitor.consultation_windows.get()
    slot = slot_starts(window)[0]
    url = reverse("api:consultation-bookings", args=[window.pk])
    response = client.post(url, {"starts_at": slot.isoformat(), "topic": "Tariffs"},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 201
    client.force_login(UserFactory())
    again = client.post(url, {"starts_at": slot.isoformat()}, content_type="application/json")
    assert again.status_code == 422
    assert again.json()["detail"][0]["field"] == "starts_at"
    lead = client.post(reverse("api:exhibitor-leads", args=[exhibitor.pk]),
                       {"message": "Call me"}, content_type="application/json")  # fmt: skip
    assert lead.status_code == 201
    assert Lead.objects.get().message == "Call me"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "starts_at"),
        ({"starts_at": "soon"}, "starts_at"),
        ({"starts_at": "2020-11-05T16:05:00Z"}, "starts_at"),
        ({"starts_at": "2020-11-05T16:00:00"}, "starts_at"),
        ({"starts_at": "2020-11-05T16:00:00Z", "topic": "x" * 301}, "topic"),
        ({"starts_at": "2020-11-05T16:00:00Z", "extra": 1}, "extra"),
    ],
)
def test_bad_bookings_name_the_field(client, exhibitor, body, field):
    client.force_login(UserFactory())
    window = exhibitor.consultation_windows.get()
    response = client.post(reverse("api:consultation-bookings", args=[window.pk]), body,
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 422
    assert field in [item["field"] for item in response.json()["detail"]]
    assert not ConsultationBooking.objects.exists()


@pytest.mark.parametrize(
    ("body", "status"),
    [({}, 422), ({"message": ""}, 422), ({"message": "x" * 2001}, 422),
     ({"message": "Hi", "product": 999999}, 404), ({"message": "Hi", "product": 0}, 422)],
)  # fmt: skip
def test_bad_leads(client, exhibitor, body, status):
    client.force_login(UserFactory())
    response = client.post(reverse("api:exhibitor-leads", args=[exhibitor.pk]), body,
                           content_type="application/json")  # fmt: skip
    assert response.status_code == status
    assert not Lead.objects.exists()
