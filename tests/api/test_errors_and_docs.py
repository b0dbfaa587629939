"""Everything under /api/ answers JSON: unknown paths, wrong methods, errors in the client's
language; and the OpenAPI schema and docs render without a CDN."""

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from tests.factories.directory import OrganisationFactory, PersonFactory

ORGANISATIONS = "/api/v1/organisations/"


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nonexistent/", "/api/v1/nonexistent", "/api/v2/organisations/", "/api/nothing"],
)
@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_unknown_api_path_answers_json_404(api, path, method):
    response = api.send(method, path)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"] == "Not found."


def test_unknown_id_answers_json_404(api):
    response = api.get(f"{ORGANISATIONS}424242/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", ORGANISATIONS, {"GET", "POST"}),
        ("PUT", "/api/v1/people/", {"GET", "POST"}),
        ("POST", "/api/v1/organisations/1/", {"GET", "PUT", "PATCH", "DELETE"}),
        ("POST", "/api/v1/regions/", {"GET"}),
        ("DELETE", "/api/v1/sectors/dairy/", {"GET"}),
        ("PATCH", "/api/v1/tokens/", {"GET", "POST"}),
    ],
)
def test_wrong_method_answers_json_405_with_allow_header(api, method, path, allowed):
    response = api.send(method, path)

    assert response.status_code == 405
    assert response.json()["detail"] == f"{method} is not allowed here."
    assert {m.strip() for m in response["Allow"].split(",")} == allowed


def test_errors_answer_in_the_clients_language(api_as, staff_user):
    response = api_as(staff_user).post(
        ORGANISATIONS,
        {"kind": "company", "name_en": "A", "website": "nonsense"},
        headers={"Accept-Language": "zh-CN,zh;q=0.9"},
    )

    assert response.status_code == 422
    assert response["Content-Language"] == "zh-hans"
    # Django's own message for URLField, translated by Django's Chinese catalogue.
    assert response.json()["detail"] == [{"field": "website", "message": "输入一个有效的 URL。"}]


def test_missing_record_is_404_in_both_languages_with_the_same_shape(api):
    english = api.get(f"{ORGANISATIONS}424242/")
    chinese = api.get(f"{ORGANISATIONS}424242/", headers={"Accept-Language": "zh-hans"})

    assert english.status_code == chinese.status_code == 404
    assert set(english.json()) == set(chinese.json()) == {"detail"}


def test_huge_ids_in_the_path_are_404_not_500(api):
    assert api.get(f"{ORGANISATIONS}{10**30}/").status_code == 404
    assert api.get("/api/v1/people/99999999999999999999/").status_code == 404


def test_openapi_schema_lists_the_directory(api):
    response = api.get("/api/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/api/v1/organisations/",
        "/api/v1/organisations/{organisation_id}/",
        "/api/v1/people/",
        "/api/v1/people/{person_id}/",
        "/api/v1/regions/",
        "/api/v1/sectors/",
        "/api/v1/tokens/",
    } <= set(paths)
    assert set(paths["/api/v1/organisations/{organisation_id}/"]) == {
        "get", "put", "patch", "delete",
    }  # fmt: skip
    assert "BearerToken" in response.json()["components"]["securitySchemes"]


def test_docs_render_from_bundled_assets_without_a_cdn(api):
    response = api.get("/api/docs")
    html = response.content.decode()

    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/static/ninja/swagger-ui.css" in html
    assert "cdn" not in html.lower()
    assert finders.find("ninja/swagger-ui-bundle.js") is not None
    assert finders.find("ninja/swagger-ui-init.js") is not None


def test_reads_need_no_login_and_show_public_records(api, private_of_agency):
    OrganisationFactory(name_en="Open Record")

    response = api.get(ORGANISATIONS)

    assert response.status_code == 200
    assert [item["name_en"] for item in response.json()["items"]] == ["Agency A", "Open Record"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/regions/%00/",
        "/api/v1/sectors/%00/",
        "/api/v1/regions/" + "X" * 5000 + "/",
        "/api/v1/people/?organisation=" + "9" * 30,
        "/api/v1/people/?region=%00",
        "/api/v1/organisations/?country=%00",
        "/api/v1/organisations/?q=" + "长" * 3000,
        "/api/v1/regions/?parent=%00",
    ],
)
def test_odd_values_in_path_or_query_never_answer_500(api, path):
    response = api.get(path)

    assert response.status_code in (200, 404, 422), response.content
    assert response["Content-Type"].startswith("application/json")


def test_oversized_body_answers_413_json(api_as, staff_user, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = api_as(staff_user).post(ORGANISATIONS, {"kind": "company", "name_en": "A" * 2000})

    assert response.status_code == 413
    assert response.json()["detail"]


def test_a_bug_still_answers_json_500(monkeypatch, db):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr("tradebridge.api.routers.regions.matching", broken)

    response = Client(raise_request_exception=False).get("/api/v1/regions/")

    assert response.status_code == 500
    assert response.json()["detail"]
    assert "bug" not in response.content.decode()


@pytest.mark.parametrize("body", [b"{", b'{"name_en": }', b"\xff"])
def test_malformed_json_on_every_write_answers_4xx_json(api_as, admin_user, company, body):
    person = PersonFactory()
    client = api_as(admin_user)

    for method, path in [
        ("POST", "/api/v1/people/"),
        ("PUT", f"/api/v1/people/{person.pk}/"),
        ("PATCH", f"/api/v1/people/{person.pk}/"),
        ("PUT", f"{ORGANISATIONS}{company.pk}/"),
        ("PATCH", f"{ORGANISATIONS}{company.pk}/"),
        ("POST", "/api/v1/tokens/"),
    ]:
        response = client.send(method, path, raw=body)
        assert response.status_code == 400, (method, path)
        assert response.json()["detail"] == [
            {"field": "body", "message": "The request body is not valid JSON."}
        ]


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"name_en": ""}, "name_en"), ({"name_en": "A", "timezone": "Nowhere"}, "timezone")],
)
def test_bad_person_put_names_the_field(api_as, admin_user, payload, field):
    person = PersonFactory(name_en="Kept")

    response = api_as(admin_user).put(f"/api/v1/people/{person.pk}/", payload)

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == [field]
    person.refresh_from_db()
    assert person.name_en == "Kept"


def test_each_path_has_one_stable_url_name():
    assert reverse("api:organisation-list") == ORGANISATIONS
    assert reverse("api:organisation-detail", args=[7]) == f"{ORGANISATIONS}7/"
    assert reverse("api:person-detail", args=[7]) == "/api/v1/people/7/"
    assert reverse("api:region-detail", args=["CN-GD"]) == "/api/v1/regions/CN-GD/"
    assert reverse("api:sector-detail", args=["dairy"]) == "/api/v1/sectors/dairy/"
    assert reverse("api:token-detail", args=[7]) == "/api/v1/tokens/7/"
