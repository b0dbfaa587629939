"""Permissions of the organiser's scheduler and its outputs (loaded by MeetingsConfig.ready).

The event's organising agency and platform admins run the scheduler, follow and publish its
runs, and read the whole schedule (table plans, the spreadsheet, anyone's agenda). A run is
invisible (404) to everyone else; each participant reads only their own agenda.
"""

import rules

from tradebridge.events.rules import can_organise


@rules.predicate
def organises_runs_event(user, run) -> bool:
    return run is not None and can_organise(user, run.event)


rules.add_perm("meetings.manage_schedule", can_organise)
rules.add_perm("meetings.view_schedulerun", organises_runs_event)
rules.add_perm("meetings.change_schedulerun", organises_runs_event)
