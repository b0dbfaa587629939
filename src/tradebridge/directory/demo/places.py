"""Cities, counties, a port and a development zone that the articles name, beneath the states
and provinces of the region catalogue. Codes are our own (parent code plus a name), as the
Region model allows for places below ISO 3166-2."""

from dataclasses import dataclass

from tradebridge.directory.enums import RegionKind
from tradebridge.directory.models import Region


@dataclass(frozen=True)
class Place:
    code: str
    kind: str
    parent_code: str
    name_en: str
    name_zh: str
    timezone: str


PACIFIC = "America/Los_Angeles"
CENTRAL = "America/Chicago"
CHINA = "Asia/Shanghai"

PLACES = [
    Place("US-WA-SEATTLE", RegionKind.CITY, "US-WA", "Seattle", "西雅图", PACIFIC),
    Place("US-WA-REDMOND", RegionKind.CITY, "US-WA", "Redmond", "雷德蒙德", PACIFIC),
    Place("US-WA-TACOMA", RegionKind.CITY, "US-WA", "Tacoma", "塔科马", PACIFIC),
    Place("US-WA-PIERCE", RegionKind.COUNTY, "US-WA", "Pierce County", "皮尔斯县", PACIFIC),
    Place("US-CA-SAN-FRANCISCO", RegionKind.CITY, "US-CA", "San Francisco", "旧金山", PACIFIC),
    Place("US-CA-OAKLAND", RegionKind.CITY, "US-CA", "Oakland", "奥克兰", PACIFIC),
    Place("US-CA-OAKLAND-PORT", RegionKind.PORT, "US-CA", "Port of Oakland", "奥克兰港", PACIFIC),
    Place("US-CA-SACRAMENTO", RegionKind.CITY, "US-CA", "Sacramento", "萨克拉门托", PACIFIC),
    Place("US-CA-FRESNO", RegionKind.COUNTY, "US-CA", "Fresno County", "弗雷斯诺县", PACIFIC),
    Place("US-IA-DES-MOINES", RegionKind.CITY, "US-IA", "Des Moines", "得梅因", CENTRAL),
    Place("US-IL-CHICAGO", RegionKind.CITY, "US-IL", "Chicago", "芝加哥", CENTRAL),
    Place("CN-NM-HOHHOT", RegionKind.CITY, "CN-NM", "Hohhot", "呼和浩特", CHINA),
    Place("CN-ZJ-HANGZHOU", RegionKind.CITY, "CN-ZJ", "Hangzhou", "杭州", CHINA),
    Place("CN-GD-SHENZHEN", RegionKind.CITY, "CN-GD", "Shenzhen", "深圳", CHINA),
    Place("CN-SN-XIXIAN", RegionKind.OTHER, "CN-SN", "Xixian New Area", "西咸新区", CHINA),
]


def load_places() -> int:
    """Create the places that do not exist yet (by code); returns how many were created.
    Existing places are left as they are, so edits made in the demo survive a reload."""
    created = 0
    for place in PLACES:
        if Region.objects.filter(code=place.code).exists():
            continue
        region = Region(
            code=place.code,
            kind=place.kind,
            parent=Region.objects.get(code=place.parent_code),
            name_en=place.name_en,
            name_zh=place.name_zh,
            timezone=place.timezone,
        )
        region.full_clean()
        region.save()
        created += 1
    return created
