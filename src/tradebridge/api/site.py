"""The NinjaAPI instance: version 1 under /api/v1/, docs at /api/docs."""

from django.http import JsonResponse
from ninja import NinjaAPI

api = NinjaAPI(
    title="TradeBridge API",
    version="1",
    description="Directory, events, matchmaking and meetings of TradeBridge.",
    docs_url="/docs",
    openapi_url="/openapi.json",
    urls_namespace="api",
)


def json_not_found(request, rest: str = ""):
    """Unknown paths under /api/ answer JSON, never an HTML page."""
    return JsonResponse({"detail": "Not found.", "path": request.path}, status=404)
