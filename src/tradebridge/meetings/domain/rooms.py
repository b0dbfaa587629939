"""Video rooms for online meetings: the operator's URL template with a secret room name.

As for event sessions (events/domain/rooms.py), the name is a random token stored on the
meeting, so it survives a move and cannot be guessed; the service is configuration
(``TRADEBRIDGE_VIDEO_ROOM_URL``), never code.
"""

from django.conf import settings

from tradebridge.meetings.enums import PlaceKind
from tradebridge.meetings.models import Meeting


def room_name(meeting: Meeting) -> str:
    return f"m{meeting.room_token}"


def meeting_room_url(meeting: Meeting) -> str:
    """The meeting's video-room URL, or "" for a meeting at a table only."""
    if meeting.place_kind != PlaceKind.ONLINE:
        return ""
    return settings.TRADEBRIDGE_VIDEO_ROOM_URL.replace("{room}", room_name(meeting))
