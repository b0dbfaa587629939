"""A user's own display preferences."""

from django.db import transaction

from tradebridge.accounts.models import User


@transaction.atomic
def update_preferences(user: User, *, language: str, timezone: str) -> User:
    """Change the user's interface language and display time zone (validated)."""
    user.language = language
    user.timezone = timezone
    user.full_clean(exclude=["password"])
    user.save(update_fields=["language", "timezone"])
    return user
