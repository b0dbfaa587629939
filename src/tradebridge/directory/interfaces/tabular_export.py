"""Exporting organisations and people as CSV or .xlsx, in the columns the import reads.

So an export can be edited and imported again: regions are written as codes, sectors as codes
separated by "; ", organisations by name. A cell that a spreadsheet would run as a formula
(starting with = + - @, tab or carriage return) gets a leading apostrophe, which the import
removes again; in .xlsx such cells are also stored as plain strings. CSV is UTF-8 with a BOM,
without which Excel shows Chinese as mojibake.

The caller chooses the rows (normally from ``domain.visibility``) and checks
``directory.export_records``; people's email and phone are written only where the reader has
``directory.view_person_contact`` for that person.
"""

import csv
import io
from collections.abc import Iterable
from typing import Literal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from tradebridge.directory.interfaces.tabular_columns import (
    CONTACT_COLUMNS,
    ORGANISATION_COLUMNS,
    PERSON_COLUMNS,
)
from tradebridge.directory.interfaces.tabular_reading import FORMULA_STARTS
from tradebridge.directory.models import Organisation, Person

Format = Literal["csv", "xlsx"]
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def defuse_formula(value: str) -> str:
    """The text with an apostrophe in front if a spreadsheet would read it as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def organisation_row(organisation: Organisation) -> list[str]:
    parent = organisation.parent
    values = {
        "kind": organisation.kind,
        "name_en": organisation.name_en,
        "name_zh": organisation.name_zh,
        "short_name": organisation.short_name,
        "description_en": organisation.description_en,
        "description_zh": organisation.description_zh,
        "home_region": organisation.home_region.code if organisation.home_region else "",
        "parent": (parent.name_en or parent.name_zh) if parent else "",
        "sectors": "; ".join(sector.code for sector in organisation.sectors.all()),
        "website": organisation.website,
        "is_sme": "yes" if organisation.is_sme else "no",
        "visibility": organisation.visibility,
    }
    return [values[column] for column in ORGANISATION_COLUMNS]


def person_row(person: Person, show_contact: bool) -> list[str]:
    affiliations = list(person.affiliations.all())
    primary = affiliations[0] if affiliations else None
    organisation = primary.organisation if primary else None
    region = person.data_protection_region
    values = {
        "name_en": person.name_en,
        "name_zh": person.name_zh,
        "title_en": person.title_en,
        "title_zh": person.title_zh,
        "email": person.email,
        "phone": person.phone,
        "languages": person.languages,
        "timezone": person.timezone,
        "data_protection_region": region.code if region else "",
        "organisation": (organisation.name_en or organisation.name_zh) if organisation else "",
        "role_en": primary.role_en if primary else "",
        "role_zh": primary.role_zh if primary else "",
        "visibility": person.visibility,
    }
    return [
        "" if column in CONTACT_COLUMNS and not show_contact else values[column]
        for column in PERSON_COLUMNS
    ]


def export_organisations(queryset, fmt: Format) -> bytes:
    """The organisations of ``queryset`` as a CSV or .xlsx file; reads only, changes nothing."""
    organisations = queryset.select_related("home_region", "parent").prefetch_related("sectors")
    rows = (organisation_row(organisation) for organisation in organisations)
    return _render(ORGANISATION_COLUMNS, rows, fmt, sheet_title=_("Organisations"))


def export_people(queryset, fmt: Format, user) -> bytes:
    """The people of ``queryset`` as a CSV or .xlsx file, contact details as ``user`` may see."""
    people = queryset.select_related("data_protection_region").prefetch_related(
        "affiliations__organisation"
    )
    rows = (
        person_row(person, user.has_perm("directory.view_person_contact", person))
        for person in people
    )
    return _render(PERSON_COLUMNS, rows, fmt, sheet_title=_("People"))


def import_template(kind: Literal["organisations", "people"], fmt: Format) -> bytes:
    """An empty spreadsheet with just the header row that ``import_records`` expects."""
    if kind == "organisations":
        return _render(ORGANISATION_COLUMNS, [], fmt, sheet_title=_("Organisations"))
    return _render(PERSON_COLUMNS, [], fmt, sheet_title=_("People"))


def _render(columns, rows: Iterable[list[str]], fmt: Format, sheet_title: str) -> bytes:
    if fmt == "csv":
        return _csv(columns, rows)
    if fmt == "xlsx":
        return _xlsx(columns, rows, sheet_title)
    raise ValueError(f"unknown export format {fmt!r}")


def _csv(columns, rows: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([defuse_formula(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx(columns, rows: Iterable[list[str]], sheet_title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_text_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=defuse_formula(ILLEGAL_CHARACTERS_RE.sub("", value)))
    # openpyxl treats any string starting with "=" as a formula; pin every cell to text.
    cell.data_type = "s"
    return cell
