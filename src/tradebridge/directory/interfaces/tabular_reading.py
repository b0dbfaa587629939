"""Reading an uploaded CSV or .xlsx file into numbered rows of text.

CSV may be UTF-8 (with or without the BOM Excel writes) or GB18030, which is what Excel on a
Chinese Windows produces with "Save as CSV"; GB18030 is tried only when UTF-8 decoding fails,
because nearly any byte string decodes as GB18030 and UTF-8 is the far stricter test. Excel's
"Unicode Text" (UTF-16 with a BOM, tab-separated) is read too.
Row numbers are those a spreadsheet shows: the header is row 1 and blank rows still count.
"""

import codecs
import csv
import io
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

import openpyxl
from django.utils.translation import gettext as _

MAX_DATA_ROWS = 10_000
MAX_FILE_BYTES = 20 * 1024 * 1024
_XLSX_SIGNATURE = b"PK\x03\x04"
_OLD_EXCEL_SIGNATURE = b"\xd0\xcf\x11\xe0"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# What an exporter prefixes to defuse a formula; an import takes it off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class UnreadableSpreadsheet(Exception):
    """The upload is not a spreadsheet we can read; the message says why, for the user."""


@dataclass
class Sheet:
    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


def read_sheet(uploaded_file) -> Sheet:
    """The header and non-blank data rows of a CSV or the first sheet of an .xlsx file."""
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)  # a form may have looked at the upload already
    content = uploaded_file.read(MAX_FILE_BYTES + 1)
    if isinstance(content, str):
        content = content.encode()
    if len(content) > MAX_FILE_BYTES:
        raise UnreadableSpreadsheet(_("The file is larger than 20 MB."))
    if not content.strip():
        raise UnreadableSpreadsheet(_("The file is empty."))
    if content.startswith(_OLD_EXCEL_SIGNATURE):
        raise UnreadableSpreadsheet(
            _("This is an old Excel (.xls) file: save it as .xlsx or CSV and upload it again.")
        )
    if content.startswith(_XLSX_SIGNATURE):
        rows = _xlsx_rows(content)
    else:
        rows = _csv_rows(_decode(content))
    return _numbered(rows)


def _decode(content: bytes) -> str:
    if content.startswith(_UTF16_BOMS):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableSpreadsheet(_("The file is neither CSV nor .xlsx.")) from exc
    if b"\x00" in content:
        raise UnreadableSpreadsheet(_("The file is neither CSV nor .xlsx."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UnreadableSpreadsheet(
            _("The CSV file is neither UTF-8 nor GB18030 text; save it as CSV UTF-8.")
        ) from exc


def _csv_rows(text: str):
    first_line = text.split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(first_line, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise UnreadableSpreadsheet(
            _("The CSV file is malformed: %(error)s") % {"error": exc}
        ) from exc


def _xlsx_rows(content: bytes):
    try:
        with warnings.catch_warnings():
            # Workbooks from other programs make openpyxl warn about styles it ignores anyway.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableSpreadsheet(_("The file is not a readable .xlsx workbook.")) from exc
    try:
        if not workbook.worksheets:
            raise UnreadableSpreadsheet(_("The workbook has no sheets."))
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            yield [_cell_text(value) for value in values]
    finally:
        workbook.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _numbered(rows) -> Sheet:
    sheet = None
    for number, cells in enumerate(rows, start=1):
        cells = [_unescape(cell.strip()) for cell in cells]
        if sheet is None:
            sheet = Sheet(headers=cells)
            continue
        if not any(cells):
            continue
        if len(sheet.rows) == MAX_DATA_ROWS:
            raise UnreadableSpreadsheet(
                _("The file has more than %(limit)s rows; split it into smaller files.")
                % {"limit": f"{MAX_DATA_ROWS:,}"}
            )
        sheet.rows.append((number, cells))
    if sheet is None or not (any(sheet.headers) or sheet.rows):
        raise UnreadableSpreadsheet(_("The file is empty."))
    if not any(sheet.headers):
        raise UnreadableSpreadsheet(_("The first row must name the columns."))
    return sheet


def _unescape(cell: str) -> str:
    """Undo the apostrophe an export put before a cell that would otherwise be a formula."""
    if cell.startswith("'") and cell[1:2] and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell
