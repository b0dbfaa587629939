from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.common.bilingual import other, pick
from tradebridge.directory.validators import validate_language_list
from tradebridge.matchmaking.enums import CompanySize, DealType
from tradebridge.matchmaking.validators import (
    text_items,
    validate_deal_types,
    validate_hs_codes,
    validate_item_text,
)

ITEM_HELP = _("One product or service per line.")


class MatchProfile(models.Model):
    """What one organisation offers and seeks, in English, Chinese or both.

    ``generation`` is the value of the index state counter when the profile last changed; the
    in-process match index reads the rows newer than what it holds (see domain/index_cache.py).
    """

    organisation = models.OneToOneField(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="match_profile",
    )
    offers_en = models.TextField(
        _("what you offer (English)"),
        blank=True,
        validators=[validate_item_text],
        help_text=ITEM_HELP,
    )
    offers_zh = models.TextField(
        _("what you offer (Chinese)"),
        blank=True,
        validators=[validate_item_text],
        help_text=ITEM_HELP,
    )
    offer_hs_codes = models.CharField(
        _("HS codes of what you offer"),
        max_length=400,
        blank=True,
        validators=[validate_hs_codes],
        help_text=_("2, 4, 6 or 8 digits, separated by commas, e.g. 0802, 080212"),
    )
    offer_sectors = models.ManyToManyField(
        "directory.Sector",
        verbose_name=_("sectors of what you offer"),
        blank=True,
        related_name="+",
    )
    needs_en = models.TextField(
        _("what you seek (English)"),
        blank=True,
        validators=[validate_item_text],
        help_text=ITEM_HELP,
    )
    needs_zh = models.TextField(
        _("what you seek (Chinese)"),
        blank=True,
        validators=[validate_item_text],
        help_text=ITEM_HELP,
    )
    need_hs_codes = models.CharField(
        _("HS codes of what you seek"),
        max_length=400,
        blank=True,
        validators=[validate_hs_codes],
        help_text=_("2, 4, 6 or 8 digits, separated by commas, e.g. 0401"),
    )
    need_sectors = models.ManyToManyField(
        "directory.Sector",
        verbose_name=_("sectors of what you seek"),
        blank=True,
        related_name="+",
    )
    deal_types = models.CharField(
        _("deal types"), max_length=300, blank=True, validators=[validate_deal_types]
    )
    target_regions = models.ManyToManyField(
        "directory.Region",
        verbose_name=_("target regions"),
        blank=True,
        related_name="+",
        help_text=_("Countries, provinces and states where you look for partners"),
    )
    size = models.CharField(_("size"), max_length=12, blank=True, choices=CompanySize.choices)
    languages = models.CharField(
        _("languages spoken"), max_length=100, blank=True, validators=[validate_language_list]
    )
    generation = models.BigIntegerField(default=0, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("matchmaking profile")
        verbose_name_plural = _("matchmaking profiles")

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def offers(self) -> str:
        return pick(self.offers_en, self.offers_zh)

    @property
    def other_offers(self) -> str:
        return other(self.offers_en, self.offers_zh)

    @property
    def needs(self) -> str:
        return pick(self.needs_en, self.needs_zh)

    @property
    def other_needs(self) -> str:
        return other(self.needs_en, self.needs_zh)

    def offer_items(self) -> list[str]:
        return text_items(self.offers_en) + text_items(self.offers_zh)

    def need_items(self) -> list[str]:
        return text_items(self.needs_en) + text_items(self.needs_zh)

    def offer_hs_list(self) -> list[str]:
        return [code for code in self.offer_hs_codes.split(",") if code]

    def need_hs_list(self) -> list[str]:
        return [code for code in self.need_hs_codes.split(",") if code]

    def deal_type_list(self) -> list[str]:
        return [code for code in self.deal_types.split(",") if code]

    def deal_type_labels(self) -> list[str]:
        labels = dict(DealType.choices)
        return [str(labels[code]) for code in self.deal_type_list() if code in labels]

    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    def is_empty(self) -> bool:
        """True if the profile states nothing to match on."""
        return not (
            self.offer_items() or self.need_items() or self.offer_hs_list() or self.need_hs_list()
        )
