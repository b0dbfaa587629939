import pytest

from tests.factories.directory import AffiliationFactory, OrganisationFactory, PersonFactory
from tradebridge.directory.enums import Visibility
from tradebridge.directory.interfaces.tabular_import import RowError, import_records
from tradebridge.directory.models import Affiliation, Person

HEADER = [
    "name_en",
    "name_zh",
    "title_en",
    "email",
    "phone",
    "languages",
    "timezone",
    "data_protection_region",
    "organisation",
    "role_en",
]


def row(**values) -> list[str]:
    defaults = {"name_en": "Ada Chen", "organisation": "Agency A", "timezone": "Asia/Shanghai"}
    defaults.update(values)
    return [defaults.get(column, "") for column in HEADER]


def test_a_valid_file_creates_people_with_their_affiliation(staff_user, agency, csv_upload):
    upload = csv_upload(
        [
            HEADER,
            row(
                name_zh="陈艾达",
                email="ada@example.org",
                phone="+1 (206) 555-0100",
                languages="English; zh",
                data_protection_region="US-WA",
                role_en="Trade officer",
            ),
            row(name_en="", name_zh="王伟", organisation=str(agency.pk)),
        ]
    )

    report = import_records(staff_user, upload, "people", dry_run=False)

    assert (report.errors, report.created, report.applied) == ([], 2, True)
    ada = Person.objects.get(name_en="Ada Chen")
    assert (ada.phone, ada.languages, ada.owner) == ("+12065550100", "en,zh", agency)
    assert ada.data_protection_region.code == "US-WA"
    assert ada.affiliations.get().role_en == "Trade officer"
    assert Person.objects.get(name_zh="王伟").organisations.get() == agency


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"phone": "12345"}, "phone", "Enter the number in international form"),
        ({"phone": "+1 206 000 0000"}, "phone", "is not a valid phone number"),
        ({"timezone": "Mars/Olympus"}, "timezone", "is not an IANA time zone"),
        ({"email": "ada-at-example"}, "email", "Enter a valid email address."),
        ({"languages": "en, tlh"}, "languages", "Unknown language code: tlh."),
        ({"organisation": "Nowhere Inc"}, "organisation", "Unknown organisation Nowhere Inc."),
        ({"data_protection_region": "Narnia"}, "data_protection_region", "Unknown region"),
        ({"name_en": ""}, "name_en", "Give an English or a Chinese name."),
    ],
)
def test_each_bad_cell_is_reported_with_its_row_and_column(
    staff_user, agency, csv_upload, values, field, message
):
    rows = [HEADER, row(name_en="Good Person"), row(**values)]

    report = import_records(staff_user, csv_upload(rows), "people", dry_run=True)

    assert [(error.row, error.field) for error in report.errors] == [(3, field)]
    assert message in report.errors[0].message
    assert report.created == 1


def test_every_bad_cell_of_a_row_is_reported(staff_user, agency, csv_upload):
    rows = [HEADER, row(languages="xx", data_protection_region="Narnia", organisation="Nowhere")]

    report = import_records(staff_user, csv_upload(rows), "people", dry_run=True)

    assert [(error.row, error.field) for error in report.errors] == [
        (2, "languages"),
        (2, "data_protection_region"),
        (2, "organisation"),
    ]


def test_the_same_person_twice_in_one_file_is_reported(staff_user, agency, csv_upload):
    other = OrganisationFactory(name_en="Other Org")
    rows = [HEADER, row(), row(organisation=other.name_en), row(name_en="ADA CHEN")]

    report = import_records(staff_user, csv_upload(rows), "people", dry_run=True)

    assert report.errors == [RowError(4, "name_en", "Same person as row 2.")]


def test_a_person_the_agency_keeps_is_updated_in_place(staff_user, agency, csv_upload):
    person = PersonFactory(name_en="Ada Chen", title_en="Clerk", owner=agency)
    AffiliationFactory(person=person, organisation=agency, role_en="Clerk", role_zh="职员")

    report = import_records(
        staff_user,
        csv_upload([HEADER, row(title_en="Director", role_en="Director")]),
        "people",
        dry_run=False,
    )

    assert (report.errors, report.created, report.updated) == ([], 0, 1)
    person.refresh_from_db()
    assert person.title_en == "Director"
    affiliation = Affiliation.objects.get(person=person)
    # role_zh is not a column of this file, so it keeps its value.
    assert (affiliation.role_en, affiliation.role_zh) == ("Director", "职员")


def test_a_person_someone_else_keeps_cannot_be_overwritten(
    staff_user, agency, other_agency, csv_upload
):
    person = PersonFactory(name_en="Ada Chen", owner=other_agency)
    AffiliationFactory(person=person, organisation=agency)

    report = import_records(staff_user, csv_upload([HEADER, row()]), "people", dry_run=True)

    assert report.errors == [
        RowError(2, "name_en", "Ada Chen already exists and you may not change them.")
    ]


def test_another_agencys_private_organisation_is_unknown(staff_user, other_agency, csv_upload):
    OrganisationFactory(name_en="Hidden Co", owner=other_agency, visibility=Visibility.PRIVATE)

    report = import_records(
        staff_user, csv_upload([HEADER, row(organisation="Hidden Co")]), "people", dry_run=True
    )

    assert report.errors == [RowError(2, "organisation", "Unknown organisation Hidden Co.")]


def test_valid_only_imports_the_good_people_only(staff_user, agency, csv_upload):
    rows = [HEADER, row(), row(name_en="Bad Phone", phone="12"), row(name_en="Bo Li")]

    report = import_records(staff_user, csv_upload(rows), "people", dry_run=False, valid_only=True)

    assert [error.row for error in report.errors] == [3]
    assert set(Person.objects.values_list("name_en", flat=True)) == {"Ada Chen", "Bo Li"}
