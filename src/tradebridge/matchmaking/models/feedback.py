from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.matchmaking.enums import FeedbackMark


class PartnerFeedback(models.Model):
    """What an organisation said about one recommended partner; one mark per pair."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="partner_feedback"
    )
    partner = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    mark = models.CharField(_("mark"), max_length=20, choices=FeedbackMark.choices)
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("partner feedback")
        verbose_name_plural = _("partner feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "partner"], name="one_feedback_per_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.partner_id}: {self.mark}"
