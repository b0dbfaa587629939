"""Pages of the matching area, included by web/urls.py (same "web" namespace)."""

urlpatterns: list = []
