from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.events.domain.registrations import ALLOWED_MODES, MAX_ANSWER_LENGTH
from tradebridge.events.enums import AttendanceMode


class RegistrationForm(forms.Form):
    """How the registrant attends, and one answer per organiser's question."""

    attendance_mode = forms.ChoiceField(label=_("How will you attend?"))

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        allowed = ALLOWED_MODES[event.attendance_mode]
        self.fields["attendance_mode"].choices = [
            (value, label) for value, label in AttendanceMode.choices if value in allowed
        ]
        for index, question in enumerate(event.questions):
            self.fields[f"answer_{index}"] = forms.CharField(
                label=question,
                max_length=MAX_ANSWER_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> list[str]:
        return [self.cleaned_data[f"answer_{i}"] for i in range(len(self.event.questions))]


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("Check-in code"), max_length=20)


class ContactExhibitorForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class BookConsultationForm(forms.Form):
    """The slot comes from the pavilion page's buttons as its UTC start, in ISO 8601."""

    starts_at = forms.DateTimeField(label=_("Slot"), input_formats=["%Y-%m-%dT%H:%M:%S%z"])
    topic = forms.CharField(label=_("Topic"), max_length=300, required=False)
