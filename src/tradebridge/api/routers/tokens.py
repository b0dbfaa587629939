"""/api/v1/tokens/: a user's own API tokens.

Creating one needs a browser session (a token cannot mint further tokens, so a leaked token
cannot outlive its revocation); listing and revoking work with either.
"""

from django.shortcuts import get_object_or_404
from ninja import Router, Status

from tradebridge.accounts.domain.tokens import create_token, revoke_token, tokens_of
from tradebridge.api.auth import SESSION_ONLY, WRITE
from tradebridge.api.schemas.tokens import NewTokenOut, TokenIn, TokenOut

router = Router(tags=["tokens"])


@router.get("/", response=list[TokenOut], auth=WRITE, url_name="token-list")
def list_tokens(request):
    """Your tokens, newest first, revoked ones included."""
    return tokens_of(request.auth)


@router.post("/", response={201: NewTokenOut}, auth=SESSION_ONLY, url_name="token-list")
def create(request, payload: TokenIn):
    """Create a token. Its key is in this answer only; it is not stored anywhere."""
    token, key = create_token(request.auth, payload.name)
    token.token = key
    return Status(201, token)


@router.delete("/{int:token_id}/", response={204: None}, auth=WRITE, url_name="token-detail")
def revoke(request, token_id: int):
    """Revoke one of your tokens; it stops working at once."""
    revoke_token(request.auth, get_object_or_404(tokens_of(request.auth), pk=token_id))
    return Status(204, None)
