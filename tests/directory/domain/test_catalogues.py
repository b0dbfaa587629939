from zoneinfo import ZoneInfo

import pytest

from tradebridge.directory.domain.region_catalogue import load_regions
from tradebridge.directory.domain.sector_catalogue import load_sectors
from tradebridge.directory.models import Region, Sector


def test_china_has_34_divisions_and_us_51(db):
    assert Region.objects.filter(parent__code="CN").count() == 34
    assert Region.objects.filter(parent__code="US").count() == 51


@pytest.mark.parametrize(
    ("code", "english", "chinese", "zone"),
    [
        ("CN-NM", "Inner Mongolia", "内蒙古自治区", "Asia/Shanghai"),
        ("CN-NX", "Ningxia", "宁夏回族自治区", "Asia/Shanghai"),
        ("CN-HK", "Hong Kong", "香港特别行政区", "Asia/Hong_Kong"),
        ("US-MD", "Maryland", "马里兰州", "America/New_York"),
        ("US-CA", "California", "加利福尼亚州", "America/Los_Angeles"),
        ("US-WA", "Washington", "华盛顿州", "America/Los_Angeles"),
        ("US-IA", "Iowa", "艾奥瓦州", "America/Chicago"),
        ("US-DC", "District of Columbia", "华盛顿哥伦比亚特区", "America/New_York"),
        ("US-HI", "Hawaii", "夏威夷州", "Pacific/Honolulu"),
    ],
)
def test_names_and_zones(db, code, english, chinese, zone):
    region = Region.objects.get(code=code)
    assert (region.name_en, region.name_zh, region.timezone) == (english, chinese, zone)


def test_every_region_has_both_names_and_a_real_zone(db):
    for region in Region.objects.filter(country_code__in=["CN", "US"]):
        assert region.name_en and region.name_zh, region.code
        ZoneInfo(region.timezone)


def test_loading_twice_changes_nothing(db):
    before = (Region.objects.count(), Sector.objects.count())
    load_regions()
    load_sectors()
    assert (Region.objects.count(), Sector.objects.count()) == before


def test_sectors_cover_the_mou_and_the_seeds(db):
    top = set(Sector.objects.filter(parent=None).values_list("code", flat=True))
    assert {"advanced-manufacturing", "aerospace", "agriculture-food", "clean-technology",
            "ict", "life-sciences", "maritime"} <= top  # fmt: skip
    named = {"e-commerce", "renewable-energy", "aviation", "smart-equipment", "cloud-computing",
             "dairy"}  # fmt: skip
    assert named <= set(Sector.objects.exclude(parent=None).values_list("code", flat=True))
    assert Sector.objects.get(code="dairy").hs_chapter_list() == ["04"]
