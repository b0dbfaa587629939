from django.urls import path

from tradebridge.web.views import home

app_name = "web"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
]
