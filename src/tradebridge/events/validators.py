"""Checks of catalogue input: HS codes and product images."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

# The international HS goes to 6 digits; 8 is the deepest level China's and the US tariffs
# share with the matching engine (chapter 2, heading 4, subheading 6, tariff line 8).
HS_CODE_LENGTHS = (2, 4, 6, 8)
_HS_LIST = re.compile(r"^\d+(,\d+)*$")
# Typed lists may use commas (also the Chinese ones), semicolons or spaces, and dots inside a
# code ("8479.89").
_HS_SEPARATORS = re.compile(r"[,，;；、\s]+")

PRODUCT_IMAGE_MAX_BYTES = 2 * 1024 * 1024
PRODUCT_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def validate_hs_codes(value: str) -> None:
    """``value`` is stored as digits separated by commas, each code 2, 4, 6 or 8 digits."""
    if not value:
        return
    codes = value.split(",")
    if not _HS_LIST.match(value) or any(len(code) not in HS_CODE_LENGTHS for code in codes):
        raise ValidationError(
            _("HS codes are 2, 4, 6 or 8 digits, separated by commas, e.g. 8479, 8479.89."),
            code="hs_codes",
        )


def normalise_hs_codes(text: str) -> str:
    """Codes as typed ("8479.89, 8424；8479") in the stored form ("847989,8424,8479"):
    dots dropped, duplicates removed, order kept. Does not validate; the model does."""
    codes = [code.replace(".", "") for code in _HS_SEPARATORS.split(text.strip()) if code]
    return ",".join(dict.fromkeys(code for code in codes if code))


def validate_product_image(file) -> None:
    """A new upload must be a JPEG, PNG, WebP or GIF image of at most 2 MB.

    An image stored earlier was checked when it came in and is not opened again.
    """
    if not file or getattr(file, "_committed", False):
        return
    if file.size > PRODUCT_IMAGE_MAX_BYTES:
        raise ValidationError(_("The image may be at most 2 MB."), code="image_size")
    try:
        file.seek(0)
        with Image.open(file) as image:
            kind = image.format
            image.verify()
    except Exception:  # Pillow raises many kinds of error for a file it cannot read
        kind = None
    finally:
        file.seek(0)
    if kind not in PRODUCT_IMAGE_FORMATS:
        raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."), code="image_type")
