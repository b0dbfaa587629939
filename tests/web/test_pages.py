import pytest
from django.urls import reverse

from tests.factories.accounts import PASSWORD
from tests.factories.directory import AffiliationFactory, OrganisationFactory
from tradebridge.directory.models import Organisation, Region


@pytest.fixture
def xiaomi(db):
    return OrganisationFactory(
        name_en="Xiaomi",
        name_zh="小米",
        description_zh="智能手机",
        home_region=Region.objects.get(code="CN-BJ"),
    )


def test_home_in_english_and_chinese(client, xiaomi):
    assert "Trade and investment cooperation" in client.get("/").content.decode()
    client.cookies["django_language"] = "zh-hans"
    page = client.get("/").content.decode()
    assert "区域间贸易与投资合作" in page
    assert 'lang="zh-Hans"' in page


def test_language_switch_is_a_csrf_protected_post(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    assert response.status_code == 403


def test_search_page_finds_across_scripts(client, xiaomi):
    for query in ("小米", "xiao mi", "Xiaomi"):
        page = client.get(reverse("web:search"), {"q": query}).content.decode()
        assert reverse("web:organisation-detail", args=[xiaomi.pk]) in page, query


def test_search_htmx_returns_the_partial(client, xiaomi):
    response = client.get(reverse("web:search"), {"q": "小米"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()
    assert "Xiaomi" in response.content.decode()


def test_organisation_list_filters(client, xiaomi):
    california = OrganisationFactory(
        name_en="Port of Oakland", home_region=Region.objects.get(code="US-CA")
    )
    page = client.get(reverse("web:organisation-list"), {"country": "US"}).content.decode()
    assert "Port of Oakland" in page and "Xiaomi" not in page
    assert california.pk


def test_list_views_do_not_grow_queries_with_rows(client, db, django_assert_max_num_queries):
    for _ in range(30):
        AffiliationFactory()
    with django_assert_max_num_queries(12):
        client.get(reverse("web:organisation-list"))
    with django_assert_max_num_queries(12):
        client.get(reverse("web:person-list"))


def test_detail_shows_both_names(client, xiaomi):
    page = client.get(reverse("web:organisation-detail", args=[xiaomi.pk])).content.decode()
    assert "Xiaomi" in page and "小米" in page and "智能手机" in page


def test_create_organisation_through_the_form(client, staff_user, agency):
    client.force_login(staff_user)
    response = client.post(
        reverse("web:organisation-create"),
        {"kind": "company", "name_en": "Fresno Almonds", "visibility": "public"},
    )
    organisation = Organisation.objects.get(name_en="Fresno Almonds")
    assert response.status_code == 302
    assert organisation.owner == agency


def test_form_errors_are_shown_not_raised(client, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("web:organisation-create"), {"kind": "nonsense", "website": "x"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Give a name in English or Chinese" in page
    assert "Select a valid choice" in page


def test_inline_validation_saves_nothing_and_shows_touched_errors(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("web:organisation-create"),
        {"website": "not a url", "kind": ""},
        HTTP_X_VALIDATE_ONLY="1",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TRIGGER_NAME="website",
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert "Enter a valid URL" in page
    assert "This field is required" not in page
    assert not Organisation.objects.filter(website="not a url").exists()


def test_person_form_rejects_bad_phone(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("web:person-create"), {"name_en": "Someone", "phone": "555", "visibility": "public"}
    )
    assert response.status_code == 200
    assert "international form" in response.content.decode()


def test_contact_details_only_for_permitted(client, staff_user, other_staff_user, company, agency):
    person = AffiliationFactory(
        organisation=company, person__owner=agency, person__email="pan@example.org"
    ).person
    url = reverse("web:person-detail", args=[person.pk])
    assert "pan@example.org" not in client.get(url).content.decode()
    client.force_login(staff_user)
    assert "pan@example.org" in client.get(url).content.decode()


def test_login_is_rate_limited(client, staff_user, settings):
    settings.TRADEBRIDGE_LOGIN_ATTEMPTS = 2
    url = reverse("accounts:login")
    for _ in range(2):
        assert (
            client.post(url, {"username": staff_user.username, "password": "wrong"}).status_code
            == 200
        )
    locked = client.post(url, {"username": staff_user.username, "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_sets_the_users_language(client, staff_user):
    staff_user.language = "zh-hans"
    staff_user.save()
    response = client.post(
        reverse("accounts:login"), {"username": staff_user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "zh-hans"


def test_password_reset_sends_mail(client, staff_user, mailoutbox):
    client.post(reverse("accounts:password-reset"), {"email": staff_user.email})
    assert len(mailoutbox) == 1
    assert "/accounts/password-reset/" in mailoutbox[0].body


def test_invitation_flow_through_pages(
    client, staff_user, company, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("web:organisation-invite", args=[company.pk]),
            {"email": "rep@example.org", "language": "en"},
        )
    link = next(line for line in mailoutbox[0].body.splitlines() if "/invitations/" in line)
    client.logout()
    path = link[link.index("/accounts/") :]
    response = client.post(
        path,
        {"username": "new-rep", "password": "a sturdy passphrase 42",
         "password_again": "a sturdy passphrase 42", "full_name": "New Rep"},
    )  # fmt: skip
    assert response.status_code == 302
    assert client.get(path).status_code == 404


def test_api_token_page_shows_key_once(client, staff_user):
    client.force_login(staff_user)
    page = client.post(reverse("accounts:api-tokens"), {"name": "CRM"}).content.decode()
    assert "Copy it now" in page
    assert "Copy it now" not in client.get(reverse("accounts:api-tokens")).content.decode()


def test_preferences_change_language_and_zone(client, staff_user):
    client.force_login(staff_user)
    client.post(reverse("accounts:profile"), {"language": "zh-hans", "timezone": "Asia/Shanghai"})
    staff_user.refresh_from_db()
    assert (staff_user.language, staff_user.timezone) == ("zh-hans", "Asia/Shanghai")
    bad = client.post(reverse("accounts:profile"), {"language": "xx", "timezone": "Nowhere"})
    assert bad.status_code == 200
    assert set(bad.context["form"].errors) == {"language", "timezone"}


def test_unknown_page_is_a_friendly_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404


def test_person_form_takes_languages_and_zone(client, staff_user, company):
    client.force_login(staff_user)
    response = client.post(
        reverse("web:person-create"),
        {"name_en": "Jennifer Zou", "languages": ["en", "zh"], "timezone": "Asia/Shanghai",
         "visibility": "public", "organisation": company.pk, "role_en": "Vice president"},
    )  # fmt: skip
    assert response.status_code == 302
    person = company.people.get(name_en="Jennifer Zou")
    assert (person.languages, person.timezone) == ("en,zh", "Asia/Shanghai")
    edit = client.get(reverse("web:person-edit", args=[person.pk])).content.decode()
    assert 'value="zh" id="id_languages_1" checked' in edit
    assert 'value="es" id="id_languages_2" checked' not in edit
