"""Validation of the codes a matchmaking profile lists."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tradebridge.matchmaking.engine.profiles import normalize_hs_code
from tradebridge.matchmaking.enums import DealType

# One text item is one product or service; more than this is not a profile but a catalogue.
MAX_ITEMS = 30
MAX_ITEM_LENGTH = 300
MAX_HS_CODES = 40


def split_hs_codes(value: str) -> list[str]:
    """The codes of a comma- or space-separated list, as typed."""
    return [part for part in value.replace(",", " ").replace("，", " ").split() if part]


def normalise_hs_codes(value: str) -> str:
    """HS codes as "0802,080212": 2, 4, 6 or 8 digits each (dots allowed), duplicates dropped.

    Raises ValidationError naming every code that is not one.
    """
    codes, bad = [], []
    for part in split_hs_codes(value):
        try:
            code = normalize_hs_code(part)
        except ValueError:
            bad.append(part)
            continue
        if code not in codes:
            codes.append(code)
    if bad:
        raise ValidationError(
            _(
                "Not an HS code: %(codes)s. Give 2, 4, 6 or 8 digits (chapter, heading, "
                "subheading or national line), e.g. 0802 or 0802.12."
            ),
            params={"codes": ", ".join(bad)},
            code="hs_code",
        )
    if len(codes) > MAX_HS_CODES:
        raise ValidationError(
            _("Give at most %(count)d HS codes."), params={"count": MAX_HS_CODES}, code="hs_many"
        )
    return ",".join(codes)


def validate_hs_codes(value: str) -> None:
    normalise_hs_codes(value)


def text_items(value: str) -> list[str]:
    """The products or services of a free text: one per line, blank lines ignored."""
    return [line.strip() for line in value.splitlines() if line.strip()]


def validate_item_text(value: str) -> None:
    items = text_items(value)
    if len(items) > MAX_ITEMS:
        raise ValidationError(
            _("Give at most %(count)d lines."), params={"count": MAX_ITEMS}, code="too_many"
        )
    long = [item for item in items if len(item) > MAX_ITEM_LENGTH]
    if long:
        raise ValidationError(
            _("Keep each line under %(count)d characters; put one product or service per line."),
            params={"count": MAX_ITEM_LENGTH},
            code="too_long",
        )
    if "\x00" in value:
        raise ValidationError(_("Text may not contain the NUL character."), code="nul")


def validate_deal_types(value: str) -> None:
    unknown = [code for code in value.split(",") if code and code not in DealType.values]
    if unknown:
        raise ValidationError(
            _("Unknown deal type: %(codes)s."), params={"codes": ", ".join(unknown)}
        )
