"""Importing organisations or people from a CSV or .xlsx spreadsheet.

The first row names the columns (see ``tabular_columns``); each further row is one record.
Every row is validated, and written through the same domain functions that the web forms use,
so permissions, ownership (the importing agency owns what it creates) and model validation are
the same. The whole import is one transaction: a dry run, or a real import refused because of
errors, rolls it back; so does any unexpected failure half way through.

Problems with the header (an unknown or repeated column, a missing name column) stop the
import even with ``valid_only``: a misspelt column would otherwise silently drop its data.
"""

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from tradebridge.directory.interfaces.organisation_import import OrganisationImporter
from tradebridge.directory.interfaces.person_import import PersonImporter
from tradebridge.directory.interfaces.tabular_columns import COLUMNS, column_for
from tradebridge.directory.interfaces.tabular_reading import UnreadableSpreadsheet, read_sheet
from tradebridge.directory.interfaces.tabular_report import (
    FILE_ROW,
    HEADER_ROW,
    ImportReport,
    RowError,
)

__all__ = ["ImportReport", "RowError", "import_records"]

IMPORTERS = {"organisations": OrganisationImporter, "people": PersonImporter}


def import_records(
    user,
    uploaded_file,
    kind: Literal["organisations", "people"],
    *,
    dry_run: bool,
    valid_only: bool = False,
) -> ImportReport:
    """Create or update the organisations or people listed in ``uploaded_file``.

    Writes nothing when ``dry_run``; otherwise writes every row if all are valid, or with
    ``valid_only`` the valid rows only, in one transaction. Raises PermissionDenied unless
    ``user`` has ``directory.import_records``; every other problem is listed in the report.
    """
    if not user.has_perm("directory.import_records"):
        raise PermissionDenied
    if kind not in IMPORTERS:
        raise ValueError(f"cannot import {kind!r}")
    report = ImportReport()
    try:
        sheet = read_sheet(uploaded_file)
    except UnreadableSpreadsheet as problem:
        report.add(FILE_ROW, "", str(problem))
        return report
    report.total_rows = len(sheet.rows)
    columns = _columns(sheet.headers, kind, report)
    if report.has_errors:
        return report
    if not sheet.rows:
        report.add(FILE_ROW, "", _("The file has a header but no rows to import."))
        return report
    rows = [
        (number, {column: cell for column, cell in zip(columns, cells, strict=False) if column})
        for number, cells in sheet.rows
    ]
    with transaction.atomic():
        IMPORTERS[kind](user, report).run(rows)
        report.applied = (
            not dry_run
            and (valid_only or not report.has_errors)
            and report.created + report.updated > 0
        )
        if not report.applied:
            transaction.set_rollback(True)
    position = {column: index for index, column in enumerate(COLUMNS[kind])}
    report.errors.sort(key=lambda error: (error.row, position.get(error.field, -1)))
    return report


def _columns(headers: list[str], kind: str, report: ImportReport) -> list[str | None]:
    """The column each header names (None for a blank header); header problems go to report."""
    columns: list[str | None] = []
    for header in headers:
        if not header:
            columns.append(None)
            continue
        column = column_for(header, kind)
        if column is None:
            report.add(
                HEADER_ROW,
                header,
                _("Unknown column. Known columns: %(columns)s.")
                % {"columns": ", ".join(COLUMNS[kind])},
            )
        elif column in columns:
            report.add(HEADER_ROW, header, _("This column appears twice."))
        columns.append(column)
    if "name_en" not in columns and "name_zh" not in columns:
        report.add(HEADER_ROW, "name_en", _("The file needs a name_en or a name_zh column."))
    return columns
