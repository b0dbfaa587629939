"""The "Contact this exhibitor" button now that meetings exist: a lead and a meeting request.

Issue 3's lead stays as it was (the exhibitor's organisers follow it up); a visitor who acts
for an organisation also asks the exhibitor's organisation for a one-to-one meeting at the
event, with the same message, so the exhibitor can accept it and the organiser's scheduler can
place it.
"""

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tradebridge.events.domain.pavilions import contact_exhibitor
from tradebridge.events.models import Exhibitor, Lead
from tradebridge.meetings.domain.requests import request_meeting
from tradebridge.meetings.models import MeetingRequest


@transaction.atomic
def contact_exhibitor_for_a_meeting(
    user, exhibitor: Exhibitor, message: str, product=None
) -> tuple[Lead, MeetingRequest | None]:
    """Record the lead (``events.domain.pavilions.contact_exhibitor``, whose checks and errors
    apply) and, when ``user`` acts for an organisation other than the exhibitor's, a meeting
    request to the exhibitor's organisation at the pavilion's event.

    Side effects: one Lead; one MeetingRequest in state "requested" unless the user acts for
    no organisation, is the exhibitor, or already has a request waiting there (then None,
    and the lead alone is kept).
    """
    lead = contact_exhibitor(user, exhibitor, message, product)
    if not rules.test_rule("meetings.request_meeting", user):
        return lead, None
    if user.organisation_id == exhibitor.organisation_id:
        return lead, None
    try:
        request = request_meeting(
            user,
            recipient_organisation=exhibitor.organisation,
            event=exhibitor.pavilion.event,
            message=lead.message,
        )
    except (ValidationError, PermissionDenied):
        return lead, None
    return lead, request
