"""States of the organiser's scheduler runs and what a run does to each meeting."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished, not yet published")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")
    FAILED = "failed", _("Failed")
    SUPERSEDED = "superseded", _("Replaced by a later run")


# A run in one of these states is under way; an event has at most one at a time.
ACTIVE_RUN_STATUSES = (RunStatus.QUEUED, RunStatus.RUNNING)


class PlacementChange(models.TextChoices):
    NEW = "new", _("New meeting")
    MOVED = "moved", _("Moved")


class MeetingChange(models.TextChoices):
    """What a notice tells a participant about one of their meetings."""

    SCHEDULED = "scheduled", _("Scheduled")
    MOVED = "moved", _("Moved")
    CANCELLED = "cancelled", _("Cancelled")
