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
from tradebridge.events.models import ConsultationBooking, ConsultationWindow

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
    return {
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
