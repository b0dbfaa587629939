from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tradebridge.accounts.domain.invitations import (
    accept_invitation,
    find_invitation,
    invite_representative,
)
from tradebridge.accounts.enums import Role
from tradebridge.accounts.models import Invitation


def _invite(user, organisation, language="en"):
    captured = {}
    invitation = invite_representative(
        user, organisation, "rep@example.org", language,
        accept_url=lambda token: captured.setdefault("url", f"https://tb.example/i/{token}/"),
    )  # fmt: skip
    return invitation, captured["url"].rstrip("/").rsplit("/", 1)[1]


def test_invitation_mails_a_link_in_the_invitees_language(
    staff_user, company, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invitation, token = _invite(staff_user, company, language="zh-hans")
    assert len(mail.outbox) == 1
    assert token in mail.outbox[0].body
    assert "邀请" in mail.outbox[0].subject


def test_accepting_creates_a_representative_once(staff_user, company):
    _invitation, token = _invite(staff_user, company)
    user = accept_invitation(token, "mebo-rep", "a sturdy passphrase 42")
    assert (user.role, user.organisation, user.email) == (
        Role.COMPANY_REPRESENTATIVE,
        company,
        "rep@example.org",
    )
    with pytest.raises(ValidationError) as error:
        accept_invitation(token, "second", "a sturdy passphrase 42")
    assert "token" in error.value.message_dict
    assert find_invitation(token) is None


def test_expired_invitation_is_refused(staff_user, company):
    invitation, token = _invite(staff_user, company)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(1))
    with pytest.raises(ValidationError):
        accept_invitation(token, "late", "a sturdy passphrase 42")


def test_weak_password_names_the_field(staff_user, company):
    _invitation, token = _invite(staff_user, company)
    with pytest.raises(ValidationError) as error:
        accept_invitation(token, "weak", "123")
    assert "password" in error.value.message_dict
    assert find_invitation(token) is not None


def test_only_the_owning_agency_may_invite(other_staff_user, representative, company):
    for user in (other_staff_user, representative):
        with pytest.raises(PermissionDenied):
            _invite(user, company)
