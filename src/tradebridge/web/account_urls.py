from django.contrib.auth import views as auth_views
from django.urls import path

from tradebridge.web.views import accounts, api_tokens

app_name = "accounts"

urlpatterns = [
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", accounts.PreferencesView.as_view(), name="profile"),
    path("tokens/", api_tokens.ApiTokensView.as_view(), name="api-tokens"),
    path("tokens/<int:pk>/revoke/", api_tokens.RevokeTokenView.as_view(), name="api-token-revoke"),
    path("password-reset/", accounts.PasswordResetView.as_view(), name="password-reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="web/accounts/password_reset_done.html"
        ),
        name="password-reset-done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="web/accounts/password_reset_complete.html"
        ),
        name="password-reset-complete",
    ),
    path(
        "invitations/<str:token>/",
        accounts.AcceptInvitationView.as_view(),
        name="accept-invitation",
    ),
]
