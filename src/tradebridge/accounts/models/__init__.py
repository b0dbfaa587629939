from tradebridge.accounts.models.api_token import ApiToken
from tradebridge.accounts.models.invitation import Invitation
from tradebridge.accounts.models.login_attempt import LoginAttempt
from tradebridge.accounts.models.user import User

__all__ = ["ApiToken", "Invitation", "LoginAttempt", "User"]
