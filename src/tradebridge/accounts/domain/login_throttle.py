"""Failed-login limits per account and per address, counted in the database."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from tradebridge.accounts.models import LoginAttempt

# An address may fail this many times more than one account before it is stopped, so that a
# shared office address is not locked out by one forgetful user.
ADDRESS_FACTOR = 4


def _window_start():
    return timezone.now() - timedelta(minutes=settings.TRADEBRIDGE_LOGIN_WINDOW_MINUTES)


def is_locked(username: str, ip_address: str | None) -> bool:
    """Whether further attempts for this account, or from this address, are refused for now."""
    recent = LoginAttempt.objects.filter(at__gte=_window_start())
    limit = settings.TRADEBRIDGE_LOGIN_ATTEMPTS
    if recent.filter(username__iexact=username).count() >= limit:
        return True
    return (
        bool(ip_address) and recent.filter(ip_address=ip_address).count() >= limit * ADDRESS_FACTOR
    )


def record_failure(username: str, ip_address: str | None) -> None:
    """Count one failed attempt; old attempts are pruned as we go."""
    LoginAttempt.objects.create(username=username[:150], ip_address=ip_address or None)
    LoginAttempt.objects.filter(at__lt=_window_start() - timedelta(days=1)).delete()


def clear(username: str) -> None:
    """Forget an account's failures after a successful login."""
    LoginAttempt.objects.filter(username__iexact=username).delete()
