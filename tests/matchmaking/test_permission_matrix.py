"""Every role against every matchmaking page (the API rows are in test_api_permission_matrix).

Statuses per role in the order of ROLES (the same roles as tests/web/test_permission_matrix.py).
302 is the login redirect of an anonymous visitor, or the redirect after a successful POST;
404 means the object does not exist for that user; 422 a form with errors.
"""

import pytest
from django.urls import reverse

from tests.factories.directory import OrganisationFactory
from tests.factories.events import EventFactory
from tests.factories.matchmaking import make_profile
from tests.matchmaking.test_api_permission_matrix import MATCHING_API_MATRIX_NAMES
from tradebridge.directory.enums import Visibility
from tradebridge.events.enums import EventStatus

ROLES = ("anonymous", "admin", "staff", "other_staff", "representative", "viewer")
PROFILE_FORM = {"needs_en": "Almonds", "deal_types": ["import"], "need_hs_codes": "0802"}
NOT_RELEVANT = {"mark": "not_relevant"}

# (url name, object key or None, method, POST data, expected statuses in ROLES order)
MATCHING_MATRIX = [
    ("web:partners", None, "get", None, "302 200 200 200 302 403"),
    ("web:match-profile-edit", "company", "get", None, "302 200 200 403 200 403"),
    ("web:match-profile-edit", "private_b", "get", None, "302 200 404 200 404 404"),
    ("web:match-profile-edit", "company", "post", {}, "302 422 422 403 422 403"),
    ("web:match-profile-edit", "company", "post", PROFILE_FORM, "302 302 302 403 302 403"),
    ("web:match-profile-edit", "private_b", "post", PROFILE_FORM, "302 302 404 302 404 404"),
    ("web:partner-list", "company", "get", None, "302 200 200 403 200 403"),
    ("web:partner-list", "partner", "get", None, "302 200 403 403 403 403"),
    ("web:partner-list", "private_b", "get", None, "302 200 404 200 404 404"),
    ("web:partner-feedback", "company_partner", "post", NOT_RELEVANT, "302 302 302 403 302 403"),
    ("web:partner-feedback", "company_partner", "post", {}, "302 422 422 403 422 403"),
    ("web:partner-feedback", "company_private_b", "post", NOT_RELEVANT, "302 302 404 403 404 403"),
    ("web:partner-feedback-clear", "company_partner", "post", None, "302 302 302 403 302 403"),
    ("web:partner-meeting", "company_partner", "post", None, "302 302 302 403 302 403"),
    ("web:partner-meeting", "company_private_b", "post", None, "302 302 404 403 404 403"),
    ("web:event-matches", "event", "get", None, "302 200 200 403 403 403"),
    ("web:event-matches", "draft", "get", None, "302 200 200 404 404 404"),
]
# The meta-test in tests/web/test_permission_matrix.py reads this: web and API matching URLs.
MATCHING_MATRIX_NAMES = sorted({row[0] for row in MATCHING_MATRIX} | set(MATCHING_API_MATRIX_NAMES))


@pytest.fixture
def objects(db, encoder, agency, other_agency, company):
    make_profile(company, needs_en="Almonds", deal_types=["import"])
    partner = OrganisationFactory()
    make_profile(partner, offers_en="California almonds", deal_types=["export"])
    private_b = OrganisationFactory(owner=other_agency, visibility=Visibility.PRIVATE)
    make_profile(private_b, offers_en="Walnuts", deal_types=["export"])
    event = EventFactory(owner=agency)
    draft = EventFactory(owner=agency, status=EventStatus.DRAFT)
    return {
        "company": {"pk": company.pk},
        "partner": {"pk": partner.pk},
        "private_b": {"pk": private_b.pk},
        "company_partner": {"pk": company.pk, "partner_pk": partner.pk},
        "company_private_b": {"pk": company.pk, "partner_pk": private_b.pk},
        "event": {"pk": event.pk},
        "draft": {"pk": draft.pk},
    }


@pytest.mark.parametrize(("name", "key", "method", "data", "expected"), MATCHING_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_matching_permission_matrix(
    client, objects, users, role, name, key, method, data, expected
):
    if users[role] is not None:
        client.force_login(users[role])
    url = reverse(name, kwargs=objects[key] if key else None)
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    want = int(expected.split()[ROLES.index(role)])
    assert response.status_code == want, f"{role} {method.upper()} {url}"
    if want == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))
