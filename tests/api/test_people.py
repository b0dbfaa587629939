"""People: listing, contact details, and who may create, change and delete them."""

import pytest

from tests.factories.directory import AffiliationFactory, OrganisationFactory, PersonFactory, region
from tradebridge.directory.enums import Visibility
from tradebridge.directory.models import Person

URL = "/api/v1/people/"


@pytest.fixture
def colleague(company):
    """A public person working at the representative's company."""
    person = PersonFactory(
        name_en="Li Lei", name_zh="李雷", email="li@example.cn", phone="+8613800138000"
    )
    AffiliationFactory(person=person, organisation=company, role_en="Sales director")
    return person


@pytest.fixture
def stranger(db):
    """A public person at an unrelated company."""
    person = PersonFactory(name_en="Jane Roe", email="jane@example.com", phone="+12065550100")
    AffiliationFactory(person=person, organisation=OrganisationFactory(name_en="Roe Inc"))
    return person


def test_search_people_by_pinyin_and_characters(api, colleague, stranger):
    for query in ["li lei", "lilei", "李雷"]:
        items = api.get(URL, {"q": query}).json()["items"]
        assert [item["name_en"] for item in items] == ["Li Lei"]


def test_filter_people_by_organisation_country_and_region(api, colleague, stranger, company):
    company.home_region = region("CN-SH")
    company.save()

    def listed(params):
        return [item["name_en"] for item in api.get(URL, params).json()["items"]]

    assert listed({"organisation": company.pk}) == ["Li Lei"]
    assert listed({"country": "CN"}) == ["Li Lei"]
    assert listed({"region": "CN-SH"}) == ["Li Lei"]
    assert listed({"region": "US"}) == []


def test_contact_hidden_from_anonymous_and_government_viewer(api_as, government_viewer, stranger):
    for user in (None, government_viewer):
        item = api_as(user).get(f"{URL}{stranger.pk}/").json()
        assert (item["email"], item["phone"]) == (None, None)
        assert item["name_en"] == "Jane Roe"


def test_contact_shown_to_agency_staff_for_public_people(api_as, staff_user, stranger):
    item = api_as(staff_user).get(f"{URL}{stranger.pk}/").json()

    assert (item["email"], item["phone"]) == ("jane@example.com", "+12065550100")


def test_representative_sees_contact_of_colleagues_only(
    api_as, representative, colleague, stranger
):
    items = {item["name_en"]: item for item in api_as(representative).get(URL).json()["items"]}

    assert items["Li Lei"]["email"] == "li@example.cn"
    assert items["Jane Roe"]["email"] is None


def test_affiliations_to_invisible_organisations_are_left_out(
    api_as, other_staff_user, private_of_agency
):
    person = PersonFactory(name_en="Double Agent")
    AffiliationFactory(person=person, organisation=private_of_agency)
    AffiliationFactory(person=person, organisation=OrganisationFactory(name_en="Open Co"))

    item = api_as(other_staff_user).get(f"{URL}{person.pk}/").json()

    assert [a["name_en"] for a in item["affiliations"]] == ["Open Co"]


def test_private_person_of_another_agency_is_404_everywhere(api_as, staff_user, other_staff_user):
    private = PersonFactory(name_en="Hidden", owner=staff_user.organisation, visibility="private")
    client = api_as(other_staff_user)
    path = f"{URL}{private.pk}/"

    assert [item["name_en"] for item in client.get(URL).json()["items"]] == []
    assert client.get(path).status_code == 404
    assert client.patch(path, {"name_en": "Found"}).status_code == 404
    assert client.delete(path).status_code == 404
    assert api_as(staff_user).get(path).status_code == 200


def test_agency_staff_create_person_owned_by_their_agency(api_as, staff_user, company):
    response = api_as(staff_user).post(
        URL,
        {
            "name_en": "Wang Fang",
            "name_zh": "王芳",
            "email": "wang@example.cn",
            "phone": "+86 21 5555 0100",
            "languages": ["zh", "en"],
            "timezone": "Asia/Shanghai",
            "data_protection_region": "CN",
            "visibility": "private",
            "organisation": company.pk,
            "role_en": "Buyer",
            "role_zh": "采购",
        },
    )

    assert response.status_code == 201, response.content
    body = response.json()
    person = Person.objects.get(pk=body["id"])
    assert person.owner_id == staff_user.organisation_id
    assert person.visibility == Visibility.PRIVATE
    assert body["phone"] == "+862155550100"
    assert body["languages"] == ["zh", "en"]
    assert body["data_protection_region"] == "CN"
    assert [(a["organisation"], a["role_zh"]) for a in body["affiliations"]] == [
        (company.pk, "采购")
    ]


def test_representative_adds_people_to_own_company_only(
    api_as, representative, company, other_agency
):
    client = api_as(representative)

    own = client.post(URL, {"name_en": "New Hire", "organisation": company.pk})
    elsewhere = client.post(URL, {"name_en": "Intruder", "organisation": other_agency.pk})
    nowhere = client.post(URL, {"name_en": "Floating"})

    assert own.status_code == 201
    assert own.json()["affiliations"][0]["organisation"] == company.pk
    for refused in (elsewhere, nowhere):
        assert refused.status_code == 422
        assert [e["field"] for e in refused.json()["detail"]] == ["organisation"]


def test_representative_edits_colleague_not_stranger(api_as, representative, colleague, stranger):
    client = api_as(representative)

    edited = client.patch(f"{URL}{colleague.pk}/", {"title_en": "Head of sales"})
    refused = client.patch(f"{URL}{stranger.pk}/", {"title_en": "Nobody"})

    assert edited.status_code == 200
    assert edited.json()["title_en"] == "Head of sales"
    assert refused.status_code == 403
    stranger.refresh_from_db()
    assert stranger.title_en == ""


@pytest.fixture
def managed(agency):
    """A public person whose record Agency A keeps."""
    return PersonFactory(name_en="Managed Person", email="m@example.org", owner=agency)


def test_staff_cannot_change_public_records_kept_by_nobody(api_as, staff_user, stranger):
    assert api_as(staff_user).patch(f"{URL}{stranger.pk}/", {"name_en": "X"}).status_code == 403


def test_patch_sets_affiliation_role(api_as, staff_user, managed, company):
    response = api_as(staff_user).patch(
        f"{URL}{managed.pk}/", {"organisation": company.pk, "role_en": "Adviser"}
    )

    assert response.status_code == 200
    roles = {a["organisation"]: a["role_en"] for a in response.json()["affiliations"]}
    assert roles[company.pk] == "Adviser"


def test_role_without_organisation_is_refused(api_as, staff_user, managed):
    response = api_as(staff_user).patch(f"{URL}{managed.pk}/", {"role_en": "Adviser"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "organisation"


def test_put_replaces_own_fields(api_as, admin_user, stranger):
    response = api_as(admin_user).put(f"{URL}{stranger.pk}/", {"name_zh": "简"})

    assert response.status_code == 200
    stranger.refresh_from_db()
    assert (stranger.name_en, stranger.name_zh, stranger.email) == ("", "简", "")


def test_delete_by_owning_agency_not_by_representative(api_as, staff_user, representative, company):
    person = PersonFactory(name_en="Leaving", owner=staff_user.organisation)
    AffiliationFactory(person=person, organisation=company)

    assert api_as(representative).delete(f"{URL}{person.pk}/").status_code == 403
    assert api_as(staff_user).delete(f"{URL}{person.pk}/").status_code == 204
    assert not Person.objects.filter(pk=person.pk).exists()


def test_government_viewer_and_anonymous_cannot_write(api_as, government_viewer, stranger):
    viewer, anonymous = api_as(government_viewer), api_as(None)
    path = f"{URL}{stranger.pk}/"

    assert viewer.post(URL, {"name_en": "X"}).status_code == 403
    assert viewer.patch(path, {"name_en": "X"}).status_code == 403
    assert viewer.put(path, {"name_en": "X"}).status_code == 403
    assert viewer.delete(path).status_code == 403
    assert anonymous.post(URL, {"name_en": "X"}).status_code == 401
    assert anonymous.patch(path, {"name_en": "X"}).status_code == 401
    assert anonymous.delete(path).status_code == 401
    stranger.refresh_from_db()
    assert stranger.name_en == "Jane Roe"


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({"name_en": "", "name_zh": ""}, ["name_en"]),
        ({"name_en": "A", "phone": "12345"}, ["phone"]),
        ({"name_en": "A", "phone": "+1 000 000 0000"}, ["phone"]),
        ({"name_en": "A", "timezone": "Mars/Olympus_Mons"}, ["timezone"]),
        ({"name_en": "A", "email": "not-an-email"}, ["email"]),
        ({"name_en": "A", "languages": ["en", "klingon"]}, ["languages"]),
        ({"name_en": "A", "languages": "en"}, ["languages"]),
        ({"name_en": "A", "data_protection_region": "ZZ-TOP"}, ["data_protection_region"]),
        ({"name_en": "A", "organisation": 99999999}, ["organisation"]),
        ({"name_en": "A", "organisation": "first"}, ["organisation"]),
        ({"name_en": "A", "visibility": "secret"}, ["visibility"]),
        ({"name_en": 42}, ["name_en"]),
        ({"name_en": "A" * 201}, ["name_en"]),
        ({"name_en": "A\x00"}, ["name_en"]),
        ({"name_en": "A", "nickname": "B"}, ["nickname"]),
    ],
)
def test_bad_person_input_names_the_field(api_as, staff_user, payload, fields):
    response = api_as(staff_user).post(URL, payload)

    assert response.status_code == 422, response.content
    assert [error["field"] for error in response.json()["detail"]] == fields
    assert all(error["message"] for error in response.json()["detail"])
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [{"name_en": None}, {"name_en": "", "name_zh": ""}, {"phone": "call me"}, {"email": "@"}],
)
def test_bad_person_patch_names_the_field_and_changes_nothing(api_as, staff_user, managed, payload):
    response = api_as(staff_user).patch(f"{URL}{managed.pk}/", payload)

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] in payload
    managed.refresh_from_db()
    assert (managed.name_en, managed.email) == ("Managed Person", "m@example.org")


@pytest.mark.parametrize("role", ["anonymous", "staff_user", "representative", "admin_user"])
def test_list_query_count_does_not_grow_with_the_page(
    request, api_as, django_assert_max_num_queries, company, role
):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    client = api_as(user)
    for number in range(25):
        person = PersonFactory(name_en=f"Listed {number}", data_protection_region=region("US"))
        AffiliationFactory(person=person, organisation=company)
        AffiliationFactory(person=person, organisation=OrganisationFactory())

    # Session and user (2), count, page, affiliations with their organisations.
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"q": "listed", "page_size": 25})

    assert response.json()["count"] == 25
