"""Regions and sectors: the read-only catalogues."""

from ninja import Field, Schema

from tradebridge.api.schemas.fields import Text
from tradebridge.directory.enums import RegionKind


class RegionOut(Schema):
    code: str
    kind: str
    country_code: str
    name_en: str
    name_zh: str
    aliases: list[str]
    parent: str | None = Field(description="Code of the region this one is part of")
    timezone: str

    @staticmethod
    def resolve_aliases(region) -> list[str]:
        return region.alias_list()

    @staticmethod
    def resolve_parent(region) -> str | None:
        return region.parent.code if region.parent_id else None


class RegionQuery(Schema):
    q: Text = Field("", description="Search names in English, Chinese or pinyin")
    country: Text = Field("", description="ISO 3166-1 alpha-2 code, e.g. CN or US")
    kind: RegionKind | None = None
    parent: Text = Field("", description="Code of the parent region, e.g. CN")


class SectorOut(Schema):
    code: str
    name_en: str
    name_zh: str
    parent: str | None = Field(description="Code of the parent sector")
    children: list[str] = Field(description="Codes of the sectors beneath this one")
    hs_chapters: list[str]

    @staticmethod
    def resolve_parent(sector) -> str | None:
        return sector.parent.code if sector.parent_id else None

    @staticmethod
    def resolve_children(sector) -> list[str]:
        return [child.code for child in sector.children.all()]

    @staticmethod
    def resolve_hs_chapters(sector) -> list[str]:
        return sector.hs_chapter_list()


class SectorQuery(Schema):
    q: Text = ""
    parent: Text = Field("", description="Code of a top-level sector: list its children")
    top_level: bool = Field(False, description="Only the sectors that have no parent")
