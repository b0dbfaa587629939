"""Meeting permissions. A request has two sides: the requesting organisation and the one asked;
anyone who acts for a side's organisation (its company representatives or agency staff) may act
for it. The event's organising agency and platform admins see and manage an event's meetings.
Everyone else gets 404: a meeting request is private to those involved."""

import rules

from tradebridge.accounts.enums import Role
from tradebridge.accounts.rules import is_platform_admin
from tradebridge.events.rules import can_organise, is_listed
from tradebridge.meetings.enums import RequestStatus

ACTING_ROLES = (Role.COMPANY_REPRESENTATIVE, Role.AGENCY_STAFF)


@rules.predicate
def acts_for_an_organisation(user) -> bool:
    """Company representatives and agency staff meet on behalf of their organisation."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role in ACTING_ROLES
        and user.organisation_id is not None
    )


def _on_requester_side(user, request) -> bool:
    return request.requester_id == user.pk or (
        user.organisation_id == request.requester_organisation_id
    )


def _on_recipient_side(user, request) -> bool:
    return request.recipient_user_id == user.pk or (
        user.organisation_id == request.recipient_organisation_id
    )


@rules.predicate
def is_on_requester_side(user, request) -> bool:
    return (
        request is not None and acts_for_an_organisation(user) and _on_requester_side(user, request)
    )


@rules.predicate
def is_on_recipient_side(user, request) -> bool:
    return (
        request is not None and acts_for_an_organisation(user) and _on_recipient_side(user, request)
    )


@rules.predicate
def organises_requests_event(user, request) -> bool:
    return (
        request is not None and request.event_id is not None and can_organise(user, request.event)
    )


@rules.predicate
def has_the_turn(user, request) -> bool:
    """The side that answers: the recipient, or whoever did not make the last proposal."""
    if request is None or not acts_for_an_organisation(user):
        return False
    if request.status == RequestStatus.COUNTER_PROPOSED and request.proposed_by_id is not None:
        proposer = request.proposed_by
        proposed_by_requester = proposer.pk == request.requester_id or (
            proposer.organisation_id == request.requester_organisation_id
        )
        if proposed_by_requester:
            return _on_recipient_side(user, request)
        return _on_requester_side(user, request)
    return _on_recipient_side(user, request)


@rules.predicate
def may_meet_at(user, event) -> bool:
    """Online meetings outside events, published events, and the organiser's own events."""
    return event is None or is_listed(user, event) or can_organise(user, event)


is_a_side = is_on_requester_side | is_on_recipient_side
manages = is_platform_admin | organises_requests_event

rules.add_perm("meetings.view_meetingrequest", is_a_side | manages)
rules.add_perm("meetings.cancel_request", is_a_side | manages)
rules.add_perm("meetings.book_meeting", is_a_side | manages)
rules.add_perm("meetings.change_settings", can_organise)

# Acting as one side of a meeting is not something a superuser's all-permissions grant: these
# are rules (``rules.test_rule``), so an administrator without an organisation cannot ask for
# or answer meetings on anyone's behalf.
rules.add_rule("meetings.request_meeting", acts_for_an_organisation)
rules.add_rule("meetings.answer_request", has_the_turn)
rules.add_rule("meetings.set_availability", acts_for_an_organisation & may_meet_at)
