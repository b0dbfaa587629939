"""Demo meetings at CIIE 2020 between Chinese buyers and Californian exporters.

The Eastday article has the California delegation meeting the consultants at the Shanghai site
online, 16 hours apart; the requests, their answers and the booked time below are illustrative.
Everything goes through the domain functions, as the demo logins would do it by hand. Loading
is idempotent: a request is found by its two organisations and event.
"""

from datetime import UTC, datetime

from django.contrib.auth import get_user_model

from tradebridge.directory.demo.specs import BAY_AREA_CHINA_OFFICE
from tradebridge.directory.models import Organisation
from tradebridge.events.demo import CIIE_EN, SACRAMENTO
from tradebridge.events.models import Event
from tradebridge.meetings.domain.availability import set_availability
from tradebridge.meetings.domain.bookings import book_meeting, live_meeting
from tradebridge.meetings.domain.event_settings import set_meeting_settings, settings_for
from tradebridge.meetings.domain.requests import accept_request, request_meeting
from tradebridge.meetings.enums import PlaceKind, Priority
from tradebridge.meetings.models import MeetingRequest

# 6 November 2020, 09:00 in Shanghai: 17:00 on 5 November in Sacramento.
ONLINE_MEETING_AT = datetime(2020, 11, 6, 1, 0, tzinfo=UTC)

SETTINGS = {
    "slot_minutes": 30,
    "days": ["2020-11-05", "2020-11-06", "2020-11-07", "2020-11-08", "2020-11-09"],
    "sessions": [
        {"part": "morning", "starts": "09:00", "ends": "12:00"},
        {"part": "afternoon", "starts": "13:30", "ends": "17:00"},
    ],
    "breaks": [{"starts": "10:30", "ends": "10:45"}],
    "tables": [(f"C{number}", "California Pavilion, Hall 4.1") for number in range(1, 9)]
    + [
        ("Screen 1", "California Pavilion, Hall 4.1"),
        ("Screen 2", "California Pavilion, Hall 4.1"),
    ],
    "online_tables": 2,
    "default_max_per_day": 8,
}

# (requester login, organisation asked, place, priority, message, answer by)
REQUESTS = [
    (
        "xiaomi",
        SACRAMENTO,
        PlaceKind.ONLINE,
        Priority.MUST_MEET,
        "我们希望了解加州企业的智能设备和出口服务，能否在进博会期间在线交流？",
        "sacramento-export",
    ),
    (
        "mebo",
        "Xiaomi",
        PlaceKind.ONLINE,
        Priority.WOULD_LIKE,
        "MEBO Group would like to present its world service trade platform to Xiaomi.",
        "xiaomi",
    ),
    (
        "xiaomi",
        "Port of Oakland",
        PlaceKind.ONLINE,
        Priority.WOULD_LIKE,
        "希望了解奥克兰港对华出口物流服务。",
        None,
    ),
    (
        "sacramento-export",
        "Yili Industrial Group",
        PlaceKind.TABLE,
        Priority.WOULD_LIKE,
        "Californian dairy and almond exporters would like to meet Yili's buyers at the "
        "California Pavilion; our consultants on site can host the meeting.",
        None,
    ),
]


def _login(username: str):
    return get_user_model().objects.filter(username=username, is_active=True).first()


def _settings(ciie: Event, counts: dict) -> None:
    organiser = (
        get_user_model()
        .objects.filter(organisation__name_en=BAY_AREA_CHINA_OFFICE, is_active=True)
        .first()
    )
    if organiser is None or settings_for(ciie) is not None:
        return
    set_meeting_settings(organiser, ciie, **SETTINGS)
    counts["settings"] += 1


def _availability(ciie: Event) -> None:
    xiaomi, sacramento = _login("xiaomi"), _login("sacramento-export")
    if xiaomi is not None:
        set_availability(
            xiaomi,
            event=ciie,
            timezone="Asia/Shanghai",
            windows=[{"starts": "09:00", "ends": "18:00"}],
        )
    if sacramento is not None:
        set_availability(
            sacramento,
            event=ciie,
            timezone="America/Los_Angeles",
            windows=[{"starts": "08:00", "ends": "18:00"}],
        )


def load_meetings() -> dict[str, int]:
    """Meeting settings for CIIE 2020, the demo's meeting requests and one booked online
    meeting across the Pacific; returns what it created."""
    counts = {"settings": 0, "requests": 0, "accepted": 0, "booked": 0}
    ciie = Event.objects.filter(title_en=CIIE_EN).first()
    if ciie is None:
        return counts
    _settings(ciie, counts)
    _availability(ciie)
    for username, recipient, place, priority, message, answerer in REQUESTS:
        requester = _login(username)
        organisation = Organisation.objects.filter(name_en=recipient).first()
        if requester is None or organisation is None:
            continue
        existing = MeetingRequest.objects.filter(
            requester_organisation=requester.organisation_id,
            recipient_organisation=organisation,
            event=ciie,
        ).first()
        if existing is not None:
            continue
        meeting_request = request_meeting(
            requester,
            recipient_organisation=organisation,
            event=ciie,
            message=message,
            priority=priority,
            place_kind=place,
        )
        counts["requests"] += 1
        answering = _login(answerer) if answerer else None
        if answering is None:
            continue
        meeting_request = accept_request(answering, meeting_request)
        counts["accepted"] += 1
        if priority == Priority.MUST_MEET and live_meeting(meeting_request) is None:
            book_meeting(requester, meeting_request, ONLINE_MEETING_AT)
            counts["booked"] += 1
    return counts
