"""People as the API shows and accepts them, with their affiliations."""

from datetime import datetime

from ninja import Field, Schema

from tradebridge.api.schemas.fields import Id, Text
from tradebridge.directory.enums import Visibility

STRICT = {"extra": "forbid"}


class AffiliationOut(Schema):
    organisation: int = Field(alias="organisation_id")
    name_en: str = Field(alias="organisation.name_en")
    name_zh: str = Field(alias="organisation.name_zh")
    role_en: str
    role_zh: str
    is_primary: bool


class PersonOut(Schema):
    """``email`` and ``phone`` are null when you may not see them, "" when there are none."""

    id: int
    name_en: str
    name_zh: str
    title_en: str
    title_zh: str
    email: str | None
    phone: str | None
    languages: list[str]
    timezone: str
    data_protection_region: str | None = Field(description="Region code")
    visibility: str
    affiliations: list[AffiliationOut] = Field(description="Only organisations you may see")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def _shows_contact(person, context) -> bool:
        return context["request"].auth.has_perm("directory.view_person_contact", person)

    @staticmethod
    def resolve_email(person, context) -> str | None:
        return person.email if PersonOut._shows_contact(person, context) else None

    @staticmethod
    def resolve_phone(person, context) -> str | None:
        return person.phone if PersonOut._shows_contact(person, context) else None

    @staticmethod
    def resolve_languages(person) -> list[str]:
        return person.language_list()

    @staticmethod
    def resolve_data_protection_region(person) -> str | None:
        region = person.data_protection_region
        return region.code if region is not None else None

    @staticmethod
    def resolve_affiliations(person, context) -> list:
        user = context["request"].auth
        return [
            affiliation
            for affiliation in person.affiliations.all()
            if user.has_perm("directory.view_organisation", affiliation.organisation)
        ]


class PersonIn(Schema):
    """A whole person, for POST and PUT; what is left out takes its default.

    ``organisation`` with ``role_en``/``role_zh`` adds (or updates) an affiliation; it never
    removes one. Left out, ``visibility`` is public for a new record and unchanged otherwise.
    """

    model_config = STRICT

    name_en: Text = ""
    name_zh: Text = ""
    title_en: Text = ""
    title_zh: Text = ""
    email: Text = ""
    phone: Text = Field("", description="International format, e.g. +1 206 555 0100")
    languages: list[Text] = Field([], description='Language codes, e.g. ["en", "zh"]')
    timezone: Text = Field("", description="IANA name, e.g. Asia/Shanghai")
    data_protection_region: Text | None = Field(None, description="Region code")
    visibility: Visibility | None = None
    organisation: Id | None = Field(None, description="Id of the organisation they work for")
    role_en: Text = ""
    role_zh: Text = ""


class PersonPatch(Schema):
    """Only the fields given change; see OrganisationPatch for how null is treated."""

    model_config = STRICT

    name_en: Text = None
    name_zh: Text = None
    title_en: Text = None
    title_zh: Text = None
    email: Text = None
    phone: Text = None
    languages: list[Text] = None
    timezone: Text = None
    data_protection_region: Text | None = None
    visibility: Visibility = None
    organisation: Id = None
    role_en: Text = None
    role_zh: Text = None


class PersonQuery(Schema):
    q: Text = Field("", description="Search names and titles in English, Chinese or pinyin")
    country: Text = Field("", description="Country code of an organisation they work for")
    region: Text = Field("", description="Region code of an organisation they work for")
    organisation: Id | None = Field(None, description="Id of an organisation they work for")
