"""Loads countries, Chinese provincial-level divisions and US states from packaged data.

Sources: pycountry (ISO 3166-1 and 3166-2 with their Chinese translations), the ``us`` package
(state time zones) and tzdata's zone.tab (a country's main zone). Where those are missing or
read oddly we say so below. Loading is idempotent: it updates rows by code.
"""

import gettext
from functools import lru_cache
from importlib import resources

import pycountry
import us
from django.db import transaction

from tradebridge.directory.enums import RegionKind
from tradebridge.directory.models import Region

# pycountry's English names are romanised official forms ("Nei Mongol Zizhiqu"); readers
# expect the conventional English names.
CHINA_ENGLISH_NAMES = {
    "CN-AH": "Anhui", "CN-BJ": "Beijing", "CN-CQ": "Chongqing", "CN-FJ": "Fujian",
    "CN-GD": "Guangdong", "CN-GS": "Gansu", "CN-GX": "Guangxi", "CN-GZ": "Guizhou",
    "CN-HA": "Henan", "CN-HB": "Hubei", "CN-HE": "Hebei", "CN-HI": "Hainan",
    "CN-HK": "Hong Kong", "CN-HL": "Heilongjiang", "CN-HN": "Hunan", "CN-JL": "Jilin",
    "CN-JS": "Jiangsu", "CN-JX": "Jiangxi", "CN-LN": "Liaoning", "CN-MO": "Macao",
    "CN-NM": "Inner Mongolia", "CN-NX": "Ningxia", "CN-QH": "Qinghai", "CN-SC": "Sichuan",
    "CN-SD": "Shandong", "CN-SH": "Shanghai", "CN-SN": "Shaanxi", "CN-SX": "Shanxi",
    "CN-TJ": "Tianjin", "CN-TW": "Taiwan", "CN-XJ": "Xinjiang", "CN-XZ": "Tibet",
    "CN-YN": "Yunnan", "CN-ZJ": "Zhejiang",
}  # fmt: skip
# Chinese names pycountry lacks or spells unusually.
CHINESE_NAME_FIXES = {
    "CN-NX": "宁夏回族自治区",
    "US-MD": "马里兰州",
    "US-MT": "蒙大拿州",
    "US-SC": "南卡罗来纳州",
    "US-WV": "西弗吉尼亚州",
}
# Short names in everyday Chinese use, so that 加州 finds California.
CHINESE_ALIASES = {
    "US-CA": "加州", "US-TX": "德州", "US-WA": "华州", "US-MA": "麻州", "US-PA": "宾州",
    "US-NY": "纽约", "US-DC": "华盛顿特区", "CN-NM": "内蒙古", "CN-GX": "广西",
    "CN-NX": "宁夏", "CN-XJ": "新疆", "CN-XZ": "西藏", "CN-HK": "香港", "CN-MO": "澳门",
}  # fmt: skip
CHINA_ZONES = {"CN-HK": "Asia/Hong_Kong", "CN-MO": "Asia/Macau", "CN-TW": "Asia/Taipei"}
CHINA_KINDS = {
    "Province": RegionKind.PROVINCE,
    "Municipality": RegionKind.MUNICIPALITY,
    "Autonomous region": RegionKind.AUTONOMOUS_REGION,
    "Special administrative region": RegionKind.SPECIAL_ADMINISTRATIVE_REGION,
}


@lru_cache(maxsize=2)
def _chinese(domain: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["zh_CN"])


@lru_cache(maxsize=1)
def country_zones() -> dict[str, str]:
    """Each country's first zone in tzdata's zone.tab (its main one: US → America/New_York)."""
    zones: dict[str, str] = {}
    text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, zone, *_rest = line.split("\t")
        zones.setdefault(code, zone)
    return zones


def _upsert(code: str, **fields) -> Region:
    region = Region.objects.filter(code=code).first() or Region(code=code)
    for name, value in fields.items():
        setattr(region, name, value)
    region.full_clean()
    region.save()
    return region


def _load_countries() -> dict[str, Region]:
    zones = country_zones()
    countries = {}
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        countries[country.alpha_2] = _upsert(
            country.alpha_2,
            kind=RegionKind.COUNTRY,
            parent=None,
            name_en=english,
            name_zh=_chinese("iso3166-1").gettext(country.name),
            aliases=", ".join(
                {country.alpha_3, country.name, getattr(country, "official_name", country.name)}
                - {english}
            ),
            timezone=zones.get(country.alpha_2, "UTC"),
        )
    return countries


def _load_china(china: Region) -> int:
    count = 0
    for subdivision in pycountry.subdivisions.get(country_code="CN"):
        code = subdivision.code
        chinese = CHINESE_NAME_FIXES.get(code) or _chinese("iso3166-2").gettext(subdivision.name)
        aliases = [subdivision.name, CHINESE_ALIASES.get(code, "")]
        _upsert(
            code,
            kind=CHINA_KINDS.get(subdivision.type, RegionKind.OTHER),
            parent=china,
            name_en=CHINA_ENGLISH_NAMES[code],
            name_zh=chinese,
            aliases=", ".join(a for a in aliases if a and a != CHINA_ENGLISH_NAMES[code]),
            timezone=CHINA_ZONES.get(code, "Asia/Shanghai"),
        )
        count += 1
    return count


def _load_united_states(united_states: Region) -> int:
    translations = _chinese("iso3166-2")
    count = 0
    for state in [*us.states.STATES, us.states.DC]:
        code = f"US-{state.abbr}"
        subdivision = pycountry.subdivisions.get(code=code)
        chinese = CHINESE_NAME_FIXES.get(code) or translations.gettext(subdivision.name)
        _upsert(
            code,
            kind=RegionKind.FEDERAL_DISTRICT if state.abbr == "DC" else RegionKind.STATE,
            parent=united_states,
            name_en=state.name,
            name_zh=chinese,
            aliases=", ".join(a for a in [state.abbr, CHINESE_ALIASES.get(code, "")] if a),
            timezone=state.time_zones[0],
        )
        count += 1
    return count


@transaction.atomic
def load_regions() -> dict[str, int]:
    """Create or update all countries, China's 34 divisions and the 50 US states plus DC."""
    countries = _load_countries()
    return {
        "countries": len(countries),
        "china": _load_china(countries["CN"]),
        "united_states": _load_united_states(countries["US"]),
    }
