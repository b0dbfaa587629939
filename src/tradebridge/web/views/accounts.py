from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView

from tradebridge.accounts.domain import calendar_links, invitations
from tradebridge.accounts.domain.preferences import update_preferences
from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.accounts import (
    AcceptInvitationForm,
    InvitationForm,
    PreferencesForm,
    ThrottledAuthenticationForm,
)


def _remember_language(response, language: str):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


class LoginView(auth_views.LoginView):
    template_name = "web/accounts/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        return _remember_language(response, form.get_user().language)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if any(e.code == "locked" for e in form.non_field_errors().as_data()):
            response.status_code = 429
        return response


class PreferencesView(LoginRequiredMixin, FormView):
    template_name = "web/accounts/profile.html"
    form_class = PreferencesForm

    def get_initial(self):
        return {"language": self.request.user.language, "timezone": self.request.user.timezone}

    def get_context_data(self, **kwargs):
        token = calendar_links.calendar_token(self.request.user)
        feed = self.request.build_absolute_uri(reverse("web:subscribed-calendar", args=[token]))
        return super().get_context_data(calendar_feed_url=feed, **kwargs)

    def form_valid(self, form):
        user = update_preferences(self.request.user, **form.cleaned_data)
        translation.activate(user.language)
        messages.success(self.request, _("Your preferences are saved."))
        return _remember_language(redirect("accounts:profile"), user.language)


class InviteRepresentativeView(LoginRequiredMixin, PermissionRequiredMixin, FormView):
    template_name = "web/accounts/invite.html"
    form_class = InvitationForm
    permission = "directory.invite_representative"
    extra_context = {"section": "organisations"}

    @cached_property
    def organisation(self):
        return visible_object(visible_organisations(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.organisation

    def get_initial(self):
        return {"language": translation.get_language()}

    def form_valid(self, form):
        invitations.invite_representative(
            self.request.user,
            self.organisation,
            form.cleaned_data["email"],
            form.cleaned_data["language"],
            accept_url=lambda token: self.request.build_absolute_uri(
                reverse("accounts:accept-invitation", args=[token])
            ),
        )
        messages.success(
            self.request,
            _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("web:organisation-detail", pk=self.organisation.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)


class AcceptInvitationView(FormView):
    template_name = "web/accounts/accept_invitation.html"
    form_class = AcceptInvitationForm

    @cached_property
    def invitation(self):
        invitation = invitations.find_invitation(self.kwargs["token"])
        if invitation is None:
            raise Http404(_("This invitation link is invalid, used or expired."))
        return invitation

    def dispatch(self, request, *args, **kwargs):
        translation.activate(self.invitation.language)
        request.LANGUAGE_CODE = self.invitation.language
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            user = invitations.accept_invitation(
                self.kwargs["token"],
                form.cleaned_data["username"],
                form.cleaned_data["password"],
                form.cleaned_data["full_name"],
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Welcome to TradeBridge."))
        response = redirect("web:organisation-detail", pk=user.organisation_id)
        return _remember_language(response, user.language)

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.invitation, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "web/accounts/password_reset.html"
    email_template_name = "web/accounts/email/password_reset.txt"
    subject_template_name = "web/accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "web/accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")
