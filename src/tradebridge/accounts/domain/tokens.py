"""API tokens: shown once when created, stored only as a SHA-256 hash, revoked by their owner.

Called by the API (``/api/v1/tokens/``) and by the account pages alike.
"""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from tradebridge.accounts.models import ApiToken, User

PREFIX_LENGTH = 8
# Recording every use would turn each API read into a write; a minute is precise enough to
# tell a user which of their tokens is still in use.
LAST_USE_PRECISION = timedelta(minutes=1)


def hash_key(key: str) -> str:
    """The SHA-256 hex digest under which a token's key is stored."""
    return hashlib.sha256(key.encode()).hexdigest()


def tokens_of(user) -> QuerySet[ApiToken]:
    """The tokens ``user`` owns, newest first, revoked ones included."""
    return ApiToken.objects.filter(user_id=user.pk)


@transaction.atomic
def create_token(user, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``user`` and return it with its key, which is never stored.

    Side effects: one ApiToken row holding the key's hash and its first eight characters.
    Raises PermissionDenied when ``user`` may not hold tokens, ValidationError naming ``name``
    when the name is blank or too long.
    """
    if not user.has_perm("accounts.manage_own_tokens"):
        raise PermissionDenied
    key = secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, prefix=key[:PREFIX_LENGTH], key_hash=hash_key(key))
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def revoke_token(user, token: ApiToken) -> ApiToken:
    """Revoke ``token`` so that it no longer authenticates; revoking twice changes nothing.

    Side effects: sets ``revoked_at``. Raises PermissionDenied unless ``user`` owns the token.
    """
    if token.user_id != user.pk or not user.has_perm("accounts.manage_own_tokens"):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def user_for_key(key: str) -> User | None:
    """The active user a presented key belongs to, or None for an unknown or revoked key.

    Side effects: records ``last_used_at`` on the token, at most once a minute.
    """
    if not key:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USE_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
