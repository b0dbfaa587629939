from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tradebridge.api"
    verbose_name = "API"
