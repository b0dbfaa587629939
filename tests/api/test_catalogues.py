"""Regions and sectors: public, read-only, filterable."""

import pytest

from tests.factories.directory import region

REGIONS = "/api/v1/regions/"
SECTORS = "/api/v1/sectors/"


def codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    body = response.json()
    items = body["items"] if isinstance(body, dict) else body
    return [item["code"] for item in items]


def test_regions_of_a_country_by_kind(api):
    response = api.get(REGIONS, {"country": "cn", "kind": "municipality", "page_size": 100})

    assert codes(response) == ["CN-BJ", "CN-CQ", "CN-SH", "CN-TJ"]
    assert response.json()["count"] == 4


def test_regions_beneath_a_parent(api):
    response = api.get(REGIONS, {"parent": "US", "page_size": 100})

    assert response.json()["count"] == 51
    assert "US-DC" in codes(response)


@pytest.mark.parametrize(
    ("query", "code"), [("加州", "US-CA"), ("guangdong", "CN-GD"), ("廣東", "CN-GD")]
)
def test_region_search_across_scripts(api, query, code):
    assert codes(api.get(REGIONS, {"q": query}))[0] == code


def test_region_detail(api):
    response = api.get(f"{REGIONS}US-WA/")

    assert response.status_code == 200
    assert response.json() == {
        "code": "US-WA",
        "kind": "state",
        "country_code": "US",
        "name_en": "Washington",
        "name_zh": region("US-WA").name_zh,
        "aliases": region("US-WA").alias_list(),
        "parent": "US",
        "timezone": "America/Los_Angeles",
    }
    assert api.get(f"{REGIONS}XX-NOPE/").status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [({"parent": "ATLANTIS"}, "parent"), ({"kind": "galaxy"}, "kind"), ({"page": "-1"}, "page")],
)
def test_bad_region_filters_name_the_parameter(api, params, field):
    response = api.get(REGIONS, params)

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == [field]


def test_sector_tree(api):
    top = api.get(SECTORS, {"top_level": "true"}).json()
    ict = api.get(f"{SECTORS}ict/").json()

    assert len(top) == 8
    assert all(sector["parent"] is None for sector in top)
    assert "e-commerce" in ict["children"]
    assert codes(api.get(SECTORS, {"parent": "aerospace"})) == ["aviation", "space"]
    assert api.get(f"{SECTORS}dairy/").json()["hs_chapters"] == ["04"]


@pytest.mark.parametrize(
    ("query", "code"), [("乳制品", "dairy"), ("dairy", "dairy"), ("ru zhi pin", "dairy")]
)
def test_sector_search_across_scripts(api, query, code):
    assert codes(api.get(SECTORS, {"q": query})) == [code]


def test_unknown_sector_parent_names_the_parameter(api):
    response = api.get(SECTORS, {"parent": "nothing"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "parent"


def test_catalogues_are_read_only(api_as, admin_user):
    client = api_as(admin_user)

    assert client.post(REGIONS, {"code": "XX"}).status_code == 405
    assert client.delete(f"{SECTORS}dairy/").status_code == 405


def test_catalogue_lists_use_a_fixed_number_of_queries(api, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        assert api.get(REGIONS, {"page_size": 100}).status_code == 200
    with django_assert_max_num_queries(2):
        assert len(api.get(SECTORS).json()) == 36
