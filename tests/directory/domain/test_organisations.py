import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tradebridge.directory.domain.organisations import (
    create_organisation,
    delete_organisation,
    update_organisation,
)
from tradebridge.directory.enums import OrganisationKind, Visibility
from tradebridge.directory.models import Organisation, Region, Sector


def test_staff_creates_an_organisation_owned_by_their_agency(staff_user, agency):
    organisation = create_organisation(
        staff_user,
        {"kind": OrganisationKind.COMPANY, "name_en": "MEBO Group", "visibility": "private"},
        sectors=[Sector.objects.get(code="e-commerce")],
    )
    assert organisation.owner == agency
    assert organisation.visibility == Visibility.PRIVATE
    assert [s.code for s in organisation.sectors.all()] == ["e-commerce"]


def test_a_name_in_one_language_is_enough(staff_user):
    organisation = create_organisation(staff_user, {"kind": "company", "name_zh": "伊利集团"})
    assert organisation.name == "伊利集团"


def test_no_name_at_all_is_refused_and_nothing_is_written(staff_user):
    with pytest.raises(ValidationError) as error:
        create_organisation(staff_user, {"kind": "company", "name_en": " ", "name_zh": ""})
    assert "name_en" in error.value.message_dict
    assert not Organisation.objects.filter(kind="company").exists()


def test_bad_website_names_the_field(staff_user):
    with pytest.raises(ValidationError) as error:
        create_organisation(staff_user, {"kind": "company", "name_en": "X", "website": "nope"})
    assert "website" in error.value.message_dict


@pytest.mark.parametrize("fixture", ["representative", "government_viewer"])
def test_representatives_and_viewers_cannot_create(request, fixture):
    with pytest.raises(PermissionDenied):
        create_organisation(request.getfixturevalue(fixture), {"kind": "company", "name_en": "X"})


def test_representative_edits_own_profile_but_not_visibility(representative, company):
    update_organisation(
        representative, company, {"description_en": "Dairy exports", "visibility": "private"}
    )
    company.refresh_from_db()
    assert company.description_en == "Dairy exports"
    assert company.visibility == Visibility.PUBLIC


def test_other_agency_cannot_edit_or_delete(other_staff_user, company):
    with pytest.raises(PermissionDenied):
        update_organisation(other_staff_user, company, {"name_en": "Hijacked"})
    with pytest.raises(PermissionDenied):
        delete_organisation(other_staff_user, company)


def test_owner_deletes(staff_user, agency):
    organisation = create_organisation(staff_user, {"kind": "company", "name_en": "Gone"})
    delete_organisation(staff_user, organisation)
    assert not Organisation.objects.filter(pk=organisation.pk).exists()


def test_organisation_with_accounts_is_not_deleted(staff_user, company, representative):
    with pytest.raises(ValidationError) as error:
        delete_organisation(staff_user, company)
    assert "1 user account" in error.value.messages[0]
    assert Organisation.objects.filter(pk=company.pk).exists()


def test_search_document_follows_edits(staff_user, company):
    update_organisation(staff_user, company, {"name_zh": "世纪互联", "name_en": "21Vianet"})
    assert "shijihulian" in Organisation.objects.get(pk=company.pk).search_document


def test_home_region_is_kept(staff_user):
    region = Region.objects.get(code="US-WA")
    organisation = create_organisation(
        staff_user, {"kind": "government", "name_en": "Commerce", "home_region": region}
    )
    assert organisation.home_region.country_code == "US"


def test_an_organisation_cannot_be_its_own_ancestor(staff_user):
    parent = create_organisation(staff_user, {"kind": "government", "name_en": "Ministry"})
    unit = create_organisation(
        staff_user, {"kind": "agency", "name_en": "Bureau", "parent": parent}
    )
    with pytest.raises(ValidationError) as error:
        update_organisation(staff_user, parent, {"parent": unit})
    assert "parent" in error.value.message_dict
    with pytest.raises(ValidationError):
        update_organisation(staff_user, unit, {"parent": unit})
    parent.refresh_from_db()
    assert parent.parent is None
