"""Starting a scheduler run's work; thin on purpose (pretalx's tasks.py habit): ids in, the
domain function ``schedule_execution.execute_run`` does the rest.

``TRADEBRIDGE_SCHEDULER_RUNNER`` chooses how:

* ``subprocess`` (default): ``tradebridge run_schedule <id>`` in its own process, so a long
  solve never holds a web worker and needs no extra service for ``make run``;
* ``thread``: a thread of the web process (tests of the live pages);
* ``inline``: at once, in the caller (the demo loader, tests);
* ``external``: nothing; a worker elsewhere runs ``tradebridge run_schedule --pending``.
"""

import subprocess
import sys
import threading

from django.conf import settings
from django.db import connection

from tradebridge.meetings.domain.schedule_execution import execute_run

RUNNERS = ("subprocess", "thread", "inline", "external")


def _in_thread(run_id: int) -> None:
    try:
        execute_run(run_id)
    finally:
        connection.close()


def launch(run_id: int) -> None:
    """Have run ``run_id`` solved, as the configured runner says."""
    runner = settings.TRADEBRIDGE_SCHEDULER_RUNNER
    if runner == "subprocess":
        process = subprocess.Popen(
            [sys.executable, "-m", "tradebridge.cli", "run_schedule", str(run_id)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        # Reap the child when it exits, so it does not linger as a zombie.
        threading.Thread(target=process.wait, daemon=True).start()
    elif runner == "thread":
        threading.Thread(target=_in_thread, args=(run_id,), daemon=True).start()
    elif runner == "inline":
        execute_run(run_id, watch=False)
