"""Recommendations through the Django layer: stored profiles, the shared index, feedback."""

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories.accounts import UserFactory
from tests.factories.directory import OrganisationFactory
from tests.factories.events import EventFactory, ExhibitorFactory
from tests.factories.matchmaking import company_in, make_profile
from tradebridge.accounts.enums import Role
from tradebridge.directory.enums import Visibility
from tradebridge.events.domain.registrations import register
from tradebridge.events.enums import AttendanceMode
from tradebridge.matchmaking.domain.feedback import clear_mark, mark_partner
from tradebridge.matchmaking.domain.meeting_requests import request_meeting_with
from tradebridge.matchmaking.domain.recommendations import event_matches, recommend_partners

PAIRS = [
    ("lithium-ion batteries", "锂离子蓄电池"),
    ("dairy products", "乳制品"),
    ("frozen shrimp", "冷冻虾"),
]


def _ids(matches) -> list[int]:
    return [m.organisation.pk for m in matches]


@pytest.mark.parametrize("direction", ["zh_need_en_offer", "en_need_zh_offer"])
def test_each_need_finds_its_translation_across_languages(db, encoder, admin_user, direction):
    buyers, sellers = [], []
    for en, zh in PAIRS:
        need, offer = (zh, en) if direction == "zh_need_en_offer" else (en, zh)
        field = "needs_zh" if need == zh else "needs_en"
        buyers.append(make_profile(**{field: need}).organisation)
        field = "offers_zh" if offer == zh else "offers_en"
        sellers.append(make_profile(**{field: offer}).organisation)
    for buyer, seller, (en, zh) in zip(buyers, sellers, PAIRS, strict=True):
        matches = recommend_partners(admin_user, buyer, language="en")
        assert _ids(matches)[0] == seller.pk, (en, zh)
        text = next(r for r in matches[0].reasons if r["kind"] == "text")
        assert {text["need"], text["offer"]} == {en, zh}
        # And from the seller's side, the buyer comes first.
        assert _ids(recommend_partners(admin_user, seller))[0] == buyer.pk


def test_sellers_are_not_recommended_to_sellers(db, encoder, admin_user):
    grower = make_profile(offers_en="California almonds", deal_types=["export"]).organisation
    rival = make_profile(offers_en="Almonds from California", deal_types=["export"]).organisation
    buyer = make_profile(needs_zh="加州杏仁", deal_types=["import"]).organisation
    assert _ids(recommend_partners(admin_user, grower)) == [buyer.pk]
    assert rival.pk not in _ids(recommend_partners(admin_user, grower))


def test_reasons_are_rendered_in_the_readers_language(db, encoder, admin_user):
    buyer = company_in("CN-GD", name_en="Guangzhou Dairy Imports")
    make_profile(
        buyer, needs_zh="乳制品", need_hs_codes="0401", deal_types=["import"], targets=["US"]
    )
    farm = company_in("US-WI", name_en="Wisconsin Creamery")
    make_profile(
        farm,
        offers_en="fluid milk and cream",
        offer_hs_codes="04012000",
        deal_types=["export"],
        targets=["CN-GD"],
    )
    english = recommend_partners(admin_user, buyer, language="en")[0]
    assert english.organisation == farm
    assert english.explanation.startswith("Both in dairy (HS 0401)")
    assert "your need 乳制品 matches their offer 'fluid milk and cream'" in english.explanation
    assert "they are based in Wisconsin, which you target" in english.explanation
    chinese = recommend_partners(admin_user, buyer, language="zh-hans")[0]
    assert "乳制品（HS 0401）" in chinese.explanation
    assert "“乳制品”" in chinese.explanation and "fluid milk and cream" in chinese.explanation
    assert "威斯康星州" in chinese.explanation
    assert "your" not in chinese.explanation and "进口" in chinese.explanation


def test_marks_and_meeting_requests_change_what_comes_next(db, encoder, representative, company):
    make_profile(company, needs_en="Almonds\nPistachios", deal_types=["import"])
    first = make_profile(offers_en="Almonds", deal_types=["export"]).organisation
    second = make_profile(offers_en="Pistachios", deal_types=["export"]).organisation
    third = make_profile(offers_en="Almonds and pistachios", deal_types=["export"]).organisation
    everyone = set(_ids(recommend_partners(representative, company)))
    assert everyone == {first.pk, second.pk, third.pk}

    mark_partner(representative, company, first, "not_relevant")
    mark_partner(representative, company, second, "competitor")
    assert _ids(recommend_partners(representative, company)) == [third.pk]
    request_meeting_with(representative, company, third)
    assert recommend_partners(representative, company) == []

    clear_mark(representative, company, second)
    assert _ids(recommend_partners(representative, company)) == [second.pk]


def test_a_representative_sees_their_own_organisation_only(
    db, encoder, representative, company, staff_user, other_staff_user, government_viewer
):
    make_profile(company, needs_en="Almonds")
    other = make_profile(offers_en="Almonds").organisation
    assert recommend_partners(representative, company) is not None
    assert recommend_partners(staff_user, company) is not None  # its agency keeps it
    for user, organisation in [
        (representative, other),
        (other_staff_user, company),
        (government_viewer, company),
        (UserFactory(role=Role.COMPANY_REPRESENTATIVE, organisation=other), company),
    ]:
        with pytest.raises(PermissionDenied):
            recommend_partners(user, organisation)


def test_private_partners_are_recommended_only_to_those_who_may_see_them(
    db, encoder, representative, company, staff_user, other_agency
):
    make_profile(company, needs_en="Almonds", deal_types=["import"])
    secret = OrganisationFactory(owner=other_agency, visibility=Visibility.PRIVATE)
    make_profile(secret, offers_en="Almonds", deal_types=["export"])
    public = make_profile(offers_en="Almonds", deal_types=["export"]).organisation
    assert _ids(recommend_partners(representative, company)) == [public.pk]
    other_staff = UserFactory(role=Role.AGENCY_STAFF, organisation=other_agency)
    # Staff of the secret's agency see it, but may not act for the company.
    with pytest.raises(PermissionDenied):
        recommend_partners(other_staff, company)
    assert set(_ids(recommend_partners(UserFactory(role=Role.PLATFORM_ADMIN), company))) == {
        secret.pk,
        public.pk,
    }


def test_an_event_limits_partners_to_its_participants(db, encoder, representative, company):
    make_profile(company, needs_en="Almonds", deal_types=["import"])
    at_the_expo = make_profile(offers_en="Almonds", deal_types=["export"]).organisation
    elsewhere = make_profile(offers_en="Almonds", deal_types=["export"]).organisation
    expo = EventFactory()
    register(representative, expo, AttendanceMode.IN_PERSON)
    ExhibitorFactory(pavilion__event=expo, organisation=at_the_expo)
    assert set(_ids(recommend_partners(representative, company))) == {at_the_expo.pk, elsewhere.pk}
    assert _ids(recommend_partners(representative, company, event=expo)) == [at_the_expo.pk]


def test_organisers_see_who_has_no_good_match_at_their_event(
    db, encoder, staff_user, agency, other_staff_user
):
    expo = EventFactory(owner=agency)
    buyer = make_profile(needs_zh="加州杏仁", deal_types=["import"], targets=["US"])
    grower = make_profile(
        company_in("US-CA"), offers_en="California almonds", deal_types=["export"]
    )
    lonely = make_profile(offers_en="Steel pipes", deal_types=["export"])
    silent = OrganisationFactory()
    for organisation in (buyer.organisation, grower.organisation, lonely.organisation, silent):
        ExhibitorFactory(pavilion__event=expo, organisation=organisation)
    rows = {row.organisation.pk: row for row in event_matches(staff_user, expo, language="en")}
    assert rows[buyer.organisation.pk].is_matched
    assert rows[buyer.organisation.pk].best.organisation == grower.organisation
    assert rows[grower.organisation.pk].is_matched
    assert not rows[lonely.organisation.pk].is_matched
    assert not rows[silent.pk].has_profile and not rows[silent.pk].is_matched
    with pytest.raises(PermissionDenied):
        event_matches(other_staff_user, expo)
