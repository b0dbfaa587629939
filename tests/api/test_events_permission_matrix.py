"""The events API against every role; rows join the API permission matrix's URL names."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.directory import OrganisationFactory
from tests.factories.events import EventFactory, ExhibitorFactory, SessionFactory
from tradebridge.events.domain.registrations import register
from tradebridge.events.enums import AttendanceMode, EventStatus
from tradebridge.events.models import ConsultationBooking, ConsultationWindow, Product

ROLES = ("anonymous", "admin", "staff", "other_staff", "representative", "viewer")
REGISTER = {"attendance_mode": "in_person"}
LEAD = {"message": "Please get in touch"}
START = datetime(2020, 11, 5, 16, tzinfo=UTC)
BOOKING = {"starts_at": START.isoformat()}
WINDOWS = {  # the days after the fixtures' window
    "first_day": "2020-11-06",
    "last_day": "2020-11-10",
    "opens": "08:00",
    "closes": "11:00",
    "timezone": "America/Los_Angeles",
}
NEW_EVENT = {
    "kind": "forum",
    "title_en": "Des Moines forum",
    "starts_at": "2015-09-24T14:00:00Z",
    "ends_at": "2015-09-24T17:00:00Z",
    "timezone": "America/Chicago",
}
NEW_SESSION = {
    "kind": "keynote",
    "title_en": "Keynote",
    "starts_at": "2015-09-22T16:00:00Z",
    "ends_at": "2015-09-22T16:30:00Z",
}

# (url name, object key or None, method, body, expected statuses in ROLES order)
EVENTS_API_MATRIX = [
    ("api:event-list", None, "get", None, "200 200 200 200 200 200"),
    ("api:event-detail", "event", "get", None, "200 200 200 200 200 200"),
    ("api:event-detail", "draft", "get", None, "404 200 200 404 404 404"),
    ("api:session-list", "event", "get", None, "200 200 200 200 200 200"),
    ("api:session-list", "draft", "get", None, "404 200 200 404 404 404"),
    ("api:registration-list", "event", "post", REGISTER, "401 201 201 201 422 201"),
    ("api:registration-list", "draft", "post", REGISTER, "401 201 403 404 404 404"),
    ("api:my-registrations", None, "get", None, "401 200 200 200 200 200"),
    ("api:registration-list", "event", "get", None, "401 200 200 403 403 403"),
    ("api:registration-list", "draft", "get", None, "401 200 200 404 404 404"),
    (
        "api:registration-decision",
        "registration",
        "post",
        {"approve": False},
        "401 422 422 404 404 404",
    ),
    ("api:event-check-in", "event", "post", {"code": "NOPE"}, "401 422 422 403 403 403"),
    ("api:event-check-in", "draft", "post", {"code": "NOPE"}, "401 422 422 404 404 404"),
    ("api:consultation-window-list", "exhibitor", "post", WINDOWS, "401 201 201 403 403 403"),
    ("api:consultation-window-list", "draft_exhibitor", "post", WINDOWS, "401 201 201 404 404 404"),
    ("api:registration-detail", "registration", "delete", None, "401 200 200 404 404 404"),
    ("api:registration-detail", "own_registration", "delete", None, "401 200 200 404 200 404"),
    ("api:event-list", None, "post", NEW_EVENT, "401 201 201 201 403 403"),
    ("api:event-detail", "event", "patch", {"venue_en": "Tacoma"}, "401 200 200 403 403 403"),
    ("api:event-detail", "draft", "patch", {"venue_en": "Tacoma"}, "401 200 200 404 404 404"),
    ("api:event-publish", "draft", "post", None, "401 200 200 404 404 404"),
    ("api:session-list", "event", "post", NEW_SESSION, "401 201 201 403 403 403"),
    ("api:session-list", "draft", "post", NEW_SESSION, "401 201 201 404 404 404"),
    ("api:session-detail", "session", "patch", {"room": "B"}, "401 200 200 403 403 403"),
    ("api:session-detail", "draft_session", "patch", {"room": "B"}, "401 200 200 404 404 404"),
    ("api:pavilion-list", None, "get", None, "200 200 200 200 200 200"),
    ("api:pavilion-list", None, "post", "new_pavilion", "401 201 201 403 403 403"),
    ("api:pavilion-list", None, "post", "new_draft_pavilion", "401 201 201 404 404 404"),
    ("api:exhibitor-list", "pavilion", "post", "new_exhibitor", "401 201 201 403 403 403"),
    ("api:exhibitor-list", "draft_pavilion", "post", "new_exhibitor", "401 201 201 404 404 404"),
    ("api:product-list", "exhibitor", "post", {"title_en": "Robot arm"}, "401 201 201 403 201 403"),
    (
        "api:product-list",
        "draft_exhibitor",
        "post",
        {"title_en": "Robot arm"},
        "401 201 201 404 404 404",
    ),
    ("api:pavilion-detail", "pavilion", "get", None, "200 200 200 200 200 200"),
    ("api:pavilion-detail", "draft_pavilion", "get", None, "404 200 200 404 404 404"),
    ("api:exhibitor-leads", "exhibitor", "post", LEAD, "401 201 201 201 201 201"),
    ("api:exhibitor-leads", "draft_exhibitor", "post", LEAD, "401 201 403 404 404 404"),
    ("api:consultation-bookings", "window", "post", BOOKING, "401 201 201 201 201 201"),
    ("api:consultation-bookings", "draft_window", "post", BOOKING, "401 201 403 404 404 404"),
    # Changing and deleting: organisers only, but the exhibiting company keeps its catalogue.
    # What visitors have booked cannot be deleted (422); the draft's twins have no bookings.
    ("api:pavilion-detail", "pavilion", "patch", {"area_en": "Robotics"},
     "401 200 200 403 403 403"),
    ("api:pavilion-detail", "draft_pavilion", "patch", {"area_en": "Robotics"},
     "401 200 200 404 404 404"),
    ("api:pavilion-detail", "pavilion", "delete", None, "401 422 422 403 403 403"),
    ("api:pavilion-detail", "draft_pavilion", "delete", None, "401 204 204 404 404 404"),
    ("api:exhibitor-detail", "exhibitor", "patch", {"stand": "D4"}, "401 200 200 403 403 403"),
    ("api:exhibitor-detail", "draft_exhibitor", "patch", {"stand": "D4"},
     "401 200 200 404 404 404"),
    ("api:exhibitor-detail", "exhibitor", "delete", None, "401 422 422 403 403 403"),
    ("api:exhibitor-detail", "draft_exhibitor", "delete", None, "401 204 204 404 404 404"),
    ("api:product-detail", "product", "patch", {"title_zh": "机械臂"}, "401 200 200 403 200 403"),
    ("api:product-detail", "draft_product", "patch", {"title_zh": "机械臂"},
     "401 200 200 404 404 404"),
    ("api:product-detail", "product", "delete", None, "401 204 204 403 204 403"),
    ("api:product-detail", "draft_product", "delete", None, "401 204 204 404 404 404"),
    ("api:product-image", "product", "delete", None, "401 200 200 403 200 403"),
    ("api:product-image", "draft_product", "delete", None, "401 200 200 404 404 404"),
    ("api:consultation-window-detail", "window", "delete", None, "401 422 422 403 403 403"),
    ("api:consultation-window-detail", "draft_window", "delete", None,
     "401 204 204 404 404 404"),
    ("api:lead-list", None, "get", None, "401 200 200 200 200 200"),
    ("api:consultation-booking-list", None, "get", None, "401 200 200 200 200 200"),
    # The representative's company exhibits: they see its bookings but only organisers cancel.
    ("api:consultation-booking-detail", "booking", "delete", None, "401 204 204 404 403 404"),
    ("api:consultation-booking-detail", "own_booking", "delete", None,
     "401 204 204 404 204 404"),
]  # fmt: skip
EVENTS_API_MATRIX_NAMES = tuple(sorted({row[0] for row in EVENTS_API_MATRIX}))


@pytest.fixture
def objects(db, agency, representative):
    event = EventFactory(owner=agency)
    draft = EventFactory(owner=agency, status=EventStatus.DRAFT)
    exhibitor = ExhibitorFactory(pavilion__event=event, organisation=representative.organisation)
    draft_exhibitor = ExhibitorFactory(pavilion__event=draft)
    window, draft_window = (
        ConsultationWindow.objects.create(
            exhibitor=e, starts_at=START, ends_at=START + timedelta(hours=1), timezone="UTC"
        )
        for e in (exhibitor, draft_exhibitor)
    )
    # Later slots than BOOKING's, which each role books afresh.
    booking, own_booking = (
        ConsultationBooking.objects.create(
            window=window, starts_at=START + timedelta(minutes=minutes), user=user
        )
        for minutes, user in ((20, UserFactory()), (40, representative))
    )
    product = Product.objects.create(exhibitor=exhibitor, title_en="Robot arm")
    draft_product = Product.objects.create(exhibitor=draft_exhibitor, title_en="Draft arm")
    return {
        "product": {"product_id": product.pk},
        "draft_product": {"product_id": draft_product.pk},
        "booking": {"booking_id": booking.pk},
        "own_booking": {"booking_id": own_booking.pk},
        "new_pavilion": {"event": event.pk, "name_en": "Texas Pavilion", "host_region": "US-TX"},
        "new_draft_pavilion": {"event": draft.pk, "name_en": "Iowa Pavilion"},
        "new_exhibitor": {"organisation": OrganisationFactory().pk, "stand": "C3"},
        "session": {"session_id": SessionFactory(event=event).pk},
        "draft_session": {"session_id": SessionFactory(event=draft).pk},
        "pavilion": {"pavilion_id": exhibitor.pavilion_id},
        "draft_pavilion": {"pavilion_id": draft_exhibitor.pavilion_id},
        "exhibitor": {"exhibitor_id": exhibitor.pk},
        "draft_exhibitor": {"exhibitor_id": draft_exhibitor.pk},
        "window": {"window_id": window.pk},
        "draft_window": {"window_id": draft_window.pk},
        "event": {"event_id": event.pk},
        "draft": {"event_id": draft.pk},
        "registration": {
            "registration_id": register(UserFactory(), event, AttendanceMode.IN_PERSON).pk
        },
        "own_registration": {
            "registration_id": register(representative, event, AttendanceMode.IN_PERSON).pk
        },
    }


@pytest.fixture
def users(admin_user, staff_user, other_staff_user, representative, government_viewer):
    return {
        "anonymous": None,
        "admin": admin_user,
        "staff": staff_user,
        "other_staff": other_staff_user,
        "representative": representative,
        "viewer": government_viewer,
    }


@pytest.mark.parametrize(("name", "key", "method", "body", "expected"), EVENTS_API_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_events_api_matrix(client, objects, users, role, name, key, method, body, expected):
    if users[role] is not None:
        client.force_login(users[role])
    url = reverse(name, kwargs=objects[key] if key else None)
    if isinstance(body, str):
        body = objects[body]
    if body is None:
        response = getattr(client, method)(url)
    else:
        response = getattr(client, method)(url, body, content_type="application/json")
    want = int(expected.split()[ROLES.index(role)])
    assert response.status_code == want, f"{role} {method.upper()} {url}: {response.content}"
