"""Saving profiles: validation naming the field, permissions, and what gets encoded."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories.accounts import UserFactory
from tests.factories.directory import OrganisationFactory, region
from tests.factories.matchmaking import make_profile
from tradebridge.accounts.enums import Role
from tradebridge.directory.enums import Visibility
from tradebridge.directory.models import Region
from tradebridge.matchmaking.domain.profiles import delete_profile, save_profile
from tradebridge.matchmaking.models import MatchProfile, StoredVectors


def _errors(excinfo) -> dict:
    return excinfo.value.message_dict


def test_a_representative_saves_their_own_profile_with_normalised_codes(
    db, encoder, representative, company
):
    profile = save_profile(
        representative,
        company,
        {"offers_en": "Almonds\n\nPistachios", "offer_hs_codes": "0802.12, 0802 080212"},
    )
    assert profile.offer_hs_list() == ["080212", "0802"]
    assert profile.offer_items() == ["Almonds", "Pistachios"]
    stored = StoredVectors.objects.get(profile=profile)
    assert stored.encoder == encoder.name and stored.encoder_version


def test_staff_of_the_owning_agency_may_edit_others_may_not(
    db, encoder, staff_user, other_staff_user, government_viewer, company
):
    save_profile(staff_user, company, {"needs_en": "Almonds"})
    for user in (other_staff_user, government_viewer, UserFactory()):
        with pytest.raises(PermissionDenied):
            save_profile(user, company, {"needs_en": "Walnuts"})
    assert MatchProfile.objects.get(organisation=company).needs_en == "Almonds"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"offers_en": "x", "offer_hs_codes": "08021"}, "offer_hs_codes"),
        ({"offers_en": "x", "need_hs_codes": "abc, 0802"}, "need_hs_codes"),
        ({"offers_en": "x", "offer_hs_codes": "0802123456"}, "offer_hs_codes"),
        ({"offers_en": "x", "deal_types": "export,smuggling"}, "deal_types"),
        ({"offers_en": "x", "languages": "en,xx"}, "languages"),
        ({"offers_en": "x", "size": "huge"}, "size"),
        ({"offers_en": "x" * 301}, "offers_en"),
        ({"needs_zh": "\n".join(["杏仁"] * 31)}, "needs_zh"),
        ({"offers_en": "", "needs_en": ""}, "__all__"),
    ],
)
def test_bad_input_names_the_field(db, encoder, admin_user, company, data, field):
    with pytest.raises(ValidationError) as excinfo:
        save_profile(admin_user, company, data)
    assert field in _errors(excinfo)
    assert not MatchProfile.objects.filter(organisation=company).exists()


def test_target_regions_are_countries_provinces_or_states(db, encoder, admin_user, company):
    shenzhen = Region.objects.create(
        code="CN-GD-SZ-TEST",
        kind="city",
        parent=region("CN-GD"),
        name_en="Shenzhen",
        timezone="Asia/Shanghai",
    )
    with pytest.raises(ValidationError) as excinfo:
        save_profile(admin_user, company, {"needs_en": "x"}, target_regions=[shenzhen])
    assert "target_regions" in _errors(excinfo)
    profile = save_profile(
        admin_user, company, {"needs_en": "x"}, target_regions=[region("CN-GD"), region("US")]
    )
    assert {r.code for r in profile.target_regions.all()} == {"CN-GD", "US"}


def test_saving_again_encodes_only_when_the_texts_change(
    db, encoder, admin_user, company, monkeypatch
):
    make_profile(company, offers_en="Almonds")
    asked = []
    real_encode = encoder.encode
    monkeypatch.setattr(
        encoder, "encode", lambda texts: asked.append(list(texts)) or real_encode(texts)
    )
    save_profile(admin_user, company, {"deal_types": "export", "offer_hs_codes": "0802"})
    assert asked == []
    save_profile(admin_user, company, {"offers_zh": "杏仁"})
    assert asked == [["Almonds", "杏仁"]]


def test_private_organisations_profile_is_edited_by_its_agency_only(
    db, encoder, staff_user, other_staff_user, agency
):
    private = OrganisationFactory(owner=agency, visibility=Visibility.PRIVATE)
    save_profile(staff_user, private, {"offers_en": "Seeds"})
    with pytest.raises(PermissionDenied):
        save_profile(other_staff_user, private, {"offers_en": "Weeds"})


def test_deleting_a_profile_removes_its_vectors(db, encoder, representative, company):
    profile = make_profile(company, needs_en="Almonds")
    delete_profile(representative, company)
    assert not StoredVectors.objects.filter(profile_id=profile.pk).exists()
    with pytest.raises(PermissionDenied):
        delete_profile(UserFactory(role=Role.GOVERNMENT_VIEWER), company)
