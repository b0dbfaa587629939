"""Content stored in English and Chinese, shown in the reader's language with a fallback."""

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def prefers_chinese(language: str | None = None) -> bool:
    return (language or get_language() or "en").lower().startswith("zh")


def pick(english: str, chinese: str, language: str | None = None) -> str:
    """The text in the reader's language, or the other one when that is empty."""
    if prefers_chinese(language):
        return chinese or english
    return english or chinese


def other(english: str, chinese: str, language: str | None = None) -> str:
    """The text in the other language, if it differs from what ``pick`` shows."""
    shown = pick(english, chinese, language)
    alternative = english if prefers_chinese(language) else chinese
    return alternative if alternative and alternative != shown else ""


class BilingualNameMixin:
    """For models with ``name_en`` and ``name_zh``: the reader's name, the other, a check."""

    @property
    def name(self) -> str:
        return pick(self.name_en, self.name_zh)

    @property
    def other_name(self) -> str:
        return other(self.name_en, self.name_zh)

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if not self.name_en.strip() and not self.name_zh.strip():
            raise ValidationError({"name_en": _("Give a name in English or Chinese, or both.")})
