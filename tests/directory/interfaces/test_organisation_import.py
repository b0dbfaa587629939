import pytest
from django.core.exceptions import PermissionDenied

from tests.factories.directory import OrganisationFactory, region
from tradebridge.directory.enums import OrganisationKind, Visibility
from tradebridge.directory.interfaces import organisation_import
from tradebridge.directory.interfaces.tabular_import import RowError, import_records
from tradebridge.directory.models import Organisation

HEADER = ["kind", "name_en", "name_zh", "home_region", "parent", "sectors", "is_sme"]
GOOD_ROW = [
    "company",
    "Cascade Apples",
    "喀斯喀特苹果",
    "US-WA",
    "",
    "fruit-vegetables-nuts",
    "yes",
]
OTHER_GOOD_ROW = ["chamber", "Hunan Exporters", "湖南出口商会", "湖南省", "", "", "no"]


def imported_names() -> set[str]:
    return set(Organisation.objects.values_list("name_en", flat=True))


def test_a_valid_file_creates_organisations_owned_by_the_agency(staff_user, agency, csv_upload):
    upload = csv_upload(
        [
            HEADER,
            ["company", "Cascade Apples", "", "Washington", "Orchard Group", "ict; dairy", "是"],
            ["company", "Orchard Group", "果园集团", "US-WA", "", "Fruit, vegetables and nuts", ""],
            OTHER_GOOD_ROW,
        ]
    )

    report = import_records(staff_user, upload, "organisations", dry_run=False)

    assert report.errors == []
    assert (report.total_rows, report.created, report.updated, report.applied) == (3, 3, 0, True)
    apples = Organisation.objects.get(name_en="Cascade Apples")
    assert apples.owner == agency
    assert apples.home_region == region("US-WA")
    assert apples.parent == Organisation.objects.get(name_zh="果园集团")
    assert apples.is_sme is True
    assert sorted(apples.sectors.values_list("code", flat=True)) == ["dairy", "ict"]
    orchard = Organisation.objects.get(name_en="Orchard Group")
    assert list(orchard.sectors.values_list("code", flat=True)) == ["fruit-vegetables-nuts"]
    assert orchard.is_sme is False
    assert Organisation.objects.get(name_en="Hunan Exporters").home_region == region("CN-HN")


def test_a_dry_run_writes_nothing_but_says_what_it_would_do(staff_user, csv_upload):
    before = imported_names()

    report = import_records(
        staff_user, csv_upload([HEADER, GOOD_ROW, OTHER_GOOD_ROW]), "organisations", dry_run=True
    )

    assert (report.errors, report.created, report.applied) == ([], 2, False)
    assert imported_names() == before


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("kind", "spaceship", "Unknown value spaceship."),
        ("home_region", "Atlantis", "Unknown region Atlantis."),
        ("home_region", "Georgia", "Georgia could be GE, US-GA: give the code."),
        ("sectors", "dairy; rocketry", "Unknown sector: rocketry."),
        ("parent", "Nobody Corp", "Unknown organisation Nobody Corp."),
        ("is_sme", "maybe", "Write yes or no, not maybe."),
        ("visibility", "secret", "Unknown value secret."),
        ("website", "not a web address", "Enter a valid URL."),
        ("name_en", "x" * 301, "Ensure this value has at most 300 characters (it has 301)."),
    ],
)
def test_each_bad_cell_is_reported_with_its_row_and_column(
    staff_user, csv_upload, column, value, message
):
    header = [*HEADER, "visibility", "website"]
    bad = dict(zip(header, [*GOOD_ROW, "public", ""], strict=True))
    bad.update({"name_en": "Bad Row Ltd", "name_zh": "", column: value})
    rows = [header, [*OTHER_GOOD_ROW, "", ""], ["", "", ""], [bad[c] for c in header]]

    report = import_records(staff_user, csv_upload(rows), "organisations", dry_run=True)

    # The blank row 3 still counts, as it does in a spreadsheet: the bad row is row 4.
    assert report.errors == [RowError(4, column, message)]
    assert report.total_rows == 2


def test_a_row_with_several_bad_cells_lists_them_all(staff_user, csv_upload):
    header = [*HEADER, "website"]
    rows = [header, ["company", "Bad Co", "", "Atlantis", "", "", "maybe", "not a web address"]]

    report = import_records(staff_user, csv_upload(rows), "organisations", dry_run=True)

    assert report.errors == [
        RowError(2, "home_region", "Unknown region Atlantis."),
        RowError(2, "website", "Enter a valid URL."),
        RowError(2, "is_sme", "Write yes or no, not maybe."),
    ]


def test_a_row_without_names_or_kind_is_reported(staff_user, csv_upload):
    rows = [HEADER, ["company", "", "", "US-CA", "", "", ""], ["", "New Co", "", "", "", "", ""]]

    report = import_records(staff_user, csv_upload(rows), "organisations", dry_run=True)

    assert report.errors == [
        RowError(2, "name_en", "Give an English or a Chinese name."),
        RowError(3, "kind", "Give the kind of organisation, e.g. company or agency."),
    ]


def test_duplicate_rows_inside_the_file_are_reported_on_the_later_row(staff_user, csv_upload):
    duplicate = ["company", "CASCADE APPLES", "", "", "", "", ""]
    rows = [HEADER, GOOD_ROW, OTHER_GOOD_ROW, duplicate]

    report = import_records(staff_user, csv_upload(rows), "organisations", dry_run=True)

    assert report.errors == [RowError(4, "name_en", "Same name as row 2.")]


def test_an_unknown_column_stops_the_import_even_for_valid_rows_only(staff_user, csv_upload):
    before = imported_names()
    upload = csv_upload([[*HEADER, "turnover"], [*GOOD_ROW, "1m"]])

    report = import_records(staff_user, upload, "organisations", dry_run=False, valid_only=True)

    assert [(e.row, e.field) for e in report.errors] == [(1, "turnover")]
    assert report.applied is False
    assert imported_names() == before


def test_a_file_without_name_columns_is_refused(staff_user, csv_upload):
    report = import_records(
        staff_user, csv_upload([["kind"], ["company"]]), "organisations", dry_run=True
    )

    assert report.errors == [
        RowError(1, "name_en", "The file needs a name_en or a name_zh column.")
    ]


def test_with_errors_a_real_import_imports_nothing(staff_user, csv_upload):
    before = imported_names()
    rows = [HEADER, GOOD_ROW, ["company", "Broken Co", "", "Atlantis", "", "", ""], OTHER_GOOD_ROW]

    report = import_records(staff_user, csv_upload(rows), "organisations", dry_run=False)

    assert [error.row for error in report.errors] == [3]
    assert (report.created, report.applied) == (2, False)
    assert imported_names() == before


def test_valid_only_imports_the_good_rows_only(staff_user, csv_upload):
    rows = [HEADER, GOOD_ROW, ["company", "Broken Co", "", "Atlantis", "", "", ""], OTHER_GOOD_ROW]

    report = import_records(
        staff_user, csv_upload(rows), "organisations", dry_run=False, valid_only=True
    )

    assert [error.row for error in report.errors] == [3]
    assert (report.created, report.applied) == (2, True)
    assert {"Cascade Apples", "Hunan Exporters"} <= imported_names()
    assert "Broken Co" not in imported_names()


def test_a_child_of_a_bad_row_is_not_imported_either(staff_user, csv_upload):
    rows = [
        HEADER,
        ["company", "Child Co", "", "", "Parent Co", "", ""],
        ["company", "Parent Co", "", "Atlantis", "", "", ""],
    ]

    report = import_records(
        staff_user, csv_upload(rows), "organisations", dry_run=False, valid_only=True
    )

    assert report.errors == [
        RowError(2, "parent", "The parent organisation in row 3 could not be imported."),
        RowError(3, "home_region", "Unknown region Atlantis."),
    ]
    assert report.created == 0


def test_parents_that_form_a_loop_are_reported(staff_user, csv_upload):
    rows = [
        HEADER,
        ["company", "Alpha Co", "", "", "Beta Co", "", ""],
        ["company", "Beta Co", "", "", "Alpha Co", "", ""],
        ["company", "Gamma Co", "", "", "Gamma Co", "", ""],
    ]

    report = import_records(staff_user, csv_upload(rows), "organisations", dry_run=True)

    assert report.errors == [
        RowError(2, "parent", "The parent organisations form a loop."),
        RowError(3, "parent", "The parent organisations form a loop."),
        RowError(4, "parent", "An organisation cannot be its own parent."),
    ]


def test_a_failure_half_way_through_rolls_back_every_row(staff_user, csv_upload, monkeypatch):
    before = imported_names()
    calls = []
    real_create = organisation_import.create_organisation

    def create_then_fail(user, data, sectors=None):
        calls.append(data["name_en"])
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real_create(user, data, sectors)

    monkeypatch.setattr(organisation_import, "create_organisation", create_then_fail)

    with pytest.raises(RuntimeError):
        import_records(
            staff_user,
            csv_upload([HEADER, GOOD_ROW, OTHER_GOOD_ROW]),
            "organisations",
            dry_run=False,
        )

    assert calls == ["Cascade Apples", "Hunan Exporters"]
    assert imported_names() == before


def test_a_row_naming_an_organisation_the_agency_keeps_updates_it(
    staff_user, agency, other_agency, csv_upload
):
    kept = OrganisationFactory(name_en="Cascade Apples", name_zh="", owner=agency, is_sme=False)

    report = import_records(
        staff_user, csv_upload([HEADER, GOOD_ROW]), "organisations", dry_run=False
    )

    assert (report.errors, report.created, report.updated) == ([], 0, 1)
    kept.refresh_from_db()
    assert (kept.name_zh, kept.is_sme, kept.owner) == ("喀斯喀特苹果", True, agency)


def test_an_existing_organisation_cannot_become_its_own_parent(staff_user, agency, csv_upload):
    OrganisationFactory(name_en="Cascade Apples", name_zh="喀斯喀特", owner=agency)
    rows = [HEADER, ["company", "Cascade Apples", "", "", "喀斯喀特", "", ""]]

    report = import_records(staff_user, csv_upload(rows), "organisations", dry_run=True)

    assert report.errors == [RowError(2, "parent", "An organisation cannot be its own parent.")]


def test_a_parent_named_twice_in_the_file_is_the_first_one(staff_user, csv_upload):
    rows = [
        HEADER,
        ["company", "Parent Co", "", "", "", "", ""],
        ["company", "Child Co", "", "", "Parent Co", "", ""],
        ["company", "Parent Co", "", "", "", "", ""],
    ]

    report = import_records(
        staff_user, csv_upload(rows), "organisations", dry_run=False, valid_only=True
    )

    assert report.errors == [RowError(4, "name_en", "Same name as row 2.")]
    assert Organisation.objects.get(name_en="Child Co").parent.name_en == "Parent Co"


def test_a_row_naming_someone_elses_organisation_is_an_error(staff_user, other_agency, csv_upload):
    OrganisationFactory(name_en="Cascade Apples", owner=other_agency)

    report = import_records(
        staff_user, csv_upload([HEADER, GOOD_ROW]), "organisations", dry_run=True
    )

    assert report.errors == [
        RowError(2, "name_en", "Cascade Apples already exists and you may not change it.")
    ]


def test_a_child_links_to_an_existing_parent_whose_own_row_fails(
    staff_user, other_agency, csv_upload
):
    microsoft = OrganisationFactory(name_en="Microsoft", name_zh="微软", owner=other_agency)
    rows = [
        HEADER,
        ["company", "Microsoft", "微软", "US-WA", "", "", "no"],
        ["company", "Microsoft China Lab", "", "CN-BJ", "微软", "", "no"],
    ]

    report = import_records(
        staff_user, csv_upload(rows), "organisations", dry_run=False, valid_only=True
    )

    assert report.errors == [
        RowError(2, "name_en", "Microsoft already exists and you may not change it.")
    ]
    assert Organisation.objects.get(name_en="Microsoft China Lab").parent == microsoft


def test_another_agencys_private_organisation_stays_invisible(staff_user, other_agency, csv_upload):
    OrganisationFactory(name_en="Secret Lead", owner=other_agency, visibility=Visibility.PRIVATE)
    rows = [HEADER, ["company", "Child Co", "", "", "Secret Lead", "", ""]]

    report = import_records(staff_user, csv_upload(rows), "organisations", dry_run=True)

    assert report.errors == [RowError(2, "parent", "Unknown organisation Secret Lead.")]


def test_chinese_headers_and_values_are_understood(staff_user, csv_upload):
    rows = [
        ["类型", "名称", "英文名称", "所在地区", "行业", "中小企业", "可见性"],
        ["公司", "成都云计算", "Chengdu Cloud", "四川省", "云计算和大数据", "是", "私有"],
    ]

    report = import_records(staff_user, csv_upload(rows), "organisations", dry_run=False)

    assert report.errors == []
    created = Organisation.objects.get(name_zh="成都云计算")
    assert (created.kind, created.name_en, created.home_region.code) == (
        OrganisationKind.COMPANY,
        "Chengdu Cloud",
        "CN-SC",
    )
    assert (created.is_sme, created.visibility) == (True, Visibility.PRIVATE)
    assert list(created.sectors.values_list("code", flat=True)) == ["cloud-computing"]


@pytest.mark.parametrize("user_fixture", ["representative", "government_viewer"])
def test_only_agency_staff_and_admins_may_import(request, csv_upload, user_fixture):
    user = request.getfixturevalue(user_fixture)

    with pytest.raises(PermissionDenied):
        import_records(user, csv_upload([HEADER, GOOD_ROW]), "organisations", dry_run=True)


def test_a_platform_admin_may_import(admin_user, csv_upload):
    report = import_records(
        admin_user, csv_upload([HEADER, GOOD_ROW]), "organisations", dry_run=False
    )

    assert (report.errors, report.created) == ([], 1)
    assert Organisation.objects.get(name_en="Cascade Apples").owner is None
