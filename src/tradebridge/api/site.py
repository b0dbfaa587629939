"""The NinjaAPI instance: version 1 under /api/v1/, docs at /api/docs.

Everything under /api/ answers JSON: unknown paths (``json_not_found``, mounted after the API in
the project's urls.py), wrong methods (``TradeBridgeApi``) and every exception (errors.py).
"""

from functools import wraps

from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import URLPattern
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI

from tradebridge.api.auth import WRITE
from tradebridge.api.errors import install_error_handlers
from tradebridge.api.routers import (
    events,
    matching,
    meetings,
    organisations,
    pavilions,
    people,
    regions,
    schedules,
    sectors,
    tokens,
)


def _json_method_not_allowed(view):
    """``view``, with ninja's bare-text 405 replaced by JSON that keeps the Allow header."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not isinstance(response, HttpResponseNotAllowed):
            return response
        answer = JsonResponse(
            {"detail": _("%(method)s is not allowed here.") % {"method": request.method}},
            status=405,
        )
        answer["Allow"] = response["Allow"]
        return answer

    return wrapper


class TradeBridgeApi(NinjaAPI):
    """NinjaAPI whose views answer a wrong method in JSON.

    Ninja builds its 405 inside each path's view, with no hook; wrapping the views as their
    URL patterns are made is the one place to reach it (checked against ninja 1.7).
    """

    def _get_urls(self):
        patterns = super()._get_urls()
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                pattern.callback = _json_method_not_allowed(pattern.callback)
        return patterns


api = TradeBridgeApi(
    title="TradeBridge API",
    version="1",
    description=(
        "Directory, events, matchmaking and meetings of TradeBridge. Authenticate with "
        "“Authorization: Bearer <token>” (create tokens at /api/v1/tokens/ while logged in) "
        "or with your browser session; reads of public records need no authentication."
    ),
    docs_url="/docs",
    openapi_url="/openapi.json",
    urls_namespace="api",
    # Operations name who may call them; one that forgets still refuses anonymous callers.
    # The session among these also makes the docs page send the CSRF token when trying writes.
    auth=WRITE,
)
install_error_handlers(api)
api.add_router("/v1/organisations/", organisations.router)
api.add_router("/v1/people/", people.router)
api.add_router("/v1/regions/", regions.router)
api.add_router("/v1/sectors/", sectors.router)
api.add_router("/v1/tokens/", tokens.router)
api.add_router("/v1/events/", events.router)
api.add_router("/v1/pavilions/", pavilions.router)
api.add_router("/v1/matching/", matching.router)
api.add_router("/v1/meetings/", meetings.router)
api.add_router("/v1/schedules/", schedules.router)


@csrf_exempt
def json_not_found(request, rest: str = ""):
    """Unknown paths under /api/ answer JSON, never an HTML page."""
    return JsonResponse({"detail": _("Not found."), "path": request.path}, status=404)


def api_index(request):
    """``/api/``: where the resources and the documentation are."""
    return JsonResponse(
        {
            "name": "TradeBridge API",
            "version": "1",
            "docs": request.build_absolute_uri("/api/docs"),
            "openapi": request.build_absolute_uri("/api/openapi.json"),
            "resources": {
                name: request.build_absolute_uri(f"/api/v1/{name}/")
                for name in (
                    "organisations",
                    "people",
                    "regions",
                    "sectors",
                    "tokens",
                    "events",
                    "pavilions",
                    "matching",
                    "meetings",
                    "schedules",
                )
            },
        }
    )
