"""Importing people rows: validate each, then write them through the domain functions.

Matching: a row updates a person the importer can see who has the same English or Chinese
name and works at the row's organisation (or, for a row without organisation, has no
affiliation at all); otherwise it creates a new person. Names alone are not unique enough to
match on: two officials called Wang Wei at different bodies are two people. Updating a person
the importer may not change is an error. As for organisations, present columns replace stored
values, an empty cell clears one (an empty ``visibility`` leaves it alone).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from tradebridge.directory.domain.people import create_person, set_affiliation, update_person
from tradebridge.directory.domain.visibility import visible_organisations, visible_people
from tradebridge.directory.interfaces.tabular_report import ImportReport, PlannedRow, write_row
from tradebridge.directory.interfaces.tabular_values import (
    CellError,
    OrganisationIndex,
    RegionIndex,
    folded,
    parse_languages,
    parse_visibility,
)
from tradebridge.directory.models import Affiliation, Organisation, Person

TEXT_COLUMNS = ("name_en", "name_zh", "title_en", "title_zh", "email", "phone", "timezone")


@dataclass
class PersonRow(PlannedRow):
    organisation: Organisation | None = None
    roles: dict = field(default_factory=dict)
    existing: Person | None = None

    @property
    def keys(self) -> set[tuple[str, int | None]]:
        """What makes two rows the same person: a name and the organisation."""
        organisation_id = self.organisation.pk if self.organisation else None
        return {(name, organisation_id) for name in self.names}


class PersonImporter:
    def __init__(self, user, report: ImportReport):
        self.user = user
        self.report = report
        self.regions = RegionIndex()
        self.organisations = OrganisationIndex(visible_organisations(user))
        self.people_by_key: dict[tuple[str, int | None], set[int]] = {}
        rows = visible_people(user).values_list(
            "pk", "name_en", "name_zh", "affiliations__organisation_id"
        )
        for pk, name_en, name_zh, organisation_id in rows:
            for name in {folded(name_en), folded(name_zh)} - {""}:
                self.people_by_key.setdefault((name, organisation_id), set()).add(pk)

    def run(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        """Validate every row, then write the valid ones (each in its own savepoint)."""
        planned = [self._plan(number, values) for number, values in rows]
        first_row_by_key: dict[tuple, int] = {}
        for plan in planned:
            earlier = sorted({first_row_by_key[k] for k in plan.keys if k in first_row_by_key})
            if earlier:
                self.report.reject(
                    plan,
                    "name_en",
                    _("Same person as row %(row)s.") % {"row": earlier[0]},
                )
            for key in plan.keys:
                first_row_by_key.setdefault(key, plan.row)
        for plan in planned:
            if plan.failed:
                self.report.check_rejected_fields(plan, Person)
            else:
                write_row(self.report, plan.row, lambda plan=plan: self._write(plan))

    def _plan(self, number: int, values: dict[str, str]) -> PersonRow:
        plan = PersonRow(row=number)
        plan.take_text(values, TEXT_COLUMNS)
        plan.roles = {key: values[key] for key in ("role_en", "role_zh") if key in values}
        self._parse_lookups(plan, values)
        if not plan.names:
            self.report.reject(plan, "name_en", _("Give an English or a Chinese name."))
        elif not plan.failed:
            self._match_existing(plan)
        return plan

    def _parse_lookups(self, plan: PersonRow, values: dict[str, str]) -> None:
        """Parse the cells that are not plain text, noting every bad one in the report."""
        parsers = {
            "languages": parse_languages,
            "visibility": lambda value: parse_visibility(value) if value else None,
            "data_protection_region": lambda value: (
                self.regions.find("data_protection_region", value) if value else None
            ),
            "organisation": lambda value: (
                self.organisations.find("organisation", value) if value else None
            ),
        }
        for column, parse in parsers.items():
            if column not in values:
                continue
            try:
                value = parse(values[column])
            except CellError as error:
                self.report.reject_cell(plan, error)
                continue
            if column == "organisation":
                plan.organisation = value
            elif value is not None or column == "data_protection_region":
                plan.data[column] = value

    def _match_existing(self, plan: PersonRow) -> None:
        ids = {pk for key in plan.keys for pk in self.people_by_key.get(key, set())}
        if len(ids) > 1:
            self.report.reject(plan, "name_en", _("The names match more than one existing person."))
        elif ids:
            existing = Person.objects.get(pk=ids.pop())
            if self.user.has_perm("directory.change_person", existing):
                plan.existing = existing
            else:
                self.report.reject(
                    plan,
                    "name_en",
                    _("%(name)s already exists and you may not change them.")
                    % {"name": existing.name},
                )

    def _write(self, plan: PersonRow) -> Person:
        if plan.existing is None:
            person = create_person(
                self.user,
                plan.data,
                plan.organisation,
                role_en=plan.roles.get("role_en", ""),
                role_zh=plan.roles.get("role_zh", ""),
            )
            self.report.created += 1
            return person
        person = update_person(self.user, plan.existing, plan.data)
        if plan.organisation is not None:
            current = Affiliation.objects.filter(
                person=person, organisation=plan.organisation
            ).first()
            roles = {
                "role_en": current.role_en if current else "",
                "role_zh": current.role_zh if current else "",
                **plan.roles,
            }
            set_affiliation(self.user, person, plan.organisation, **roles)
        self.report.updated += 1
        return person
