from functools import lru_cache
from zoneinfo import available_timezones

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tradebridge.directory.enums import LANGUAGE_CHOICES

LOGO_MAX_BYTES = 2 * 1024 * 1024


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def validate_timezone(value: str) -> None:
    if value and value not in _zones():
        raise ValidationError(
            _("%(value)s is not an IANA time zone (e.g. Asia/Shanghai)."), params={"value": value}
        )


def normalise_phone(value: str) -> str:
    """The number in E.164 form; raises ValidationError when it is not a valid number."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Enter the number in international form, starting with + and the country code.")
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("%(value)s is not a valid phone number."), params={"value": value})
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_phone(value: str) -> None:
    if value:
        normalise_phone(value)


def validate_language_list(value: str) -> None:
    known = {code for code, _label in LANGUAGE_CHOICES}
    unknown = [code for code in value.split(",") if code and code not in known]
    if unknown:
        raise ValidationError(
            _("Unknown language code: %(codes)s."), params={"codes": ", ".join(unknown)}
        )


def validate_logo(file) -> None:
    if file and file.size > LOGO_MAX_BYTES:
        raise ValidationError(_("The logo may be at most 2 MB."))
