import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.common.bilingual import pick
from tradebridge.events.enums import SessionKind, SpeakerRole


def new_room_token() -> str:
    # 128 bits from the OS's CSPRNG: a room name nobody can guess from the event or the time.
    return secrets.token_hex(16)


class Session(models.Model):
    """One item of an event's programme. ``sequence`` rises each time its time or place changes,
    so calendar programs replace the copy they hold (RFC 5545 SEQUENCE)."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=16, choices=SessionKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    starts_at = models.DateTimeField(_("starts (UTC)"))
    ends_at = models.DateTimeField(_("ends (UTC)"))
    room = models.CharField(_("room"), max_length=200, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    room_token = models.CharField(
        max_length=32, unique=True, default=new_room_token, editable=False
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)
    people = models.ManyToManyField(
        "directory.Person", through="events.SessionSpeaker", related_name="event_sessions"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(title_en="") | ~models.Q(title_zh=""),
                name="session_has_a_title",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_it_starts",
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

    def clean(self):
        errors = {}
        if not self.title_en.strip() and not self.title_zh.strip():
            errors["title_en"] = _("Give a title in English or Chinese, or both.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The session must end after it starts.")
        if errors:
            raise ValidationError(errors)


class SessionSpeaker(models.Model):
    """A directory person speaking at or moderating a session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="speaker_links")
    person = models.ForeignKey(
        "directory.Person", on_delete=models.CASCADE, related_name="session_links"
    )
    role = models.CharField(
        _("role"), max_length=12, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_part_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"
