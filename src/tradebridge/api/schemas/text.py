"""The text type of every input field: trimmed, and free of the NUL character.

PostgreSQL refuses NUL in text, so letting one through would end in a database error instead of
an answer that names the field.
"""

from typing import Annotated

from django.utils.translation import gettext as _
from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError


def _reject_nul(value: str) -> str:
    if "\x00" in value:
        raise PydanticCustomError("tradebridge", _("Text may not contain the NUL character."))
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_reject_nul)]
