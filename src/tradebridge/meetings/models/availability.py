from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.directory.validators import validate_timezone
from tradebridge.meetings.validators import validate_days, validate_spans


class Availability(models.Model):
    """When a participant can meet: daily windows and breaks in their own zone, a daily cap.

    One per person and event; the one without an event applies to online meetings outside
    events. Without a row, a participant is available whenever the event's grid has slots
    (online meetings outside events: the platform's working hours, see domain.availability).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_availability"
    )
    event = models.ForeignKey(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_availability",
    )
    timezone = models.CharField(
        _("time zone of these times"), max_length=64, validators=[validate_timezone]
    )
    windows = models.JSONField(
        _("available each day"), default=list, blank=True, validators=[validate_spans]
    )
    breaks = models.JSONField(_("breaks"), default=list, blank=True, validators=[validate_spans])
    days = models.JSONField(
        _("days"),
        default=list,
        blank=True,
        validators=[validate_days],
        help_text=_("Local days you can meet; empty for every day"),
    )
    max_per_day = models.PositiveSmallIntegerField(
        _("meetings per day, at most"), null=True, blank=True, help_text=_("Empty for no limit")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("availability")
        verbose_name_plural = _("availability")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event"],
                condition=models.Q(event__isnull=False),
                name="one_availability_per_event",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(event__isnull=True),
                name="one_availability_outside_events",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event or '—'}"
