"""Pages of the organiser's meeting scheduler and its outputs, included by web/urls.py."""

urlpatterns: list = []
