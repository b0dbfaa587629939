"""Import organisations and people from CSV or Excel, and export them."""

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from tradebridge.directory.domain.search import (
    OrganisationFilters,
    PersonFilters,
    filter_organisations,
    filter_people,
)
from tradebridge.directory.domain.visibility import visible_organisations, visible_people
from tradebridge.directory.interfaces.tabular_export import export_organisations, export_people
from tradebridge.directory.interfaces.tabular_import import import_records
from tradebridge.web.access import PermissionRequiredMixin

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[("organisations", _("Organisations")), ("people", _("People"))],
    )
    file = forms.FileField(
        label=_("File"), help_text=_("CSV (UTF-8 or GB18030) or Excel .xlsx, first row = headers")
    )
    mode = forms.ChoiceField(
        label=_("Mode"),
        widget=forms.RadioSelect,
        initial="dry_run",
        choices=[
            ("dry_run", _("Check only: list every bad row, import nothing")),
            ("all", _("Import, but only if every row is valid")),
            ("valid_only", _("Import the valid rows, skip the bad ones")),
        ],
    )


class TransferView(LoginRequiredMixin, PermissionRequiredMixin, FormView):
    template_name = "web/transfer.html"
    form_class = ImportForm
    permission = "directory.import_records"
    extra_context = {"section": "transfer"}

    def form_valid(self, form):
        mode = form.cleaned_data["mode"]
        report = import_records(
            self.request.user,
            form.cleaned_data["file"],
            form.cleaned_data["kind"],
            dry_run=mode == "dry_run",
            valid_only=mode == "valid_only",
        )
        status = 200 if not report.errors or report.applied else 422
        context = self.get_context_data(form=form, report=report, mode=mode)
        return self.render_to_response(context, status=status)


class ExportView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """Exports what the user sees in the list, with the list's filters applied."""

    permission = "directory.export_records"

    def get(self, request, kind: str, fmt: str):
        if fmt not in CONTENT_TYPES:
            raise Http404
        query, country = request.GET.get("q", ""), request.GET.get("country", "")
        if kind == "organisations":
            queryset = filter_organisations(
                visible_organisations(request.user)
                .select_related("home_region", "parent")
                .prefetch_related("sectors"),
                OrganisationFilters(query=query, country=country, kind=request.GET.get("kind", "")),
            )
            content = export_organisations(queryset, fmt)
        elif kind == "people":
            queryset = filter_people(
                visible_people(request.user).prefetch_related("affiliations__organisation"),
                PersonFilters(query=query, country=country),
            )
            content = export_people(queryset, fmt, request.user)
        else:
            raise Http404
        response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="tradebridge-{kind}-{stamp}.{fmt}"'
        return response
