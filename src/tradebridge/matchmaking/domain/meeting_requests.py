"""One-click meeting requests from the recommendations.

The meetings app does not provide ``request_meeting`` yet; until it does, a request is kept as
a "meeting requested" mark (the lead that the agency and the partner page show), and the
partner leaves the recommendations like any other mark.
"""

from django.db import transaction

from tradebridge.matchmaking.domain.feedback import record_meeting_request


@transaction.atomic
def request_meeting_with(
    user, organisation, partner, *, event=None, message: str = "", language: str = "en"
):
    """Ask ``partner`` for a meeting on behalf of ``organisation``.

    Side effects: a "meeting requested" PartnerFeedback row. Raises PermissionDenied when the
    user may not act for the organisation, ValidationError naming ``partner`` when it is the
    organisation itself or not visible to the user. Returns (feedback, meeting request or None).
    """
    feedback = record_meeting_request(user, organisation, partner, event)
    return feedback, None
