from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.accounts.enums import Role
from tradebridge.directory.domain import organisations as organisation_domain
from tradebridge.directory.domain import people as people_domain
from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.directory.enums import LANGUAGE_CHOICES
from tradebridge.directory.models import Organisation, Person, Region, Sector
from tradebridge.web.forms.accounts import timezone_choices


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} · {obj.other_name}" if obj.other_name else obj.name


class SectorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        prefix = "— " if obj.parent_id else ""
        return f"{prefix}{obj.name}"


def region_choices():
    return Region.objects.order_by("country_code", "parent_id", "name_en")


class DirectoryForm(forms.ModelForm):
    """Shared by organisation and person forms: names required in at least one language."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.role == Role.COMPANY_REPRESENTATIVE and "visibility" in self.fields:
            del self.fields["visibility"]

    def clean(self):
        data = super().clean()
        if not (data.get("name_en") or "").strip() and not (data.get("name_zh") or "").strip():
            self.add_error("name_en", _("Give a name in English or Chinese, or both."))
        return data


class OrganisationForm(DirectoryForm):
    home_region = RegionChoiceField(
        queryset=Region.objects.none(), required=False, label=_("home region")
    )
    website = forms.URLField(
        label=_("website"), required=False, max_length=200, assume_scheme="https"
    )
    sectors = SectorChoiceField(
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        label=_("sectors"),
    )

    class Meta:
        model = Organisation
        fields = (*organisation_domain.EDITABLE_FIELDS, "sectors")
        widgets = {"description_en": forms.Textarea(attrs={"rows": 4}),
                   "description_zh": forms.Textarea(attrs={"rows": 4})}  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["home_region"].queryset = region_choices()
        parents = visible_organisations(user)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents


class PersonForm(DirectoryForm):
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    timezone = forms.ChoiceField(
        label=_("time zone"), choices=lambda: [("", "—"), *timezone_choices()], required=False
    )
    data_protection_region = RegionChoiceField(
        queryset=Region.objects.none(), required=False, label=_("data-protection region")
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), required=False, label=_("organisation")
    )
    role_en = forms.CharField(required=False, max_length=300, label=_("role (English)"))
    role_zh = forms.CharField(required=False, max_length=300, label=_("role (Chinese)"))

    class Meta:
        model = Person
        fields = people_domain.EDITABLE_FIELDS

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["data_protection_region"].queryset = region_choices()
        self.fields["organisation"].queryset = visible_organisations(user)
        if user.role == Role.COMPANY_REPRESENTATIVE:
            self.fields["organisation"].queryset = Organisation.objects.filter(
                pk=user.organisation_id
            )
            self.fields["organisation"].required = True
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_list()
            affiliation = self.instance.affiliations.select_related("organisation").first()
            if affiliation:
                self.initial.setdefault("organisation", affiliation.organisation_id)
                self.initial.setdefault("role_en", affiliation.role_en)
                self.initial.setdefault("role_zh", affiliation.role_zh)

    def clean_languages(self) -> str:
        return ",".join(self.cleaned_data["languages"])

    def person_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in people_domain.EDITABLE_FIELDS
                if name in self.cleaned_data}  # fmt: skip


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(required=False, label=_("Search"))
    country = forms.ChoiceField(required=False, label=_("Country"))
    region = forms.ModelChoiceField(
        queryset=Region.objects.none(), required=False, to_field_name="code", label=_("Region")
    )
    kind = forms.ChoiceField(required=False, label=_("Kind"))
    sector = forms.ModelChoiceField(
        queryset=Sector.objects.all(), required=False, to_field_name="code", label=_("Sector")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = Region.objects.filter(
            kind="country", code__in=Region.objects.filter(organisations__isnull=False)
            .values("country_code")
        )  # fmt: skip
        self.fields["country"].choices = [("", _("Any country"))] + [
            (c.code, c.name) for c in countries
        ]
        self.fields["region"].queryset = Region.objects.exclude(kind="country")
        self.fields["region"].empty_label = _("Any region")
        self.fields["sector"].empty_label = _("Any sector")
        self.fields["kind"].choices = [
            ("", _("Any kind")),
            *Organisation._meta.get_field("kind").choices,
        ]
