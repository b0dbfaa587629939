"""Changing and deleting pavilions, exhibitors, products and consultation windows through the
API; the exhibitor's side reading its leads and bookings with their video rooms."""

from datetime import date, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.directory import AffiliationFactory, PersonFactory
from tests.factories.events import ExhibitorFactory, image_upload
from tradebridge.events.domain.consultations import (
    add_daily_windows,
    book_consultation,
    slot_starts,
)
from tradebridge.events.domain.pavilions import contact_exhibitor
from tradebridge.events.domain.rooms import consultation_room_url
from tradebridge.events.models import ConsultationWindow, Exhibitor, Pavilion, Product

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def exhibitor(agency, company):
    return ExhibitorFactory(pavilion__event__owner=agency, organisation=company, stand="B12")


@pytest.fixture
def product(exhibitor):
    return Product.objects.create(exhibitor=exhibitor, title_en="Robot arm", hs_codes="8479")


@pytest.fixture
def window(exhibitor, staff_user):
    (window,) = add_daily_windows(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 5),
                                  time(8), time(9), "America/Los_Angeles")  # fmt: skip
    return window


@pytest.fixture
def organiser(client, staff_user):
    client.force_login(staff_user)
    return client


def _fields(response) -> list[str]:
    return [item["field"] for item in response.json()["detail"]]


def test_change_a_pavilion(organiser, exhibitor):
    url = reverse("api:pavilion-detail", args=[exhibitor.pavilion_id])
    response = organiser.patch(
        url, {"name_zh": "加州馆", "host_region": "US-CA", "area_en": "Robotics"}, content_type=JSON
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["name_zh"], body["host_region"], body["area_en"]) == (
        "加州馆",
        "US-CA",
        "Robotics",
    )
    assert body["name_en"] == exhibitor.pavilion.name_en  # what was not sent stays
    cleared = organiser.patch(url, {"host_region": None}, content_type=JSON).json()
    assert cleared["host_region"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"host_region": "XX-NOPE"}, "host_region"),
        ({"host_organisation": 999999}, "host_organisation"),
        ({"name_en": "", "name_zh": ""}, "name_en"),
        ({"area_en": "x" * 201}, "area_en"),
        ({"event": 1}, "event"),
        ({"name_en": 5}, "name_en"),
    ],
)
def test_bad_pavilion_changes_name_the_field(organiser, exhibitor, body, field):
    url = reverse("api:pavilion-detail", args=[exhibitor.pavilion_id])
    response = organiser.patch(url, body, content_type=JSON)
    assert response.status_code == 422
    assert field in _fields(response)
    assert Pavilion.objects.get().name_en == exhibitor.pavilion.name_en


def test_change_an_exhibitors_stand_and_staff(organiser, exhibitor, company):
    duty = AffiliationFactory(organisation=company).person
    url = reverse("api:exhibitor-detail", args=[exhibitor.pk])
    response = organiser.patch(url, {"stand": "C7", "staff": [duty.pk]}, content_type=JSON)
    assert response.status_code == 200 and response.json()["stand"] == "C7"
    assert list(Exhibitor.objects.get().staff.all()) == [duty]
    only_stand = organiser.patch(url, {"stand": "C8"}, content_type=JSON)
    assert only_stand.status_code == 200
    assert list(Exhibitor.objects.get().staff.all()) == [duty]  # staff not sent: unchanged


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"staff": [999999]}, "staff"),
        ({"staff": ["stranger"]}, "staff"),
        ({"stand": "x" * 51}, "stand"),
        ({"organisation": 1}, "organisation"),
    ],
)
def test_bad_exhibitor_changes_name_the_field(organiser, exhibitor, body, field):
    if body.get("staff") == ["stranger"]:
        body = {"staff": [PersonFactory().pk]}  # visible, but not one of the company's people
    response = organiser.patch(
        reverse("api:exhibitor-detail", args=[exhibitor.pk]), body, content_type=JSON
    )
    assert response.status_code == 422
    assert field in _fields(response)
    assert Exhibitor.objects.get().stand == "B12"


def test_change_a_product(organiser, product):
    url = reverse("api:product-detail", args=[product.pk])
    response = organiser.patch(
        url, {"title_zh": "机械臂", "hs_codes": ["8479.89", "8424"], "sectors": ["dairy"]},
        content_type=JSON,
    )  # fmt: skip
    assert response.status_code == 200
    body = response.json()
    assert body["hs_codes"] == ["847989", "8424"] and body["sectors"] == ["dairy"]
    assert (body["title_en"], body["title_zh"]) == ("Robot arm", "机械臂")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"hs_codes": ["847"]}, "hs_codes"),
        ({"hs_codes": ["8479899912"]}, "hs_codes"),
        ({"hs_codes": "8479"}, "hs_codes"),
        ({"sectors": ["no-such-sector"]}, "sectors"),
        ({"title_en": "", "title_zh": ""}, "title_en"),
        ({"image": "http://example.org/a.png"}, "image"),
    ],
)
def test_bad_product_changes_name_the_field(organiser, product, body, field):
    response = organiser.patch(
        reverse("api:product-detail", args=[product.pk]), body, content_type=JSON
    )
    assert response.status_code == 422
    assert field in _fields(response)
    product.refresh_from_db()
    assert (product.title_en, product.hs_codes) == ("Robot arm", "8479")


def test_the_exhibiting_company_uploads_a_picture(client, representative, product, media):
    client.force_login(representative)
    url = reverse("api:product-image", args=[product.pk])
    response = client.post(url, {"image": image_upload()})
    assert response.status_code == 200
    assert response.json()["image"].startswith("/media/products/")
    product.refresh_from_db()
    assert (media / product.image.name).exists()
    assert client.delete(url).json()["image"] is None


@pytest.mark.parametrize(
    ("upload", "status"),
    [
        (SimpleUploadedFile("a.png", b"plain text"), 422),
        (image_upload("a.bmp", "BMP"), 422),
        (None, 422),
    ],
)
def test_bad_pictures_are_refused(organiser, product, upload, status):
    data = {"image": upload} if upload else {}
    response = organiser.post(reverse("api:product-image", args=[product.pk]), data)
    assert response.status_code == status
    assert "image" in _fields(response)
    product.refresh_from_db()
    assert not product.image


def test_delete_a_product_an_exhibitor_and_a_pavilion(organiser, exhibitor, product):
    assert organiser.delete(reverse("api:product-detail", args=[product.pk])).status_code == 204
    assert not Product.objects.exists()
    assert organiser.delete(reverse("api:exhibitor-detail", args=[exhibitor.pk])).status_code == 204
    assert not Exhibitor.objects.exists()
    pavilion_url = reverse("api:pavilion-detail", args=[exhibitor.pavilion_id])
    assert organiser.delete(pavilion_url).status_code == 204
    assert organiser.get(pavilion_url).status_code == 404


def test_booked_windows_exhibitors_and_pavilions_stay(organiser, exhibitor, window):
    booking = book_consultation(UserFactory(), window, slot_starts(window)[0])
    for name, pk in [("api:consultation-window-detail", window.pk),
                     ("api:exhibitor-detail", exhibitor.pk),
                     ("api:pavilion-detail", exhibitor.pavilion_id)]:  # fmt: skip
        response = organiser.delete(reverse(name, args=[pk]))
        assert response.status_code == 422, name
        assert "cancel" in response.json()["detail"][0]["message"]
    cancel = organiser.delete(reverse("api:consultation-booking-detail", args=[booking.pk]))
    assert cancel.status_code == 204
    gone = organiser.delete(reverse("api:consultation-window-detail", args=[window.pk]))
    assert gone.status_code == 204
    assert not ConsultationWindow.objects.exists()


def test_a_booking_answers_with_its_own_video_room(client, window):
    client.force_login(UserFactory())
    url = reverse("api:consultation-bookings", args=[window.pk])
    first, second = slot_starts(window)[:2]
    mine = client.post(url, {"starts_at": first.isoformat()}, content_type=JSON).json()
    client.force_login(UserFactory())
    theirs = client.post(url, {"starts_at": second.isoformat()}, content_type=JSON).json()
    assert mine["room_url"] and mine["room_url"] != theirs["room_url"]


def test_the_exhibitor_side_lists_its_leads_and_bookings(
    client, exhibitor, window, representative, other_staff_user
):
    neighbour = ExhibitorFactory(pavilion=exhibitor.pavilion)
    visitor = UserFactory(first_name="Mei", email="mei@example.cn")
    contact_exhibitor(visitor, exhibitor, "Price list, please")
    contact_exhibitor(visitor, neighbour, "Not for the representative")
    booking = book_consultation(visitor, window, slot_starts(window)[0], "Tariffs")
    client.force_login(representative)
    leads = client.get(reverse("api:lead-list")).json()["items"]
    assert [(lead["message"], lead["email"]) for lead in leads] == [
        ("Price list, please", "mei@example.cn")
    ]
    (shown,) = client.get(reverse("api:consultation-booking-list")).json()["items"]
    assert (shown["visitor"], shown["topic"]) == ("Mei", "Tariffs")
    assert shown["room_url"] == consultation_room_url(booking)
    # Following up is not organising: only the organisers or the visitor cancel.
    cancel = reverse("api:consultation-booking-detail", args=[booking.pk])
    assert client.delete(cancel).status_code == 403
    client.force_login(other_staff_user)
    assert client.get(reverse("api:lead-list")).json()["items"] == []
    assert client.get(reverse("api:consultation-booking-list")).json()["items"] == []
    assert client.delete(cancel).status_code == 404
    client.force_login(visitor)
    (own,) = client.get(reverse("api:consultation-booking-list")).json()["items"]
    assert own["room_url"] == shown["room_url"]
    assert client.delete(cancel).status_code == 204


def test_leads_narrowed_to_an_event_or_an_exhibitor(organiser, exhibitor, agency):
    other = ExhibitorFactory(pavilion__event__owner=agency)
    contact_exhibitor(UserFactory(), exhibitor, "Here")
    contact_exhibitor(UserFactory(), other, "There")
    url = reverse("api:lead-list")
    by_event = organiser.get(url, {"event": exhibitor.pavilion.event_id}).json()["items"]
    by_exhibitor = organiser.get(url, {"exhibitor": other.pk}).json()["items"]
    assert [lead["message"] for lead in by_event] == ["Here"]
    assert [lead["message"] for lead in by_exhibitor] == ["There"]
    assert organiser.get(url, {"event": "x"}).status_code == 422
