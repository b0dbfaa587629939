from datetime import time

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.meetings.models.meeting import BLOCK_MINUTES
from tradebridge.meetings.validators import validate_days, validate_sessions, validate_spans


class MeetingSettings(models.Model):
    """How an event's organiser lays out one-to-one meetings.

    The daily grid: on each of ``days``, each session (morning, afternoon…) is cut into slots
    of ``slot_minutes`` from its start, leaving out slots that touch a break; all clock times
    are the event's local time. ``domain.slots.event_slots`` is the one place that reads them.
    """

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, related_name="meeting_settings"
    )
    slot_minutes = models.PositiveSmallIntegerField(_("minutes per meeting"), default=30)
    days = models.JSONField(_("meeting days"), default=list, blank=True, validators=[validate_days])
    sessions = models.JSONField(
        _("sessions"),
        default=list,
        blank=True,
        validators=[validate_sessions],
        help_text=_("Parts of each day when meetings take place, in the event's local time"),
    )
    breaks = models.JSONField(
        _("breaks"),
        default=list,
        blank=True,
        validators=[validate_spans],
        help_text=_("Times of each day without meetings, in the event's local time"),
    )
    direct_booking_open = models.BooleanField(
        _("participants may book free slots themselves"), default=True
    )
    default_max_per_day = models.PositiveSmallIntegerField(
        _("meetings per day and participant, at most"),
        null=True,
        blank=True,
        help_text=_("Empty for no limit; participants may set a lower one"),
    )
    online_hours_start = models.TimeField(
        _("online meetings not before (participant's local time)"), default=time(8)
    )
    online_hours_end = models.TimeField(
        _("online meetings not after (participant's local time)"), default=time(20)
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting settings")
        verbose_name_plural = _("meeting settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(slot_minutes__gte=BLOCK_MINUTES, slot_minutes__lte=240),
                name="meeting_slots_of_5_to_240_minutes",
            ),
            models.CheckConstraint(
                condition=models.Q(online_hours_end__gt=models.F("online_hours_start")),
                name="online_hours_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return str(self.event)

    def clean(self):
        if self.slot_minutes and self.slot_minutes % BLOCK_MINUTES:
            raise ValidationError(
                {"slot_minutes": _("Give the meeting length in steps of 5 minutes.")}
            )


class MeetingTable(models.Model):
    """A numbered table (optionally named, in a room) where on-site meetings take place.

    Tables ``for_online`` are kept for online meetings: the on-site side sits there with a
    screen, the other side joins the video room from afar.
    """

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="meeting_tables"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=100, blank=True)
    room = models.CharField(_("room"), max_length=200, blank=True)
    for_online = models.BooleanField(_("kept for online meetings"), default=False)

    class Meta:
        ordering = ["event", "number"]
        verbose_name = _("meeting table")
        verbose_name_plural = _("meeting tables")
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="one_table_number_per_event"),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="table_numbers_from_one"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        name = self.name or _("Table %(number)d") % {"number": self.number}
        return f"{name} · {self.room}" if self.room else str(name)
