import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories.directory import AffiliationFactory, OrganisationFactory
from tradebridge.directory.domain.people import (
    create_person,
    delete_person,
    set_affiliation,
    update_person,
)
from tradebridge.directory.enums import Visibility
from tradebridge.directory.models import Affiliation


def test_staff_creates_a_person_with_affiliation(staff_user, company, agency):
    person = create_person(
        staff_user,
        {"name_en": "Pan Gang", "name_zh": "潘刚", "phone": "+86 471 339 0000",
         "timezone": "Asia/Shanghai", "languages": "zh,en"},
        organisation=company, role_en="Chairman", role_zh="董事长",
    )  # fmt: skip
    assert person.owner == agency
    assert person.phone == "+864713390000"
    assert Affiliation.objects.get(person=person).role_zh == "董事长"


@pytest.mark.parametrize(
    ("field", "value"),
    [("phone", "12345"), ("phone", "+1 000"), ("timezone", "Mars/Olympus"),
     ("email", "not-an-email"), ("languages", "en,xx")],
)  # fmt: skip
def test_bad_fields_are_named(staff_user, field, value):
    with pytest.raises(ValidationError) as error:
        create_person(staff_user, {"name_en": "Someone", field: value})
    assert field in error.value.message_dict


def test_representative_adds_people_to_own_organisation_only(representative, company):
    person = create_person(representative, {"name_en": "Colleague"}, organisation=company)
    assert person.affiliations.get().organisation == company
    with pytest.raises(ValidationError):
        create_person(representative, {"name_en": "Stranger"}, organisation=OrganisationFactory())


def test_representative_edits_colleagues_not_strangers(representative, company, agency):
    colleague = AffiliationFactory(organisation=company, person__owner=agency).person
    stranger = AffiliationFactory(person__owner=agency).person
    update_person(representative, colleague, {"title_en": "Export manager"})
    with pytest.raises(PermissionDenied):
        update_person(representative, stranger, {"title_en": "x"})


def test_cannot_affiliate_with_invisible_organisation(staff_user, other_agency):
    person = create_person(staff_user, {"name_en": "Someone"})
    hidden = OrganisationFactory(owner=other_agency, visibility=Visibility.PRIVATE)
    with pytest.raises(ValidationError):
        set_affiliation(staff_user, person, hidden)


def test_delete_by_owner_only(staff_user, other_staff_user):
    person = create_person(staff_user, {"name_en": "Someone"})
    with pytest.raises(PermissionDenied):
        delete_person(other_staff_user, person)
    delete_person(staff_user, person)
