from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.common.bilingual import BilingualNameMixin, pick
from tradebridge.common.text_search import build_document
from tradebridge.directory.enums import OrganisationKind
from tradebridge.directory.models.ownership import OwnedRecord
from tradebridge.directory.validators import validate_logo


class Organisation(BilingualNameMixin, OwnedRecord):
    """A government body, agency, chamber, company, port, university or other organisation.

    An organisation of kind *agency* (or government body, chamber) whose staff use TradeBridge is
    a tenant: the records it owns (``owner``) and marks private are visible to its staff only.
    """

    kind = models.CharField(_("kind"), max_length=24, choices=OrganisationKind.choices)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=300, blank=True)
    short_name = models.CharField(
        _("short names"), max_length=200, blank=True, help_text=_("Comma-separated, e.g. MOFCOM")
    )
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    home_region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("home region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    sectors = models.ManyToManyField(
        "directory.Sector", verbose_name=_("sectors"), blank=True, related_name="organisations"
    )
    website = models.URLField(_("website"), blank=True)
    is_sme = models.BooleanField(_("small or medium enterprise"), default=False)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True, validators=[validate_logo])
    search_document = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["name_en", "name_zh"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(name_en="") | ~models.Q(name_zh=""),
                name="organisation_has_a_name",
            )
        ]

    @property
    def description(self) -> str:
        return pick(self.description_en, self.description_zh)

    def save(self, *args, **kwargs):
        shorts = [s.strip() for s in self.short_name.split(",") if s.strip()]
        self.search_document = build_document(
            [self.name_en, self.name_zh, *shorts], [self.description_en, self.description_zh]
        )
        super().save(*args, **kwargs)
