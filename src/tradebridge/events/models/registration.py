import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.events.enums import AttendanceMode, RegistrationStatus

# No 0/O or 1/I/L: the code is read aloud and typed at the door.
CHECK_IN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_check_in_code() -> str:
    return "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(8))


class Registration(models.Model):
    """A user's place at an event (or on its waiting list), with their answers."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    attendance_mode = models.CharField(
        _("attendance"), max_length=12, choices=AttendanceMode.choices
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    answers = models.JSONField(_("answers"), default=list, blank=True)
    check_in_code = models.CharField(
        _("check-in code"), max_length=12, unique=True, default=new_check_in_code
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event}"

    @property
    def holds_a_seat(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED
