from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tradebridge.directory.demo_scenario import load_demo


class Command(BaseCommand):
    help = (
        "Load the regions, sectors and the demo scenario (the 2015 Seattle seminar and the "
        "California Pavilion at the 2020 CIIE) with one login per role. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="load the demo even in production mode"
        )

    def handle(self, *args, force: bool, **options):
        if settings.PRODUCTION and not force:
            raise CommandError(
                _(
                    "This is a production installation: the demo would add public records and "
                    "logins with a published password. Use --force if you really mean it."
                )
            )
        for name, result in load_demo():
            self.stdout.write(f"{name}: {result}")
        self.stdout.write(self.style.SUCCESS(_("Demo loaded.")))
        call_command("demo_logins", stdout=self.stdout)
