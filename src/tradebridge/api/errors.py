"""Every error of the API as JSON: ``{"detail": "..."}`` or, for invalid input,
``{"detail": [{"field": "name_en", "message": "..."}]}`` with one entry per problem.

Django's ValidationError (raised by the domain functions) and ninja's schema errors come out in
that one shape, in the language the client asked for.
"""

import logging

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    ValidationError,
)
from django.core.signals import got_request_exception
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError

from tradebridge.api.auth import InvalidToken

logger = logging.getLogger(__name__)

# Where ninja found a value, as the first element of an error's location.
PARAMETER_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}
# The field reported for errors that concern the whole record or the whole body.
WHOLE_INPUT = "__all__"
# Schema errors whose message is ours (see schemas/fields.py), already translated.
OWN_ERROR_TYPES = {"tradebridge"}


def _schema_messages() -> dict[str, str]:
    return {
        "missing": _("This field is required."),
        "int_type": _("Enter a whole number."),
        "int_parsing": _("Enter a whole number."),
        "int_from_float": _("Enter a whole number."),
        "bool_type": _("Enter true or false."),
        "bool_parsing": _("Enter true or false."),
        "string_type": _("Enter text."),
        "list_type": _("Enter a list."),
        "dict_type": _("Enter an object with named fields."),
        "model_type": _("Enter an object with named fields."),
        "model_attributes_type": _("Enter an object with named fields."),
        "enum": _("Choose one of: %(expected)s."),
        "literal_error": _("Choose one of: %(expected)s."),
        "greater_than_equal": _("Enter a number of at least %(ge)s."),
        "less_than_equal": _("Enter a number of at most %(le)s."),
        "string_too_long": _("Enter at most %(max_length)s characters."),
        "too_long": _("Give at most %(max_length)s items."),
        "extra_forbidden": _("This field is not known."),
        "json_invalid": _("The request body is not valid JSON."),
    }


def _field_of(location) -> str:
    parts = [str(part) for part in location if not isinstance(part, int)]
    if parts and parts[0] in PARAMETER_SOURCES:
        source = parts.pop(0)
        # Body errors are located under the name of the view's parameter ("payload").
        if source == "body":
            return parts[1] if len(parts) > 1 else "body"
    return parts[0] if parts else WHOLE_INPUT


def _schema_message(error: dict) -> str:
    if error.get("type") in OWN_ERROR_TYPES:
        return error["msg"]
    template = _schema_messages().get(error.get("type"), _("Enter a valid value."))
    context = {key: str(value) for key, value in (error.get("ctx") or {}).items()}
    try:
        return template % context
    except (KeyError, TypeError, ValueError):
        return _("Enter a valid value.")


def schema_error_details(errors: list[dict]) -> list[dict]:
    """Ninja's (pydantic's) errors as ``[{"field": ..., "message": ...}]``."""
    return [
        {"field": _field_of(error.get("loc", ())), "message": _schema_message(error)}
        for error in errors
    ]


def domain_error_details(exc: ValidationError) -> list[dict]:
    """A Django ValidationError as ``[{"field": ..., "message": ...}]``."""
    if not hasattr(exc, "error_dict"):
        return [{"field": WHOLE_INPUT, "message": message} for message in exc.messages]
    return [
        {"field": WHOLE_INPUT if field == NON_FIELD_ERRORS else field, "message": message}
        for field, messages in exc.message_dict.items()
        for message in messages
    ]


def install_error_handlers(api: NinjaAPI) -> None:
    """Make ``api`` answer every exception with a JSON body."""

    def respond(request, detail, status: int):
        return api.create_response(request, {"detail": detail}, status=status)

    @api.exception_handler(SchemaValidationError)
    def invalid_input(request, exc):
        return respond(request, schema_error_details(exc.errors), 422)

    @api.exception_handler(ValidationError)
    def invalid_record(request, exc):
        return respond(request, domain_error_details(exc), 422)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        if isinstance(exc, InvalidToken):
            detail = str(exc.message)
        else:
            detail = _("Log in, or send an API token as “Authorization: Bearer …”.")
        response = respond(request, detail, 401)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return respond(request, _("You do not have permission to do this."), 403)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, _("Not found."), 404)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        if exc.status_code == 400:
            # Ninja raises 400 only when it cannot parse the body; its message is English.
            detail = [{"field": "body", "message": _("The request body is not valid JSON.")}]
            return respond(request, detail, 400)
        return respond(request, str(exc.message), exc.status_code)

    @api.exception_handler(RequestDataTooBig)
    def too_large(request, exc):
        return respond(request, _("The request body is too large."), 413)

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request, exc):
        return respond(request, _("The request could not be understood."), 400)

    @api.exception_handler(Exception)
    def unexpected(request, exc):
        # A bug: log it, tell Django's test client and error reporting, still answer JSON.
        logger.exception("Unexpected error in %s %s", request.method, request.path)
        got_request_exception.send(sender=None, request=request)
        return respond(request, _("Something went wrong on our side. Please try again."), 500)
