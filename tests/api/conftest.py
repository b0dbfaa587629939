"""Fixtures for the API tests: a JSON client that acts as a given user, and a few records."""

import json

import pytest
from django.test import Client

from tests.factories.directory import OrganisationFactory, region
from tradebridge.accounts.domain.tokens import create_token
from tradebridge.directory.enums import OrganisationKind, Visibility
from tradebridge.directory.models import Sector


class JsonClient:
    """Django's test client, speaking JSON, as a logged-in user, a token holder or nobody."""

    def __init__(self, client: Client):
        self.client = client
        self.headers: dict[str, str] = {}

    def logged_in_as(self, user) -> "JsonClient":
        self.client.force_login(user)
        return self

    def with_token(self, key: str) -> "JsonClient":
        self.headers = {"Authorization": f"Bearer {key}"}
        return self

    def get(self, path: str, params: dict | None = None, headers: dict | None = None):
        return self.client.get(path, params or {}, headers={**self.headers, **(headers or {})})

    def send(self, method: str, path: str, data=None, raw: bytes | None = None, headers=None):
        body = raw if raw is not None else json.dumps(data if data is not None else {})
        return self.client.generic(
            method,
            path,
            body,
            content_type="application/json",
            headers={**self.headers, **(headers or {})},
        )

    def post(self, path: str, data=None, headers: dict | None = None):
        return self.send("POST", path, data, headers=headers)

    def put(self, path: str, data=None, headers: dict | None = None):
        return self.send("PUT", path, data, headers=headers)

    def patch(self, path: str, data=None, headers: dict | None = None):
        return self.send("PATCH", path, data, headers=headers)

    def delete(self, path: str, headers: dict | None = None):
        return self.client.delete(path, headers={**self.headers, **(headers or {})})


@pytest.fixture
def api(db, client):
    return JsonClient(client)


@pytest.fixture
def api_as(db):
    """``api_as(user)``: a fresh JSON client logged in as ``user`` (None: anonymous)."""

    def make(user=None) -> JsonClient:
        json_client = JsonClient(Client())
        return json_client.logged_in_as(user) if user is not None else json_client

    return make


@pytest.fixture
def token_of(db):
    """``token_of(user)``: the key of a new API token of ``user``."""

    def make(user) -> str:
        _token, key = create_token(user, "tests")
        return key

    return make


@pytest.fixture
def xiaomi(db):
    organisation = OrganisationFactory(
        name_en="Xiaomi",
        name_zh="小米",
        home_region=region("CN-BJ"),
        kind=OrganisationKind.COMPANY,
    )
    organisation.sectors.set([Sector.objects.get(code="mobile-internet")])
    return organisation


@pytest.fixture
def private_of_agency(db, agency):
    """A record of Agency A that only its staff may see."""
    return OrganisationFactory(
        name_en="Quiet Partner", name_zh="低调伙伴", owner=agency, visibility=Visibility.PRIVATE
    )


@pytest.fixture
def private_of_other_agency(db, other_agency):
    return OrganisationFactory(
        name_en="Secret Prospect", owner=other_agency, visibility=Visibility.PRIVATE
    )


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    # WhiteNoise warns (and warnings fail tests) when STATIC_ROOT does not exist yet, which
    # is the case before the first collectstatic.
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The role fixtures create several users per test; real hashing would take most of the run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
