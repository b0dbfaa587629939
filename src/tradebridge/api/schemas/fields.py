"""The types of input fields: text that is trimmed and free of NUL, ids that fit a database.

PostgreSQL refuses NUL in text and SQLite integers beyond 64 bits; letting either through would
end in a database error instead of an answer that names the field.
"""

from typing import Annotated

from django.utils.translation import gettext as _
from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError


def _reject_nul(value: str) -> str:
    if "\x00" in value:
        raise PydanticCustomError("tradebridge", _("Text may not contain the NUL character."))
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_reject_nul)]

Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
