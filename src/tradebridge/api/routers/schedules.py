"""/api/v1/schedules/: the organiser's scheduler runs, their progress, and the published schedule."""

from ninja import Router

router = Router(tags=["schedules"])
