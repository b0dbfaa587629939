"""API tokens as their owner sees them; the key itself appears only once, on creation."""

from datetime import datetime

from ninja import Field, Schema

from tradebridge.api.schemas.fields import Text


class TokenIn(Schema):
    model_config = {"extra": "forbid"}

    name: Text = Field(description="What the token is for, e.g. “CRM sync”")


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="The first characters of the key, to recognise it by")
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class NewTokenOut(TokenOut):
    token: str = Field(description="The key. It is shown only now; store it safely.")
