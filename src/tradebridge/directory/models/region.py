from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.common.bilingual import BilingualNameMixin
from tradebridge.common.text_search import build_document
from tradebridge.directory.enums import RegionKind
from tradebridge.directory.validators import validate_timezone


class Region(BilingualNameMixin, models.Model):
    """A country, or a place beneath one: province, state, city, county or port."""

    code = models.CharField(
        _("code"),
        max_length=32,
        unique=True,
        help_text=_("ISO 3166 code (CN, CN-GD, US-CA) or a code of your own for a city or port"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=RegionKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    country_code = models.CharField(_("country"), max_length=2, editable=False, db_index=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    aliases = models.CharField(
        _("other names"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated: official romanised names, abbreviations such as 加州"),
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_timezone], help_text=_("IANA name")
    )
    search_document = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["country_code", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(name_en="") | ~models.Q(name_zh=""),
                name="region_has_a_name",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.split(",") if a.strip()]

    def save(self, *args, **kwargs):
        self.country_code = (self.parent.country_code if self.parent else self.code[:2]).upper()
        self.search_document = build_document(
            [self.name_en, self.name_zh, self.code, *self.alias_list()]
        )
        super().save(*args, **kwargs)
