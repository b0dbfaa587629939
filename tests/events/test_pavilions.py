import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories.accounts import UserFactory
from tests.factories.events import EventFactory, ExhibitorFactory, PavilionFactory
from tradebridge.events.domain.catalogues import add_product
from tradebridge.events.domain.pavilions import add_exhibitor, add_pavilion, contact_exhibitor
from tradebridge.events.enums import EventStatus
from tradebridge.events.models import Lead

pytestmark = pytest.mark.django_db


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


def test_the_exhibiting_company_keeps_its_own_catalogue(representative, company, agency):
    exhibitor = ExhibitorFactory(organisation=company, pavilion__event__owner=agency)
    product = add_product(
        representative, exhibitor,
        {"title_en": "Smart irrigation controller", "title_zh": "智能灌溉控制器",
         "hs_codes": "8424,842482"},
    )  # fmt: skip
    assert product.hs_code_list() == ["8424", "842482"]
    with pytest.raises(ValidationError) as error:
        add_product(representative, exhibitor, {"title_en": "X", "hs_codes": "84x"})
    assert "hs_codes" in error.value.message_dict
    other = ExhibitorFactory(pavilion=exhibitor.pavilion)
    with pytest.raises(PermissionDenied):
        add_product(representative, other, {"title_en": "Not ours"})


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
