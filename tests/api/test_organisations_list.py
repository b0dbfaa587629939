"""Listing, searching, filtering and paginating organisations."""

import pytest

from tests.factories.directory import OrganisationFactory, region
from tradebridge.directory.enums import OrganisationKind
from tradebridge.directory.models import Sector

URL = "/api/v1/organisations/"


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["name_en"] for item in response.json()["items"]]


@pytest.mark.parametrize("query", ["xiaomi", "XiaoMi", "xiao mi", "小米", "小 米"])
def test_search_finds_across_scripts(api, xiaomi, query):
    OrganisationFactory(name_en="Boeing", name_zh="波音")

    assert names(api.get(URL, {"q": query})) == ["Xiaomi"]


def test_search_by_traditional_characters_finds_simplified_name(api):
    OrganisationFactory(name_en="Guangdong Trade Office", name_zh="广东贸易办公室")

    assert names(api.get(URL, {"q": "廣東"})) == ["Guangdong Trade Office"]


def test_output_names_region_sectors_and_parent_by_code_and_id(api, xiaomi):
    unit = OrganisationFactory(name_en="Xiaomi Seattle", parent=xiaomi, home_region=region("US-WA"))

    item = api.get(f"{URL}{unit.pk}/").json()

    assert item["home_region"] == "US-WA"
    assert item["parent"] == xiaomi.pk
    assert api.get(f"{URL}{xiaomi.pk}/").json()["sectors"] == ["mobile-internet"]
    assert set(item) == {
        "id", "kind", "name_en", "name_zh", "short_name", "description_en", "description_zh",
        "home_region", "parent", "sectors", "website", "is_sme", "visibility", "logo",
        "created_at", "updated_at",
    }  # fmt: skip


def test_filters_by_country_region_kind_sector_and_sme(api, xiaomi):
    shenzhen_sme = OrganisationFactory(
        name_en="Shenzhen Drones", home_region=region("CN-GD"), is_sme=True
    )
    shenzhen_sme.sectors.set([Sector.objects.get(code="aviation")])
    OrganisationFactory(name_en="Seattle Port", home_region=region("US-WA"), kind="port_authority")

    assert names(api.get(URL, {"country": "cn"})) == ["Shenzhen Drones", "Xiaomi"]
    assert names(api.get(URL, {"region": "CN-GD"})) == ["Shenzhen Drones"]
    assert names(api.get(URL, {"region": "CN"})) == ["Shenzhen Drones", "Xiaomi"]
    assert names(api.get(URL, {"kind": "port_authority"})) == ["Seattle Port"]
    # A top-level sector includes the sectors beneath it.
    assert names(api.get(URL, {"sector": "aerospace"})) == ["Shenzhen Drones"]
    assert names(api.get(URL, {"sector": "ict", "country": "CN"})) == ["Xiaomi"]
    assert names(api.get(URL, {"sme": "true"})) == ["Shenzhen Drones"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"region": "XX-NOWHERE"}, "region"),
        ({"sector": "no-such-sector"}, "sector"),
        ({"kind": "spaceship"}, "kind"),
        ({"sme": "perhaps"}, "sme"),
        ({"page": "0"}, "page"),
        ({"page": "ten"}, "page"),
        ({"page": str(10**30)}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"q": "a\x00b"}, "q"),
    ],
)
def test_bad_filters_answer_422_naming_the_parameter(api, params, field):
    response = api.get(URL, params)

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == [field]


def test_pagination_counts_all_and_pages_through(api):
    for number in range(7):
        OrganisationFactory(name_en=f"Firm {number}", kind=OrganisationKind.COMPANY)

    first = api.get(URL, {"page_size": 3}).json()
    third = api.get(URL, {"page_size": 3, "page": 3}).json()
    beyond = api.get(URL, {"page_size": 3, "page": 9}).json()

    assert (first["count"], first["page"], first["page_size"]) == (7, 1, 3)
    assert [item["name_en"] for item in first["items"]] == ["Firm 0", "Firm 1", "Firm 2"]
    assert [item["name_en"] for item in third["items"]] == ["Firm 6"]
    assert beyond["items"] == []
    assert beyond["count"] == 7


def test_private_records_listed_for_their_agency_only(
    api_as, staff_user, other_staff_user, private_of_agency
):
    assert "Quiet Partner" in names(api_as(staff_user).get(URL))
    assert "Quiet Partner" not in names(api_as(other_staff_user).get(URL))
    assert "Quiet Partner" not in names(api_as(None).get(URL))
    assert names(api_as(other_staff_user).get(URL, {"q": "quiet"})) == []


def test_private_record_of_another_agency_reads_as_missing(
    api_as, other_staff_user, private_of_agency
):
    hidden = api_as(other_staff_user).get(f"{URL}{private_of_agency.pk}/")
    missing = api_as(other_staff_user).get(f"{URL}999999/")

    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


def test_parent_hidden_when_it_is_another_agencys_private_record(
    api_as, other_staff_user, private_of_agency
):
    unit = OrganisationFactory(name_en="Public Unit", parent=private_of_agency)

    assert api_as(other_staff_user).get(f"{URL}{unit.pk}/").json()["parent"] is None


def _many_organisations(count: int) -> None:
    sectors = list(Sector.objects.all()[:3])
    for number in range(count):
        organisation = OrganisationFactory(
            name_en=f"Listed {number}",
            home_region=region("CN-ZJ"),
            parent=OrganisationFactory(name_en=f"Parent {number}"),
        )
        organisation.sectors.set(sectors)


@pytest.mark.parametrize("role", ["anonymous", "staff_user", "representative", "admin_user"])
def test_list_query_count_does_not_grow_with_the_page(
    request, api_as, django_assert_max_num_queries, role
):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    client = api_as(user)
    _many_organisations(25)

    # Session and user (2), count, page, sectors of the page.
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"q": "listed", "page_size": 25})

    assert response.json()["count"] == 25
