"""``tradebridge rebuild_match_vectors [--stale-only]``: encode every matchmaking profile again."""

import time

from django.core.management.base import BaseCommand

from tradebridge.matchmaking.domain.index_cache import start_new_epoch
from tradebridge.matchmaking.domain.vectors import rebuild_all_vectors


class Command(BaseCommand):
    help = (
        "Encode the texts of every matchmaking profile again and store the vectors (after an "
        "encoder upgrade, or to repair them); running web processes rebuild their index."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-only",
            action="store_true",
            help="only profiles whose vectors are missing, or were made by another encoder "
            "or from other texts",
        )

    def handle(self, *args, stale_only=False, **options):
        started = time.perf_counter()
        report = rebuild_all_vectors(stale_only=stale_only)
        start_new_epoch()
        self.stdout.write(
            f"Encoded {report.profiles} profiles ({report.texts} texts) "
            f"in {time.perf_counter() - started:.1f} s."
        )
