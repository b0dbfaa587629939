from django.db import models
from django.utils.translation import gettext_lazy as _


class Priority(models.TextChoices):
    MUST_MEET = "must", _("Must meet")
    WOULD_LIKE = "would_like", _("Would like to meet")


# What a request is worth to the automatic scheduler (its objective sums these): one "must
# meet" outweighs several "would like to meet".
PRIORITY_WEIGHTS = {Priority.MUST_MEET: 10, Priority.WOULD_LIKE: 1}


class MeetingLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    CHINESE = "zh", _("Chinese")
    BOTH = "en_zh", _("English and Chinese, with an interpreter")


class PlaceKind(models.TextChoices):
    TABLE = "table", _("At a table on site")
    ONLINE = "online", _("Online")


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COUNTER_PROPOSED = "counter_proposed", _("Another time proposed")
    CANCELLED = "cancelled", _("Cancelled")


# Requests still waiting for an answer from one side or the other.
OPEN_REQUEST_STATUSES = (RequestStatus.REQUESTED, RequestStatus.COUNTER_PROPOSED)


class MeetingStatus(models.TextChoices):
    TENTATIVE = "tentative", _("Tentative (planned by the scheduler, not yet published)")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")


class BookingSource(models.TextChoices):
    DIRECT = "direct", _("Booked by a participant")
    SCHEDULER = "scheduler", _("Placed by the automatic scheduler")
    ORGANISER = "organiser", _("Placed by the organiser")


class DayPart(models.TextChoices):
    MORNING = "morning", _("Morning")
    AFTERNOON = "afternoon", _("Afternoon")
    EVENING = "evening", _("Evening")
