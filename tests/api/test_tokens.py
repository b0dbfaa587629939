"""API tokens: created once-shown, listed and revoked by their owner, and used to authenticate."""

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils.crypto import get_random_string

from tests.factories.accounts import UserFactory
from tradebridge.accounts.domain.tokens import (
    create_token,
    hash_key,
    revoke_token,
    tokens_of,
    user_for_key,
)
from tradebridge.accounts.models import ApiToken

URL = "/api/v1/tokens/"
ORGANISATIONS = "/api/v1/organisations/"


def test_create_token_stores_only_hash_and_prefix(staff_user):
    token, key = create_token(staff_user, "CRM sync")

    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hash_key(key) != key
    assert stored.prefix == key[:8]
    assert len(key) >= 40
    assert key not in {stored.name, stored.prefix, stored.key_hash}


def test_create_token_refuses_blank_name_and_anonymous(staff_user):
    with pytest.raises(ValidationError) as error:
        create_token(staff_user, "")
    assert "name" in error.value.message_dict

    inactive = UserFactory(is_active=False)
    with pytest.raises(PermissionDenied):
        create_token(inactive, "x")


def test_user_for_key_knows_valid_keys_only(staff_user):
    token, key = create_token(staff_user, "x")

    assert user_for_key(key) == staff_user
    assert user_for_key(key + "x") is None
    assert user_for_key("") is None
    token.refresh_from_db()
    assert token.last_used_at is not None

    revoke_token(staff_user, token)
    assert user_for_key(key) is None


def test_token_of_deactivated_user_stops_working(staff_user):
    _token, key = create_token(staff_user, "x")
    staff_user.is_active = False
    staff_user.save()

    assert user_for_key(key) is None


def test_only_the_owner_revokes(staff_user, other_staff_user):
    token, _key = create_token(staff_user, "x")

    with pytest.raises(PermissionDenied):
        revoke_token(other_staff_user, token)
    assert list(tokens_of(other_staff_user)) == []


def test_logged_in_user_creates_lists_and_revokes_a_token(api_as, staff_user):
    client = api_as(staff_user)

    created = client.post(URL, {"name": "Laptop script"})

    assert created.status_code == 201
    body = created.json()
    assert body["prefix"] == body["token"][:8]
    listed = client.get(URL).json()
    assert [(t["id"], t["name"], t["revoked_at"]) for t in listed] == [
        (body["id"], "Laptop script", None)
    ]
    assert "token" not in listed[0]

    assert client.delete(f"{URL}{body['id']}/").status_code == 204
    assert client.get(URL).json()[0]["revoked_at"] is not None


def test_token_authenticates_writes_as_its_owner(api, staff_user, agency, token_of):
    response = api.with_token(token_of(staff_user)).post(
        ORGANISATIONS, {"kind": "company", "name_en": "Via Token"}
    )

    assert response.status_code == 201
    assert response.json()["name_en"] == "Via Token"


def test_token_shows_owners_private_records(api, staff_user, private_of_agency, token_of):
    names = [
        item["name_en"]
        for item in api.with_token(token_of(staff_user)).get(ORGANISATIONS).json()["items"]
    ]

    assert "Quiet Partner" in names


@pytest.mark.parametrize(
    "header",
    ["Bearer wrong-token", "Bearer ", "bearer nonsense", "Bearer a\tb"],
)
def test_wrong_token_answers_401_even_for_reads(api, header):
    response = api.get(ORGANISATIONS, headers={"Authorization": header})

    assert response.status_code == 401
    assert response.json()["detail"]


def test_revoked_token_answers_401(api, staff_user):
    token, key = create_token(staff_user, "x")
    revoke_token(staff_user, token)

    response = api.with_token(key).get(ORGANISATIONS)

    assert response.status_code == 401
    assert response.json() == {"detail": "The token is unknown or has been revoked."}


def test_token_cannot_create_tokens(api, staff_user, token_of):
    response = api.with_token(token_of(staff_user)).post(URL, {"name": "another"})

    assert response.status_code == 401
    assert ApiToken.objects.filter(user=staff_user).count() == 1


def test_token_lists_and_revokes_own_tokens_only(api, staff_user, other_staff_user, token_of):
    others, _key = create_token(other_staff_user, "not yours")
    client = api.with_token(token_of(staff_user))

    assert [t["name"] for t in client.get(URL).json()] == ["tests"]
    assert client.delete(f"{URL}{others.pk}/").status_code == 404
    others.refresh_from_db()
    assert others.revoked_at is None


@pytest.mark.parametrize(
    ("payload", "field"), [({}, "name"), ({"name": ""}, "name"), ({"name": "x" * 101}, "name")]
)
def test_bad_token_name_names_the_field(api_as, staff_user, payload, field):
    response = api_as(staff_user).post(URL, payload)

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == [field]


def test_anonymous_cannot_touch_tokens(api):
    assert api.get(URL).status_code == 401
    assert api.post(URL, {"name": "x"}).status_code == 401


def test_session_writes_need_the_csrf_token(staff_user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff_user)

    refused = browser.post(URL, {"name": "x"}, content_type="application/json")
    secret = get_random_string(32)  # what any page would have set as the CSRF cookie
    browser.cookies[settings.CSRF_COOKIE_NAME] = secret
    accepted = browser.post(
        URL, {"name": "x"}, content_type="application/json", headers={"X-CSRFToken": secret}
    )

    assert refused.status_code == 403
    assert refused.json()["detail"]
    assert accepted.status_code == 201


def test_token_writes_need_no_csrf_token(staff_user, token_of):
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        ORGANISATIONS,
        {"kind": "company", "name_en": "Scripted"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token_of(staff_user)}"},
    )

    assert response.status_code == 201


def test_anonymous_write_without_csrf_is_401_not_403(db):
    response = Client(enforce_csrf_checks=True).post(
        ORGANISATIONS, {"kind": "company", "name_en": "X"}, content_type="application/json"
    )

    assert response.status_code == 401


def test_docs_page_hands_logged_in_users_the_csrf_token(staff_user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff_user)

    page = browser.get("/api/docs").content.decode()
    secret = browser.cookies[settings.CSRF_COOKIE_NAME].value
    response = browser.post(
        URL, {"name": "x"}, content_type="application/json", headers={"X-CSRFToken": secret}
    )

    assert 'data-api-csrf="true"' in page
    assert response.status_code == 201
