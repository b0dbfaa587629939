"""/api/v1/meetings/: meeting requests, availability, bookings and schedules."""

from ninja import Router

router = Router(tags=["meetings"])
