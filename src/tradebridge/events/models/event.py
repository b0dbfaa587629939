from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.common.bilingual import pick
from tradebridge.directory.enums import Visibility
from tradebridge.directory.validators import validate_language_list, validate_timezone
from tradebridge.events.enums import AttendanceMode, EventKind, EventStatus, HostRole


class EventSeries(models.Model):
    """Events that belong together, e.g. the forums of one round of joint working groups."""

    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=300, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    owner = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("managed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_series",
    )

    class Meta:
        ordering = ["name_en", "name_zh"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(self.name_en, self.name_zh)


class Event(models.Model):
    """A seminar, forum, expo, mission… Times are stored in UTC with the event's IANA zone.

    Visible to everyone once published and public; a draft or private event exists only for
    the staff of its owning agency (``owner``) and platform admins.
    """

    kind = models.CharField(_("kind"), max_length=24, choices=EventKind.choices)
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    starts_at = models.DateTimeField(_("starts (UTC)"))
    ends_at = models.DateTimeField(_("ends (UTC)"))
    timezone = models.CharField(
        _("time zone of the event"), max_length=64, validators=[validate_timezone]
    )
    venue_en = models.CharField(_("venue address (English)"), max_length=500, blank=True)
    venue_zh = models.CharField(_("venue address (Chinese)"), max_length=500, blank=True)
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=12,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        validators=[validate_language_list],
        help_text=_("Comma-separated language codes, e.g. en,zh"),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty for no limit")
    )
    requires_approval = models.BooleanField(_("registrations need approval"), default=False)
    registration_open = models.BooleanField(_("registration open"), default=True)
    questions = models.JSONField(
        _("questions for registrants"),
        default=list,
        blank=True,
        help_text=_("A list of questions, each a short text"),
    )
    hosts = models.ManyToManyField(
        "directory.Organisation",
        through="events.EventHost",
        related_name="hosted_events",
        verbose_name=_("organisers, co-hosts and supporters"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    owner = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("managed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_events",
    )
    # Rises when the event's time or place changes (RFC 5545 SEQUENCE in calendar feeds).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(title_en="") | ~models.Q(title_zh=""),
                name="event_has_a_title",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(self.title_en, self.title_zh)

    @property
    def description(self) -> str:
        return pick(self.description_en, self.description_zh)

    @property
    def venue(self) -> str:
        return pick(self.venue_en, self.venue_zh)

    @property
    def is_listed(self) -> bool:
        return self.status == EventStatus.PUBLISHED and self.visibility == Visibility.PUBLIC

    @property
    def is_online(self) -> bool:
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)

    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    def clean(self):
        errors = {}
        if not self.title_en.strip() and not self.title_zh.strip():
            errors["title_en"] = _("Give a title in English or Chinese, or both.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if not isinstance(self.questions, list) or not all(
            isinstance(q, str) and q.strip() for q in self.questions
        ):
            errors["questions"] = _("Questions must be a list of texts.")
        if errors:
            raise ValidationError(errors)


class EventHost(models.Model):
    """An organisation organising, co-hosting or supporting an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="host_links")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="event_host_links"
    )
    role = models.CharField(_("role"), max_length=12, choices=HostRole.choices)

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"], name="one_host_role_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"
