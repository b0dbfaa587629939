"""Forms of the meetings pages. Times of day are typed as "09:00-12:00, 13:30-17:00"; the
domain functions check everything again and name the field of any problem."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.directory.domain.visibility import visible_people
from tradebridge.events.domain.visibility import visible_events
from tradebridge.meetings.domain.counterparts import (
    find_organisations_to_meet,
    organisations_to_meet,
)
from tradebridge.meetings.domain.event_settings import MAX_TABLES
from tradebridge.meetings.enums import DayPart, MeetingLanguage, PlaceKind, Priority
from tradebridge.meetings.validators import parse_spans
from tradebridge.web.forms.accounts import timezone_choices

ISO_WITH_OFFSET = ["%Y-%m-%dT%H:%M:%S%z"]
SPANS_HELP = _("Local times, e.g. 09:00-12:00, 13:30-18:00")


def spans_from_text(text: str) -> list[dict]:
    """ "09:00-12:00, 13:30-18:00" as ``[{"starts": "09:00", "ends": "12:00"}, …]``."""
    spans = []
    for part in text.replace("\n", ",").split(","):
        part = part.strip().replace("–", "-").replace(" ", "")
        if not part:
            continue
        starts, _sep, ends = part.partition("-")
        spans.append({"starts": starts, "ends": ends})
    parse_spans(spans)
    return spans


def spans_to_text(spans: list[dict]) -> str:
    return ", ".join(f"{span['starts']}-{span['ends']}" for span in spans)


class SpansField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 300)
        kwargs.setdefault("help_text", SPANS_HELP)
        super().__init__(**kwargs)

    def clean(self, value):
        return spans_from_text(super().clean(value))


def event_days(event) -> list[date]:
    """The event's calendar days in its own zone."""
    zone = ZoneInfo(event.timezone)
    first, last = event.starts_at.astimezone(zone).date(), event.ends_at.astimezone(zone).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)][:31]


def day_choices(days) -> list[tuple[str, str]]:
    return [(day.isoformat(), day.strftime("%Y-%m-%d %a")) for day in days]


MAX_QUERY_LENGTH = 200


class OrganisationPicker(forms.Widget):
    """A search box with the organisations it finds as radio buttons, instead of a list of every
    organisation. htmx refreshes the suggestions while the user types; without JavaScript the
    "Find" button posts the form, which comes back with them (``MeetingRequestForm.FIND``)."""

    template_name = "web/meetings/_organisation_picker.html"
    query_name = "organisation_query"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.query = ""
        self.suggestions: list = []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            query=self.query,
            query_name=self.query_name,
            suggestions=self.suggestions,
            selected=str(value or ""),
        )
        return context


def organisation_suggestions(user, query: str, selected) -> tuple[str, list, object]:
    """(query, suggestions, chosen organisation or None) for the picker: the organisations
    ``user`` may meet matching ``query``, with the one chosen (``selected``, a pk) first; with
    no query, the chosen one's name."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    selected = str(getattr(selected, "pk", selected) or "")
    chosen = (
        organisations_to_meet(user).select_related("home_region").filter(pk=selected).first()
        if selected.isdigit()
        else None
    )
    if not query and chosen is not None:
        query = chosen.name
    suggestions = find_organisations_to_meet(user, query)
    if chosen is not None and chosen not in suggestions:
        suggestions.insert(0, chosen)
    return query, suggestions, chosen


class MeetingRequestForm(forms.Form):
    # The name of the picker's no-JavaScript search button.
    FIND = "find_organisation"

    recipient_organisation = forms.ModelChoiceField(
        label=_("Organisation to meet"),
        queryset=None,
        widget=OrganisationPicker,
        error_messages={
            "required": _("Find the organisation and choose it."),
            "invalid_choice": _("Choose one of the organisations found."),
        },
    )
    recipient_person = forms.ModelChoiceField(
        label=_("Person to meet"),
        queryset=None,
        required=False,
        empty_label=_("Anyone who acts for the organisation"),
    )
    event = forms.ModelChoiceField(
        label=_("Event"),
        queryset=None,
        required=False,
        empty_label=_("None: an online meeting on its own"),
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    priority = forms.ChoiceField(
        label=_("Priority"), choices=Priority.choices, initial=Priority.WOULD_LIKE
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Automatic: one both sides speak")), *MeetingLanguage.choices],
        required=False,
    )
    place_kind = forms.ChoiceField(
        label=_("Place"),
        choices=[
            ("", _("Automatic: a table at events on site, otherwise online")),
            *PlaceKind.choices,
        ],
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["recipient_organisation"]
        field.queryset = organisations_to_meet(user)
        given = self.data if self.is_bound else self.initial
        field.widget.query, field.widget.suggestions, chosen = organisation_suggestions(
            user, given.get(OrganisationPicker.query_name, ""), given.get("recipient_organisation")
        )
        self.fields["event"].queryset = visible_events(user).order_by("-starts_at", "pk")
        people = visible_people(user).none()
        if chosen is not None:
            people = visible_people(user).filter(affiliations__organisation=chosen)
        self.fields["recipient_person"].queryset = people
        if not people.exists():
            del self.fields["recipient_person"]


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ProposeForm(ReplyForm):
    """The slot comes from the page's list of free slots as its UTC start, in ISO 8601."""

    starts_at = forms.DateTimeField(label=_("Another time"), input_formats=ISO_WITH_OFFSET)


class BookForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Slot"), input_formats=ISO_WITH_OFFSET)


class AvailabilityForm(forms.Form):
    timezone = forms.ChoiceField(label=_("Your time zone"), choices=timezone_choices)
    windows = SpansField(label=_("Available each day"))
    breaks = SpansField(label=_("Breaks"))
    days = forms.MultipleChoiceField(
        label=_("Days you can meet"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every day"),
    )
    max_per_day = forms.IntegerField(
        label=_("Meetings per day, at most"), min_value=1, max_value=50, required=False
    )

    def __init__(self, *args, days=(), **kwargs):
        super().__init__(*args, **kwargs)
        if days:
            self.fields["days"].choices = day_choices(days)
        else:
            del self.fields["days"]


def _time_field(label, required=True):
    return forms.TimeField(
        label=label,
        required=required,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )


class MeetingSettingsForm(forms.Form):
    slot_minutes = forms.IntegerField(
        label=_("Minutes per meeting"), min_value=5, max_value=240, initial=30
    )
    days = forms.MultipleChoiceField(
        label=_("Meeting days"), widget=forms.CheckboxSelectMultiple, required=False
    )
    morning_starts = _time_field(_("Morning session from"), required=False)
    morning_ends = _time_field(_("Morning session until"), required=False)
    afternoon_starts = _time_field(_("Afternoon session from"), required=False)
    afternoon_ends = _time_field(_("Afternoon session until"), required=False)
    evening_starts = _time_field(_("Evening session from"), required=False)
    evening_ends = _time_field(_("Evening session until"), required=False)
    breaks = SpansField(label=_("Breaks each day"))
    table_count = forms.IntegerField(
        label=_("Number of tables"), min_value=0, max_value=MAX_TABLES, required=False
    )
    table_names = forms.CharField(
        label=_("Or named tables"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One a line: name | room, e.g. A1 | Hall 4.1"),
    )
    online_tables = forms.IntegerField(
        label=_("Tables kept for online meetings (the last ones)"),
        min_value=0,
        max_value=MAX_TABLES,
        initial=0,
    )
    direct_booking_open = forms.BooleanField(
        label=_("Participants may book free slots themselves"), required=False, initial=True
    )
    default_max_per_day = forms.IntegerField(
        label=_("Meetings per day and participant, at most"),
        min_value=1,
        max_value=50,
        required=False,
    )
    online_hours_start = _time_field(_("Online meetings not before (each side's local time)"))
    online_hours_end = _time_field(_("Online meetings not after (each side's local time)"))

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = day_choices(event_days(event))

    def clean_table_names(self):
        lines = [line.strip() for line in self.cleaned_data["table_names"].splitlines()]
        names = []
        for line in filter(None, lines):
            name, _bar, room = line.partition("|")
            names.append((name.strip(), room.strip()))
        return names

    def sessions(self) -> list[dict]:
        sessions = []
        for part in DayPart.values:
            starts = self.cleaned_data.get(f"{part}_starts")
            ends = self.cleaned_data.get(f"{part}_ends")
            if starts and ends:
                sessions.append(
                    {
                        "part": part,
                        "starts": starts.strftime("%H:%M"),
                        "ends": ends.strftime("%H:%M"),
                    }
                )
        return sessions

    def clean(self):
        data = super().clean()
        for part in DayPart.values:
            if bool(data.get(f"{part}_starts")) != bool(data.get(f"{part}_ends")):
                self.add_error(f"{part}_ends", _("Give both times of this session, or neither."))
        if not self.errors and not self.sessions():
            self.add_error("morning_starts", _("Give at least one session."))
        return data

    def settings_data(self) -> dict:
        data = self.cleaned_data
        tables = data["table_names"] or (data["table_count"] or 0)
        return {
            "slot_minutes": data["slot_minutes"],
            "days": data["days"],
            "sessions": self.sessions(),
            "breaks": data["breaks"],
            "tables": tables,
            "online_tables": data["online_tables"],
            "direct_booking_open": data["direct_booking_open"],
            "default_max_per_day": data["default_max_per_day"],
            "online_hours": (data["online_hours_start"], data["online_hours_end"]),
        }

    @classmethod
    def initial_for(cls, settings, tables) -> dict:
        if settings is None:
            return {
                "direct_booking_open": True,
                "online_hours_start": "08:00",
                "online_hours_end": "20:00",
            }
        initial = {
            "slot_minutes": settings.slot_minutes,
            "days": settings.days,
            "breaks": spans_to_text(settings.breaks),
            "online_tables": sum(1 for table in tables if table.for_online),
            "direct_booking_open": settings.direct_booking_open,
            "default_max_per_day": settings.default_max_per_day,
            "online_hours_start": settings.online_hours_start,
            "online_hours_end": settings.online_hours_end,
        }
        for session in settings.sessions:
            initial[f"{session['part']}_starts"] = session["starts"]
            initial[f"{session['part']}_ends"] = session["ends"]
        if any(table.name or table.room for table in tables):
            initial["table_names"] = "\n".join(
                f"{table.name or table.number} | {table.room}".rstrip(" |") for table in tables
            )
        else:
            initial["table_count"] = len(tables)
        return initial
