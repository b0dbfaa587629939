import io
from datetime import UTC, datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories.directory import OrganisationFactory
from tradebridge.directory.enums import Visibility
from tradebridge.events.enums import AttendanceMode, EventKind, EventStatus, SessionKind
from tradebridge.events.models import Event, Exhibitor, Pavilion, Session

# 22 September 2015, 09:00–12:00 in Seattle (PDT, UTC−7).
SEATTLE_START = datetime(2015, 9, 22, 16, 0, tzinfo=UTC)
SEATTLE_END = datetime(2015, 9, 22, 19, 0, tzinfo=UTC)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = EventKind.SEMINAR
    title_en = factory.Sequence(lambda n: f"Seminar {n}")
    title_zh = factory.Sequence(lambda n: f"研讨会{n}")
    starts_at = SEATTLE_START
    ends_at = SEATTLE_END
    timezone = "America/Los_Angeles"
    venue_en = "Seattle"
    attendance_mode = AttendanceMode.IN_PERSON
    status = EventStatus.PUBLISHED
    visibility = Visibility.PUBLIC


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    kind = SessionKind.PANEL
    title_en = factory.Sequence(lambda n: f"Panel {n}")
    starts_at = factory.LazyAttribute(lambda s: s.event.starts_at)
    ends_at = factory.LazyAttribute(lambda s: s.event.ends_at)


class PavilionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pavilion

    event = factory.SubFactory(EventFactory, kind=EventKind.EXPO, timezone="Asia/Shanghai")
    name_en = factory.Sequence(lambda n: f"Pavilion {n}")
    area_en = "Smart equipment"


class ExhibitorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exhibitor

    pavilion = factory.SubFactory(PavilionFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    stand = factory.Sequence(lambda n: f"A{n}")


def image_upload(name: str = "arm.png", kind: str = "PNG", size=(8, 8)) -> SimpleUploadedFile:
    """A real, small image file as a browser would upload it."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (15, 92, 140)).save(buffer, format=kind)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{kind.lower()}")
