"""One-click meeting requests from the recommendations.

A representative's click sends a real meeting request (meetings app) on behalf of their
organisation. Agency staff and admins looking at an organisation they keep do not act as that
organisation there: their click leaves a "meeting requested" mark, a lead for the agency to
broker. Either way the partner leaves the recommendations.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from tradebridge.matchmaking.domain.feedback import record_meeting_request
from tradebridge.meetings.domain.requests import request_meeting

# request_meeting names its arguments; ours are called "partner".
_FIELD_NAMES = {"recipient_organisation": "partner"}


@transaction.atomic
def request_meeting_with(user, organisation, partner, *, event=None, message: str = ""):
    """Ask ``partner`` for a meeting on behalf of ``organisation``.

    Side effects: a "meeting requested" PartnerFeedback row, and a MeetingRequest when the user
    acts for the organisation itself. Raises PermissionDenied when the user may not act for the
    organisation, ValidationError naming the field (``partner``, ``event``, ``message``) when
    the request is refused, e.g. while an earlier one still waits for an answer. Returns
    (feedback, meeting request or None).
    """
    feedback = record_meeting_request(user, organisation, partner, event)
    meeting = None
    if user.organisation_id == organisation.pk:
        try:
            meeting = request_meeting(
                user, recipient_organisation=partner, event=event, message=message
            )
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                raise
            raise ValidationError(
                {_FIELD_NAMES.get(k, k): v for k, v in error.error_dict.items()}
            ) from None
    return feedback, meeting
