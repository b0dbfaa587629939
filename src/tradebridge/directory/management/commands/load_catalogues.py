from django.core.management.base import BaseCommand

from tradebridge.directory.domain.region_catalogue import load_regions
from tradebridge.directory.domain.sector_catalogue import load_sectors


class Command(BaseCommand):
    help = "Load or refresh countries, Chinese provinces, US states and the sector taxonomy."

    def handle(self, *args, **options):
        regions = load_regions()
        sectors = load_sectors()
        self.stdout.write(
            f"regions: {regions['countries']} countries, {regions['china']} Chinese divisions, "
            f"{regions['united_states']} US states and DC; sectors: {sectors}"
        )
