"""The API's permission matrix: every role against every operation and object.

Statuses per role in the order of ROLES. 401 is an anonymous write; 404 an object private to
another agency (indistinguishable from a missing one). ``API_MATRIX_NAMES`` feeds the
meta-test in tests/web/test_permission_matrix.py, which fails when a URL has no row.
"""

import pytest
from django.urls import reverse

from tests.factories.directory import AffiliationFactory, OrganisationFactory, PersonFactory
from tradebridge.accounts.domain.tokens import create_token
from tradebridge.directory.enums import Visibility

ROLES = ("anonymous", "admin", "staff", "other_staff", "representative", "viewer")
NEW_ORGANISATION = {"kind": "company", "name_en": "Fresno Almonds"}
NEW_PERSON = {"name_en": "Someone New"}
PATCH = {"title_en": "Director"}

# (url name, object key or None, method, body, expected statuses in ROLES order)
API_MATRIX = [
    ("api:api-root", None, "get", None, "200 200 200 200 200 200"),
    ("api:openapi-json", None, "get", None, "200 200 200 200 200 200"),
    ("api:openapi-view", None, "get", None, "200 200 200 200 200 200"),
    ("api:organisation-list", None, "get", None, "200 200 200 200 200 200"),
    ("api:organisation-list", None, "post", NEW_ORGANISATION, "401 201 201 201 403 403"),
    ("api:organisation-detail", "company", "get", None, "200 200 200 200 200 200"),
    ("api:organisation-detail", "private_a", "get", None, "404 200 200 404 404 404"),
    ("api:organisation-detail", "private_b", "get", None, "404 200 404 200 404 404"),
    ("api:organisation-detail", "company", "patch", {"description_en": "x"},
     "401 200 200 403 200 403"),
    ("api:organisation-detail", "private_b", "patch", {"description_en": "x"},
     "401 200 404 200 404 404"),
    ("api:organisation-detail", "company", "put", NEW_ORGANISATION, "401 200 200 403 200 403"),
    ("api:organisation-detail", "deletable", "delete", None, "401 204 204 403 403 403"),
    ("api:organisation-detail", "company", "delete", None, "401 422 422 403 403 403"),
    ("api:organisation-detail", "private_b", "delete", None, "401 204 404 204 404 404"),
    ("api:person-list", None, "get", None, "200 200 200 200 200 200"),
    ("api:person-list", None, "post", NEW_PERSON, "401 201 201 201 422 403"),
    ("api:person-detail", "colleague", "get", None, "200 200 200 200 200 200"),
    ("api:person-detail", "private_person_b", "get", None, "404 200 404 200 404 404"),
    ("api:person-detail", "colleague", "patch", PATCH, "401 200 200 403 200 403"),
    ("api:person-detail", "private_person_a", "patch", PATCH, "401 200 200 404 404 404"),
    ("api:person-detail", "colleague", "put", NEW_PERSON, "401 200 200 403 200 403"),
    ("api:person-detail", "colleague", "delete", None, "401 204 204 403 403 403"),
    ("api:person-detail", "private_person_b", "delete", None, "401 204 404 204 404 404"),
    ("api:region-list", None, "get", None, "200 200 200 200 200 200"),
    ("api:region-detail", "region", "get", None, "200 200 200 200 200 200"),
    ("api:sector-list", None, "get", None, "200 200 200 200 200 200"),
    ("api:sector-detail", "sector", "get", None, "200 200 200 200 200 200"),
    ("api:token-list", None, "get", None, "401 200 200 200 200 200"),
    ("api:token-list", None, "post", {"name": "CRM"}, "401 201 201 201 201 201"),
    ("api:token-detail", "staff_token", "delete", None, "401 404 204 404 404 404"),
]  # fmt: skip
API_MATRIX_NAMES = tuple(sorted({row[0] for row in API_MATRIX}))


@pytest.fixture
def objects(db, agency, other_agency, company, staff_user):
    token, _key = create_token(staff_user, "matrix")
    return {
        "company": {"organisation_id": company.pk},
        "deletable": {"organisation_id": OrganisationFactory(owner=agency).pk},
        "private_a": {
            "organisation_id": OrganisationFactory(owner=agency, visibility=Visibility.PRIVATE).pk
        },
        "private_b": {
            "organisation_id": OrganisationFactory(
                owner=other_agency, visibility=Visibility.PRIVATE
            ).pk
        },
        "colleague": {
            "person_id": AffiliationFactory(organisation=company, person__owner=agency).person.pk
        },
        "private_person_a": {
            "person_id": PersonFactory(owner=agency, visibility=Visibility.PRIVATE).pk
        },
        "private_person_b": {
            "person_id": PersonFactory(owner=other_agency, visibility=Visibility.PRIVATE).pk
        },
        "region": {"code": "CN-GD"},
        "sector": {"code": "dairy"},
        "staff_token": {"token_id": token.pk},
    }


@pytest.mark.parametrize(("name", "key", "method", "body", "expected"), API_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_api_permission_matrix(client, objects, users, role, name, key, method, body, expected):
    if users[role] is not None:
        client.force_login(users[role])
    url = reverse(name, kwargs=objects[key] if key else None)
    kwargs = {"data": body, "content_type": "application/json"} if body is not None else {}
    response = getattr(client, method)(url, **kwargs)
    want = int(expected.split()[ROLES.index(role)])
    assert response.status_code == want, f"{role} {method.upper()} {url}: {response.content[:200]}"
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json")
