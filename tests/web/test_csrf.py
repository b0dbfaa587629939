"""Every state-changing page refuses a POST without a CSRF token."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.directory import AffiliationFactory
from tests.factories.events import EventFactory, ExhibitorFactory
from tests.factories.meetings import MeetingSettingsFactory, RepresentativeFactory
from tradebridge.events.domain.registrations import register
from tradebridge.events.enums import AttendanceMode
from tradebridge.events.models import ConsultationBooking, ConsultationWindow, Product
from tradebridge.meetings.domain.requests import request_meeting
from tradebridge.meetings.models import ScheduleRun
from tradebridge.meetings.schedule_enums import RunStatus


def _meeting_urls(staff_user):
    partner = RepresentativeFactory()
    event = MeetingSettingsFactory(event__owner=staff_user.organisation).event
    request = request_meeting(partner, recipient_organisation=staff_user.organisation, event=event)
    return [
        reverse("web:meeting-request-create"),
        reverse("web:meeting-request-accept", args=[request.pk]),
        reverse("web:meeting-request-decline", args=[request.pk]),
        reverse("web:meeting-request-propose", args=[request.pk]),
        reverse("web:meeting-request-cancel", args=[request.pk]),
        reverse("web:meeting-book", args=[request.pk]),
        reverse("web:meeting-availability"),
        reverse("web:meeting-settings", args=[event.pk]),
    ]


@pytest.fixture
def csrf_client(staff_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    return client


def _event_urls(staff_user):
    event = EventFactory(owner=staff_user.organisation)
    registration = register(UserFactory(), event, AttendanceMode.IN_PERSON)
    exhibitor = ExhibitorFactory(pavilion__event=event)
    window = ConsultationWindow.objects.create(
        exhibitor=exhibitor, starts_at=event.starts_at, ends_at=event.ends_at, timezone="UTC"
    )
    booking = ConsultationBooking.objects.create(
        window=window, starts_at=event.starts_at, user=staff_user
    )
    product = Product.objects.create(exhibitor=exhibitor, title_en="Robot arm")
    return [
        reverse("web:event-create"),
        reverse("web:event-edit", args=[event.pk]),
        reverse("web:event-publish", args=[event.pk]),
        reverse("web:session-create", args=[event.pk]),
        reverse("web:event-register", args=[event.pk]),
        reverse("web:event-check-in", args=[event.pk]),
        reverse("web:registration-cancel", args=[registration.pk]),
        reverse("web:registration-decide", args=[registration.pk]),
        reverse("web:exhibitor-contact", args=[exhibitor.pk]),
        reverse("web:consultation-book", args=[window.pk]),
        reverse("web:consultation-cancel", args=[booking.pk]),
        reverse("web:pavilion-create", args=[event.pk]),
        reverse("web:pavilion-edit", args=[exhibitor.pavilion_id]),
        reverse("web:pavilion-delete", args=[exhibitor.pavilion_id]),
        reverse("web:exhibitor-create", args=[exhibitor.pavilion_id]),
        reverse("web:exhibitor-edit", args=[exhibitor.pk]),
        reverse("web:exhibitor-delete", args=[exhibitor.pk]),
        reverse("web:product-create", args=[exhibitor.pk]),
        reverse("web:product-edit", args=[product.pk]),
        reverse("web:product-delete", args=[product.pk]),
        reverse("web:consultation-window-create", args=[exhibitor.pk]),
        reverse("web:consultation-window-delete", args=[window.pk]),
    ]


def _matching_urls(company, staff_user):
    partner = AffiliationFactory().organisation
    event = EventFactory(owner=staff_user.organisation)
    return [
        reverse("web:match-profile-edit", args=[company.pk]),
        reverse("web:partner-feedback", args=[company.pk, partner.pk]),
        reverse("web:partner-feedback-clear", args=[company.pk, partner.pk]),
        reverse("web:partner-meeting", args=[company.pk, partner.pk]),
        # Pages without a form: a POST is refused like any other.
        reverse("web:partner-list", args=[company.pk]),
        reverse("web:event-matches", args=[event.pk]),
    ]


def _scheduling_urls(staff_user):
    event = EventFactory(owner=staff_user.organisation)
    run = ScheduleRun.objects.create(event=event, status=RunStatus.FINISHED)
    return [
        reverse("web:event-schedule", args=[event.pk]),
        reverse("web:schedule-run-cancel", args=[run.pk]),
        reverse("web:schedule-run-publish", args=[run.pk]),
    ]


def test_every_form_page_needs_the_token(csrf_client, company, agency, staff_user):
    person = AffiliationFactory(organisation=company, person__owner=agency).person
    urls = [
        reverse("web:organisation-create"),
        reverse("web:organisation-edit", args=[company.pk]),
        reverse("web:organisation-delete", args=[company.pk]),
        reverse("web:organisation-invite", args=[company.pk]),
        reverse("web:person-create"),
        reverse("web:person-edit", args=[person.pk]),
        reverse("web:person-delete", args=[person.pk]),
        reverse("web:transfer"),
        reverse("accounts:profile"),
        reverse("accounts:api-tokens"),
        reverse("accounts:logout"),
        reverse("web:reset-calendar-link"),
        reverse("accounts:password-reset"),
        reverse("set_language"),
        *_event_urls(staff_user),
        *_meeting_urls(staff_user),
        *_matching_urls(company, staff_user),
        *_scheduling_urls(staff_user),
    ]
    for url in urls:
        assert csrf_client.post(url, {}).status_code == 403, url
    assert company.__class__.objects.filter(pk=company.pk).exists()


def test_login_needs_the_token(db):
    client = Client(enforce_csrf_checks=True)
    assert (
        client.post(reverse("accounts:login"), {"username": "a", "password": "b"}).status_code
        == 403
    )


def test_with_the_token_the_form_works(csrf_client):
    page = csrf_client.get(reverse("accounts:profile"))
    token = page.cookies["csrftoken"].value
    response = csrf_client.post(
        reverse("accounts:profile"),
        {"language": "en", "timezone": "UTC", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
