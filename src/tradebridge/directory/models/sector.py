from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.common.bilingual import BilingualNameMixin
from tradebridge.common.text_search import build_document

hs_chapter_list = RegexValidator(
    r"^(\d{2})(,\d{2})*$", _("Give two-digit HS chapters separated by commas, e.g. 04,19")
)


class Sector(BilingualNameMixin, models.Model):
    """A node of the two-level bilingual sector taxonomy."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    hs_chapters = models.CharField(
        _("HS chapters"), max_length=200, blank=True, validators=[hs_chapter_list]
    )
    position = models.PositiveIntegerField(default=0)
    search_document = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return self.name

    def hs_chapter_list(self) -> list[str]:
        return [c for c in self.hs_chapters.split(",") if c]

    def save(self, *args, **kwargs):
        self.search_document = build_document([self.name_en, self.name_zh, self.code])
        super().save(*args, **kwargs)
