from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.meetings.models.schedule_run import MAX_TIME_LIMIT, MIN_TIME_LIMIT


class StartRunForm(forms.Form):
    """How long the organiser lets the scheduler search, and whether confirmed meetings may
    move."""

    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"),
        min_value=MIN_TIME_LIMIT,
        max_value=MAX_TIME_LIMIT,
        initial=30,
        help_text=_("The best schedule found by then is kept, with a proof of how good it is."),
    )
    allow_moves = forms.BooleanField(
        label=_("Confirmed meetings may move"),
        required=False,
        help_text=_(
            "Off: confirmed meetings stay where they are and only new ones are placed. On: the "
            "scheduler may move them to fit more meetings in; participants are told on publishing."
        ),
    )
