"""Every role against every page and object, other agencies' private records included.

Each row gives the status code per role, in the order of ROLES. 302 is the login redirect of an
anonymous visitor; 404 means the object does not exist for that user (private to another agency).
``test_every_url_is_in_the_matrix`` fails when a URL is added without a row here.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.api.test_permission_matrix import API_MATRIX_NAMES
from tests.events.test_permission_matrix import EVENTS_MATRIX_NAMES
from tests.factories.directory import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.matchmaking.test_permission_matrix import MATCHING_MATRIX_NAMES
from tests.meetings.test_permission_matrix import MEETINGS_MATRIX_NAMES
from tests.meetings.test_scheduling_permission_matrix import SCHEDULING_MATRIX_NAMES
from tradebridge.accounts.domain.invitations import invite_representative
from tradebridge.accounts.domain.tokens import create_token
from tradebridge.directory.enums import Visibility

ROLES = ("anonymous", "admin", "staff", "other_staff", "representative", "viewer")

# (url name, object key or None, method, expected statuses in ROLES order)
MATRIX = [
    ("web:home", None, "get", "200 200 200 200 200 200"),
    ("web:search", None, "get", "200 200 200 200 200 200"),
    ("web:organisation-list", None, "get", "200 200 200 200 200 200"),
    ("web:organisation-create", None, "get", "302 200 200 200 403 403"),
    ("web:organisation-detail", "company", "get", "200 200 200 200 200 200"),
    ("web:organisation-detail", "private_a", "get", "404 200 200 404 404 404"),
    ("web:organisation-detail", "private_b", "get", "404 200 404 200 404 404"),
    ("web:organisation-edit", "company", "get", "302 200 200 403 200 403"),
    ("web:organisation-edit", "private_a", "get", "302 200 200 404 404 404"),
    ("web:organisation-edit", "private_b", "get", "302 200 404 200 404 404"),
    ("web:organisation-delete", "company", "get", "302 200 200 403 403 403"),
    ("web:organisation-delete", "private_b", "get", "302 200 404 200 404 404"),
    ("web:organisation-delete", "private_b", "post", "302 302 404 302 404 404"),
    ("web:organisation-invite", "company", "get", "302 200 200 403 403 403"),
    ("web:organisation-invite", "private_b", "get", "302 200 404 200 404 404"),
    ("web:person-list", None, "get", "200 200 200 200 200 200"),
    ("web:person-create", None, "get", "302 200 200 200 200 403"),
    ("web:person-detail", "colleague", "get", "200 200 200 200 200 200"),
    ("web:person-detail", "private_person_a", "get", "404 200 200 404 404 404"),
    ("web:person-detail", "private_person_b", "get", "404 200 404 200 404 404"),
    ("web:person-edit", "colleague", "get", "302 200 200 403 200 403"),
    ("web:person-edit", "private_person_b", "get", "302 200 404 200 404 404"),
    ("web:person-delete", "colleague", "get", "302 200 200 403 403 403"),
    ("web:person-delete", "private_person_b", "post", "302 302 404 302 404 404"),
    ("web:region-list", None, "get", "200 200 200 200 200 200"),
    ("web:region-detail", "region", "get", "200 200 200 200 200 200"),
    ("web:sector-list", None, "get", "200 200 200 200 200 200"),
    ("web:sector-detail", "sector", "get", "200 200 200 200 200 200"),
    ("web:transfer", None, "get", "302 200 200 200 403 403"),
    ("web:export", "export", "get", "302 200 200 200 403 403"),
    ("accounts:login", None, "get", "200 302 302 302 302 302"),
    ("accounts:logout", None, "post", "302 302 302 302 302 302"),
    ("accounts:profile", None, "get", "302 200 200 200 200 200"),
    ("accounts:api-tokens", None, "get", "302 200 200 200 200 200"),
    ("accounts:api-token-revoke", "staff_token", "post", "302 404 302 404 404 404"),
    ("accounts:password-reset", None, "get", "200 200 200 200 200 200"),
    ("accounts:password-reset-done", None, "get", "200 200 200 200 200 200"),
    ("accounts:password-reset-confirm", "reset", "get", "200 200 200 200 200 200"),
    ("accounts:password-reset-complete", None, "get", "200 200 200 200 200 200"),
    ("accounts:accept-invitation", "invitation", "get", "200 200 200 200 200 200"),
    ("accounts:accept-invitation", "bad_invitation", "get", "404 404 404 404 404 404"),
]

# Named URLs that need no row, and why.
EXEMPT_NAMESPACES = {"admin"}  # Django's admin checks is_staff itself
EXEMPT_NAMES = {
    "set_language",  # Django's language switch: no object, no permission
    "media",  # uploaded files in development only
    "api-not-found",  # answers JSON 404 to everyone: tested in tests/api
    "api-index",  # public JSON index at /api/, the same URL as api:api-root in the API matrix
}


@pytest.fixture
def objects(db, agency, other_agency, company, staff_user):
    private_a = OrganisationFactory(owner=agency, visibility=Visibility.PRIVATE)
    private_b = OrganisationFactory(owner=other_agency, visibility=Visibility.PRIVATE)
    colleague = AffiliationFactory(organisation=company, person__owner=agency).person
    private_person_a = PersonFactory(owner=agency, visibility=Visibility.PRIVATE)
    private_person_b = PersonFactory(owner=other_agency, visibility=Visibility.PRIVATE)
    token, _key = create_token(staff_user, "matrix")
    invitation_token = {}
    invite_representative(
        staff_user,
        company,
        "new@example.org",
        "en",
        accept_url=lambda token: invitation_token.setdefault("token", token),
    )
    return {
        "company": {"pk": company.pk},
        "private_a": {"pk": private_a.pk},
        "private_b": {"pk": private_b.pk},
        "colleague": {"pk": colleague.pk},
        "private_person_a": {"pk": private_person_a.pk},
        "private_person_b": {"pk": private_person_b.pk},
        "region": {"code": "US-CA"},
        "sector": {"code": "dairy"},
        "export": {"kind": "organisations", "fmt": "csv"},
        "staff_token": {"pk": token.pk},
        "reset": {"uidb64": "MQ", "token": "set-password"},
        "invitation": {"token": invitation_token["token"]},
        "bad_invitation": {"token": "not-a-token"},
    }


@pytest.mark.parametrize(("name", "key", "method", "expected"), MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, objects, users, role, name, key, method, expected):
    # Each case deletes at most one object, and objects are built afresh for every case.
    if users[role] is not None:
        client.force_login(users[role])
    url = reverse(name, kwargs=objects[key] if key else None)
    response = getattr(client, method)(url)
    want = int(expected.split()[ROLES.index(role)])
    assert response.status_code == want, f"{role} {method.upper()} {url}"
    if want == 302 and role == "anonymous" and name not in {"accounts:logout"}:
        assert response["Location"].startswith(reverse("accounts:login"))


def _named_patterns(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else (entry.namespace or namespace)
            )
            yield from _named_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}:{entry.name}" if namespace else entry.name


def test_every_url_is_in_the_matrix():
    covered = (
        {row[0] for row in MATRIX}
        | set(API_MATRIX_NAMES)
        | set(EVENTS_MATRIX_NAMES)
        | set(MATCHING_MATRIX_NAMES)
        | set(MEETINGS_MATRIX_NAMES)
        | set(SCHEDULING_MATRIX_NAMES)
    )
    missing = {
        name
        for name in _named_patterns(get_resolver())
        if name not in covered
        and name not in EXEMPT_NAMES
        and name.split(":")[0] not in EXEMPT_NAMESPACES
    }
    assert missing == set(), "add these URLs to the permission matrix"


def test_matrix_rows_name_real_urls():
    known = set(_named_patterns(get_resolver()))
    assert {row[0] for row in MATRIX} - known == set()


def test_government_viewer_cannot_post_anything(client, objects, users):
    client.force_login(users["viewer"])
    for name, key in [("web:organisation-create", None), ("web:person-create", None),
                      ("web:organisation-edit", "company"), ("web:transfer", None)]:  # fmt: skip
        response = client.post(reverse(name, kwargs=objects[key] if key else None), {})
        assert response.status_code == 403, name
