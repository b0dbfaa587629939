from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tradebridge.directory.interfaces.tabular_import import import_records

EXIT_NOTHING_IMPORTED = 2


class Command(BaseCommand):
    help = (
        "Import organisations or people from a CSV or .xlsx file, acting as a user. "
        "Exits with status 2 when there are errors and nothing was imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--kind", required=True, choices=["organisations", "people"])
        parser.add_argument(
            "--as", dest="username", required=True, help="the user the import acts as"
        )
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument(
            "--valid-only", action="store_true", help="import the valid rows despite errors"
        )

    def handle(self, *args, file: Path, kind, username, dry_run, valid_only, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("No active user called %(name)s.") % {"name": username})
        if not file.is_file():
            raise CommandError(_("No file at %(path)s.") % {"path": file})
        try:
            with file.open("rb") as upload:
                report = import_records(user, upload, kind, dry_run=dry_run, valid_only=valid_only)
        except PermissionDenied as denied:
            raise CommandError(
                _("%(name)s may not import directory records.") % {"name": username}
            ) from denied

        if report.errors:
            self.stdout.write(_("Row\tColumn\tProblem"))
            for error in report.errors:
                self.stdout.write(f"{error.row}\t{error.field}\t{error.message}")
        summary = _(
            "%(total)s rows: %(created)s to create, %(updated)s to update, %(bad)s with errors."
        )
        self.stdout.write(
            summary
            % {
                "total": report.total_rows,
                "created": report.created,
                "updated": report.updated,
                "bad": len(report.rows_with_errors),
            }
        )
        if report.applied:
            self.stdout.write(self.style.SUCCESS(_("Imported.")))
        elif dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
        else:
            self.stdout.write(_("Nothing was imported."))
        if report.errors and not report.applied:
            raise CommandError(
                _("There are errors; nothing was imported."), returncode=EXIT_NOTHING_IMPORTED
            )
