from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from tradebridge.api.site import api, api_index, json_not_found

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api_index, name="api-index"),
    path("api/", api.urls),
    path("api/<path:rest>", json_not_found, name="api-not-found"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("tradebridge.web.account_urls")),
    path("", include("tradebridge.web.urls")),
]

if not settings.PRODUCTION:
    urlpatterns.append(
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}, name="media")
    )
