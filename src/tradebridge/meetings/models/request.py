from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.meetings.enums import (
    MeetingLanguage,
    PlaceKind,
    Priority,
    RequestStatus,
)


class MeetingRequest(models.Model):
    """One organisation's representative asks to meet another organisation, at an event or
    online on their own.

    States: requested → accepted | declined | counter_proposed | cancelled; counter_proposed →
    accepted | declined | counter_proposed (the other side proposes again) | cancelled;
    accepted → cancelled. Declined and cancelled are final. The person who attends for the
    recipient is ``recipient_user``: named in the request, or whoever accepts it.
    """

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="meeting_requests_sent",
    )
    requester_organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("on behalf of"),
        on_delete=models.PROTECT,
        related_name="meeting_requests_sent",
    )
    recipient_organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation to meet"),
        on_delete=models.PROTECT,
        related_name="meeting_requests_received",
    )
    recipient_person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("person to meet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_requests_received",
    )
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attending for the recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_requests_received",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_requests",
        help_text=_("Empty for an online meeting outside any event"),
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    priority = models.CharField(
        _("priority"), max_length=12, choices=Priority.choices, default=Priority.WOULD_LIKE
    )
    language = models.CharField(_("language"), max_length=8, choices=MeetingLanguage.choices)
    place_kind = models.CharField(_("place"), max_length=8, choices=PlaceKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.REQUESTED
    )
    proposed_starts_at = models.DateTimeField(_("proposed start (UTC)"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reply = models.TextField(_("reply"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(requester_organisation=models.F("recipient_organisation")),
                name="meeting_request_between_two_organisations",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=RequestStatus.COUNTER_PROPOSED)
                | models.Q(proposed_starts_at__isnull=False),
                name="counter_proposal_has_a_time",
            ),
            models.CheckConstraint(
                condition=models.Q(event__isnull=False) | models.Q(place_kind=PlaceKind.ONLINE),
                name="meeting_outside_events_is_online",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="meetingrequest_event_status")]

    def __str__(self) -> str:
        return f"{self.requester_organisation} → {self.recipient_organisation}"

    @property
    def is_open(self) -> bool:
        return self.status in (RequestStatus.REQUESTED, RequestStatus.COUNTER_PROPOSED)

    @property
    def is_final(self) -> bool:
        return self.status in (RequestStatus.DECLINED, RequestStatus.CANCELLED)
