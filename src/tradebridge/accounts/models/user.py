from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.accounts.enums import Role
from tradebridge.directory.validators import validate_timezone


class User(AbstractUser):
    """Someone who logs in. What they may do follows from ``role`` and ``organisation``."""

    role = models.CharField(
        _("role"), max_length=24, choices=Role.choices, default=Role.COMPANY_REPRESENTATIVE
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_(
            "The agency a staff member works for, or the company a representative acts for"
        ),
    )
    person = models.OneToOneField(
        "directory.Person",
        verbose_name=_("directory entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[("en", "English"), ("zh-hans", "简体中文")],
        default="en",
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_timezone]
    )

    # Secret part of the personal calendar feed URL: calendar programs cannot log in.
    calendar_token = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_platform_admin(self) -> bool:
        return self.is_active and (self.is_superuser or self.role == Role.PLATFORM_ADMIN)

    @property
    def tenant_id(self) -> int | None:
        """The agency whose private data this user may see, if they are its staff."""
        if self.role == Role.AGENCY_STAFF and self.is_active:
            return self.organisation_id
        return None
