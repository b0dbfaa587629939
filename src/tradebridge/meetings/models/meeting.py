import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.meetings.enums import BookingSource, MeetingStatus, PlaceKind

# Time is held in blocks of this many minutes; meetings start and end on block boundaries.
BLOCK_MINUTES = 5


def new_room_token() -> str:
    # 128 bits from the OS's CSPRNG: a room name nobody can guess from the meeting or the time.
    return secrets.token_hex(16)


class Meeting(models.Model):
    """Where and when an accepted request takes place.

    ``tentative``: placed by the scheduler, seen by the organiser only until published;
    ``confirmed``: booked by a participant or published; ``cancelled``: kept so calendars can
    drop it (same ``uid``). A live (not cancelled) meeting holds its two participants' time and
    its table through Occupancy rows; a request has at most one live meeting. Moving a meeting
    keeps the row and ``uid`` and raises ``sequence`` (RFC 5545 SEQUENCE).
    """

    request = models.ForeignKey(
        "meetings.MeetingRequest", on_delete=models.CASCADE, related_name="meetings"
    )
    event = models.ForeignKey(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    starts_at = models.DateTimeField(_("starts (UTC)"))
    ends_at = models.DateTimeField(_("ends (UTC)"))
    place_kind = models.CharField(_("place"), max_length=8, choices=PlaceKind.choices)
    table = models.ForeignKey(
        "meetings.MeetingTable",
        verbose_name=_("table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    room_token = models.CharField(
        max_length=32, unique=True, default=new_room_token, editable=False
    )
    status = models.CharField(
        _("status"), max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.CONFIRMED
    )
    source = models.CharField(
        _("booked how"), max_length=12, choices=BookingSource.choices, default=BookingSource.DIRECT
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["request"],
                condition=~models.Q(status=MeetingStatus.CANCELLED),
                name="one_live_meeting_per_request",
            ),
            models.CheckConstraint(
                condition=~models.Q(place_kind=PlaceKind.TABLE)
                | models.Q(table__isnull=False)
                | models.Q(status=MeetingStatus.CANCELLED),
                name="table_meeting_has_a_table",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="meeting_event_status")]

    def __str__(self) -> str:
        return f"{self.request} {self.starts_at:%Y-%m-%d %H:%M} UTC"

    @property
    def is_live(self) -> bool:
        return self.status != MeetingStatus.CANCELLED


class Occupancy(models.Model):
    """One block of a participant's or a table's time, held by a live meeting.

    The unique constraints are the guarantee against double booking: whoever commits a block
    first holds it, and a second transaction writing the same (person, block) or (table, block)
    fails, on SQLite and PostgreSQL alike. Blocks rather than slot starts, so that meetings on
    different grids (two events, an online meeting on its own) cannot overlap either.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="occupancy")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_occupancy",
    )
    table = models.ForeignKey(
        "meetings.MeetingTable",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="occupancy",
    )
    block_start = models.DateTimeField()

    class Meta:
        verbose_name = _("occupied time")
        verbose_name_plural = _("occupied time")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "block_start"],
                condition=models.Q(user__isnull=False),
                name="nobody_in_two_meetings_at_once",
            ),
            models.UniqueConstraint(
                fields=["table", "block_start"],
                condition=models.Q(table__isnull=False),
                name="one_meeting_per_table_at_a_time",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=True, table__isnull=False)
                | models.Q(user__isnull=False, table__isnull=True),
                name="occupancy_of_a_person_or_a_table",
            ),
        ]

    def __str__(self) -> str:
        holder = self.user if self.user_id else self.table
        return f"{holder} {self.block_start:%Y-%m-%d %H:%M} UTC"
