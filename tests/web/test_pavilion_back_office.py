"""The organiser's back office for pavilions, exhibitors, catalogues and consultation hours."""

from datetime import UTC, date, datetime, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.directory import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import EventFactory, ExhibitorFactory, image_upload
from tradebridge.directory.enums import Visibility
from tradebridge.directory.models import Sector
from tradebridge.events.domain.consultations import (
    add_daily_windows,
    book_consultation,
    slot_starts,
)
from tradebridge.events.models import ConsultationWindow, Exhibitor, Pavilion, Product

pytestmark = pytest.mark.django_db

VALIDATE_ONLY = {"HTTP_X_VALIDATE_ONLY": "1"}
# Every morning Pacific time, 5 to 10 November 2020.
HOURS = {
    "first_day": "2020-11-05",
    "last_day": "2020-11-10",
    "opens": "08:00",
    "closes": "11:00",
    "timezone": "America/Los_Angeles",
    "slot_minutes": "20",
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def expo(agency):
    return EventFactory(owner=agency, kind="expo", timezone="Asia/Shanghai", title_en="CIIE")


@pytest.fixture
def exhibitor(expo, company):
    return ExhibitorFactory(pavilion__event=expo, organisation=company, stand="B12")


@pytest.fixture
def organiser(client, staff_user):
    client.force_login(staff_user)
    return client


def test_the_event_back_office_leads_to_a_new_pavilion(organiser, expo, company):
    manage = organiser.get(reverse("web:event-manage", args=[expo.pk])).content.decode()
    assert reverse("web:pavilion-create", args=[expo.pk]) in manage
    response = organiser.post(
        reverse("web:pavilion-create", args=[expo.pk]),
        {"name_en": "California Pavilion", "name_zh": "加州馆", "area_en": "Smart equipment",
         "host_organisation": company.pk, "host_region": "", "description_zh": "加州企业"},
    )  # fmt: skip
    pavilion = Pavilion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("web:pavilion-manage", args=[pavilion.pk])
    assert (pavilion.event, pavilion.name_zh, pavilion.host_organisation) == (
        expo,
        "加州馆",
        company,
    )
    manage = organiser.get(reverse("web:event-manage", args=[expo.pk])).content.decode()
    assert "California Pavilion" in manage and "0 exhibitors" in manage


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name_en": "", "name_zh": "  "}, "name_en"),
        ({"name_en": "X" * 301}, "name_en"),
        ({"name_en": "X", "area_zh": "区" * 201}, "area_zh"),
        ({"name_en": "X", "host_region": "999999"}, "host_region"),
        ({"name_en": "X", "host_organisation": "999999"}, "host_organisation"),
    ],
)
def test_bad_pavilions_get_a_422_naming_the_field(organiser, expo, data, field):
    response = organiser.post(reverse("web:pavilion-create", args=[expo.pk]), data)
    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert not Pavilion.objects.exists()


def test_a_private_organisation_of_another_agency_cannot_host(organiser, expo, other_agency):
    hidden = OrganisationFactory(owner=other_agency, visibility=Visibility.PRIVATE)
    response = organiser.post(
        reverse("web:pavilion-create", args=[expo.pk]),
        {"name_en": "X", "host_organisation": hidden.pk},
    )
    assert response.status_code == 422 and "host_organisation" in response.context["form"].errors


def test_inline_validation_checks_without_saving(organiser, expo):
    response = organiser.post(
        reverse("web:pavilion-create", args=[expo.pk]),
        {"name_en": "", "area_en": "x" * 201},
        HTTP_HX_TRIGGER_NAME="area_en",
        **VALIDATE_ONLY,
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert text.startswith('<div id="form-fields">')
    assert "at most 200 characters" in text
    assert "Give a name" not in text  # the name was not touched yet
    assert not Pavilion.objects.exists()


def test_edit_and_delete_a_pavilion(organiser, exhibitor):
    pavilion = exhibitor.pavilion
    page = organiser.get(reverse("web:pavilion-edit", args=[pavilion.pk])).content.decode()
    assert f'value="{pavilion.name_en}"' in page
    response = organiser.post(
        reverse("web:pavilion-edit", args=[pavilion.pk]),
        {"name_en": "California Pavilion", "area_en": "Robotics"},
    )
    assert response.status_code == 302
    pavilion.refresh_from_db()
    assert pavilion.area_en == "Robotics"
    confirm = organiser.get(reverse("web:pavilion-delete", args=[pavilion.pk])).content.decode()
    assert "Its exhibitors (1)" in confirm
    response = organiser.post(reverse("web:pavilion-delete", args=[pavilion.pk]))
    assert response["Location"] == reverse("web:event-manage", args=[pavilion.event_id])
    assert not Pavilion.objects.exists() and not Exhibitor.objects.exists()


def test_exhibitor_staff_are_chosen_among_the_organisations_people(organiser, expo, company):
    pavilion = Pavilion.objects.create(event=expo, name_en="California Pavilion")
    colleague = AffiliationFactory(organisation=company, person__name_en="Duty Officer").person
    stranger = PersonFactory(name_en="Not Ours")
    url = reverse("web:exhibitor-create", args=[pavilion.pk])
    assert "Duty Officer" not in organiser.get(url).content.decode()
    # Choosing the organisation lists its people (the inline validation re-renders the fields).
    fields = organiser.post(url, {"organisation": company.pk}, **VALIDATE_ONLY).content.decode()
    assert "Duty Officer" in fields and "Not Ours" not in fields
    refused = organiser.post(url, {"organisation": company.pk, "staff": [stranger.pk]})
    assert refused.status_code == 422 and "staff" in refused.context["form"].errors
    response = organiser.post(
        url, {"organisation": company.pk, "stand": "B12", "staff": [colleague.pk]}
    )
    assert response.status_code == 302
    exhibitor = Exhibitor.objects.get()
    assert exhibitor.stand == "B12" and list(exhibitor.staff.all()) == [colleague]
    again = organiser.post(url, {"organisation": company.pk})
    assert again.status_code == 422
    assert "already has a stand" in again.content.decode()


def test_editing_an_exhibitor_keeps_its_organisation(organiser, exhibitor, company):
    url = reverse("web:exhibitor-edit", args=[exhibitor.pk])
    response = organiser.post(url, {"organisation": OrganisationFactory().pk, "stand": "C7"})
    assert response.status_code == 302
    exhibitor.refresh_from_db()
    assert (exhibitor.organisation, exhibitor.stand) == (company, "C7")
    assert organiser.post(url, {"stand": "x" * 51}).status_code == 422


def test_what_visitors_booked_is_not_deleted_unseen(organiser, staff_user, exhibitor):
    (window,) = add_daily_windows(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 5),
                                  time(8), time(9), "America/Los_Angeles")  # fmt: skip
    booking = book_consultation(UserFactory(), window, slot_starts(window)[0])
    for name, pk in (("web:exhibitor-delete", exhibitor.pk),
                     ("web:consultation-window-delete", window.pk),
                     ("web:pavilion-delete", exhibitor.pavilion_id)):  # fmt: skip
        response = organiser.post(reverse(name, args=[pk]))
        assert response.status_code == 422, name
        assert "cancel it first" in response.content.decode()
    organiser.post(reverse("web:consultation-cancel", args=[booking.pk]))
    response = organiser.post(reverse("web:consultation-window-delete", args=[window.pk]))
    assert response["Location"] == reverse("web:exhibitor-manage", args=[exhibitor.pk])
    assert not ConsultationWindow.objects.exists()


def test_a_product_added_in_the_back_office_shows_on_the_pavilion_page(
    organiser, client, exhibitor
):
    sector = Sector.objects.first()
    response = organiser.post(
        reverse("web:product-create", args=[exhibitor.pk]),
        {"title_en": "Robot arm", "title_zh": "机械臂", "description_en": "Six axes.",
         "hs_codes": "8479.89, 8424", "sectors": [sector.pk], "image": image_upload()},
    )  # fmt: skip
    assert response.status_code == 302
    product = Product.objects.get()
    assert (product.hs_codes, list(product.sectors.all())) == ("847989,8424", [sector])
    assert product.image.name.startswith("products/")
    client.logout()
    page = client.get(reverse("web:pavilion-detail", args=[exhibitor.pavilion_id])).content
    text = page.decode()
    assert "Robot arm" in text and "HS 847989,8424" in text and product.image.url in text


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title_en": "", "title_zh": ""}, "title_en"),
        ({"title_en": "X", "hs_codes": "847"}, "hs_codes"),
        ({"title_en": "X", "hs_codes": "8479899912"}, "hs_codes"),
        ({"title_en": "X", "hs_codes": "84 79 x"}, "hs_codes"),
        ({"title_en": "X", "sectors": ["999999"]}, "sectors"),
        ({"title_en": "X", "image": SimpleUploadedFile("cv.pdf", b"%PDF-1.4")}, "image"),
        ({"title_en": "X", "image": image_upload("arm.tiff", "TIFF")}, "image"),
    ],
)
def test_bad_catalogue_entries_get_a_422_naming_the_field(organiser, exhibitor, data, field):
    response = organiser.post(reverse("web:product-create", args=[exhibitor.pk]), data)
    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert not Product.objects.exists()


def test_the_exhibiting_company_keeps_its_catalogue_on_the_web(client, representative, exhibitor):
    client.force_login(representative)
    pavilion_page = client.get(reverse("web:pavilion-detail", args=[exhibitor.pavilion_id]))
    assert reverse("web:exhibitor-manage", args=[exhibitor.pk]) in pavilion_page.content.decode()
    manage = client.get(reverse("web:exhibitor-manage", args=[exhibitor.pk])).content.decode()
    assert "Add daily consultation hours" not in manage  # hours are the organisers' to set
    url = reverse("web:product-create", args=[exhibitor.pk])
    assert client.post(url, {"title_zh": "智能灌溉控制器", "hs_codes": "8424"}).status_code == 302
    product = Product.objects.get()
    edit = reverse("web:product-edit", args=[product.pk])
    assert (
        client.post(edit, {"title_zh": "智能灌溉控制器", "title_en": "Irrigation"}).status_code
        == 302
    )
    product.refresh_from_db()
    assert product.title_en == "Irrigation" and product.hs_codes == ""
    assert client.post(reverse("web:product-delete", args=[product.pk])).status_code == 302
    assert not Product.objects.exists()


def test_a_picture_is_kept_replaced_or_cleared(organiser, exhibitor, media):
    product = Product.objects.create(exhibitor=exhibitor, title_en="Robot arm")
    url = reverse("web:product-edit", args=[product.pk])
    organiser.post(url, {"title_en": "Robot arm", "image": image_upload()})
    product.refresh_from_db()
    stored = product.image.name
    organiser.post(url, {"title_en": "Robot arm 2"})  # no new file: the picture stays
    product.refresh_from_db()
    assert product.image.name == stored and product.title_en == "Robot arm 2"
    organiser.post(url, {"title_en": "Robot arm 2", "image-clear": "on"})
    product.refresh_from_db()
    assert not product.image


def test_daily_consultation_hours_from_the_back_office(organiser, client, exhibitor):
    url = reverse("web:consultation-window-create", args=[exhibitor.pk])
    assert 'value="Asia/Shanghai" selected' in organiser.get(url).content.decode()
    hours = dict(HOURS)
    response = organiser.post(url, hours)
    assert response["Location"] == reverse("web:exhibitor-manage", args=[exhibitor.pk])
    windows = list(ConsultationWindow.objects.order_by("starts_at"))
    assert len(windows) == 6
    assert windows[0].starts_at == datetime(2020, 11, 5, 16, tzinfo=UTC)  # 08:00 PST
    again = organiser.post(url, hours)
    assert again.status_code == 422 and "first_day" in again.context["form"].errors
    client.force_login(UserFactory(timezone="Asia/Shanghai"))
    page = client.get(reverse("web:pavilion-detail", args=[exhibitor.pavilion_id])).content
    assert b"+1 day" in page


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"last_day": "2020-11-04"}, "last_day"),
        ({"last_day": "2020-12-31"}, "last_day"),
        ({"closes": "07:00"}, "closes"),
        ({"opens": "8 o'clock"}, "opens"),
        ({"timezone": "Pacific/Nowhere"}, "timezone"),
        ({"slot_minutes": "2"}, "slot_minutes"),
        ({"slot_minutes": "240"}, "slot_minutes"),
        # 02:30 did not exist in California on 14 March 2021.
        ({"first_day": "2021-03-13", "last_day": "2021-03-15", "opens": "02:30",
          "closes": "04:00"}, "opens"),
    ],
)  # fmt: skip
def test_bad_hours_get_a_422_naming_the_field(organiser, exhibitor, change, field):
    hours = dict(HOURS)
    response = organiser.post(
        reverse("web:consultation-window-create", args=[exhibitor.pk]), {**hours, **change}
    )
    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert not ConsultationWindow.objects.exists()


def test_back_office_pages_do_not_grow_in_queries(
    organiser, staff_user, exhibitor, django_assert_max_num_queries
):
    pavilion_url = reverse("web:pavilion-manage", args=[exhibitor.pavilion_id])
    exhibitor_url = reverse("web:exhibitor-manage", args=[exhibitor.pk])

    def grow():
        for n in range(4):
            more = ExhibitorFactory(pavilion=exhibitor.pavilion)
            more.staff.add(PersonFactory())
            product = Product.objects.create(exhibitor=exhibitor, title_en=f"Item {n}")
            product.sectors.add(Sector.objects.first())
            day = date(2020, 11, 5 + n)
            (window,) = add_daily_windows(staff_user, exhibitor, day, day, time(8), time(9), "UTC")
            book_consultation(UserFactory(), window, window.starts_at)

    for url in (pavilion_url, exhibitor_url):
        with django_assert_max_num_queries(8):
            assert organiser.get(url).status_code == 200
    grow()
    for url in (pavilion_url, exhibitor_url):
        with django_assert_max_num_queries(8):
            assert organiser.get(url).status_code == 200
