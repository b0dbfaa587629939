"""The whole meeting schedule of an event as an Excel workbook (openpyxl): one row per meeting,
times in the event's zone and in UTC, table, both sides, language and place. Headings are in
the active language; user-written text is defused against formula injection."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from tradebridge.directory.interfaces.tabular_export import defuse_formula
from tradebridge.meetings.domain.event_schedule import schedule_entries
from tradebridge.meetings.enums import PlaceKind

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _headings(zone: str) -> list[str]:
    return [
        _("Date (%(zone)s)") % {"zone": zone},
        _("Start (%(zone)s)") % {"zone": zone},
        _("End (%(zone)s)") % {"zone": zone},
        _("Start (UTC)"),
        _("End (UTC)"),
        _("Table"),
        _("Place"),
        _("Organisation requesting"),
        _("Person"),
        _("Organisation asked"),
        _("Person"),
        _("Language"),
        _("Priority"),
        _("Status"),
    ]


def _row(entry) -> list:
    meeting, request = entry.meeting, entry.request
    utc_start, utc_end = meeting.starts_at, meeting.ends_at
    if meeting.place_kind == PlaceKind.ONLINE:
        place = f"{_('Online')} {entry.room_url}"
    else:
        place = _("On site")
    text = [
        meeting.table.label if meeting.table_id else "",
        place,
        request.requester_organisation.name,
        entry.requester_name,
        request.recipient_organisation.name,
        entry.recipient_name,
        request.get_language_display(),
        request.get_priority_display(),
        meeting.get_status_display(),
    ]
    return [
        entry.local_start.date(),
        entry.local_start.strftime("%H:%M"),
        entry.local_end.strftime("%H:%M"),
        utc_start.strftime("%Y-%m-%d %H:%M"),
        utc_end.strftime("%Y-%m-%d %H:%M"),
        *(defuse_formula(str(value)) for value in text),
    ]


def schedule_workbook(event, *, with_tentative: bool = True) -> bytes:
    """The event's schedule as .xlsx bytes."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Meetings")[:31]
    sheet.append(_headings(event.timezone))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in schedule_entries(event, with_tentative=with_tentative):
        sheet.append(_row(entry))
        sheet.cell(row=sheet.max_row, column=1).number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    widths = (12, 8, 8, 17, 17, 14, 30, 30, 20, 30, 20, 22, 20, 14)
    for column, width in zip("ABCDEFGHIJKLMN", widths, strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
