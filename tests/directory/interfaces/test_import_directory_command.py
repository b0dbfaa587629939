from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tradebridge.directory.models import Organisation

HEADER = ["kind", "name_en", "home_region"]


@pytest.fixture
def spreadsheet(tmp_path, csv_upload):
    def write(rows):
        path = tmp_path / "organisations.csv"
        path.write_bytes(csv_upload(rows).read())
        return str(path)

    return write


def run(*args) -> str:
    out = StringIO()
    call_command("import_directory", *args, stdout=out)
    return out.getvalue()


def test_a_clean_file_is_imported(staff_user, spreadsheet):
    path = spreadsheet([HEADER, ["company", "Command Co", "US-CA"]])

    output = run(path, "--kind", "organisations", "--as", staff_user.username)

    assert "1 rows: 1 to create, 0 to update, 0 with errors." in output
    assert "Imported." in output
    assert Organisation.objects.filter(name_en="Command Co").exists()


def test_errors_are_listed_and_exit_with_status_2(staff_user, spreadsheet):
    path = spreadsheet([HEADER, ["company", "Good Co", "US-CA"], ["company", "Bad Co", "Atlantis"]])

    with pytest.raises(CommandError) as raised:
        run(path, "--kind", "organisations", "--as", staff_user.username)

    assert raised.value.returncode == 2
    assert not Organisation.objects.filter(name_en="Good Co").exists()


def test_the_report_names_row_column_and_reason(staff_user, spreadsheet, capsys):
    path = spreadsheet([HEADER, ["company", "Bad Co", "Atlantis"]])

    with pytest.raises(CommandError):
        call_command(
            "import_directory", path, "--kind", "organisations", "--as", staff_user.username
        )

    assert "2\thome_region\tUnknown region Atlantis." in capsys.readouterr().out


def test_valid_only_imports_the_good_rows_and_succeeds(staff_user, spreadsheet):
    path = spreadsheet([HEADER, ["company", "Good Co", "US-CA"], ["company", "Bad Co", "Atlantis"]])

    output = run(path, "--kind", "organisations", "--as", staff_user.username, "--valid-only")

    assert "3\thome_region\tUnknown region Atlantis." in output
    assert Organisation.objects.filter(name_en="Good Co").exists()


def test_a_dry_run_writes_nothing(staff_user, spreadsheet):
    path = spreadsheet([HEADER, ["company", "Dry Co", "US-CA"]])

    output = run(path, "--kind", "organisations", "--as", staff_user.username, "--dry-run")

    assert "Dry run: nothing was written." in output
    assert not Organisation.objects.filter(name_en="Dry Co").exists()


def test_a_company_representative_is_refused(representative, spreadsheet):
    path = spreadsheet([HEADER, ["company", "Rep Co", "US-CA"]])

    with pytest.raises(CommandError, match="may not import"):
        run(path, "--kind", "organisations", "--as", representative.username)


def test_an_unknown_user_is_refused(db, spreadsheet):
    with pytest.raises(CommandError, match="No active user called nobody"):
        run(spreadsheet([HEADER]), "--kind", "organisations", "--as", "nobody")
