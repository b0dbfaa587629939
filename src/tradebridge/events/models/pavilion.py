from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.common.bilingual import BilingualNameMixin, pick
from tradebridge.events.models.session import new_room_token
from tradebridge.events.validators import validate_hs_codes, validate_product_image


class Pavilion(BilingualNameMixin, models.Model):
    """A region's or organisation's pavilion at an expo, e.g. the California Pavilion.

    It is visible wherever its event is; its event's organising agency manages it.
    """

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="pavilions")
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=300, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    host_organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("host organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pavilions",
    )
    host_region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("host region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pavilions",
    )
    area_en = models.CharField(_("exhibition area (English)"), max_length=200, blank=True)
    area_zh = models.CharField(_("exhibition area (Chinese)"), max_length=200, blank=True)

    class Meta:
        ordering = ["event", "name_en", "pk"]
        verbose_name = _("pavilion")
        verbose_name_plural = _("pavilions")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(name_en="") | ~models.Q(name_zh=""),
                name="pavilion_has_a_name",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        return pick(self.description_en, self.description_zh)

    @property
    def area(self) -> str:
        return pick(self.area_en, self.area_zh)


class Exhibitor(models.Model):
    """An organisation with a stand in a pavilion, and the staff who are on duty there."""

    pavilion = models.ForeignKey(Pavilion, on_delete=models.CASCADE, related_name="exhibitors")
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="exhibits",
    )
    stand = models.CharField(_("stand"), max_length=50, blank=True)
    staff = models.ManyToManyField(
        "directory.Person", verbose_name=_("staff on duty"), blank=True, related_name="stands"
    )

    class Meta:
        ordering = ["pavilion", "stand", "pk"]
        verbose_name = _("exhibitor")
        verbose_name_plural = _("exhibitors")
        constraints = [
            models.UniqueConstraint(
                fields=["pavilion", "organisation"], name="one_stand_per_pavilion"
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class Product(models.Model):
    """One entry of an exhibitor's bilingual catalogue of products and services."""

    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="products")
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    hs_codes = models.CharField(
        _("HS codes"), max_length=200, blank=True, validators=[validate_hs_codes]
    )
    sectors = models.ManyToManyField(
        "directory.Sector", verbose_name=_("sectors"), blank=True, related_name="products"
    )
    image = models.ImageField(
        _("image"), upload_to="products/", blank=True, validators=[validate_product_image]
    )

    class Meta:
        ordering = ["exhibitor", "title_en", "pk"]
        verbose_name = _("product or service")
        verbose_name_plural = _("products and services")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(title_en="") | ~models.Q(title_zh=""),
                name="product_has_a_title",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(self.title_en, self.title_zh)

    @property
    def description(self) -> str:
        return pick(self.description_en, self.description_zh)

    def hs_code_list(self) -> list[str]:
        return [code for code in self.hs_codes.split(",") if code]

    def clean(self):
        if not self.title_en.strip() and not self.title_zh.strip():
            raise ValidationError({"title_en": _("Give a title in English or Chinese, or both.")})


class Lead(models.Model):
    """A visitor asked an exhibitor to get in touch ("Contact this exhibitor")."""

    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="leads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exhibitor_leads"
    )
    product = models.ForeignKey(
        Product, null=True, blank=True, on_delete=models.SET_NULL, related_name="leads"
    )
    message = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("lead")
        verbose_name_plural = _("leads")

    def __str__(self) -> str:
        return f"{self.user} → {self.exhibitor}"


class ConsultationWindow(models.Model):
    """A time when an exhibitor's staff are online, cut into bookable slots.

    Stored in UTC with the zone it was planned in ("every morning Pacific time"), so each day's
    window keeps its local hours across daylight-saving changes.
    """

    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.CASCADE, related_name="consultation_windows"
    )
    starts_at = models.DateTimeField(_("starts (UTC)"))
    ends_at = models.DateTimeField(_("ends (UTC)"))
    timezone = models.CharField(_("planned in time zone"), max_length=64)
    slot_minutes = models.PositiveSmallIntegerField(_("minutes per consultation"), default=20)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("consultation window")
        verbose_name_plural = _("consultation windows")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="window_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(slot_minutes__gte=5), name="slots_of_at_least_five_minutes"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exhibitor} {self.starts_at:%Y-%m-%d %H:%M} UTC"


class ConsultationBooking(models.Model):
    """One visitor's slot in a consultation window. The database refuses a second booking of
    the same slot (and a visitor booking two consultations at the same moment)."""

    window = models.ForeignKey(
        ConsultationWindow, on_delete=models.CASCADE, related_name="bookings"
    )
    starts_at = models.DateTimeField(_("starts (UTC)"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultations"
    )
    topic = models.CharField(_("topic"), max_length=300, blank=True)
    # The booking's own video room (see events/domain/rooms.py), secret like a session's.
    room_token = models.CharField(
        max_length=32, unique=True, default=new_room_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("consultation booking")
        verbose_name_plural = _("consultation bookings")
        constraints = [
            models.UniqueConstraint(fields=["window", "starts_at"], name="one_booking_per_slot"),
            models.UniqueConstraint(
                fields=["user", "starts_at"], name="one_consultation_at_a_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.window.exhibitor} {self.starts_at:%Y-%m-%d %H:%M} UTC"
