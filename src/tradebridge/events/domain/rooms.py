"""Video rooms for online sessions and consultation bookings: the operator's URL template with a
stable, secret room name.

The room name is a random token stored on the session or booking (not derived from its title or
time), so it survives edits and cannot be guessed. Which video service runs the rooms is
configuration (``TRADEBRIDGE_VIDEO_ROOM_URL``), never code.
"""

from django.conf import settings

from tradebridge.events.models import ConsultationBooking, Session


def _room_url(name: str) -> str:
    return settings.TRADEBRIDGE_VIDEO_ROOM_URL.replace("{room}", name)


def room_name(session: Session) -> str:
    return f"s{session.room_token}"


def video_room_url(session: Session) -> str:
    """The session's video-room URL, or "" for a session that is not online."""
    if not session.is_online:
        return ""
    return _room_url(room_name(session))


def consultation_room_name(booking: ConsultationBooking) -> str:
    return f"c{booking.room_token}"


def consultation_room_url(booking: ConsultationBooking) -> str:
    """The booking's own video room, where the visitor meets the exhibitor's staff.

    Give it only to the visitor and to the exhibitor's side (``events.follow_up_exhibitor``).
    """
    return _room_url(consultation_room_name(booking))
