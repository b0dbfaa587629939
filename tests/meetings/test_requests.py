"""Meeting requests: who may ask whom, defaults, and the answers' state machine."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories.accounts import UserFactory
from tests.factories.directory import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import EventFactory
from tests.factories.meetings import RepresentativeFactory
from tradebridge.accounts.enums import Role
from tradebridge.directory.enums import Visibility
from tradebridge.events.enums import EventStatus
from tradebridge.meetings.domain.bookings import free_slots, live_meeting
from tradebridge.meetings.domain.requests import (
    accept_request,
    cancel_request,
    decline_request,
    propose_time,
    request_meeting,
)
from tradebridge.meetings.domain.visibility import visible_requests
from tradebridge.meetings.enums import (
    MeetingLanguage,
    MeetingStatus,
    PlaceKind,
    Priority,
    RequestStatus,
)
from tradebridge.meetings.models import Occupancy


def _error_fields(error: ValidationError) -> set[str]:
    return set(error.value.message_dict)


def test_a_request_at_an_event_waits_for_the_recipient(buyer, exporter, expo):
    request = request_meeting(
        buyer,
        recipient_organisation=exporter.organisation,
        event=expo,
        message="  We import almonds.  ",
        priority=Priority.MUST_MEET,
    )
    assert request.status == RequestStatus.REQUESTED
    assert request.requester_organisation == buyer.organisation
    assert request.message == "We import almonds."
    assert request.place_kind == PlaceKind.TABLE
    # A Chinese reader asking a Californian company: no shared language known.
    assert request.language == MeetingLanguage.BOTH


def test_the_default_language_is_one_both_sides_speak(buyer, exporter, db):
    other_buyer = RepresentativeFactory(language="zh-hans")
    assert (
        request_meeting(buyer, recipient_organisation=other_buyer.organisation).language
        == MeetingLanguage.CHINESE
    )
    bilingual = AffiliationFactory(
        organisation=exporter.organisation, person__languages="en,zh"
    ).person
    request = request_meeting(
        buyer, recipient_organisation=exporter.organisation, recipient_person=bilingual
    )
    assert request.language == MeetingLanguage.CHINESE
    assert request.recipient_person == bilingual
    assert request.recipient_user is None


def test_outside_events_a_meeting_is_online(buyer, exporter):
    request = request_meeting(buyer, recipient_organisation=exporter.organisation)
    assert request.event is None
    assert request.place_kind == PlaceKind.ONLINE
    with pytest.raises(ValidationError) as error:
        request_meeting(
            exporter, recipient_organisation=buyer.organisation, place_kind=PlaceKind.TABLE
        )
    assert _error_fields(error) == {"place_kind"}


def test_a_named_login_of_the_recipient_attends(buyer, exporter):
    request = request_meeting(
        buyer, recipient_organisation=exporter.organisation, recipient_person=exporter
    )
    assert request.recipient_user == exporter


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"message": "x" * 2001}, "message"),
        ({"message": "nul\x00"}, "message"),
        ({"priority": "urgent"}, "priority"),
        ({"language": "fr"}, "language"),
        ({"place_kind": "garden"}, "place_kind"),
    ],
)
def test_bad_input_names_the_argument(buyer, exporter, arguments, field):
    with pytest.raises(ValidationError) as error:
        request_meeting(buyer, recipient_organisation=exporter.organisation, **arguments)
    assert _error_fields(error) == {field}


def test_who_may_be_asked(buyer, exporter, agency, other_agency):
    with pytest.raises(ValidationError) as error:
        request_meeting(buyer, recipient_organisation=buyer.organisation)
    assert _error_fields(error) == {"recipient_organisation"}
    hidden = OrganisationFactory(owner=other_agency, visibility=Visibility.PRIVATE)
    with pytest.raises(ValidationError) as error:
        request_meeting(buyer, recipient_organisation=hidden)
    assert _error_fields(error) == {"recipient_organisation"}
    stranger = PersonFactory()
    with pytest.raises(ValidationError) as error:
        request_meeting(
            buyer, recipient_organisation=exporter.organisation, recipient_person=stranger
        )
    assert _error_fields(error) == {"recipient_person"}
    with pytest.raises(ValidationError) as error:
        request_meeting(buyer, recipient_organisation="Xiaomi")
    assert _error_fields(error) == {"recipient_organisation"}


def test_who_may_ask(exporter, government_viewer, admin_user):
    for user in (government_viewer, admin_user):
        with pytest.raises(PermissionDenied):
            request_meeting(user, recipient_organisation=exporter.organisation)


def test_only_published_events_unless_one_organises_them(buyer, exporter, agency, staff_user):
    draft = EventFactory(owner=agency, status=EventStatus.DRAFT)
    with pytest.raises(ValidationError) as error:
        request_meeting(buyer, recipient_organisation=exporter.organisation, event=draft)
    assert _error_fields(error) == {"event"}
    request = request_meeting(staff_user, recipient_organisation=exporter.organisation, event=draft)
    assert request.requester_organisation == agency


def test_one_open_request_per_pair_and_event(buyer, exporter, expo):
    request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    with pytest.raises(ValidationError) as error:
        request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    assert _error_fields(error) == {"recipient_organisation"}
    # Outside the event, or after an answer, asking again is fine.
    request_meeting(buyer, recipient_organisation=exporter.organisation)


def test_the_recipient_accepts_and_attends(buyer, exporter, expo):
    colleague = UserFactory(role=Role.COMPANY_REPRESENTATIVE, organisation=exporter.organisation)
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    with pytest.raises(PermissionDenied):
        accept_request(buyer, request)
    request = accept_request(colleague, request, reply="Happy to meet.")
    assert request.status == RequestStatus.ACCEPTED
    assert request.recipient_user == colleague
    assert request.reply == "Happy to meet."
    with pytest.raises(ValidationError) as error:
        accept_request(exporter, request)
    assert _error_fields(error) == {"status"}


def test_a_decline_is_final(buyer, exporter, expo):
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    request = decline_request(exporter, request, reply="Not this year.")
    assert request.status == RequestStatus.DECLINED
    for answer in (accept_request, decline_request, cancel_request):
        with pytest.raises((ValidationError, PermissionDenied)):
            answer(exporter, request)


def test_proposals_go_back_and_forth_until_one_is_accepted(buyer, exporter, expo):
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    first, second = (slot.starts_at for slot in free_slots(request, attendee_user=exporter)[:2])
    request = propose_time(exporter, request, first, reply="Thursday morning?")
    assert request.status == RequestStatus.COUNTER_PROPOSED
    assert (request.proposed_starts_at, request.proposed_by) == (first, exporter)
    assert request.recipient_user == exporter
    with pytest.raises(PermissionDenied):
        accept_request(exporter, request)  # one does not accept one's own proposal
    request = propose_time(buyer, request, second)
    assert request.proposed_by == buyer
    request = accept_request(exporter, request)
    assert request.status == RequestStatus.ACCEPTED
    meeting = live_meeting(request)
    assert meeting.starts_at == second
    assert meeting.status == MeetingStatus.CONFIRMED


def test_a_proposal_must_be_a_free_slot(buyer, exporter, expo):
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    for moment in (datetime(2020, 11, 5, 2, 40, tzinfo=UTC), datetime(2020, 11, 5, 1, 0), None):
        with pytest.raises(ValidationError) as error:
            propose_time(exporter, request, moment)
        assert _error_fields(error) == {"starts_at"}
    request.refresh_from_db()
    assert request.status == RequestStatus.REQUESTED


def test_cancelling_frees_the_booked_time(accepted, buyer, exporter, expo):
    from tradebridge.meetings.domain.bookings import book_meeting

    request = accepted(event=expo)
    meeting = book_meeting(buyer, request, free_slots(request)[0].starts_at)
    request = cancel_request(exporter, request)
    meeting.refresh_from_db()
    assert request.status == RequestStatus.CANCELLED
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.sequence == 1
    assert not Occupancy.objects.filter(meeting=meeting).exists()


def test_requests_are_private_to_the_sides_and_the_organiser(
    buyer, exporter, expo, staff_user, other_staff_user, government_viewer, admin_user
):
    expo.owner = staff_user.organisation
    expo.save()
    request = request_meeting(buyer, recipient_organisation=exporter.organisation, event=expo)
    for user in (buyer, exporter, staff_user, admin_user):
        assert visible_requests(user).filter(pk=request.pk).exists(), user
    for user in (other_staff_user, government_viewer, RepresentativeFactory()):
        assert not visible_requests(user).filter(pk=request.pk).exists(), user
        with pytest.raises(PermissionDenied):
            cancel_request(user, request)
    assert cancel_request(staff_user, request).status == RequestStatus.CANCELLED
