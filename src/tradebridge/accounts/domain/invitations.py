"""Inviting company representatives by single-use, expiring links."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tradebridge.accounts.enums import Role
from tradebridge.accounts.models import Invitation, User


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invite_representative(user, organisation, email: str, language: str, accept_url) -> Invitation:
    """Create an invitation and mail its link to ``email`` in ``language``.

    ``accept_url`` turns the token into the absolute link. Side effects: one Invitation row,
    one email. Raises PermissionDenied unless ``user`` may invite for ``organisation``.
    """
    if not user.has_perm("directory.invite_representative", organisation):
        raise PermissionDenied
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        token_hash=_hash(token),
        email=email,
        organisation=organisation,
        invited_by=user,
        language=language,
        expires_at=timezone.now() + timedelta(days=settings.TRADEBRIDGE_INVITATION_DAYS),
    )
    with translation.override(language):
        context = {"invitation": invitation, "link": accept_url(token), "inviter": user}
        subject = _("You are invited to represent %(organisation)s on TradeBridge") % {
            "organisation": organisation.name
        }
        body = render_to_string("accounts/email/invitation.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email]))
    return invitation


def find_invitation(token: str) -> Invitation | None:
    """The usable invitation for ``token``, or None if it is unknown, used or expired."""
    invitation = (
        Invitation.objects.select_related("organisation").filter(token_hash=_hash(token)).first()
    )
    return invitation if invitation and invitation.is_usable else None


@transaction.atomic
def accept_invitation(token: str, username: str, password: str, full_name: str = "") -> User:
    """Create the representative's account and spend the invitation.

    The invitation row is locked so that two simultaneous acceptances create one account.
    Raises ValidationError (field ``token``, ``username`` or ``password``) when it cannot.
    """
    invitation = Invitation.objects.select_for_update().filter(token_hash=_hash(token)).first()
    if invitation is None or not invitation.is_usable:
        raise ValidationError({"token": _("This invitation link is invalid, used or expired.")})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is taken.")})
    first, _sep, last = full_name.strip().partition(" ")
    user = User(
        username=username,
        email=invitation.email,
        first_name=first[:150],
        last_name=last[:150],
        role=Role.COMPANY_REPRESENTATIVE,
        organisation=invitation.organisation,
        language=invitation.language,
    )
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user
