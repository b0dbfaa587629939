"""Organisations as the API shows and accepts them; regions and sectors go by their codes."""

from datetime import datetime

from ninja import Field, Schema

from tradebridge.api.schemas.fields import Id, Text
from tradebridge.directory.enums import OrganisationKind, Visibility

STRICT = {"extra": "forbid"}


class OrganisationOut(Schema):
    id: int
    kind: str
    name_en: str
    name_zh: str
    short_name: str
    description_en: str
    description_zh: str
    home_region: str | None = Field(description="Region code, e.g. CN-GD or US-WA")
    parent: int | None = Field(description="Id of the parent organisation, if you may see it")
    sectors: list[str] = Field(description="Sector codes")
    website: str
    is_sme: bool
    visibility: str
    logo: str | None = Field(description="URL of the logo")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_home_region(organisation) -> str | None:
        return organisation.home_region.code if organisation.home_region_id else None

    @staticmethod
    def resolve_parent(organisation, context) -> int | None:
        parent = organisation.parent
        user = context["request"].auth
        if parent is None or not user.has_perm("directory.view_organisation", parent):
            return None
        return parent.pk

    @staticmethod
    def resolve_sectors(organisation) -> list[str]:
        return [sector.code for sector in organisation.sectors.all()]

    @staticmethod
    def resolve_logo(organisation, context) -> str | None:
        if not organisation.logo:
            return None
        return context["request"].build_absolute_uri(organisation.logo.url)


class OrganisationIn(Schema):
    """A whole organisation, for POST and PUT; what is left out takes its default.

    Visibility is the exception: left out, a new record is public and an existing one keeps its
    visibility, so that a PUT never publishes a private record by accident.
    """

    model_config = STRICT

    kind: OrganisationKind
    name_en: Text = ""
    name_zh: Text = ""
    short_name: Text = Field("", description="Comma-separated, e.g. MOFCOM")
    description_en: Text = ""
    description_zh: Text = ""
    home_region: Text | None = Field(None, description="Region code, e.g. CN-GD")
    parent: Id | None = Field(None, description="Id of the parent organisation")
    sectors: list[Text] = Field([], description="Sector codes, e.g. dairy")
    website: Text = ""
    is_sme: bool = False
    visibility: Visibility | None = None


class OrganisationPatch(Schema):
    """Only the fields given change; ``null`` clears ``home_region`` and ``parent``."""

    model_config = STRICT

    # A default of None that the type does not allow: leaving a field out is fine, sending
    # null for it is an error naming the field.
    kind: OrganisationKind = None
    name_en: Text = None
    name_zh: Text = None
    short_name: Text = None
    description_en: Text = None
    description_zh: Text = None
    home_region: Text | None = None
    parent: Id | None = None
    sectors: list[Text] = None
    website: Text = None
    is_sme: bool = None
    visibility: Visibility = None


class OrganisationQuery(Schema):
    q: Text = Field("", description="Search names in English, Chinese or pinyin")
    country: Text = Field("", description="ISO 3166-1 alpha-2 code of the home region")
    region: Text = Field("", description="Region code; includes the regions beneath it")
    kind: OrganisationKind | None = None
    sector: Text = Field("", description="Sector code; includes the sectors beneath it")
    sme: bool | None = None
