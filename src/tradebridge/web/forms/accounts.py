from zoneinfo import available_timezones

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tradebridge.accounts.domain import login_throttle

COMMON_ZONES = [
    "Asia/Shanghai", "Asia/Hong_Kong", "America/Los_Angeles", "America/Denver", "America/Chicago",
    "America/New_York", "Pacific/Honolulu", "America/Anchorage", "Europe/London", "UTC",
]  # fmt: skip


def timezone_choices():
    rest = sorted(available_timezones() - set(COMMON_ZONES))
    return [(z, z) for z in COMMON_ZONES] + [(z, z) for z in rest]


def client_address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's login form, refusing attempts once an account or address failed too often."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _("Too many failed attempts. Wait a few minutes, then try again."),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        if login_throttle.is_locked(username, address):
            raise ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except ValidationError:
            login_throttle.record_failure(username, address)
            raise
        login_throttle.clear(username)
        return cleaned


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=[("en", "English"), ("zh-hans", "简体中文")]
    )
    timezone = forms.ChoiceField(label=_("Time zone"), choices=timezone_choices)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email of the representative"))
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=[("en", "English"), ("zh-hans", "简体中文")]
    )


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=300, required=False)
    username = forms.RegexField(
        label=_("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        error_messages={"invalid": _("Use letters, digits and @ . + - _ only.")},
    )
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    password_again = forms.CharField(label=_("Password again"), widget=forms.PasswordInput)

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data
