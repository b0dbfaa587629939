"""Creating, changing and deleting organisations, by role, and refusing bad input."""

import pytest

from tests.factories.directory import OrganisationFactory
from tradebridge.directory.enums import Visibility
from tradebridge.directory.models import Organisation

URL = "/api/v1/organisations/"


def fields_of(response) -> list[str]:
    return [error["field"] for error in response.json()["detail"]]


def test_agency_staff_create_record_owned_by_their_agency(api_as, staff_user, agency):
    response = api_as(staff_user).post(
        URL,
        {
            "kind": "company",
            "name_en": "Zhejiang Dairy",
            "name_zh": "浙江乳业",
            "home_region": "cn-zj",
            "sectors": ["dairy", "processed-food"],
            "website": "https://dairy.example.cn",
            "is_sme": True,
            "visibility": "private",
        },
    )

    assert response.status_code == 201, response.content
    body = response.json()
    organisation = Organisation.objects.get(pk=body["id"])
    assert organisation.owner == agency
    assert organisation.visibility == Visibility.PRIVATE
    assert (body["home_region"], sorted(body["sectors"])) == ("CN-ZJ", ["dairy", "processed-food"])
    assert body["is_sme"] is True


def test_created_record_is_found_by_pinyin(api_as, staff_user):
    client = api_as(staff_user)
    client.post(URL, {"kind": "company", "name_zh": "小米"})

    assert [item["name_zh"] for item in client.get(URL, {"q": "xiaomi"}).json()["items"]] == [
        "小米"
    ]


def test_patch_changes_only_the_fields_given(api_as, staff_user, agency, xiaomi):
    xiaomi.owner = agency
    xiaomi.save()

    response = api_as(staff_user).patch(f"{URL}{xiaomi.pk}/", {"description_en": "Phones"})

    assert response.status_code == 200
    xiaomi.refresh_from_db()
    assert (xiaomi.name_en, xiaomi.description_en) == ("Xiaomi", "Phones")
    assert list(xiaomi.sectors.values_list("code", flat=True)) == ["mobile-internet"]


def test_patch_null_clears_region_and_parent(api_as, admin_user, xiaomi):
    xiaomi.parent = OrganisationFactory()
    xiaomi.save()

    response = api_as(admin_user).patch(f"{URL}{xiaomi.pk}/", {"home_region": None, "parent": None})

    assert response.status_code == 200
    assert (response.json()["home_region"], response.json()["parent"]) == (None, None)


def test_put_replaces_fields_and_sectors_but_keeps_visibility(
    api_as, staff_user, private_of_agency
):
    private_of_agency.sectors.set([])
    private_of_agency.description_en = "Old"
    private_of_agency.save()

    response = api_as(staff_user).put(
        f"{URL}{private_of_agency.pk}/", {"kind": "chamber", "name_en": "Renamed"}
    )

    assert response.status_code == 200, response.content
    private_of_agency.refresh_from_db()
    assert (private_of_agency.kind, private_of_agency.name_en) == ("chamber", "Renamed")
    assert (private_of_agency.name_zh, private_of_agency.description_en) == ("", "")
    assert private_of_agency.visibility == Visibility.PRIVATE


def test_put_requires_kind(api_as, staff_user, private_of_agency):
    response = api_as(staff_user).put(f"{URL}{private_of_agency.pk}/", {"name_en": "X"})

    assert response.status_code == 422
    assert fields_of(response) == ["kind"]


def test_representative_edits_own_company_but_not_its_visibility(api_as, representative, company):
    response = api_as(representative).patch(
        f"{URL}{company.pk}/", {"description_zh": "我们做茶", "visibility": "private"}
    )

    assert response.status_code == 200
    company.refresh_from_db()
    assert (company.description_zh, company.visibility) == ("我们做茶", Visibility.PUBLIC)


def test_representative_cannot_edit_create_or_delete_others(
    api_as, representative, company, xiaomi
):
    client = api_as(representative)

    assert client.patch(f"{URL}{xiaomi.pk}/", {"name_en": "Mine"}).status_code == 403
    assert client.post(URL, {"kind": "company", "name_en": "New"}).status_code == 403
    assert client.delete(f"{URL}{company.pk}/").status_code == 403
    assert Organisation.objects.filter(pk=company.pk).exists()


def test_other_agencys_private_record_is_404_for_every_operation(
    api_as, other_staff_user, private_of_agency
):
    client = api_as(other_staff_user)
    path = f"{URL}{private_of_agency.pk}/"

    assert client.get(path).status_code == 404
    assert client.patch(path, {"name_en": "Found"}).status_code == 404
    assert client.put(path, {"kind": "company", "name_en": "Found"}).status_code == 404
    assert client.delete(path).status_code == 404
    private_of_agency.refresh_from_db()
    assert private_of_agency.name_en == "Quiet Partner"


def test_other_agencys_public_record_is_403_to_change(api_as, other_staff_user, company):
    client = api_as(other_staff_user)

    assert client.patch(f"{URL}{company.pk}/", {"name_en": "Taken"}).status_code == 403
    assert client.delete(f"{URL}{company.pk}/").status_code == 403


def test_other_agencys_private_record_cannot_be_named_as_parent(
    api_as, other_staff_user, private_of_agency
):
    response = api_as(other_staff_user).post(
        URL, {"kind": "company", "name_en": "Child", "parent": private_of_agency.pk}
    )

    assert response.status_code == 422
    assert fields_of(response) == ["parent"]


def test_government_viewer_is_read_only(api_as, government_viewer, company):
    client = api_as(government_viewer)
    path = f"{URL}{company.pk}/"

    assert client.get(path).status_code == 200
    assert client.post(URL, {"kind": "company", "name_en": "X"}).status_code == 403
    assert client.patch(path, {"name_en": "X"}).status_code == 403
    assert client.put(path, {"kind": "company", "name_en": "X"}).status_code == 403
    assert client.delete(path).status_code == 403
    # Refused before the input is looked at: an editor-only error would tell them more.
    assert client.patch(path, {"home_region": "XX"}).status_code == 403


def test_anonymous_writes_answer_401(api, company):
    path = f"{URL}{company.pk}/"

    for response in (
        api.post(URL, {"kind": "company", "name_en": "X"}),
        api.patch(path, {"name_en": "X"}),
        api.put(path, {"kind": "company", "name_en": "X"}),
        api.delete(path),
    ):
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Bearer"
        assert response.json()["detail"]


def test_delete_by_owning_agency_and_admin(api_as, staff_user, admin_user, private_of_agency):
    other = OrganisationFactory()

    assert api_as(staff_user).delete(f"{URL}{private_of_agency.pk}/").status_code == 204
    assert api_as(admin_user).delete(f"{URL}{other.pk}/").status_code == 204
    assert not Organisation.objects.filter(pk__in=[private_of_agency.pk, other.pk]).exists()


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({"kind": "company"}, ["name_en"]),
        ({"kind": "company", "name_en": "   ", "name_zh": ""}, ["name_en"]),
        ({"name_en": "A"}, ["kind"]),
        ({"kind": "spaceship", "name_en": "A"}, ["kind"]),
        ({"kind": "company", "name_en": "A", "home_region": "XX-YY"}, ["home_region"]),
        ({"kind": "company", "name_en": "A", "sectors": ["dairy", "nonsense"]}, ["sectors"]),
        ({"kind": "company", "name_en": "A", "sectors": "dairy"}, ["sectors"]),
        ({"kind": "company", "name_en": "A", "parent": 987654321}, ["parent"]),
        ({"kind": "company", "name_en": "A", "parent": 2**70}, ["parent"]),
        ({"kind": "company", "name_en": "A", "parent": "mother"}, ["parent"]),
        ({"kind": "company", "name_en": "A", "is_sme": "sometimes"}, ["is_sme"]),
        ({"kind": "company", "name_en": "A", "website": "not a url"}, ["website"]),
        ({"kind": "company", "name_en": "A" * 301}, ["name_en"]),
        ({"kind": "company", "name_en": ["A"]}, ["name_en"]),
        ({"kind": "company", "name_en": "A\x00B"}, ["name_en"]),
        ({"kind": "company", "name_en": "A", "owner": 1}, ["owner"]),
        (
            {"kind": "company", "name_en": "A", "home_region": "XX", "sectors": ["zz"]},
            ["home_region", "sectors"],
        ),
    ],
)
def test_bad_input_answers_422_naming_each_field(api_as, staff_user, payload, fields):
    before = Organisation.objects.count()

    response = api_as(staff_user).post(URL, payload)

    assert response.status_code == 422, response.content
    assert fields_of(response) == fields
    assert all(isinstance(e["message"], str) and e["message"] for e in response.json()["detail"])
    assert Organisation.objects.count() == before


@pytest.mark.parametrize(
    "payload",
    [
        {"name_en": None},
        {"kind": None},
        {"name_en": "", "name_zh": ""},
        {"sectors": ["unknown"]},
        {"website": "ftp//x"},
        {"visibility": "everyone"},
    ],
)
def test_bad_patch_answers_422_and_changes_nothing(api_as, staff_user, private_of_agency, payload):
    response = api_as(staff_user).patch(f"{URL}{private_of_agency.pk}/", payload)

    assert response.status_code == 422
    assert fields_of(response)[0] in payload
    private_of_agency.refresh_from_db()
    assert private_of_agency.name_en == "Quiet Partner"


@pytest.mark.parametrize(
    "body",
    [b"{", b"not json", b'{"kind": "company",}', b"\xff\xfe", b"[1, 2]", b'"text"', b"null"],
)
def test_malformed_body_answers_4xx_json(api_as, staff_user, body):
    response = api_as(staff_user).send("POST", URL, raw=body)

    assert response.status_code in (400, 422)
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"][0]["message"]


def test_empty_body_is_missing_fields(api_as, staff_user):
    response = api_as(staff_user).send("POST", URL, raw=b"")

    assert response.status_code == 422
    assert response.json()["detail"][0]["message"]
