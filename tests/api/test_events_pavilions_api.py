from datetime import date, datetime, time

import pytest
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.directory import AffiliationFactory
from tests.factories.events import EventFactory, ExhibitorFactory
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


def test_organisers_build_a_pavilion_through_the_api(client, staff_user, agency, company):
    event = EventFactory(owner=agency, kind="expo")
    client.force_login(staff_user)
    pavilion = client.post(
        reverse("api:pavilion-list"),
        {"event": event.pk, "name_en": "California Pavilion", "host_region": "US-CA",
         "host_organisation": company.pk, "area_en": "Smart equipment"},
        content_type="application/json",
    )  # fmt: skip
    assert pavilion.status_code == 201
    assert pavilion.json()["host_region"] == "US-CA"
    duty = AffiliationFactory(organisation=company).person
    exhibitor = client.post(
        reverse("api:exhibitor-list", args=[pavilion.json()["id"]]),
        {"organisation": company.pk, "stand": "B12", "staff": [duty.pk]},
        content_type="application/json",
    )
    assert exhibitor.status_code == 201
    product = client.post(
        reverse("api:product-list", args=[exhibitor.json()["id"]]),
        {"title_en": "Irrigation controller", "hs_codes": ["8424"], "sectors": ["dairy"]},
        content_type="application/json",
    )
    assert product.status_code == 201
    assert product.json()["hs_codes"] == ["8424"] and product.json()["sectors"] == ["dairy"]


@pytest.mark.parametrize(
    ("url_name", "body", "field"),
    [
        ("api:pavilion-list", {"name_en": "X", "host_region": "XX-NOPE"}, "host_region"),
        ("api:pavilion-list", {"name_en": "X", "host_organisation": 999999},
         "host_organisation"),
        ("api:pavilion-list", {"name_en": "", "name_zh": ""}, "name_en"),
        ("api:exhibitor-list", {"organisation": 999999}, "organisation"),
        ("api:exhibitor-list", {"organisation": "company", "staff": [999999]}, "staff"),
        ("api:exhibitor-list", {"organisation": "exhibiting"}, "organisation"),
        ("api:product-list", {"title_en": "X", "hs_codes": ["84x"]}, "hs_codes"),
        ("api:product-list", {"title_en": "X", "sectors": ["no-such-sector"]}, "sectors"),
        ("api:product-list", {"title_en": ""}, "title_en"),
    ],
)  # fmt: skip
def test_bad_pavilion_input_names_the_field(
    client, staff_user, exhibitor, company, url_name, body, field
):
    client.force_login(staff_user)
    body = dict(body)
    if url_name == "api:pavilion-list":
        body["event"] = exhibitor.pavilion.event_id
        args = []
    elif url_name == "api:exhibitor-list":
        lookup = {"company": company.pk, "exhibiting": exhibitor.organisation_id}
        body["organisation"] = lookup.get(body["organisation"], body["organisation"])
        args = [exhibitor.pavilion_id]
    else:
        args = [exhibitor.pk]
    response = client.post(reverse(url_name, args=args), body, content_type="application/json")
    assert response.status_code == 422, response.content
    assert field in [item["field"] for item in response.json()["detail"]]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"last_day": "2020-11-04"}, "last_day"),
        ({"closes": "07:00"}, "closes"),
        ({"timezone": "Pacific/Nowhere"}, "timezone"),
        ({"slot_minutes": 1}, "slot_minutes"),
        ({"opens": "8 in the morning"}, "opens"),
    ],
)
def test_bad_windows_name_the_field(client, staff_user, exhibitor, change, field):
    client.force_login(staff_user)
    body = {"first_day": "2020-11-05", "last_day": "2020-11-10", "opens": "08:00",
            "closes": "11:00", "timezone": "America/Los_Angeles", **change}  # fmt: skip
    response = client.post(reverse("api:consultation-window-list", args=[exhibitor.pk]), body,
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 422
    assert field in [item["field"] for item in response.json()["detail"]]


def test_windows_through_the_api_keep_local_hours(client, staff_user, exhibitor):
    client.force_login(staff_user)
    body = {"first_day": "2020-10-31", "last_day": "2020-11-02", "opens": "08:00",
            "closes": "09:00", "timezone": "America/Los_Angeles"}  # fmt: skip
    response = client.post(reverse("api:consultation-window-list", args=[exhibitor.pk]), body,
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 201
    hours = [datetime.fromisoformat(w["starts_at"]).hour for w in response.json()]
    assert hours == [15, 16, 16]  # 08:00 PDT, then 08:00 PST after clocks went back
