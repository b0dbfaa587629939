"""The matching API against every role; its URL names join the matchmaking matrix's."""

import pytest
from django.urls import reverse

from tests.factories.directory import OrganisationFactory
from tests.factories.matchmaking import make_profile
from tradebridge.directory.enums import Visibility
from tradebridge.matchmaking.models import PartnerFeedback

ROLES = ("anonymous", "admin", "staff", "other_staff", "representative", "viewer")
PROFILE = {"needs_en": "Almonds", "deal_types": ["import"], "target_regions": ["US-CA"]}
PATCH = {"needs_zh": "杏仁"}

# (url name, object key or None, method, body (or a key of the objects), statuses by role)
MATCHING_API_MATRIX = [
    ("api:match-profile-list", None, "get", None, "200 200 200 200 200 200"),
    ("api:match-profile-detail", "company", "get", None, "200 200 200 200 200 200"),
    ("api:match-profile-detail", "private_b", "get", None, "404 200 404 200 404 404"),
    ("api:match-profile-detail", "company", "put", PROFILE, "401 200 200 403 200 403"),
    ("api:match-profile-detail", "company", "patch", PATCH, "401 200 200 403 200 403"),
    ("api:match-profile-detail", "private_b", "patch", PATCH, "401 200 404 200 404 404"),
    ("api:match-recommendations", "company", "get", None, "401 200 200 403 200 403"),
    ("api:match-recommendations", "private_b", "get", None, "401 200 404 200 404 404"),
    ("api:match-feedback-list", "company", "get", None, "401 200 200 403 200 403"),
    ("api:match-feedback-list", "company", "post", "mark", "401 201 201 403 201 403"),
    ("api:match-feedback-list", "private_b", "post", "mark", "401 201 404 201 404 404"),
    ("api:match-feedback-detail", "marked", "delete", None, "401 204 204 403 204 403"),
    ("api:match-meeting-requests", "company", "post", "meeting", "401 201 201 403 201 403"),
]
MATCHING_API_MATRIX_NAMES = tuple(sorted({row[0] for row in MATCHING_API_MATRIX}))


@pytest.fixture
def objects(db, encoder, company, other_agency):
    make_profile(company, needs_en="Almonds", deal_types=["import"])
    partner = OrganisationFactory()
    make_profile(partner, offers_en="California almonds", deal_types=["export"])
    private_b = OrganisationFactory(owner=other_agency, visibility=Visibility.PRIVATE)
    make_profile(private_b, offers_en="Walnuts", deal_types=["export"])
    PartnerFeedback.objects.create(organisation=company, partner=partner, mark="competitor")
    return {
        "company": {"organisation_id": company.pk},
        "private_b": {"organisation_id": private_b.pk},
        "marked": {"organisation_id": company.pk, "partner_id": partner.pk},
        "mark": {"partner": OrganisationFactory().pk, "mark": "not_relevant"},
        "meeting": {"partner": OrganisationFactory().pk, "message": "Shall we meet?"},
    }


@pytest.mark.parametrize(("name", "key", "method", "body", "expected"), MATCHING_API_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_matching_api_matrix(client, objects, users, role, name, key, method, body, expected):
    if users[role] is not None:
        client.force_login(users[role])
    url = reverse(name, kwargs=objects[key] if key else None)
    if isinstance(body, str):
        body = objects[body]
    if body is None:
        response = getattr(client, method)(url)
    else:
        response = getattr(client, method)(url, body, content_type="application/json")
    want = int(expected.split()[ROLES.index(role)])
    assert response.status_code == want, f"{role} {method.upper()} {url}: {response.content}"
