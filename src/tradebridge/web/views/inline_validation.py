"""Inline validation: htmx posts the form on change and gets its fields back with errors."""

from django.template.response import TemplateResponse

VALIDATE_HEADER = "HTTP_X_VALIDATE_ONLY"


def is_validation_request(request) -> bool:
    return request.method == "POST" and request.META.get(VALIDATE_HEADER) == "1"


def keep_errors_of_touched_fields(form, request) -> None:
    """While the user is still filling the form, show errors only for fields they have touched."""
    touched = {request.headers.get("HX-Trigger-Name", "")}
    touched |= {name for name, value in request.POST.items() if value.strip()}
    for name in list(form.errors):
        if name != "__all__" and name not in touched:
            del form.errors[name]


class InlineValidationMixin:
    """For FormViews: a validation-only post renders the fields partial and saves nothing."""

    fields_template = "web/_form_fields.html"

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if is_validation_request(request):
            form.is_valid()
            keep_errors_of_touched_fields(form, request)
            return TemplateResponse(request, self.fields_template, self.get_context_data(form=form))
        return self.form_valid(form) if form.is_valid() else self.form_invalid(form)
