from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.directory.enums import Visibility


class OwnedRecord(models.Model):
    """A record kept by one agency (its tenant), public or private to that agency."""

    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    owner = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("managed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_%(class)ss",
        help_text=_("The agency that keeps this record"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_private(self) -> bool:
        return self.visibility == Visibility.PRIVATE
