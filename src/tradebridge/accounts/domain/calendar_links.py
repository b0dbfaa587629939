"""The secret link under which a user's personal calendar feed can be subscribed to."""

import secrets

from django.db import transaction

from tradebridge.accounts.models import User


@transaction.atomic
def calendar_token(user: User) -> str:
    """The user's feed token, created on first use. Side effect: saves it on the user."""
    if not user.calendar_token:
        user.calendar_token = secrets.token_urlsafe(32)
        user.save(update_fields=["calendar_token"])
    return user.calendar_token


@transaction.atomic
def reset_calendar_token(user: User) -> str:
    """Replace the feed token, so that the old link stops working. Returns the new one."""
    user.calendar_token = secrets.token_urlsafe(32)
    user.save(update_fields=["calendar_token"])
    return user.calendar_token


def user_for_calendar_token(token: str) -> User | None:
    """The active user whose feed this token opens, or None."""
    if not token:
        return None
    return User.objects.filter(calendar_token=token, is_active=True).first()
