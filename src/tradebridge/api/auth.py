"""Who is calling: a bearer token, a browser session, or (for reads of public data) nobody.

Every operation lists the ways it accepts, tried in order; ``request.auth`` is then the acting
user that views pass to the domain functions. A presented token that is wrong answers 401 even
on reads, so that a client never silently sees less than it believes it may.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from tradebridge.accounts.domain.tokens import user_for_key


class InvalidToken(AuthenticationError):
    def __init__(self) -> None:
        super().__init__(message=_("The token is unknown or has been revoked."))


class CsrfFailed(HttpError):
    def __init__(self) -> None:
        super().__init__(403, _("The CSRF token is missing or incorrect."))


class BearerToken(HttpBearer):
    """``Authorization: Bearer <token>`` with a token created under /api/v1/tokens/."""

    def authenticate(self, request, token):
        user = user_for_key(token.strip())
        if user is None:
            raise InvalidToken
        return user


class BrowserSession(APIKeyCookie):
    """The Django session of a logged-in user; unsafe methods must carry the CSRF token."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request):
        # Ninja checks CSRF before it knows whether anyone is logged in, which would answer
        # an anonymous write with 403; we check it only for a real session, in authenticate.
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        if not request.user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise CsrfFailed
        return request.user


def anonymous_visitor(request):
    """Anyone at all: read operations show them public records only."""
    return AnonymousUser()


bearer_token = BearerToken()
browser_session = BrowserSession()

READ = [bearer_token, browser_session, anonymous_visitor]
WRITE = [bearer_token, browser_session]
SESSION_ONLY = [browser_session]
