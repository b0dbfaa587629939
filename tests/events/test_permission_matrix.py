"""Every role against every event page, drafts and other agencies' events included.

Statuses per role in the order of ROLES (the same roles as tests/web/test_permission_matrix.py).
302 is the login redirect of an anonymous visitor (or the redirect after a successful POST);
404 means the object does not exist for that user.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from tests.api.test_events_permission_matrix import EVENTS_API_MATRIX_NAMES
from tests.factories.accounts import UserFactory
from tests.factories.events import EventFactory, ExhibitorFactory, SessionFactory
from tradebridge.accounts.domain.calendar_links import calendar_token
from tradebridge.events.domain.registrations import register
from tradebridge.events.enums import AttendanceMode, EventStatus
from tradebridge.events.models import ConsultationBooking, ConsultationWindow, Product

START = datetime(2020, 11, 5, 16, tzinfo=UTC)

ROLES = ("anonymous", "admin", "staff", "other_staff", "representative", "viewer")

# (url name, object key or None, method, expected statuses in ROLES order)
EVENTS_MATRIX = [
    ("web:event-list", None, "get", "200 200 200 200 200 200"),
    ("web:my-calendar", None, "get", "302 200 200 200 200 200"),
    ("web:subscribed-calendar", "staff_calendar", "get", "200 200 200 200 200 200"),
    ("web:subscribed-calendar", "bad_calendar", "get", "404 404 404 404 404 404"),
    ("web:reset-calendar-link", None, "post", "302 302 302 302 302 302"),
    ("web:event-detail", "event", "get", "200 200 200 200 200 200"),
    ("web:event-detail", "draft", "get", "404 200 200 404 404 404"),
    ("web:event-calendar", "event", "get", "200 200 200 200 200 200"),
    ("web:event-calendar", "draft", "get", "404 200 200 404 404 404"),
    ("web:event-register", "event", "get", "302 200 200 200 200 200"),
    ("web:event-register", "draft", "get", "302 200 403 404 404 404"),
    ("web:event-manage", "event", "get", "302 200 200 403 403 403"),
    ("web:event-manage", "draft", "get", "302 200 200 404 404 404"),
    ("web:event-check-in", "event", "get", "302 200 200 403 403 403"),
    ("web:event-check-in", "draft", "get", "302 200 200 404 404 404"),
    ("web:registration-cancel", "registration", "post", "302 302 302 404 404 404"),
    ("web:registration-cancel", "own_registration", "post", "302 302 302 404 302 404"),
    ("web:registration-decide", "registration", "post", "302 400 400 404 404 404"),
    ("web:event-create", None, "get", "302 200 200 200 403 403"),
    ("web:event-edit", "event", "get", "302 200 200 403 403 403"),
    ("web:event-edit", "draft", "get", "302 200 200 404 404 404"),
    ("web:event-publish", "draft", "post", "302 302 302 404 404 404"),
    ("web:event-publish", "event", "post", "302 302 302 403 403 403"),
    ("web:session-create", "event", "get", "302 200 200 403 403 403"),
    ("web:session-create", "draft", "get", "302 200 200 404 404 404"),
    ("web:session-edit", "session", "get", "302 200 200 403 403 403"),
    ("web:session-edit", "draft_session", "get", "302 200 200 404 404 404"),
    ("web:pavilion-detail", "pavilion", "get", "200 200 200 200 200 200"),
    ("web:pavilion-detail", "draft_pavilion", "get", "404 200 200 404 404 404"),
    ("web:exhibitor-contact", "exhibitor", "get", "302 200 200 200 200 200"),
    ("web:exhibitor-contact", "draft_exhibitor", "get", "302 200 403 404 404 404"),
    ("web:consultation-book", "window", "get", "302 302 302 302 302 302"),
    ("web:consultation-book", "window", "post", "302 422 422 422 422 422"),
    ("web:consultation-book", "draft_window", "post", "302 422 403 404 404 404"),
    ("web:consultation-cancel", "booking", "post", "302 302 302 404 404 404"),
    ("web:consultation-cancel", "own_booking", "post", "302 302 302 404 302 404"),
    ("web:consultation-calendar", "booking", "get", "302 200 200 404 404 404"),
    ("web:consultation-calendar", "own_booking", "get", "302 200 200 404 200 404"),
    ("web:lead-list", None, "get", "302 200 200 200 200 200"),
    # The back office for pavilions, exhibitors, catalogues and consultation hours. An empty
    # POST is bad input (422); deleting what visitors have booked is refused (422).
    ("web:pavilion-create", "new_pavilion", "get", "302 200 200 403 403 403"),
    ("web:pavilion-create", "new_pavilion", "post", "302 422 422 403 403 403"),
    ("web:pavilion-create", "new_draft_pavilion", "get", "302 200 200 404 404 404"),
    ("web:pavilion-manage", "pavilion", "get", "302 200 200 403 403 403"),
    ("web:pavilion-manage", "draft_pavilion", "get", "302 200 200 404 404 404"),
    ("web:pavilion-edit", "pavilion", "get", "302 200 200 403 403 403"),
    ("web:pavilion-edit", "pavilion", "post", "302 422 422 403 403 403"),
    ("web:pavilion-edit", "draft_pavilion", "get", "302 200 200 404 404 404"),
    ("web:pavilion-delete", "pavilion", "get", "302 200 200 403 403 403"),
    ("web:pavilion-delete", "pavilion", "post", "302 422 422 403 403 403"),
    ("web:pavilion-delete", "draft_pavilion", "post", "302 302 302 404 404 404"),
    ("web:exhibitor-create", "new_exhibitor", "get", "302 200 200 403 403 403"),
    ("web:exhibitor-create", "new_exhibitor", "post", "302 422 422 403 403 403"),
    ("web:exhibitor-create", "new_draft_exhibitor", "get", "302 200 200 404 404 404"),
    ("web:exhibitor-edit", "exhibitor", "get", "302 200 200 403 403 403"),
    ("web:exhibitor-edit", "own_exhibitor", "post", "302 302 302 403 403 403"),
    ("web:exhibitor-edit", "draft_exhibitor", "get", "302 200 200 404 404 404"),
    ("web:exhibitor-delete", "exhibitor", "get", "302 200 200 403 403 403"),
    ("web:exhibitor-delete", "exhibitor", "post", "302 422 422 403 403 403"),
    ("web:exhibitor-delete", "own_exhibitor", "post", "302 302 302 403 403 403"),
    ("web:exhibitor-delete", "draft_exhibitor", "post", "302 302 302 404 404 404"),
    ("web:exhibitor-manage", "exhibitor", "get", "302 200 200 403 403 403"),
    ("web:exhibitor-manage", "own_exhibitor", "get", "302 200 200 403 200 403"),
    ("web:exhibitor-manage", "draft_exhibitor", "get", "302 200 200 404 404 404"),
    ("web:product-create", "new_product", "get", "302 200 200 403 403 403"),
    ("web:product-create", "new_own_product", "get", "302 200 200 403 200 403"),
    ("web:product-create", "new_own_product", "post", "302 422 422 403 422 403"),
    ("web:product-create", "new_draft_product", "get", "302 200 200 404 404 404"),
    ("web:product-edit", "product", "get", "302 200 200 403 200 403"),
    ("web:product-edit", "product", "post", "302 422 422 403 422 403"),
    ("web:product-edit", "draft_product", "get", "302 200 200 404 404 404"),
    ("web:product-delete", "product", "get", "302 200 200 403 200 403"),
    ("web:product-delete", "product", "post", "302 302 302 403 302 403"),
    ("web:product-delete", "draft_product", "post", "302 302 302 404 404 404"),
    ("web:consultation-window-create", "new_window", "get", "302 200 200 403 403 403"),
    ("web:consultation-window-create", "new_own_window", "get", "302 200 200 403 403 403"),
    ("web:consultation-window-create", "new_window", "post", "302 422 422 403 403 403"),
    ("web:consultation-window-create", "new_draft_window", "get", "302 200 200 404 404 404"),
    ("web:consultation-window-delete", "window", "get", "302 200 200 403 403 403"),
    ("web:consultation-window-delete", "window", "post", "302 422 422 403 403 403"),
    ("web:consultation-window-delete", "free_window", "post", "302 302 302 403 403 403"),
    ("web:consultation-window-delete", "draft_window", "post", "302 302 302 404 404 404"),
]
# The meta-test in tests/web/test_permission_matrix.py reads this: web and API event URLs.
EVENTS_MATRIX_NAMES = sorted({row[0] for row in EVENTS_MATRIX} | set(EVENTS_API_MATRIX_NAMES))


@pytest.fixture
def objects(db, agency, representative, staff_user):
    event = EventFactory(owner=agency, requires_approval=True)
    draft = EventFactory(owner=agency, status=EventStatus.DRAFT)
    someone = register(UserFactory(), event, AttendanceMode.IN_PERSON)
    own = register(representative, event, AttendanceMode.IN_PERSON)
    exhibitor = ExhibitorFactory(pavilion__event=event)
    draft_exhibitor = ExhibitorFactory(pavilion__event=draft)
    window, draft_window = (
        ConsultationWindow.objects.create(
            exhibitor=e, starts_at=START, ends_at=START + timedelta(hours=1), timezone="UTC"
        )
        for e in (exhibitor, draft_exhibitor)
    )
    booking = ConsultationBooking.objects.create(window=window, starts_at=START, user=UserFactory())
    own_booking = ConsultationBooking.objects.create(
        window=window, starts_at=START + timedelta(minutes=20), user=representative
    )
    # The representative's own company exhibits too, with a catalogue entry and free hours.
    own_exhibitor = ExhibitorFactory(
        pavilion=exhibitor.pavilion, organisation=representative.organisation
    )
    product = Product.objects.create(exhibitor=own_exhibitor, title_en="Robot arm")
    draft_product = Product.objects.create(exhibitor=draft_exhibitor, title_en="Draft arm")
    free_window = ConsultationWindow.objects.create(
        exhibitor=own_exhibitor, starts_at=START, ends_at=START + timedelta(hours=1), timezone="UTC"
    )
    return {
        "new_pavilion": {"event_pk": event.pk},
        "new_draft_pavilion": {"event_pk": draft.pk},
        "new_exhibitor": {"pavilion_pk": exhibitor.pavilion_id},
        "new_draft_exhibitor": {"pavilion_pk": draft_exhibitor.pavilion_id},
        "own_exhibitor": {"pk": own_exhibitor.pk},
        "new_product": {"exhibitor_pk": exhibitor.pk},
        "new_own_product": {"exhibitor_pk": own_exhibitor.pk},
        "new_draft_product": {"exhibitor_pk": draft_exhibitor.pk},
        "product": {"pk": product.pk},
        "draft_product": {"pk": draft_product.pk},
        "new_window": {"exhibitor_pk": exhibitor.pk},
        "new_own_window": {"exhibitor_pk": own_exhibitor.pk},
        "new_draft_window": {"exhibitor_pk": draft_exhibitor.pk},
        "free_window": {"pk": free_window.pk},
        "session": {"session_pk": SessionFactory(event=event).pk},
        "draft_session": {"session_pk": SessionFactory(event=draft).pk},
        "pavilion": {"pk": exhibitor.pavilion_id},
        "draft_pavilion": {"pk": draft_exhibitor.pavilion_id},
        "exhibitor": {"pk": exhibitor.pk},
        "draft_exhibitor": {"pk": draft_exhibitor.pk},
        "window": {"pk": window.pk},
        "draft_window": {"pk": draft_window.pk},
        "booking": {"pk": booking.pk},
        "own_booking": {"pk": own_booking.pk},
        "event": {"pk": event.pk},
        "draft": {"pk": draft.pk},
        "registration": {"pk": someone.pk},
        "own_registration": {"pk": own.pk},
        "staff_calendar": {"token": calendar_token(staff_user)},
        "bad_calendar": {"token": "not-a-token"},
    }


@pytest.mark.parametrize(("name", "key", "method", "expected"), EVENTS_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_events_permission_matrix(client, objects, users, role, name, key, method, expected):
    if users[role] is not None:
        client.force_login(users[role])
    url = reverse(name, kwargs=objects[key] if key else None)
    response = getattr(client, method)(url)
    want = int(expected.split()[ROLES.index(role)])
    assert response.status_code == want, f"{role} {method.upper()} {url}"
    if want == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))
