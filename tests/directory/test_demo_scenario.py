from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tradebridge.accounts.enums import Role
from tradebridge.accounts.models import User
from tradebridge.directory.demo.directory_records import ORGANISATIONS, PEOPLE
from tradebridge.directory.demo.logins import DEMO_PASSWORD
from tradebridge.directory.demo_scenario import DEMO_STEPS, load_demo
from tradebridge.directory.domain.visibility import visible_organisations, visible_people
from tradebridge.directory.enums import RegionKind, Visibility
from tradebridge.directory.models import Affiliation, Organisation, Person, Region, Sector

CATALOGUE_STEPS = {"regions", "sectors"}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Eight demo logins per test with the production hasher cost seconds each time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db):
    """The demo records; the catalogues are in every test database already."""
    load_demo([step for step in DEMO_STEPS if step.name not in CATALOGUE_STEPS])


def counts() -> dict[str, int]:
    models = [Region, Sector, Organisation, Person, Affiliation, User]
    return {model.__name__: model.objects.count() for model in models}


def test_loading_twice_gives_the_same_records(db):
    first = dict(load_demo())
    after_first = counts()

    second = dict(load_demo())

    assert counts() == after_first
    assert first["organisations"] == len(ORGANISATIONS)
    assert first["people"] == len(PEOPLE)
    assert (second["places"], second["organisations"], second["people"], second["logins"]) == (
        0,
        0,
        0,
        0,
    )


def test_reloading_keeps_what_users_changed(demo):
    xiaomi = Organisation.objects.get(name_en="Xiaomi")
    xiaomi.description_en = "Edited during the demo"
    xiaomi.save()

    load_demo([step for step in DEMO_STEPS if step.name not in CATALOGUE_STEPS])

    xiaomi.refresh_from_db()
    assert xiaomi.description_en == "Edited during the demo"


@pytest.mark.parametrize(
    ("username", "role", "organisation", "language", "timezone"),
    [
        ("admin", Role.PLATFORM_ADMIN, None, "en", "UTC"),
        ("wa-commerce", Role.AGENCY_STAFF, "Washington State Department of Commerce", "en",
         "America/Los_Angeles"),
        ("tdb", Role.AGENCY_STAFF, "商务部外贸发展事务局", "zh-hans", "Asia/Shanghai"),
        ("bayarea", Role.AGENCY_STAFF, "湾区委员会中国办公室", "en", "Asia/Shanghai"),
        ("mebo", Role.COMPANY_REPRESENTATIVE, "MEBO Group", "zh-hans", "America/Los_Angeles"),
        ("sacramento-export", Role.COMPANY_REPRESENTATIVE,
         "Sacramento Minority Business Development Agency Export Center", "en",
         "America/Los_Angeles"),
        ("xiaomi", Role.COMPANY_REPRESENTATIVE, "小米", "zh-hans", "Asia/Shanghai"),
        ("gov-viewer", Role.GOVERNMENT_VIEWER, "GO-Biz", "en", "America/Los_Angeles"),
    ],
)  # fmt: skip
def test_every_role_has_a_demo_login(demo, username, role, organisation, language, timezone):
    user = User.objects.get(username=username)

    assert user.role == role
    assert user.check_password(DEMO_PASSWORD)
    assert (user.language, user.timezone) == (language, timezone)
    if organisation is None:
        assert user.organisation is None
    else:
        assert organisation in {
            user.organisation.name_en,
            user.organisation.name_zh,
            user.organisation.short_name,
        }


def test_the_admin_login_is_a_superuser_and_agency_logins_are_tenants(demo):
    admin = User.objects.get(username="admin")
    assert (admin.is_superuser, admin.is_staff, admin.is_platform_admin) == (True, True, True)
    assert (
        User.objects.get(username="bayarea").tenant_id
        == Organisation.objects.get(name_en="Bay Area Council China Office").pk
    )


def test_xiaomi_and_the_other_organisations_have_both_names_and_descriptions(demo):
    xiaomi = Organisation.objects.get(name_en="Xiaomi")
    assert xiaomi.name_zh == "小米"
    for spec in ORGANISATIONS:
        organisation = Organisation.objects.get(name_en=spec.name_en)
        assert organisation.name_zh, spec.name_en
        assert organisation.description_en and organisation.description_zh, spec.name_en


def test_units_hang_under_their_parents(demo):
    def parent_of(name):
        return Organisation.objects.get(name_en=name).parent.name_zh

    assert (
        parent_of("Trade Development Bureau of the Ministry of Commerce") == "中华人民共和国商务部"
    )
    assert parent_of("Bay Area Council China Office") == "湾区委员会"
    assert parent_of("Microsoft Greater China Region") == "微软"


def test_the_people_named_in_the_articles_are_there_with_their_roles(demo):
    sun = Person.objects.get(name_zh="孙成海")
    assert sun.affiliations.get().organisation.short_name.startswith("TDB")
    assert Person.objects.get(
        name_en="Max Oltersdorf"
    ).affiliations.get().organisation.short_name == ("GO-Biz")
    assert not Person.objects.filter(name_en__icontains="Oltersdorg").exists()
    zou = Person.objects.get(name_en="Jennifer Zou")
    assert zou.name_zh == ""  # no invented transliteration
    assert [a.organisation.name_en for a in zou.affiliations.all()] == [
        "Bay Area Council China Office",
        "Bay Area Council",
    ]


def test_the_catalogue_regions_are_complete(demo):
    provincial = Region.objects.filter(parent__code="CN")
    states = Region.objects.filter(parent__code="US")
    assert provincial.count() == 34
    assert states.count() == 51
    assert Region.objects.get(code="US-MD").name_zh == "马里兰州"
    assert Region.objects.get(code="CN-NX").name_zh == "宁夏回族自治区"
    assert Region.objects.get(code="CN-NM").name_en == "Inner Mongolia"


@pytest.mark.parametrize(
    ("name", "state", "kind", "timezone"),
    [
        ("Seattle", "US-WA", RegionKind.CITY, "America/Los_Angeles"),
        ("Redmond", "US-WA", RegionKind.CITY, "America/Los_Angeles"),
        ("Tacoma", "US-WA", RegionKind.CITY, "America/Los_Angeles"),
        ("Oakland", "US-CA", RegionKind.CITY, "America/Los_Angeles"),
        ("Fresno County", "US-CA", RegionKind.COUNTY, "America/Los_Angeles"),
        ("Port of Oakland", "US-CA", RegionKind.PORT, "America/Los_Angeles"),
        ("Des Moines", "US-IA", RegionKind.CITY, "America/Chicago"),
        ("Hohhot", "CN-NM", RegionKind.CITY, "Asia/Shanghai"),
    ],
)
def test_places_sit_beneath_their_state_with_their_own_time_zone(demo, name, state, kind, timezone):
    place = Region.objects.get(name_en=name)

    assert (place.parent.code, place.kind, place.timezone) == (state, kind, timezone)
    assert place.name_zh


def test_each_agency_sees_its_own_private_examples_and_no_one_elses(demo):
    bayarea = User.objects.get(username="bayarea")
    tdb = User.objects.get(username="tdb")
    xiaomi = User.objects.get(username="xiaomi")
    almonds = Organisation.objects.get(name_en="Central Valley Almond Cooperative (example)")
    hunan = Organisation.objects.get(name_en="Hunan Smart Equipment Co. (example)")

    assert almonds in visible_organisations(bayarea) and hunan not in visible_organisations(bayarea)
    assert hunan in visible_organisations(tdb) and almonds not in visible_organisations(tdb)
    assert not {almonds, hunan} & set(visible_organisations(xiaomi))
    assert visible_people(tdb).filter(name_zh="李明（示例）").exists()
    assert not visible_people(bayarea).filter(name_zh="李明（示例）").exists()


def test_private_records_and_only_they_are_marked_as_examples(demo):
    for model in (Organisation, Person):
        private = set(model.objects.filter(visibility=Visibility.PRIVATE))
        examples = set(model.objects.filter(name_en__endswith="(example)"))
        assert private == examples
        assert len(private) == 3


def test_the_command_refuses_production_without_force(db, settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="production"):
        call_command("load_demo", stdout=StringIO())

    assert not User.objects.filter(username="admin").exists()


def test_the_command_loads_in_production_with_force_and_prints_the_logins(db, settings):
    settings.PRODUCTION = True
    out = StringIO()

    call_command("load_demo", "--force", stdout=out)

    assert User.objects.filter(username="gov-viewer").exists()
    assert "gov-viewer" in out.getvalue()


def test_demo_logins_prints_every_login_with_the_password(demo):
    out = StringIO()

    call_command("demo_logins", "--url", "http://demo.example:8000/", stdout=out)

    text = out.getvalue()
    assert "http://demo.example:8000/" in text
    for username in ["admin", "wa-commerce", "tdb", "bayarea", "mebo", "sacramento-export"]:
        assert f"{username} " in text
    assert "xiaomi " in text and "gov-viewer " in text
    assert text.count(DEMO_PASSWORD) == 8
    assert "Government viewer" in text
