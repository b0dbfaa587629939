from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.directory.domain.visibility import visible_people
from tradebridge.directory.enums import LANGUAGE_CHOICES, Visibility
from tradebridge.directory.models import Person
from tradebridge.events.domain.registrations import ALLOWED_MODES, MAX_ANSWER_LENGTH
from tradebridge.events.domain.time_display import NonexistentLocalTime, local_to_utc
from tradebridge.events.enums import AttendanceMode, EventKind, SessionKind, SpeakerRole
from tradebridge.web.forms.accounts import timezone_choices


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


LOCAL_INPUT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


def local_datetime_field(label):
    return forms.DateTimeField(
        label=label,
        input_formats=LOCAL_INPUT_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class LocalTimesMixin:
    """Start and end typed as wall-clock times in ``zone_name()``, converted to UTC in clean.

    Django would read them in the viewer's active zone; an organiser in Shanghai planning a
    Seattle seminar types Seattle times, so the conversion is explicit.
    """

    def zone_name(self) -> str:
        """The zone the times are typed in: the form's own ``timezone`` field by default."""
        return self.cleaned_data.get("timezone", "")

    def _utc(self, field: str):
        value = self.cleaned_data.get(field)
        zone = self.zone_name()
        if value is None or not zone:
            return None
        try:
            return local_to_utc(value.replace(tzinfo=None), zone)
        except NonexistentLocalTime:
            self.add_error(
                field, _("This time does not exist in %(zone)s: the clocks change.")
                % {"zone": zone},
            )  # fmt: skip
            return None

    def clean(self):
        data = super().clean()
        data["starts_at"] = self._utc("starts_local")
        data["ends_at"] = self._utc("ends_local")
        if data["starts_at"] and data["ends_at"] and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_local", _("The end must come after the start."))
        return data

    def set_local_initial(self, instance, zone: str) -> None:
        if instance is not None and instance.pk:
            tz = ZoneInfo(zone)
            self.initial["starts_local"] = instance.starts_at.astimezone(tz).replace(tzinfo=None)
            self.initial["ends_local"] = instance.ends_at.astimezone(tz).replace(tzinfo=None)


class EventForm(LocalTimesMixin, forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=EventKind.choices)
    title_en = forms.CharField(label=_("title (English)"), max_length=300, required=False)
    title_zh = forms.CharField(label=_("title (Chinese)"), max_length=300, required=False)
    description_en = forms.CharField(
        label=_("description (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    description_zh = forms.CharField(
        label=_("description (Chinese)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    timezone = forms.ChoiceField(label=_("time zone of the event"), choices=timezone_choices)
    starts_local = local_datetime_field(_("starts (local time of the event)"))
    ends_local = local_datetime_field(_("ends (local time of the event)"))
    venue_en = forms.CharField(label=_("venue address (English)"), max_length=500, required=False)
    venue_zh = forms.CharField(label=_("venue address (Chinese)"), max_length=500, required=False)
    attendance_mode = forms.ChoiceField(label=_("attendance"), choices=AttendanceMode.choices)
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(
        label=_("capacity"), min_value=0, max_value=1_000_000, required=False,
        help_text=_("Empty for no limit"),
    )  # fmt: skip
    requires_approval = forms.BooleanField(label=_("registrations need approval"), required=False)
    registration_open = forms.BooleanField(
        label=_("registration open"), required=False, initial=True
    )
    questions = forms.CharField(
        label=_("questions for registrants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One question a line"),
    )
    visibility = forms.ChoiceField(label=_("visibility"), choices=Visibility.choices)

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        if event is not None:
            for name in self.fields:
                if hasattr(event, name) and name != "languages":
                    self.initial[name] = getattr(event, name)
            self.initial["languages"] = event.language_list()
            self.initial["questions"] = "\n".join(event.questions)
            self.set_local_initial(event, event.timezone)

    def clean(self):
        data = super().clean()
        if not data.get("title_en", "").strip() and not data.get("title_zh", "").strip():
            self.add_error("title_en", _("Give a title in English or Chinese, or both."))
        return data

    def event_data(self) -> dict:
        data = self.cleaned_data
        names = ("kind", "title_en", "title_zh", "description_en", "description_zh",
                 "timezone", "starts_at", "ends_at", "venue_en", "venue_zh", "attendance_mode",
                 "capacity", "requires_approval", "registration_open", "visibility")  # fmt: skip
        return {
            **{name: data[name] for name in names},
            "languages": ",".join(data["languages"]),
            "questions": [line.strip() for line in data["questions"].splitlines() if line.strip()],
        }


class SessionForm(LocalTimesMixin, forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=SessionKind.choices)
    title_en = forms.CharField(label=_("title (English)"), max_length=300, required=False)
    title_zh = forms.CharField(label=_("title (Chinese)"), max_length=300, required=False)
    description_en = forms.CharField(
        label=_("description (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    description_zh = forms.CharField(
        label=_("description (Chinese)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    starts_local = local_datetime_field(_("starts (local time of the event)"))
    ends_local = local_datetime_field(_("ends (local time of the event)"))
    room = forms.CharField(label=_("room"), max_length=200, required=False)
    is_online = forms.BooleanField(label=_("online (gets a video room)"), required=False)
    moderators = forms.ModelMultipleChoiceField(
        label=_("moderators"), queryset=Person.objects.none(), required=False
    )
    speakers = forms.ModelMultipleChoiceField(
        label=_("speakers"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args, event, user, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        people = visible_people(user).order_by("name_en", "name_zh")
        self.fields["moderators"].queryset = people
        self.fields["speakers"].queryset = people
        if session is not None:
            for name in ("kind", "title_en", "title_zh", "description_en", "description_zh",
                         "room", "is_online"):  # fmt: skip
                self.initial[name] = getattr(session, name)
            links = list(session.speaker_links.all())
            self.initial["moderators"] = [
                link.person_id for link in links if link.role == SpeakerRole.MODERATOR
            ]
            self.initial["speakers"] = [
                link.person_id for link in links if link.role == SpeakerRole.SPEAKER
            ]
            self.set_local_initial(session, event.timezone)

    def zone_name(self) -> str:
        return self.event.timezone

    def clean(self):
        data = super().clean()
        if not data.get("title_en", "").strip() and not data.get("title_zh", "").strip():
            self.add_error("title_en", _("Give a title in English or Chinese, or both."))
        overlap = set(data.get("moderators") or ()) & set(data.get("speakers") or ())
        if overlap:
            self.add_error("speakers", _("Someone cannot both moderate and speak."))
        return data

    def session_data(self) -> dict:
        data = self.cleaned_data
        names = ("kind", "title_en", "title_zh", "description_en", "description_zh",
                 "starts_at", "ends_at", "room", "is_online")  # fmt: skip
        return {name: data[name] for name in names}

    def speaker_roles(self) -> list:
        data = self.cleaned_data
        return [(person, SpeakerRole.MODERATOR) for person in data["moderators"]] + [
            (person, SpeakerRole.SPEAKER) for person in data["speakers"]
        ]
