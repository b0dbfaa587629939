"""``tradebridge run_schedule RUN_ID`` works one queued scheduler run (what the web process
starts in a subprocess); ``--pending`` works every queued run, for an external worker."""

from django.core.management.base import BaseCommand, CommandError

from tradebridge.meetings.domain.schedule_execution import execute_run
from tradebridge.meetings.models import ScheduleRun
from tradebridge.meetings.schedule_enums import RunStatus


class Command(BaseCommand):
    help = "Solve a queued meeting-scheduler run (or all of them) and record its proposals."

    def add_arguments(self, parser):
        parser.add_argument("run_id", nargs="?", type=int, help="the run to work")
        parser.add_argument("--pending", action="store_true", help="work every queued run")

    def handle(self, *args, run_id=None, pending=False, **options):
        if (run_id is None) == (not pending):
            raise CommandError("give a run id or --pending, not both")
        if pending:
            ids = list(
                ScheduleRun.objects.filter(status=RunStatus.QUEUED)
                .order_by("created_at")
                .values_list("pk", flat=True)
            )
        else:
            if not ScheduleRun.objects.filter(pk=run_id).exists():
                raise CommandError(f"no scheduler run {run_id}")
            ids = [run_id]
        for pk in ids:
            run = execute_run(pk)
            if run is None:
                self.stderr.write(f"run {pk}: not queued (taken or cancelled)")
            else:
                self.stdout.write(f"run {pk}: {run.status}")
