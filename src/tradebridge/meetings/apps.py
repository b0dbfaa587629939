from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "tradebridge.meetings"
    verbose_name = _("Meetings")

    def ready(self):
        # The scheduler's permissions live beside its own modules; rules' autodiscovery only
        # imports rules.py.
        from tradebridge.meetings import schedule_rules  # noqa: F401
