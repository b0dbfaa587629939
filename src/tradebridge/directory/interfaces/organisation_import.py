"""Importing organisation rows: validate each, then write them through the domain functions.

Matching: a row whose English or Chinese name equals that of an organisation the importer can
see updates that organisation if the importer may change it, and is an error otherwise (so an
agency cannot quietly create a second "Microsoft" beside a public one it does not keep).
On update, every column present in the file replaces the stored value and an empty cell clears
it; an empty ``kind`` or ``visibility`` leaves the stored choice alone; absent columns are
untouched. ``parent`` may name an organisation that exists already or one in another row of the
same file; such rows are written after their parent, whatever their order in the file. When
the parent's own row fails, its children still link to the parent if it exists already.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from tradebridge.directory.domain.organisations import create_organisation, update_organisation
from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.directory.interfaces.tabular_report import ImportReport, PlannedRow, write_row
from tradebridge.directory.interfaces.tabular_values import (
    CellError,
    OrganisationIndex,
    RegionIndex,
    SectorIndex,
    folded,
    parse_kind,
    parse_visibility,
    parse_yes_no,
)
from tradebridge.directory.models import Organisation

TEXT_COLUMNS = ("name_en", "name_zh", "short_name", "description_en", "description_zh", "website")


@dataclass
class OrganisationRow(PlannedRow):
    sectors: list | None = None
    parent_name: str | None = None
    parent: Organisation | None = None
    parent_row: int | None = None
    existing: Organisation | None = None


class OrganisationImporter:
    def __init__(self, user, report: ImportReport):
        self.user = user
        self.report = report
        self.regions = RegionIndex()
        self.sectors = SectorIndex()
        self.visible = OrganisationIndex(visible_organisations(user))

    def run(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        """Validate every row, then write the valid ones (each in its own savepoint)."""
        planned = [self._plan(number, values) for number, values in rows]
        self._find_duplicates(planned)
        self._resolve_parents(planned)
        self._write_in_parent_order(planned)
        for plan in planned:
            if plan.failed:
                self.report.check_rejected_fields(plan, Organisation)

    def _plan(self, number: int, values: dict[str, str]) -> OrganisationRow:
        plan = OrganisationRow(row=number)
        plan.take_text(values, TEXT_COLUMNS)
        parsers = {
            "kind": lambda value: parse_kind(value) if value else None,
            "visibility": lambda value: parse_visibility(value) if value else None,
            "is_sme": lambda value: parse_yes_no("is_sme", value),
            "home_region": lambda value: self.regions.find("home_region", value) if value else None,
        }
        for column, parse in parsers.items():
            if column not in values:
                continue
            try:
                value = parse(values[column])
            except CellError as error:
                self.report.reject_cell(plan, error)
                continue
            if value is not None or column == "home_region":
                plan.data[column] = value
        if "sectors" in values:
            try:
                plan.sectors = self.sectors.find_all(values["sectors"])
            except CellError as error:
                self.report.reject_cell(plan, error)
        plan.parent_name = values.get("parent")
        if not plan.names:
            self.report.reject(plan, "name_en", _("Give an English or a Chinese name."))
            return plan
        self._match_existing(plan)
        if plan.existing is None and "kind" not in plan.data and not plan.failed:
            self.report.reject(
                plan, "kind", _("Give the kind of organisation, e.g. company or agency.")
            )
        return plan

    def _match_existing(self, plan: OrganisationRow) -> None:
        ids = self.visible.matching_ids(*plan.names)
        if len(ids) > 1:
            self.report.reject(
                plan, "name_en", _("The names match more than one existing organisation.")
            )
            return
        if ids:
            existing = Organisation.objects.get(pk=ids.pop())
            if not self.user.has_perm("directory.change_organisation", existing):
                self.report.reject(
                    plan,
                    "name_en",
                    _("%(name)s already exists and you may not change it.")
                    % {"name": existing.name},
                )
                return
            plan.existing = existing

    def _find_duplicates(self, planned: list[OrganisationRow]) -> None:
        first_row_by_name: dict[str, int] = {}
        for plan in planned:
            earlier = sorted({first_row_by_name[n] for n in plan.names if n in first_row_by_name})
            if earlier:
                self.report.reject(
                    plan, "name_en", _("Same name as row %(row)s.") % {"row": earlier[0]}
                )
            for name in plan.names:
                first_row_by_name.setdefault(name, plan.row)

    def _resolve_parents(self, planned: list[OrganisationRow]) -> None:
        row_by_name: dict[str, int] = {}
        for plan in planned:
            for name in plan.names:
                row_by_name.setdefault(name, plan.row)  # a later duplicate is an error anyway
        for plan in planned:
            if not plan.parent_name:
                continue
            parent_key = folded(plan.parent_name)
            if parent_key in plan.names:
                self.report.reject(plan, "parent", _("An organisation cannot be its own parent."))
            elif parent_key in row_by_name:
                plan.parent_row = row_by_name[parent_key]
                # Used should that row fail: the parent may exist already all the same.
                ids = self.visible.matching_ids(plan.parent_name)
                plan.parent = Organisation.objects.get(pk=ids.pop()) if len(ids) == 1 else None
            else:
                try:
                    plan.parent = self.visible.find("parent", plan.parent_name)
                except CellError as error:
                    self.report.reject_cell(plan, error)
                    continue
            if plan.parent and plan.existing and plan.parent.pk == plan.existing.pk:
                self.report.reject(plan, "parent", _("An organisation cannot be its own parent."))

    def _write_in_parent_order(self, planned: list[OrganisationRow]) -> None:
        written: dict[int, Organisation] = {}
        failed_rows = {plan.row for plan in planned if plan.failed}
        waiting = [plan for plan in planned if not plan.failed]
        while waiting:
            still_waiting = []
            for plan in waiting:
                parent_failed = plan.parent_row in failed_rows
                if parent_failed and plan.parent is None:
                    self.report.reject(
                        plan,
                        "parent",
                        _("The parent organisation in row %(row)s could not be imported.")
                        % {"row": plan.parent_row},
                    )
                    failed_rows.add(plan.row)
                elif (
                    plan.parent_row is not None
                    and not parent_failed
                    and plan.parent_row not in written
                ):
                    still_waiting.append(plan)
                else:
                    organisation = self._write(plan, written)
                    if organisation is None:
                        failed_rows.add(plan.row)
                    else:
                        written[plan.row] = organisation
            if len(still_waiting) == len(waiting):
                for plan in still_waiting:
                    self.report.reject(plan, "parent", _("The parent organisations form a loop."))
                return
            waiting = still_waiting

    def _write(self, plan: OrganisationRow, written: dict[int, Organisation]):
        data = dict(plan.data)
        if plan.parent_row in written:
            data["parent"] = written[plan.parent_row]
        elif plan.parent_name is not None:
            data["parent"] = plan.parent

        def write():
            if plan.existing is not None:
                result = update_organisation(self.user, plan.existing, data, plan.sectors)
                self.report.updated += 1
            else:
                result = create_organisation(self.user, data, plan.sectors)
                self.report.created += 1
            return result

        return write_row(self.report, plan.row, write)
