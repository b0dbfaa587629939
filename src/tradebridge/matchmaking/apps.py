from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "tradebridge.matchmaking"
    verbose_name = _("Matchmaking")

    def ready(self):
        from tradebridge.matchmaking import signals  # noqa: F401  (connects the receivers)
