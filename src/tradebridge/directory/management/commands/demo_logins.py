from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from tradebridge.directory.demo.logins import DEMO_LOGINS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo logins: where to sign in, user names, roles and the password."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000", help="where the site is served"
        )

    def handle(self, *args, url: str, **options):
        try:
            login_path = reverse(settings.LOGIN_URL)
        except NoReverseMatch:
            login_path = "/"
        self.stdout.write(_("Sign in at %(url)s") % {"url": url.rstrip("/") + login_path})
        rows = [(_("User name"), _("Role"), _("Organisation"), _("Password"))]
        rows += [
            (login.username, str(login.role.label), login.organisation or "—", DEMO_PASSWORD)
            for login in DEMO_LOGINS
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.stdout.write("  ".join([*cells, row[3]]))
