from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tradebridge.web"
