"""Every role against every meetings page and API route.

Statuses per role in the order of ROLES (the users of tests/conftest.py). The representative's
company (owned by the staff's agency) is a side of ``own_request``, ``incoming`` and
``accepted``; the staff's agency organises ``event``; ``stranger`` is a request between two
other companies at an event of the other agency. 302 for an anonymous visitor is the login
redirect (for others, the redirect after a successful POST); 404: the object does not exist
for that user. Superusers (admin) may manage meetings but not act as a side (403).
"""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests.factories.events import EventFactory
from tests.factories.meetings import MeetingSettingsFactory, RepresentativeFactory
from tradebridge.events.enums import EventStatus
from tradebridge.meetings.domain.bookings import book_meeting
from tradebridge.meetings.domain.requests import accept_request, request_meeting

ROLES = ("anonymous", "admin", "staff", "other_staff", "representative", "viewer")
NOV_5_0900 = "2020-11-05T01:00:00Z"

# (url name, object key or None, method, expected statuses in ROLES order)
MEETINGS_MATRIX = [
    ("web:meetings", None, "get", "302 200 200 200 200 200"),
    ("web:meeting-request-create", None, "get", "302 403 200 200 200 403"),
    ("web:meeting-request-create", None, "post", "302 403 422 422 422 403"),
    ("web:meeting-organisation-suggestions", None, "get", "302 403 200 200 200 403"),
    ("web:meeting-request-detail", "own_request", "get", "302 200 200 404 200 404"),
    ("web:meeting-request-detail", "stranger", "get", "302 200 404 200 404 404"),
    ("web:meeting-request-accept", "incoming", "post", "302 403 403 404 302 404"),
    ("web:meeting-request-accept", "own_request", "post", "302 403 403 404 403 404"),
    ("web:meeting-request-decline", "incoming", "post", "302 403 403 404 302 404"),
    ("web:meeting-request-propose", "incoming", "post", "302 403 403 404 422 404"),
    ("web:meeting-request-cancel", "own_request", "post", "302 302 302 404 302 404"),
    ("web:meeting-request-cancel", "stranger", "post", "302 302 404 302 404 404"),
    ("web:meeting-book", "accepted", "get", "302 200 200 404 200 404"),
    ("web:meeting-book", "accepted", "post", "302 422 422 404 422 404"),
    ("web:meeting-book", "incoming", "get", "302 200 200 404 200 404"),
    ("web:meeting-availability", None, "get", "302 403 200 200 200 403"),
    ("web:meeting-availability", None, "post", "302 403 422 422 422 403"),
    ("web:meeting-settings", "event", "get", "302 200 200 403 403 403"),
    ("web:meeting-settings", "event", "post", "302 422 422 403 403 403"),
    ("web:meeting-settings", "draft", "get", "302 200 200 404 404 404"),
]

# (url name, object key or None, method, body (or key of one), expected statuses)
MEETINGS_API_MATRIX = [
    ("api:meeting-request-list", None, "get", None, "401 200 200 200 200 200"),
    ("api:meeting-request-list", None, "post", "new_request", "401 403 201 201 201 403"),
    ("api:meeting-request-detail", "own_request", "get", None, "401 200 200 404 200 404"),
    ("api:meeting-request-detail", "stranger", "get", None, "401 200 404 200 404 404"),
    ("api:meeting-request-accept", "incoming", "post", {}, "401 403 403 404 200 404"),
    ("api:meeting-request-decline", "incoming", "post", {}, "401 403 403 404 200 404"),
    (
        "api:meeting-request-propose",
        "incoming",
        "post",
        {"starts_at": NOV_5_0900},
        "401 403 403 404 200 404",
    ),
    ("api:meeting-request-cancel", "own_request", "post", {}, "401 200 200 404 200 404"),
    ("api:meeting-free-slots", "accepted", "get", None, "401 200 200 404 200 404"),
    (
        "api:meeting-booking",
        "accepted",
        "post",
        {"starts_at": NOV_5_0900},
        "401 201 201 404 201 404",
    ),
    (
        "api:meeting-booking",
        "booked",
        "put",
        {"starts_at": "2020-11-05T02:00:00Z"},
        "401 200 200 404 200 404",
    ),
    ("api:meeting-list", None, "get", None, "401 200 200 200 200 200"),
    ("api:meeting-availability", None, "get", None, "401 404 404 404 404 404"),
    (
        "api:meeting-availability",
        None,
        "put",
        {"timezone": "Asia/Shanghai"},
        "401 403 200 200 200 403",
    ),
    ("api:meeting-settings", "event_api", "get", None, "401 200 200 403 403 403"),
    ("api:meeting-settings", "draft_api", "get", None, "401 200 200 404 404 404"),
    ("api:meeting-settings", "event_api", "put", "settings", "401 200 200 403 403 403"),
    ("api:meeting-settings", "draft_api", "put", "settings", "401 200 200 404 404 404"),
]

# The meta-test in tests/web/test_permission_matrix.py reads this: web and API meeting URLs.
MEETINGS_MATRIX_NAMES = sorted(
    {row[0] for row in MEETINGS_MATRIX} | {row[0] for row in MEETINGS_API_MATRIX}
)


def _between(requester, recipient, event):
    return request_meeting(requester, recipient_organisation=recipient.organisation, event=event)


@pytest.fixture
def objects(db, agency, other_agency, representative):
    event = MeetingSettingsFactory(event__owner=agency).event
    draft = MeetingSettingsFactory(event__owner=agency, event__status=EventStatus.DRAFT).event
    elsewhere = EventFactory(owner=other_agency)
    own_request = _between(representative, RepresentativeFactory(), event)
    incoming = _between(RepresentativeFactory(), representative, event)
    partner = RepresentativeFactory()
    accepted = accept_request(partner, _between(representative, partner, event))
    other_partner = RepresentativeFactory()
    booked = accept_request(other_partner, _between(representative, other_partner, event))
    book_meeting(representative, booked, datetime(2020, 11, 5, 1, 30, tzinfo=UTC))
    stranger = _between(RepresentativeFactory(), RepresentativeFactory(), elsewhere)
    return {
        "event": {"pk": event.pk},
        "draft": {"pk": draft.pk},
        "event_api": {"event_id": event.pk},
        "draft_api": {"event_id": draft.pk},
        "own_request": {"pk": own_request.pk},
        "incoming": {"pk": incoming.pk},
        "accepted": {"pk": accepted.pk},
        "booked": {"pk": booked.pk},
        "stranger": {"pk": stranger.pk},
        "new_request": {"recipient_organisation": RepresentativeFactory().organisation_id},
        "settings": {
            "slot_minutes": 30,
            "days": ["2020-11-05"],
            "sessions": [{"part": "morning", "starts": "09:00", "ends": "12:00"}],
            "tables": 3,
        },
    }


def _api_kwargs(key, objects):
    if key is None:
        return None
    kwargs = objects[key]
    return {"request_id": kwargs["pk"]} if "pk" in kwargs else kwargs


@pytest.mark.parametrize(("name", "key", "method", "expected"), MEETINGS_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_meetings_permission_matrix(client, objects, users, role, name, key, method, expected):
    if users[role] is not None:
        client.force_login(users[role])
    url = reverse(name, kwargs=objects[key] if key else None)
    response = getattr(client, method)(url)
    want = int(expected.split()[ROLES.index(role)])
    assert response.status_code == want, f"{role} {method.upper()} {url}"
    if want == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "key", "method", "body", "expected"), MEETINGS_API_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_meetings_api_matrix(client, objects, users, role, name, key, method, body, expected):
    if users[role] is not None:
        client.force_login(users[role])
    url = reverse(name, kwargs=_api_kwargs(key, objects))
    if isinstance(body, str):
        body = objects[body]
    if body is None:
        response = getattr(client, method)(url)
    else:
        response = getattr(client, method)(url, body, content_type="application/json")
    want = int(expected.split()[ROLES.index(role)])
    assert response.status_code == want, f"{role} {method.upper()} {url}: {response.content}"
