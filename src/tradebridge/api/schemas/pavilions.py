"""Pavilions, exhibitors, catalogues and consultation hours as the API shows and accepts them."""

from datetime import date, datetime, time

from ninja import Field, Schema

from tradebridge.api.schemas.fields import Id, Text
from tradebridge.events.domain.consultations import free_slot_starts
from tradebridge.events.domain.rooms import consultation_room_url

STRICT = {"extra": "forbid"}


class ProductOut(Schema):
    id: int
    title_en: str
    title_zh: str
    description_en: str
    description_zh: str
    hs_codes: list[str]
    sectors: list[str] = Field(description="Sector codes")
    image: str | None = Field(description="URL of the picture, if any")

    @staticmethod
    def resolve_hs_codes(product) -> list[str]:
        return product.hs_code_list()

    @staticmethod
    def resolve_image(product) -> str | None:
        return product.image.url if product.image else None

    @staticmethod
    def resolve_sectors(product) -> list[str]:
        return [sector.code for sector in product.sectors.all()]


class WindowOut(Schema):
    id: int
    starts_at: datetime
    ends_at: datetime
    timezone: str = Field(description="IANA zone the window was planned in")
    slot_minutes: int
    free_slots: list[datetime] = Field(description="UTC starts of the slots still free")

    @staticmethod
    def resolve_free_slots(window) -> list[datetime]:
        return free_slot_starts(window)


class ExhibitorOut(Schema):
    id: int
    organisation: int = Field(alias="organisation_id")
    name: str = Field(alias="organisation.name")
    stand: str
    products: list[ProductOut]
    consultation_windows: list[WindowOut]

    @staticmethod
    def resolve_products(exhibitor) -> list:
        return list(exhibitor.products.all())

    @staticmethod
    def resolve_consultation_windows(exhibitor) -> list:
        return list(exhibitor.consultation_windows.all())


class PavilionOut(Schema):
    id: int
    event: int = Field(alias="event_id")
    name_en: str
    name_zh: str
    description_en: str
    description_zh: str
    host_organisation: int | None = Field(alias="host_organisation_id")
    host_region: str | None
    area_en: str
    area_zh: str
    exhibitors: list[ExhibitorOut]

    @staticmethod
    def resolve_host_region(pavilion) -> str | None:
        return pavilion.host_region.code if pavilion.host_region_id else None

    @staticmethod
    def resolve_exhibitors(pavilion) -> list:
        return list(pavilion.exhibitors.all())


class LeadIn(Schema):
    model_config = STRICT

    message: Text = Field(max_length=2000)
    product: Id | None = None


class LeadOut(Schema):
    id: int
    exhibitor: int = Field(alias="exhibitor_id")
    product: int | None = Field(alias="product_id")
    message: str
    created_at: datetime
    meeting_request: int | None = Field(
        None, description="the meeting request sent with the lead, if any"
    )


class BookingIn(Schema):
    model_config = STRICT

    starts_at: datetime = Field(description="UTC start of a free slot, as listed")
    topic: Text = Field(default="", max_length=300)


class BookingOut(Schema):
    """A booking as its visitor and the exhibitor's side see it, with its own video room."""

    id: int
    window: int = Field(alias="window_id")
    starts_at: datetime
    topic: str
    room_url: str = Field(description="The consultation's own video room")

    @staticmethod
    def resolve_room_url(booking) -> str:
        return consultation_room_url(booking)


class BookingFollowUpOut(BookingOut):
    exhibitor: int = Field(alias="window.exhibitor_id")
    timezone: str = Field(alias="window.timezone", description="IANA zone of the window")
    visitor: str

    @staticmethod
    def resolve_visitor(booking) -> str:
        return booking.user.get_full_name() or booking.user.username


class LeadFollowUpOut(LeadOut):
    """A lead as the exhibitor's side sees it: who wrote, and how to answer."""

    visitor: str
    email: str = Field(alias="user.email")

    @staticmethod
    def resolve_visitor(lead) -> str:
        return lead.user.get_full_name() or lead.user.username


class PavilionIn(Schema):
    model_config = STRICT

    event: Id
    name_en: Text = Field("", max_length=300)
    name_zh: Text = Field("", max_length=300)
    description_en: Text = ""
    description_zh: Text = ""
    host_organisation: Id | None = None
    host_region: Text | None = Field(None, description="Region code, e.g. US-CA")
    area_en: Text = Field("", max_length=200)
    area_zh: Text = Field("", max_length=200)


class PavilionPatch(Schema):
    """Only the fields given change; ``null`` clears a host."""

    model_config = STRICT

    name_en: Text = Field(None, max_length=300)
    name_zh: Text = Field(None, max_length=300)
    description_en: Text = None
    description_zh: Text = None
    host_organisation: Id | None = None
    host_region: Text | None = Field(None, description="Region code, e.g. US-CA")
    area_en: Text = Field(None, max_length=200)
    area_zh: Text = Field(None, max_length=200)


class ExhibitorIn(Schema):
    model_config = STRICT

    organisation: Id
    stand: Text = Field("", max_length=50)
    staff: list[Id] = Field(
        [], max_length=100, description="Ids of people of the organisation on duty"
    )


class ExhibitorPatch(Schema):
    """The stand and the staff on duty; the organisation stays (remove and add instead)."""

    model_config = STRICT

    stand: Text = Field(None, max_length=50)
    staff: list[Id] = Field(None, max_length=100, description="Replaces the staff on duty")


class ProductIn(Schema):
    model_config = STRICT

    title_en: Text = Field("", max_length=300)
    title_zh: Text = Field("", max_length=300)
    description_en: Text = ""
    description_zh: Text = ""
    hs_codes: list[Text] = Field([], max_length=50, description="HS codes of 2, 4, 6 or 8 digits")
    sectors: list[Text] = Field([], max_length=50, description="Sector codes")


class ProductPatch(Schema):
    """Only the fields given change; the picture has its own URL (``…/image/``)."""

    model_config = STRICT

    title_en: Text = Field(None, max_length=300)
    title_zh: Text = Field(None, max_length=300)
    description_en: Text = None
    description_zh: Text = None
    hs_codes: list[Text] = Field(None, max_length=50, description="Replaces the HS codes")
    sectors: list[Text] = Field(None, max_length=50, description="Replaces the sector codes")


class DailyWindowsIn(Schema):
    """One window a day, opening and closing at the same local time in ``timezone``."""

    model_config = STRICT

    first_day: date
    last_day: date
    opens: time = Field(description="Local time, e.g. 08:00")
    closes: time = Field(description="Local time, e.g. 11:00")
    timezone: Text = Field(description="IANA zone, e.g. America/Los_Angeles")
    slot_minutes: int = Field(20, ge=5, le=240)
