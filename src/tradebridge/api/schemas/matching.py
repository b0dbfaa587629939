"""Matchmaking profiles, recommendations and feedback as the API shows and accepts them.

Sectors and regions go by their codes, HS codes as strings of 2, 4, 6 or 8 digits, texts as
one product or service per line.
"""

from datetime import datetime
from typing import Annotated, Literal

from ninja import Field, Schema

from tradebridge.api.schemas.fields import Id, Text
from tradebridge.matchmaking.enums import CompanySize, DealType
from tradebridge.matchmaking.validators import MAX_HS_CODES

STRICT = {"extra": "forbid"}
Codes = Annotated[list[Text], Field(max_length=MAX_HS_CODES)]
Many = Annotated[list[Text], Field(max_length=200)]


class ProfileOut(Schema):
    organisation: int = Field(alias="organisation_id")
    organisation_name: str = Field(alias="organisation.name")
    offers_en: str
    offers_zh: str
    offer_hs_codes: list[str] = Field(description="HS codes of what the organisation offers")
    offer_sectors: list[str] = Field(description="Sector codes")
    needs_en: str
    needs_zh: str
    need_hs_codes: list[str]
    need_sectors: list[str]
    deal_types: list[str]
    target_regions: list[str] = Field(description="Region codes, e.g. CN-GD")
    size: str
    languages: list[str]
    updated_at: datetime

    @staticmethod
    def resolve_offer_hs_codes(profile) -> list[str]:
        return profile.offer_hs_list()

    @staticmethod
    def resolve_need_hs_codes(profile) -> list[str]:
        return profile.need_hs_list()

    @staticmethod
    def resolve_offer_sectors(profile) -> list[str]:
        return [sector.code for sector in profile.offer_sectors.all()]

    @staticmethod
    def resolve_need_sectors(profile) -> list[str]:
        return [sector.code for sector in profile.need_sectors.all()]

    @staticmethod
    def resolve_deal_types(profile) -> list[str]:
        return profile.deal_type_list()

    @staticmethod
    def resolve_target_regions(profile) -> list[str]:
        return [region.code for region in profile.target_regions.all()]

    @staticmethod
    def resolve_languages(profile) -> list[str]:
        return profile.language_list()


class ProfileIn(Schema):
    """A whole profile, for PUT: what is left out is emptied."""

    model_config = STRICT

    offers_en: Text = Field("", description="One product or service per line")
    offers_zh: Text = ""
    offer_hs_codes: Codes = Field([], description='e.g. ["0802", "080212"]')
    offer_sectors: Many = Field([], description="Sector codes, e.g. fruit-vegetables-nuts")
    needs_en: Text = ""
    needs_zh: Text = ""
    need_hs_codes: Codes = []
    need_sectors: Many = []
    deal_types: list[DealType] = []
    target_regions: Many = Field([], description="Region codes, e.g. CN, CN-GD, US-CA")
    size: CompanySize | Literal[""] = ""
    languages: Many = Field([], description="Language codes, e.g. en, zh")


class ProfilePatch(Schema):
    """Only the fields given change."""

    model_config = STRICT

    # A default of None that the type does not allow: leaving a field out is fine, sending
    # null for it is an error naming the field.
    offers_en: Text = None
    offers_zh: Text = None
    offer_hs_codes: Codes = None
    offer_sectors: Many = None
    needs_en: Text = None
    needs_zh: Text = None
    need_hs_codes: Codes = None
    need_sectors: Many = None
    deal_types: list[DealType] = None
    target_regions: Many = None
    size: CompanySize | Literal[""] = None
    languages: Many = None


class PartnerOut(Schema):
    id: int
    name_en: str
    name_zh: str
    home_region: str | None

    @staticmethod
    def resolve_home_region(organisation) -> str | None:
        return organisation.home_region.code if organisation.home_region_id else None


class RecommendationOut(Schema):
    partner: PartnerOut = Field(alias="organisation")
    score: float
    good_match: bool = Field(alias="is_good")
    reasons: list[dict] = Field(description="Structured: a kind and its parameters")
    explanation: str = Field(description="The reasons as a sentence in the requested language")
    offers_en: str = Field(alias="profile.offers_en")
    offers_zh: str = Field(alias="profile.offers_zh")
    needs_en: str = Field(alias="profile.needs_en")
    needs_zh: str = Field(alias="profile.needs_zh")
    deal_types: list[str]

    @staticmethod
    def resolve_score(match) -> float:
        return round(match.score, 4)

    @staticmethod
    def resolve_deal_types(match) -> list[str]:
        return match.profile.deal_type_list()


class RecommendationsOut(Schema):
    organisation: int
    language: str
    event: int | None
    has_profile: bool
    items: list[RecommendationOut]


class RecommendationsQuery(Schema):
    lang: Literal["en", "zh-hans"] | None = Field(
        None, description="Language of the explanations (default: the request's)"
    )
    event: Id | None = Field(None, description="Only participants of this event")
    limit: int = Field(10, ge=1, le=50)


class FeedbackOut(Schema):
    partner: int = Field(alias="partner_id")
    partner_name: str = Field(alias="partner.name")
    mark: str
    event: int | None = Field(alias="event_id")
    updated_at: datetime


class MeetingRequestOut(Schema):
    partner: int
    mark: str
    meeting_request: int | None = Field(
        description="Id of the meeting request sent (none when agency staff noted a lead for an "
        "organisation they keep: its representatives send the request)"
    )


class FeedbackIn(Schema):
    model_config = STRICT

    partner: Id
    mark: Literal["not_relevant", "competitor", "already_met"]
    event: Id | None = None


class MeetingRequestIn(Schema):
    model_config = STRICT

    partner: Id
    event: Id | None = None
    message: Annotated[Text, Field(max_length=2000)] = ""
