from tradebridge.events.models.event import Event, EventHost, EventSeries
from tradebridge.events.models.pavilion import (
    ConsultationBooking,
    ConsultationWindow,
    Exhibitor,
    Lead,
    Pavilion,
    Product,
)
from tradebridge.events.models.registration import Registration
from tradebridge.events.models.session import Session, SessionSpeaker

__all__ = [
    "ConsultationBooking",
    "ConsultationWindow",
    "Event",
    "EventHost",
    "EventSeries",
    "Exhibitor",
    "Lead",
    "Pavilion",
    "Product",
    "Registration",
    "Session",
    "SessionSpeaker",
]
