from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories.accounts import UserFactory
from tests.factories.directory import AffiliationFactory, PersonFactory, region
from tests.factories.events import EventFactory, ExhibitorFactory, PavilionFactory
from tradebridge.events.domain.catalogues import add_product
from tradebridge.events.domain.pavilions import (
    add_exhibitor,
    add_pavilion,
    contact_exhibitor,
    delete_exhibitor,
    delete_pavilion,
    update_exhibitor,
    update_pavilion,
)
from tradebridge.events.enums import EventStatus
from tradebridge.events.models import (
    ConsultationBooking,
    ConsultationWindow,
    Exhibitor,
    Lead,
    Pavilion,
    Product,
)

pytestmark = pytest.mark.django_db


def _booked(exhibitor) -> ConsultationBooking:
    event = exhibitor.pavilion.event
    window = ConsultationWindow.objects.create(
        exhibitor=exhibitor,
        starts_at=event.starts_at,
        ends_at=event.starts_at + timedelta(hours=1),
        timezone="UTC",
    )
    return ConsultationBooking.objects.create(
        window=window, starts_at=window.starts_at, user=UserFactory()
    )


def test_organisers_build_a_pavilion_with_exhibitors(staff_user, agency, company):
    event = EventFactory(owner=agency, kind="expo")
    pavilion = add_pavilion(staff_user, event, {"name_en": "California Pavilion",
                                                "area_en": "Smart equipment"})  # fmt: skip
    exhibitor = add_exhibitor(staff_user, pavilion, company, stand="B12")
    assert exhibitor.stand == "B12"
    with pytest.raises(ValidationError) as error:
        add_exhibitor(staff_user, pavilion, company)
    assert "organisation" in error.value.message_dict
    with pytest.raises(ValidationError):
        add_pavilion(staff_user, event, {"name_en": ""})


def test_other_agencies_cannot_build_pavilions(other_staff_user, agency):
    with pytest.raises(PermissionDenied):
        add_pavilion(other_staff_user, EventFactory(owner=agency), {"name_en": "X"})


def test_organisers_change_a_pavilion(staff_user, agency, company):
    pavilion = PavilionFactory(event__owner=agency)
    update_pavilion(
        staff_user,
        pavilion,
        {"name_zh": "加州馆", "area_zh": "智能及高端装备展区", "host_organisation": company,
         "host_region": region("US-CA")},
    )  # fmt: skip
    pavilion.refresh_from_db()
    assert (pavilion.name_zh, pavilion.host_organisation, pavilion.host_region.code) == (
        "加州馆", company, "US-CA",
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        update_pavilion(staff_user, pavilion, {"name_en": "", "name_zh": " "})
    assert "name_en" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        update_pavilion(staff_user, pavilion, {"area_en": "x" * 201})
    assert "area_en" in error.value.message_dict
    with pytest.raises(ValueError):
        update_pavilion(staff_user, pavilion, {"event": EventFactory()})


def test_only_the_owning_agency_changes_or_deletes(agency, other_staff_user, representative):
    exhibitor = ExhibitorFactory(
        pavilion__event__owner=agency, organisation=representative.organisation
    )
    for user in (other_staff_user, representative, AnonymousUser()):
        with pytest.raises(PermissionDenied):
            update_pavilion(user, exhibitor.pavilion, {"area_en": "Robotics"})
        with pytest.raises(PermissionDenied):
            delete_pavilion(user, exhibitor.pavilion)
        with pytest.raises(PermissionDenied):
            update_exhibitor(user, exhibitor, {"stand": "Z9"})
        with pytest.raises(PermissionDenied):
            delete_exhibitor(user, exhibitor)
    assert Exhibitor.objects.get().stand == exhibitor.stand


def test_staff_on_duty_are_people_of_the_exhibiting_organisation(staff_user, agency, company):
    pavilion = PavilionFactory(event__owner=agency)
    colleague = AffiliationFactory(organisation=company).person
    stranger = PersonFactory(name_en="Someone Else")
    with pytest.raises(ValidationError) as error:
        add_exhibitor(staff_user, pavilion, company, "A1", [colleague, stranger])
    assert "Someone Else" in error.value.message_dict["staff"][0]
    assert not Exhibitor.objects.exists()
    exhibitor = add_exhibitor(staff_user, pavilion, company, "A1", [colleague])
    assert list(exhibitor.staff.all()) == [colleague]
    with pytest.raises(ValidationError):
        update_exhibitor(staff_user, exhibitor, {"stand": "A2"}, [stranger])
    exhibitor.refresh_from_db()
    assert exhibitor.stand == "A1" and list(exhibitor.staff.all()) == [colleague]
    update_exhibitor(staff_user, exhibitor, {"stand": "A2"}, [])
    exhibitor.refresh_from_db()
    assert exhibitor.stand == "A2" and not exhibitor.staff.exists()
    with pytest.raises(ValidationError) as error:
        update_exhibitor(staff_user, exhibitor, {"stand": "x" * 51})
    assert "stand" in error.value.message_dict


def test_deleting_what_visitors_booked_is_refused(staff_user, agency):
    exhibitor = ExhibitorFactory(pavilion__event__owner=agency)
    booking = _booked(exhibitor)
    with pytest.raises(ValidationError) as error:
        delete_exhibitor(staff_user, exhibitor)
    assert "1 consultation is booked here" in error.value.message_dict["exhibitor"][0]
    with pytest.raises(ValidationError) as error:
        delete_pavilion(staff_user, exhibitor.pavilion)
    assert "pavilion" in error.value.message_dict
    booking.delete()
    delete_exhibitor(staff_user, exhibitor)
    assert not Exhibitor.objects.exists() and not ConsultationWindow.objects.exists()


def test_deleting_a_pavilion_takes_its_exhibitors_catalogues_and_leads(staff_user, agency):
    exhibitor = ExhibitorFactory(pavilion__event__owner=agency)
    add_product(staff_user, exhibitor, {"title_en": "Robot arm"})
    contact_exhibitor(UserFactory(), exhibitor, "Price list, please")
    delete_pavilion(staff_user, exhibitor.pavilion)
    assert not Pavilion.objects.exists()
    assert not Product.objects.exists() and not Lead.objects.exists()
    assert exhibitor.organisation.__class__.objects.filter(pk=exhibitor.organisation_id).exists()


def test_contacting_an_exhibitor_records_a_lead():
    exhibitor = ExhibitorFactory()
    visitor = UserFactory()
    lead = contact_exhibitor(visitor, exhibitor, "  Do you ship to Shanghai?  ")
    assert (lead.user, lead.message) == (visitor, "Do you ship to Shanghai?")
    for message in ("", "   ", "x" * 2001):
        with pytest.raises(ValidationError) as error:
            contact_exhibitor(visitor, exhibitor, message)
        assert "message" in error.value.message_dict
    assert Lead.objects.count() == 1


def test_no_leads_for_draft_events_or_anonymous_visitors():
    draft = ExhibitorFactory(pavilion=PavilionFactory(event__status=EventStatus.DRAFT))
    with pytest.raises(PermissionDenied):
        contact_exhibitor(UserFactory(), draft, "Hello")
    with pytest.raises(PermissionDenied):
        contact_exhibitor(AnonymousUser(), ExhibitorFactory(), "Hello")
