"""Video rooms for online sessions: the operator's URL template with a stable, secret room name.

The room name is a random token stored on the session (not derived from its title or time), so
it survives edits and cannot be guessed. Which video service runs the rooms is configuration
(``TRADEBRIDGE_VIDEO_ROOM_URL``), never code.
"""

from django.conf import settings

from tradebridge.events.models import Session


def room_name(session: Session) -> str:
    return f"s{session.room_token}"


def video_room_url(session: Session) -> str:
    """The session's video-room URL, or "" for a session that is not online."""
    if not session.is_online:
        return ""
    return settings.TRADEBRIDGE_VIDEO_ROOM_URL.replace("{room}", room_name(session))
