from django.db import models
from django.utils.translation import gettext_lazy as _

from tradebridge.common.bilingual import BilingualNameMixin, pick
from tradebridge.common.text_search import build_document
from tradebridge.directory.models.ownership import OwnedRecord
from tradebridge.directory.validators import (
    validate_language_list,
    validate_phone,
    validate_timezone,
)


class Person(BilingualNameMixin, OwnedRecord):
    """Someone the directory knows: an official, an executive, a trade officer."""

    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text=_("International format, e.g. +1 206 555 0100 or +86 21 5555 0100"),
    )
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        validators=[validate_language_list],
        help_text=_("Comma-separated language codes, e.g. en,zh"),
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, blank=True, validators=[validate_timezone]
    )
    data_protection_region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("data-protection region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The region whose data-protection rules apply to this record"),
    )
    organisations = models.ManyToManyField(
        "directory.Organisation",
        through="directory.Affiliation",
        related_name="people",
        verbose_name=_("organisations"),
    )
    search_document = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["name_en", "name_zh"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(name_en="") | ~models.Q(name_zh=""),
                name="person_has_a_name",
            )
        ]

    @property
    def title(self) -> str:
        return pick(self.title_en, self.title_zh)

    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    def save(self, *args, **kwargs):
        self.search_document = build_document(
            [self.name_en, self.name_zh], [self.title_en, self.title_zh]
        )
        super().save(*args, **kwargs)


class Affiliation(models.Model):
    """A person's place in an organisation, with their role there."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="affiliations"
    )
    role_en = models.CharField(_("role (English)"), max_length=300, blank=True)
    role_zh = models.CharField(_("role (Chinese)"), max_length=300, blank=True)
    is_primary = models.BooleanField(_("main affiliation"), default=True)

    class Meta:
        ordering = ["-is_primary", "id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="one_affiliation")
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.organisation}"

    @property
    def role(self) -> str:
        return pick(self.role_en, self.role_zh)
