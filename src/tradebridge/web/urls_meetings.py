"""Pages of the meetings area, included by web/urls.py (same "web" namespace)."""

urlpatterns: list = []
