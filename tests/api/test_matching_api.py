"""/api/v1/matching/: profiles, recommendations with reasons in the requested language, and
feedback; every bad input answers 4xx naming the field."""

import pytest

from tests.factories.directory import OrganisationFactory
from tests.factories.events import EventFactory, ExhibitorFactory
from tests.factories.matchmaking import company_in, make_profile
from tradebridge.directory.enums import Visibility
from tradebridge.matchmaking.models import MatchProfile, PartnerFeedback
from tradebridge.meetings.models import MeetingRequest

BASE = "/api/v1/matching"
PROFILE = {
    "needs_zh": "加州杏仁\n开心果",
    "need_hs_codes": ["0802"],
    "need_sectors": ["fruit-vegetables-nuts"],
    "deal_types": ["import"],
    "target_regions": ["US-CA", "us"],
    "size": "medium",
    "languages": ["zh", "en"],
}


@pytest.fixture
def grower(db, encoder):
    organisation = company_in("US-CA", name_en="Almond Growers", name_zh="杏仁种植者")
    make_profile(organisation, offers_en="California almonds", deal_types=["export"])
    return organisation


def _fields(response) -> set[str]:
    return {item["field"] for item in response.json()["detail"]}


def test_put_creates_a_profile_and_get_reads_it(api_as, representative, company, encoder):
    api = api_as(representative)
    response = api.put(f"{BASE}/profiles/{company.pk}/", PROFILE)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["need_hs_codes"] == ["0802"] and body["deal_types"] == ["import"]
    assert sorted(body["target_regions"]) == ["US", "US-CA"]
    assert body["offers_en"] == "" and body["languages"] == ["zh", "en"]
    assert api_as().get(f"{BASE}/profiles/{company.pk}/").json()["needs_zh"] == "加州杏仁\n开心果"
    patched = api.patch(f"{BASE}/profiles/{company.pk}/", {"offers_en": "Dairy"}).json()
    assert patched["offers_en"] == "Dairy" and patched["needs_zh"] == "加州杏仁\n开心果"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"need_hs_codes": ["08021"]}, "need_hs_codes"),
        ({"offer_hs_codes": "0802"}, "offer_hs_codes"),
        ({"deal_types": ["smuggling"]}, "deal_types"),
        ({"target_regions": ["XX-YY"]}, "target_regions"),
        ({"need_sectors": ["nuts"]}, "need_sectors"),
        ({"languages": ["tlh"]}, "languages"),
        ({"size": "huge"}, "size"),
        ({"needs_en": "a\u0000b"}, "needs_en"),
        ({"needs_en": "x" * 400}, "needs_en"),
        ({"colour": "blue"}, "colour"),
        ({}, "__all__"),
    ],
)
def test_bad_profiles_name_the_field(api_as, representative, company, body, field):
    response = api_as(representative).put(f"{BASE}/profiles/{company.pk}/", body)
    assert response.status_code == 422, response.content
    assert field in _fields(response)
    assert not MatchProfile.objects.exists()


def test_patch_needs_an_existing_profile_and_no_nulls(api_as, representative, company, encoder):
    api = api_as(representative)
    assert api.patch(f"{BASE}/profiles/{company.pk}/", {"needs_en": "x"}).status_code == 404
    make_profile(company, needs_en="Almonds")
    response = api.patch(f"{BASE}/profiles/{company.pk}/", {"needs_en": None})
    assert response.status_code == 422 and _fields(response) == {"needs_en"}


def test_profiles_of_private_organisations_stay_private(api_as, other_agency, encoder, db):
    secret = OrganisationFactory(owner=other_agency, visibility=Visibility.PRIVATE)
    make_profile(secret, offers_en="Walnuts")
    public = make_profile(offers_en="Almonds")
    listed = api_as().get(f"{BASE}/profiles/").json()
    assert [p["organisation"] for p in listed["items"]] == [public.organisation_id]
    assert api_as().get(f"{BASE}/profiles/{secret.pk}/").status_code == 404


def test_recommendations_with_reasons_in_both_languages(
    api_as, representative, company, grower, encoder
):
    make_profile(
        company, needs_zh="加州杏仁", need_hs_codes="0802", deal_types=["import"], targets=["US-CA"]
    )
    api = api_as(representative)
    english = api.get(f"{BASE}/organisations/{company.pk}/recommendations/").json()
    assert english["has_profile"] and english["language"] == "en"
    first = english["items"][0]
    assert first["partner"]["name_en"] == "Almond Growers" and first["good_match"]
    assert {"kind": "deal", "mine": "import", "theirs": "export"} in first["reasons"]
    assert first["explanation"].startswith(
        "Your need 加州杏仁 matches their offer 'California almonds'"
    )
    chinese = api.get(
        f"{BASE}/organisations/{company.pk}/recommendations/", {"lang": "zh-hans"}
    ).json()
    assert (
        "您的需求“加州杏仁”与对方提供的“California almonds”相符"
        in chinese["items"][0]["explanation"]
    )
    assert chinese["items"][0]["reasons"] == first["reasons"]


def test_recommendations_bad_queries(api_as, representative, company, grower, encoder):
    make_profile(company, needs_en="Almonds")
    api = api_as(representative)
    url = f"{BASE}/organisations/{company.pk}/recommendations/"
    for params, field in [
        ({"lang": "fr"}, "lang"),
        ({"limit": 0}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"event": EventFactory().pk}, "event"),
        ({"event": -1}, "event"),
    ]:
        response = api.get(url, params)
        assert response.status_code == 422, params
        assert field in _fields(response), params


def test_recommendations_without_a_profile(api_as, representative, company):
    body = api_as(representative).get(f"{BASE}/organisations/{company.pk}/recommendations/").json()
    assert body == {
        "organisation": company.pk,
        "language": "en",
        "event": None,
        "has_profile": False,
        "items": [],
    }


def test_an_event_limits_recommendations(api_as, representative, company, grower, encoder):
    make_profile(company, needs_en="Almonds", deal_types=["import"])
    other = make_profile(offers_en="Almonds", deal_types=["export"]).organisation
    expo = EventFactory()
    ExhibitorFactory(pavilion__event=expo, organisation=company)
    ExhibitorFactory(pavilion__event=expo, organisation=grower)
    body = (
        api_as(representative)
        .get(f"{BASE}/organisations/{company.pk}/recommendations/", {"event": expo.pk})
        .json()
    )
    assert [item["partner"]["id"] for item in body["items"]] == [grower.pk]
    assert other.pk


def test_feedback_round_trip(api_as, representative, company, grower, encoder):
    make_profile(company, needs_en="Almonds", deal_types=["import"])
    api = api_as(representative)
    url = f"{BASE}/organisations/{company.pk}/feedback/"
    created = api.post(url, {"partner": grower.pk, "mark": "already_met"})
    assert created.status_code == 201
    assert created.json()["mark"] == "already_met"
    assert [f["partner"] for f in api.get(url).json()] == [grower.pk]
    recommendations = api.get(f"{BASE}/organisations/{company.pk}/recommendations/").json()
    assert recommendations["items"] == []
    assert api.delete(f"{url}{grower.pk}/").status_code == 204
    assert api.delete(f"{url}{grower.pk}/").status_code == 422
    assert not PartnerFeedback.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"partner": 999999, "mark": "not_relevant"}, "partner"),
        ({"mark": "not_relevant"}, "partner"),
        ({"partner": "self", "mark": "not_relevant"}, "partner"),
        ({"partner": "grower", "mark": "meeting_requested"}, "mark"),
        ({"partner": "grower", "mark": "hate"}, "mark"),
        ({"partner": "grower", "mark": "competitor", "event": 999999}, "event"),
    ],
)
def test_bad_feedback_names_the_field(api_as, representative, company, grower, body, field):
    ids = {"self": company.pk, "grower": grower.pk}
    body = {k: ids.get(v, v) if k == "partner" else v for k, v in body.items()}
    response = api_as(representative).post(f"{BASE}/organisations/{company.pk}/feedback/", body)
    assert response.status_code == 422, response.content
    assert field in _fields(response)


def test_meeting_request_through_the_api(api_as, representative, company, grower, encoder):
    make_profile(company, needs_en="Almonds", deal_types=["import"])
    api = api_as(representative)
    url = f"{BASE}/organisations/{company.pk}/meeting-requests/"
    response = api.post(url, {"partner": grower.pk, "message": "Shall we meet at CIIE?"})
    assert response.status_code == 201
    request = MeetingRequest.objects.get()
    assert response.json() == {
        "partner": grower.pk,
        "mark": "meeting_requested",
        "meeting_request": request.pk,
    }
    again = api.post(url, {"partner": grower.pk})
    assert again.status_code == 422 and _fields(again) == {"partner"}
    too_long = api.post(url, {"partner": OrganisationFactory().pk, "message": "x" * 2001})
    assert too_long.status_code == 422 and _fields(too_long) == {"message"}
