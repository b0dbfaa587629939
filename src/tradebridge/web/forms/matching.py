from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from tradebridge.directory.enums import LANGUAGE_CHOICES
from tradebridge.directory.models import Region, Sector
from tradebridge.matchmaking.domain.profiles import EDITABLE_FIELDS, TARGET_REGION_KINDS
from tradebridge.matchmaking.enums import DealType, FeedbackMark
from tradebridge.matchmaking.models import MatchProfile
from tradebridge.matchmaking.validators import normalise_hs_codes
from tradebridge.web.forms.directory import SectorChoiceField


class TargetRegionField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} · {obj.other_name}" if obj.other_name else obj.name


def target_region_choices():
    """Countries and their provinces and states: China and the United States first."""
    first = Case(
        When(country_code="CN", then=Value(0)),
        When(country_code="US", then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        Region.objects.filter(kind__in=TARGET_REGION_KINDS)
        .annotate(first=first)
        .order_by("first", "country_code", "parent_id", "name_en")
    )


def _items_widget():
    return forms.Textarea(attrs={"rows": 4})


class ProfileForm(forms.ModelForm):
    """What an organisation offers and seeks; HS codes are normalised ("0802.12" -> 080212)."""

    offer_sectors = SectorChoiceField(
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        label=_("sectors of what you offer"),
    )
    need_sectors = SectorChoiceField(
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        label=_("sectors of what you seek"),
    )
    deal_types = forms.MultipleChoiceField(
        label=_("deal types"),
        choices=DealType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_regions = TargetRegionField(
        queryset=Region.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        label=_("target regions"),
        help_text=_("Countries, provinces and states where you look for partners"),
    )
    languages = forms.MultipleChoiceField(
        label=_("languages spoken"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MatchProfile
        fields = (
            "offers_en",
            "offers_zh",
            "offer_hs_codes",
            "offer_sectors",
            "needs_en",
            "needs_zh",
            "need_hs_codes",
            "need_sectors",
            "deal_types",
            "target_regions",
            "size",
            "languages",
        )
        widgets = {
            "offers_en": _items_widget(),
            "offers_zh": _items_widget(),
            "needs_en": _items_widget(),
            "needs_zh": _items_widget(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_regions"].queryset = target_region_choices()
        self.fields["offers_en"].widget.attrs["lang"] = "en"
        self.fields["needs_en"].widget.attrs["lang"] = "en"
        self.fields["offers_zh"].widget.attrs["lang"] = "zh-Hans"
        self.fields["needs_zh"].widget.attrs["lang"] = "zh-Hans"
        if self.instance.pk:
            self.initial["deal_types"] = self.instance.deal_type_list()
            self.initial["languages"] = self.instance.language_list()

    def clean_offer_hs_codes(self) -> str:
        return normalise_hs_codes(self.cleaned_data["offer_hs_codes"])

    def clean_need_hs_codes(self) -> str:
        return normalise_hs_codes(self.cleaned_data["need_hs_codes"])

    def clean_deal_types(self) -> str:
        return ",".join(self.cleaned_data["deal_types"])

    def clean_languages(self) -> str:
        return ",".join(self.cleaned_data["languages"])

    def profile_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}


class FeedbackForm(forms.Form):
    mark = forms.ChoiceField(
        choices=[(m.value, m.label) for m in FeedbackMark if m != FeedbackMark.MEETING_REQUESTED]
    )


class MeetingRequestForm(forms.Form):
    message = forms.CharField(label=_("Message"), max_length=2000, required=False)
