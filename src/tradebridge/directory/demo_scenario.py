"""The demo scenario: the catalogues plus everything the two reference articles name.

``load_demo`` runs ``DEMO_STEPS`` in order inside one transaction; every step is idempotent, so
running it again adds what is missing and changes nothing else. To extend the demo (events,
meetings, agreements…) add a step after the ones it builds on: a name and a function of no
arguments that returns what it did (a count or a dict of counts) for the command to print.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.test.utils import override_settings

from tradebridge.directory.demo.directory_records import load_organisations, load_people
from tradebridge.directory.demo.logins import load_logins
from tradebridge.directory.demo.places import load_places
from tradebridge.directory.domain.region_catalogue import load_regions
from tradebridge.directory.domain.sector_catalogue import load_sectors
from tradebridge.events.demo import load_events
from tradebridge.matchmaking.demo import load_match_profiles
from tradebridge.meetings.demo import load_meetings
from tradebridge.meetings.schedule_demo import load_schedule

DROP_MAIL = "django.core.mail.backends.dummy.EmailBackend"


@dataclass(frozen=True)
class DemoStep:
    name: str
    load: Callable[[], object]


DEMO_STEPS: list[DemoStep] = [
    DemoStep("regions", load_regions),
    DemoStep("sectors", load_sectors),
    DemoStep("places", load_places),
    DemoStep("organisations", load_organisations),
    DemoStep("people", load_people),
    DemoStep("logins", load_logins),
    DemoStep("events", load_events),
    DemoStep("meetings", load_meetings),
    DemoStep("meeting schedule", load_schedule),
    DemoStep("match profiles", load_match_profiles),
]


def load_demo(steps: list[DemoStep] | None = None) -> list[tuple[str, object]]:
    """Load the catalogues and the demo records; creates what is missing, all or nothing.

    Returns each step's name with what it reported (for the catalogues the rows refreshed, for
    the other steps the records created). The mail the domain functions send on the way (to
    the demo's invented people, after commit) is dropped.
    """
    with override_settings(EMAIL_BACKEND=DROP_MAIL), transaction.atomic():
        return [(step.name, step.load()) for step in steps or DEMO_STEPS]
