"""What an import found and did, row by row, and the savepoint each row is written in."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tradebridge.directory.interfaces.tabular_values import CellError, folded

FILE_ROW = 0
HEADER_ROW = 1


@dataclass(frozen=True)
class RowError:
    """One problem. ``row`` is the row number a spreadsheet shows (the header is row 1);
    problems with the file as a whole have row 0. ``field`` is the column, or "" for the row."""

    row: int
    field: str
    message: str


@dataclass
class PlannedRow:
    """A row as read and checked, before it is written; ``data`` holds the model fields."""

    row: int
    data: dict = field(default_factory=dict)
    failed: bool = False

    @property
    def names(self) -> set[str]:
        return {folded(self.data.get("name_en", "")), folded(self.data.get("name_zh", ""))} - {""}

    def take_text(self, values: dict[str, str], columns: tuple[str, ...]) -> None:
        """Copy the plain text columns the file has (a missing column leaves the field alone)."""
        self.data.update({column: values[column] for column in columns if column in values})


@dataclass
class ImportReport:
    """``created`` and ``updated`` count the rows that passed validation: in a dry run or a
    refused import they say what a real import would do; ``applied`` says whether it did."""

    total_rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    applied: bool = False

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    @property
    def rows_with_errors(self) -> set[int]:
        return {error.row for error in self.errors if error.row > HEADER_ROW}

    def add(self, row: int, field: str, message: str) -> None:
        self.errors.append(RowError(row, field, str(message)))

    def reject(self, plan: PlannedRow, field: str, message: str) -> None:
        """Note a problem with ``plan``'s row, which will then not be written."""
        self.add(plan.row, field, message)
        plan.failed = True

    def reject_cell(self, plan: PlannedRow, error: CellError) -> None:
        self.reject(plan, error.field, error.message)

    def check_rejected_fields(self, plan: PlannedRow, model) -> None:
        """A row rejected before writing never reaches model validation; run it on the row's
        own fields anyway, so the user sees every bad cell at once, not one per attempt."""
        reported = {error.field for error in self.errors if error.row == plan.row}
        names = {model_field.name for model_field in model._meta.fields}
        data = {name: value for name, value in plan.data.items() if name in names}
        try:
            model(**data).full_clean(
                exclude=names - data.keys(), validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                if name in data and name not in reported:
                    for message in messages:
                        self.add(plan.row, name, message)

    def add_validation_error(self, row: int, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field_name, messages in error.message_dict.items():
                for message in messages:
                    self.add(row, "" if field_name == "__all__" else field_name, message)
        else:
            for message in error.messages:
                self.add(row, "", message)


def write_row(report: ImportReport, row: int, write: Callable[[], object]):
    """Run ``write`` in a savepoint; on a validation or permission error undo just this row,
    note why in ``report`` and return None. Any other exception aborts the whole import."""
    try:
        with transaction.atomic():
            return write()
    except ValidationError as error:
        report.add_validation_error(row, error)
    except PermissionDenied:
        report.add(row, "", _("You may not change this record."))
    return None
