"""Content stored in English and Chinese, shown in the reader's language with a fallback."""

from django.utils.translation import get_language


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
