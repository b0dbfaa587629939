from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView

from tradebridge.accounts.domain import tokens


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. “CRM sync”"),
    )


class ApiTokensView(LoginRequiredMixin, FormView):
    """Lists the user's tokens and creates one; its key is shown once, right after."""

    template_name = "web/accounts/api_tokens.html"
    form_class = TokenForm

    def form_valid(self, form):
        _token, key = tokens.create_token(self.request.user, form.cleaned_data["name"])
        return self.render_to_response(self.get_context_data(form=TokenForm(), new_key=key))

    def get_context_data(self, **kwargs):
        return super().get_context_data(tokens=tokens.tokens_of(self.request.user), **kwargs)


class RevokeTokenView(LoginRequiredMixin, View):
    def post(self, request, pk):
        token = get_object_or_404(tokens.tokens_of(request.user), pk=pk)
        tokens.revoke_token(request.user, token)
        messages.success(request, _("The token is revoked."))
        return redirect("accounts:api-tokens")
