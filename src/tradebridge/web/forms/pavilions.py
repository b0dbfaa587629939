"""Back-office forms for pavilions, exhibitors, catalogues and consultation hours.

They check what a browser can get wrong (types, lengths, the name in one language at least) and
hand plain data to the domain functions, which check the rest; a domain error comes back onto
the form's field of the same name.
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from tradebridge.directory.domain.visibility import visible_organisations, visible_people
from tradebridge.directory.models import Organisation, Person, Region, Sector
from tradebridge.events.domain.consultations import MAX_SLOT_MINUTES, MIN_SLOT_MINUTES
from tradebridge.events.domain.pavilions import PAVILION_FIELDS
from tradebridge.events.validators import (
    PRODUCT_IMAGE_FORMATS,
    normalise_hs_codes,
    validate_hs_codes,
    validate_product_image,
)
from tradebridge.web.forms.accounts import timezone_choices
from tradebridge.web.forms.directory import RegionChoiceField, SectorChoiceField, region_choices

IMAGE_TYPES = ",".join(f"image/{kind.lower()}" for kind in sorted(PRODUCT_IMAGE_FORMATS))


def _text(label, max_length=None, rows=None):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(label=label, max_length=max_length, required=False, widget=widget)


def _require_one_language(form, english: str, chinese: str, message) -> None:
    data = form.cleaned_data
    if not (data.get(english) or "").strip() and not (data.get(chinese) or "").strip():
        form.add_error(english, message)


class PavilionForm(forms.Form):
    name_en = _text(_("name (English)"), 300)
    name_zh = _text(_("name (Chinese)"), 300)
    description_en = _text(_("description (English)"), rows=4)
    description_zh = _text(_("description (Chinese)"), rows=4)
    host_organisation = forms.ModelChoiceField(
        label=_("host organisation"), queryset=Organisation.objects.none(), required=False
    )
    host_region = RegionChoiceField(
        label=_("host region"), queryset=Region.objects.none(), required=False
    )
    area_en = _text(_("exhibition area (English)"), 200)
    area_zh = _text(_("exhibition area (Chinese)"), 200)

    def __init__(self, *args, user, pavilion=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_organisation"].queryset = visible_organisations(user).order_by(
            "name_en", "name_zh"
        )
        self.fields["host_region"].queryset = region_choices()
        if pavilion is not None:
            for name in PAVILION_FIELDS:
                self.initial[name] = getattr(pavilion, name)

    def clean(self):
        data = super().clean()
        _require_one_language(
            self, "name_en", "name_zh", _("Give a name in English or Chinese, or both.")
        )
        return data

    def pavilion_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in PAVILION_FIELDS}


class StaffChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, person):
        return f"{person.name} · {person.title}" if person.title else person.name


class ExhibitorForm(forms.Form):
    """The organisation is chosen once; the staff on duty are its people, listed anew (by the
    inline validation) when another organisation is chosen."""

    organisation = forms.ModelChoiceField(
        label=_("organisation"), queryset=Organisation.objects.none()
    )
    stand = forms.CharField(label=_("stand"), max_length=50, required=False)
    staff = StaffChoiceField(
        label=_("staff on duty"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, exhibitor=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = visible_organisations(user).order_by("name_en", "name_zh")
        self.fields["organisation"].queryset = organisations
        organisation = None
        if exhibitor is not None:
            organisation = exhibitor.organisation
            self.fields["organisation"].disabled = True
            self.fields["organisation"].help_text = _(
                "To show another organisation, remove this exhibitor and add that one."
            )
            self.initial.update(
                organisation=exhibitor.organisation_id,
                stand=exhibitor.stand,
                staff=[person.pk for person in exhibitor.staff.all()],
            )
        elif self.is_bound:
            organisation = organisations.filter(pk=_integer(self.data.get("organisation"))).first()
        if organisation is None:
            self.fields["staff"].help_text = _("Choose the organisation; its people appear here.")
        else:
            self.fields["staff"].queryset = (
                visible_people(user)
                .filter(affiliations__organisation=organisation)
                .order_by("name_en", "name_zh")
            )
            if not self.fields["staff"].queryset.exists():
                self.fields["staff"].help_text = _(
                    "No people of this organisation are in the directory yet."
                )


def _integer(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class ProductForm(forms.Form):
    title_en = _text(_("title (English)"), 300)
    title_zh = _text(_("title (Chinese)"), 300)
    description_en = _text(_("description (English)"), rows=4)
    description_zh = _text(_("description (Chinese)"), rows=4)
    hs_codes = forms.CharField(
        label=_("HS codes"),
        max_length=200,
        required=False,
        help_text=_("2, 4, 6 or 8 digits each, separated by commas, e.g. 8479, 8479.89"),
    )
    sectors = SectorChoiceField(
        label=_("sectors"),
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    image = forms.FileField(
        label=_("image"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, at most 2 MB"),
        # hx-preserve: the inline validation re-renders the fields; the chosen file must stay.
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_TYPES, "hx-preserve": "true"}),
    )

    def __init__(self, *args, product=None, **kwargs):
        super().__init__(*args, **kwargs)
        if product is not None:
            for name in ("title_en", "title_zh", "description_en", "description_zh", "image"):
                self.initial[name] = getattr(product, name)
            self.initial["hs_codes"] = ", ".join(product.hs_code_list())
            self.initial["sectors"] = [sector.pk for sector in product.sectors.all()]

    def clean_hs_codes(self) -> str:
        codes = normalise_hs_codes(self.cleaned_data["hs_codes"])
        validate_hs_codes(codes)
        return codes

    def clean_image(self):
        image = self.cleaned_data["image"]
        if isinstance(image, UploadedFile):
            validate_product_image(image)
        return image

    def clean(self):
        data = super().clean()
        _require_one_language(
            self, "title_en", "title_zh", _("Give a title in English or Chinese, or both.")
        )
        return data

    def product_data(self) -> dict:
        data = self.cleaned_data
        names = ("title_en", "title_zh", "description_en", "description_zh", "hs_codes")
        result = {name: data[name] for name in names}
        # A new upload replaces the picture, a ticked "clear" (False) removes it; otherwise the
        # stored one stays.
        if isinstance(data["image"], UploadedFile) or data["image"] is False:
            result["image"] = data["image"]
        return result


class DailyWindowsForm(forms.Form):
    """Recurring daily consultation hours, typed as clocks in the chosen zone."""

    first_day = forms.DateField(
        label=_("first day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    last_day = forms.DateField(
        label=_("last day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    opens = forms.TimeField(
        label=_("opens (local time)"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    closes = forms.TimeField(
        label=_("closes (local time)"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    timezone = forms.ChoiceField(
        label=_("time zone of these hours"),
        choices=timezone_choices,
        help_text=_("Where the exhibitor's staff are, e.g. America/Los_Angeles"),
    )
    slot_minutes = forms.IntegerField(
        label=_("minutes per consultation"),
        min_value=MIN_SLOT_MINUTES,
        max_value=MAX_SLOT_MINUTES,
        initial=20,
    )

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day may not come before the first."))
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes <= opens:
            self.add_error("closes", _("The window must close after it opens."))
        return data

    def window_data(self) -> dict:
        data = self.cleaned_data
        return {
            "first_day": data["first_day"],
            "last_day": data["last_day"],
            "opens": data["opens"],
            "closes": data["closes"],
            "zone": data["timezone"],
            "slot_minutes": data["slot_minutes"],
        }
