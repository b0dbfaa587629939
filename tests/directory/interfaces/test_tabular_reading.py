"""File formats: encodings, .xlsx, and uploads that are not spreadsheets at all."""

import pytest

from tradebridge.directory.interfaces.tabular_import import RowError, import_records
from tradebridge.directory.interfaces.tabular_reading import MAX_DATA_ROWS, read_sheet
from tradebridge.directory.models import Organisation, Person

HEADER = ["kind", "name_en", "name_zh", "home_region"]
ROWS = [["company", "Sichuan Tea", "四川茶业", "四川省"], ["agency", "", "广东贸促会", "CN-GD"]]


def organisation_names():
    return set(Organisation.objects.values_list("name_zh", flat=True))


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8", "utf-8-sig"])
def test_csv_in_gb18030_or_utf8_with_or_without_bom_is_read(staff_user, csv_upload, encoding):
    upload = csv_upload([HEADER, *ROWS], encoding=encoding)

    report = import_records(staff_user, upload, "organisations", dry_run=False)

    assert (report.errors, report.created) == ([], 2)
    assert {"四川茶业", "广东贸促会"} <= organisation_names()


def test_excel_unicode_text_is_read(staff_user, raw_upload):
    content = "kind\tname_en\tname_zh\r\ncompany\tTab Co\t制表公司\r\n".encode("utf-16")

    report = import_records(
        staff_user, raw_upload(content, "t.txt"), "organisations", dry_run=False
    )

    assert (report.errors, report.created) == ([], 1)
    assert "制表公司" in organisation_names()


def test_an_upload_that_was_read_before_is_read_from_the_start(staff_user, csv_upload):
    upload = csv_upload([HEADER, *ROWS])
    upload.read()

    report = import_records(staff_user, upload, "organisations", dry_run=True)

    assert (report.errors, report.created) == ([], 2)


def test_semicolon_separated_csv_is_read(staff_user, raw_upload):
    content = "kind;name_en;name_zh\ncompany;Semi Co;分号公司\n".encode()

    report = import_records(staff_user, raw_upload(content), "organisations", dry_run=False)

    assert (report.errors, report.created) == ([], 1)


def test_xlsx_is_read_from_its_first_sheet(staff_user, agency, xlsx_upload):
    upload = xlsx_upload(
        [
            ["name_en", "name_zh", "phone", "organisation"],
            ["Ada Chen", "陈艾达", "+86 138 0013 8000", "Agency A"],
            [None, None, None, None],
            ["Bo Li", None, "+1 206 555 0100", agency.pk],
        ]
    )

    report = import_records(staff_user, upload, "people", dry_run=False)

    assert (report.errors, report.created) == ([], 2)
    assert Person.objects.get(name_en="Ada Chen").phone == "+8613800138000"
    assert Person.objects.get(name_en="Bo Li").organisations.get() == agency


def test_a_phone_number_stored_as_a_number_is_reported_not_guessed(staff_user, xlsx_upload):
    # Excel turns +8613800138000 into the number 8613800138000; which country it belongs to
    # cannot be known for sure, so the row is reported rather than a "+" guessed.
    upload = xlsx_upload([["name_en", "phone"], ["Ada Chen", 8613800138000]])

    report = import_records(staff_user, upload, "people", dry_run=True)

    assert [(error.row, error.field) for error in report.errors] == [(2, "phone")]


def test_xlsx_rows_are_numbered_as_the_sheet_shows_them(staff_user, xlsx_upload):
    upload = xlsx_upload(
        [
            ["kind", "name_en", "is_sme"],
            ["company", "A Co", True],
            [],
            ["company", "B Co", "perhaps"],
        ]
    )

    report = import_records(staff_user, upload, "organisations", dry_run=True)

    assert report.errors == [RowError(4, "is_sme", "Write yes or no, not perhaps.")]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo.png", "The file is neither CSV nor .xlsx."),
        (b"PK\x03\x04 not really a zip", "book.xlsx", "The file is not a readable .xlsx workbook."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "book.xls", "This is an old Excel (.xls) file"),
        (b"", "empty.csv", "The file is empty."),
        (b"\n\n  \n", "blank.csv", "The file is empty."),
        (b"kind,name_en\n", "header.csv", "The file has a header but no rows to import."),
        (b",\ncompany,A Co\n", "headless.csv", "The first row must name the columns."),
        (b"\x81\x30\x81", "broken.csv", "neither UTF-8 nor GB18030"),
    ],
)
def test_files_that_are_no_usable_spreadsheet_are_refused(
    staff_user, raw_upload, content, name, message
):
    before = organisation_names()

    report = import_records(staff_user, raw_upload(content, name), "organisations", dry_run=False)

    assert [(error.row, error.field) for error in report.errors] == [(0, "")]
    assert message in report.errors[0].message
    assert report.applied is False
    assert organisation_names() == before


def test_more_than_ten_thousand_rows_are_refused_before_any_is_checked(staff_user, raw_upload):
    lines = ["kind,name_en"] + [f"company,Company {n}" for n in range(MAX_DATA_ROWS + 1)]

    report = import_records(
        staff_user, raw_upload("\n".join(lines).encode()), "organisations", dry_run=True
    )

    assert report.errors == [
        RowError(0, "", "The file has more than 10,000 rows; split it into smaller files.")
    ]
    assert report.created == 0


def test_exactly_ten_thousand_rows_pass_the_reader(raw_upload):
    lines = ["kind,name_en"] + [f"company,Company {n}" for n in range(MAX_DATA_ROWS)]

    sheet = read_sheet(raw_upload("\n".join(lines).encode()))

    assert len(sheet.rows) == MAX_DATA_ROWS
    assert sheet.rows[-1] == (MAX_DATA_ROWS + 1, ["company", f"Company {MAX_DATA_ROWS - 1}"])
