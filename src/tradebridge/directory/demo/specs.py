"""The shapes of demo records. Organisations and people refer to each other by English name,
which is also the key that makes loading idempotent."""

from dataclasses import dataclass

from tradebridge.directory.enums import Visibility

# The three agencies whose staff keep the demo records (and log in as wa-commerce, tdb, bayarea).
TRADE_DEVELOPMENT_BUREAU = "Trade Development Bureau of the Ministry of Commerce"
WASHINGTON_COMMERCE = "Washington State Department of Commerce"
BAY_AREA_CHINA_OFFICE = "Bay Area Council China Office"


@dataclass(frozen=True)
class OrganisationSpec:
    name_en: str
    name_zh: str
    kind: str
    region: str
    description_en: str
    description_zh: str
    owner: str
    parent: str = ""
    short_name: str = ""
    sectors: tuple[str, ...] = ()
    website: str = ""
    is_sme: bool = False
    visibility: str = Visibility.PUBLIC


@dataclass(frozen=True)
class AffiliationSpec:
    organisation: str
    role_en: str
    role_zh: str


@dataclass(frozen=True)
class PersonSpec:
    name_en: str
    name_zh: str
    title_en: str
    title_zh: str
    owner: str
    affiliations: tuple[AffiliationSpec, ...]
    timezone: str = ""
    languages: str = ""
    email: str = ""
    phone: str = ""
    visibility: str = Visibility.PUBLIC
