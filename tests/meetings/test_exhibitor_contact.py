"""The "Contact this exhibitor" button keeps the lead and, for a visitor acting for an
organisation, asks the exhibitor's organisation for a meeting at the event (issue 3)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.events import ExhibitorFactory
from tests.factories.meetings import ExpoFactory, RepresentativeFactory
from tradebridge.accounts.enums import Role
from tradebridge.events.models import Lead
from tradebridge.meetings.domain.exhibitor_contact import contact_exhibitor_for_a_meeting
from tradebridge.meetings.enums import RequestStatus
from tradebridge.meetings.models import MeetingRequest


@pytest.fixture
def exhibitor(db):
    return ExhibitorFactory(pavilion__event=ExpoFactory())


def test_a_representative_gets_a_lead_and_a_meeting_request(exhibitor):
    visitor = RepresentativeFactory()
    lead, request = contact_exhibitor_for_a_meeting(visitor, exhibitor, "Robots for Shanghai?")
    assert lead.message == "Robots for Shanghai?"
    assert request.status == RequestStatus.REQUESTED
    assert (request.recipient_organisation, request.event) == (
        exhibitor.organisation,
        exhibitor.pavilion.event,
    )
    assert request.message == "Robots for Shanghai?"
    # Asking again while the request waits: another lead, no second request.
    _lead, again = contact_exhibitor_for_a_meeting(visitor, exhibitor, "Any news?")
    assert again is None and Lead.objects.count() == 2
    assert MeetingRequest.objects.count() == 1


def test_visitors_without_an_organisation_leave_a_lead_only(exhibitor):
    visitor = UserFactory(role=Role.GOVERNMENT_VIEWER)
    lead, request = contact_exhibitor_for_a_meeting(visitor, exhibitor, "Hello")
    assert lead.pk and request is None


def test_the_exhibitor_does_not_ask_itself(exhibitor):
    own = RepresentativeFactory(organisation=exhibitor.organisation)
    _lead, request = contact_exhibitor_for_a_meeting(own, exhibitor, "Note to self")
    assert request is None


def test_a_bad_message_keeps_nothing(exhibitor):
    with pytest.raises(ValidationError):
        contact_exhibitor_for_a_meeting(RepresentativeFactory(), exhibitor, "  ")
    assert not Lead.objects.exists() and not MeetingRequest.objects.exists()


def test_page_and_api_send_the_request(client, exhibitor):
    visitor = RepresentativeFactory()
    client.force_login(visitor)
    response = client.post(
        reverse("web:exhibitor-contact", args=[exhibitor.pk]), {"message": "Hello"}, follow=True
    )
    assert "A meeting request went to the exhibitor too" in response.content.decode()
    other = RepresentativeFactory()
    client.force_login(other)
    answer = client.post(
        reverse("api:exhibitor-leads", kwargs={"exhibitor_id": exhibitor.pk}),
        {"message": "Hello"},
        content_type="application/json",
    )
    assert answer.status_code == 201
    assert answer.json()["meeting_request"] == MeetingRequest.objects.get(requester=other).pk
