from datetime import date, time

import pytest
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.directory import PersonFactory
from tests.factories.events import ExhibitorFactory
from tradebridge.events.domain.consultations import add_daily_windows, slot_starts
from tradebridge.events.models import ConsultationBooking, Lead, Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibitor(agency):
    exhibitor = ExhibitorFactory(
        pavilion__event__owner=agency,
        pavilion__name_en="California Pavilion",
        organisation__name_en="Sacramento Export Center",
    )
    Product.objects.create(exhibitor=exhibitor, title_en="Export coaching", title_zh="出口辅导",
                           hs_codes="8479")  # fmt: skip
    exhibitor.staff.add(PersonFactory(name_en="Duty Officer"))
    return exhibitor


@pytest.fixture
def window(exhibitor, staff_user):
    (window,) = add_daily_windows(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 5),
                                  time(8), time(9), "America/Los_Angeles", 20)  # fmt: skip
    return window


def test_public_pavilion_page_lists_exhibitors_and_products(client, exhibitor, window):
    page = client.get(reverse("web:pavilion-detail", args=[exhibitor.pavilion_id]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "California Pavilion" in text and "Sacramento Export Center" in text
    assert "Export coaching" in text and "HS 8479" in text and "Duty Officer" in text
    assert "08:00" in text and "America/Los_Angeles" in text
    assert "Log in to book a consultation" in text


def test_a_shanghai_visitor_books_and_sees_shanghai_time(client, exhibitor, window):
    visitor = UserFactory(timezone="Asia/Shanghai")
    client.force_login(visitor)
    page = client.get(reverse("web:pavilion-detail", args=[exhibitor.pavilion_id])).content
    assert b"+1 day" in page  # 08:00 Pacific on the 5th is midnight on the 6th in Shanghai
    first = slot_starts(window)[0]
    response = client.post(
        reverse("web:consultation-book", args=[window.pk]),
        {"starts_at": first.strftime("%Y-%m-%dT%H:%M:%S%z"), "topic": "Tariffs"},
        follow=True,
    )
    text = response.content.decode()
    assert "Consultation booked for 2020-11-06 00:00 CST" in text
    assert ConsultationBooking.objects.get().user == visitor
    # The slot is gone for the next visitor.
    client.force_login(UserFactory())
    again = client.post(
        reverse("web:consultation-book", args=[window.pk]),
        {"starts_at": first.strftime("%Y-%m-%dT%H:%M:%S%z")},
    )
    assert again.status_code == 422
    assert b"Someone has just booked this slot" in again.content


@pytest.mark.parametrize(
    "data", [{}, {"starts_at": "tomorrow"}, {"starts_at": "2020-11-05T15:05:00+0000"},
             {"starts_at": "2020-11-05T16:00:00+0000", "topic": "x" * 301}],
)  # fmt: skip
def test_bad_bookings_get_a_4xx(client, window, data):
    client.force_login(UserFactory())
    response = client.post(reverse("web:consultation-book", args=[window.pk]), data)
    assert response.status_code == 422
    assert not ConsultationBooking.objects.exists()


def test_contact_this_exhibitor(client, exhibitor):
    client.force_login(UserFactory())
    url = reverse("web:exhibitor-contact", args=[exhibitor.pk])
    assert client.post(url, {"message": ""}).status_code == 422
    assert client.post(url, {"message": "x" * 2001}).status_code == 422
    assert client.post(url, {"message": "Please call me"}).status_code == 302
    assert Lead.objects.get().message == "Please call me"


def test_cancel_a_consultation(client, window):
    visitor = UserFactory()
    booking = ConsultationBooking.objects.create(
        window=window, starts_at=slot_starts(window)[0], user=visitor
    )
    client.force_login(visitor)
    assert client.post(reverse("web:consultation-cancel", args=[booking.pk])).status_code == 302
    assert not ConsultationBooking.objects.exists()


def test_event_page_links_its_pavilions(client, exhibitor):
    page = client.get(reverse("web:event-detail", args=[exhibitor.pavilion.event_id]))
    assert reverse("web:pavilion-detail", args=[exhibitor.pavilion_id]) in page.content.decode()


def test_organisers_see_leads_and_bookings(client, staff_user, exhibitor, window):
    visitor = UserFactory(first_name="Mei")
    Lead.objects.create(exhibitor=exhibitor, user=visitor, message="Price list please")
    ConsultationBooking.objects.create(
        window=window, starts_at=slot_starts(window)[0], user=visitor, topic="Tariffs"
    )
    client.force_login(staff_user)
    page = client.get(reverse("web:event-manage", args=[exhibitor.pavilion.event_id]))
    text = page.content.decode()
    assert "Price list please" in text and "Tariffs" in text and "Mei" in text


def test_pavilion_page_queries_do_not_grow_with_exhibitors(
    client, exhibitor, window, django_assert_max_num_queries
):
    url = reverse("web:pavilion-detail", args=[exhibitor.pavilion_id])
    with django_assert_max_num_queries(12):
        client.get(url)
    for _ in range(5):
        more = ExhibitorFactory(pavilion=exhibitor.pavilion)
        Product.objects.create(exhibitor=more, title_en="More")
        more.staff.add(PersonFactory())
    with django_assert_max_num_queries(12):
        client.get(url)
