"""The bilingual two-level sector taxonomy.

The top level holds the seven sectors of the 2015 Washington MOU; the second level holds the
sectors the reference articles name (e-commerce, renewable energy, aviation, smart equipment,
cloud computing, dairy) and a few neighbours. HS chapters are given where a sector trades in
goods; service sectors have none.
"""

from django.db import transaction

from tradebridge.directory.models import Sector

# (code, English, Chinese, HS chapters, children)
TAXONOMY = [
    ("advanced-manufacturing", "Advanced manufacturing", "先进制造", "84,85,90", [
        ("smart-equipment", "Smart equipment", "智能装备", "84,85,90"),
        ("industrial-machinery", "Industrial machinery", "工业机械", "84"),
        ("automotive", "Automotive and parts", "汽车及零部件", "87"),
        ("new-materials", "New materials", "新材料", "28,39,72,76"),
    ]),
    ("aerospace", "Aerospace", "航空航天", "88", [
        ("aviation", "Aviation", "航空", "88"),
        ("space", "Space technology", "航天技术", "88"),
    ]),
    ("agriculture-food", "Agriculture and food processing", "农业和食品加工",
     "01,02,03,04,07,08,10,12,15,16,19,20,21,22", [
        ("dairy", "Dairy", "乳制品", "04"),
        ("meat-seafood", "Meat and seafood", "肉类和水产品", "02,03,16"),
        ("grains-oilseeds", "Grains and oilseeds", "谷物和油籽", "10,12,15"),
        ("fruit-vegetables-nuts", "Fruit, vegetables and nuts", "水果、蔬菜和坚果", "07,08,20"),
        ("wine-beverages", "Wine and beverages", "葡萄酒和饮料", "22"),
        ("processed-food", "Processed and health food", "加工食品和健康食品", "19,21"),
    ]),
    ("clean-technology", "Clean technology", "清洁技术", "84,85", [
        ("renewable-energy", "Renewable energy", "可再生能源", "85"),
        ("energy-storage", "Energy storage and batteries", "储能和电池", "85"),
        ("environmental-services", "Environmental protection", "环境保护", ""),
    ]),
    ("ict", "Information and communication technology", "信息和通信技术", "84,85", [
        ("cloud-computing", "Cloud computing and big data", "云计算和大数据", ""),
        ("e-commerce", "E-commerce", "电子商务", ""),
        ("mobile-internet", "Mobile internet and smartphones", "移动互联网和智能手机", "85"),
        ("telecom-equipment", "Telecommunications equipment", "通信设备", "85"),
        ("software", "Software and IT services", "软件和信息技术服务", ""),
    ]),
    ("life-sciences", "Life sciences", "生命科学", "29,30,90", [
        ("pharmaceuticals", "Pharmaceuticals", "医药", "29,30"),
        ("medical-devices", "Medical devices", "医疗器械", "90"),
        ("biotechnology", "Biotechnology", "生物技术", "29,30"),
    ]),
    ("maritime", "Maritime", "海事", "89", [
        ("shipbuilding", "Shipbuilding and marine equipment", "船舶和海洋装备", "89"),
        ("ports-logistics", "Ports and logistics", "港口和物流", ""),
    ]),
    ("services", "Business and trade services", "商务和贸易服务", "", [
        ("trade-promotion", "Trade and investment promotion", "贸易和投资促进", ""),
        ("education-training", "Education and training", "教育和培训", ""),
        ("financial-services", "Financial services", "金融服务", ""),
    ]),
]  # fmt: skip


def _upsert(code, name_en, name_zh, hs_chapters, parent, position) -> Sector:
    sector = Sector.objects.filter(code=code).first() or Sector(code=code)
    sector.name_en, sector.name_zh, sector.hs_chapters = name_en, name_zh, hs_chapters
    sector.parent, sector.position = parent, position
    sector.full_clean()
    sector.save()
    return sector


@transaction.atomic
def load_sectors() -> int:
    """Create or update every sector of the taxonomy; returns how many there are."""
    count = 0
    for position, (code, english, chinese, chapters, children) in enumerate(TAXONOMY):
        parent = _upsert(code, english, chinese, chapters, None, position * 100)
        count += 1
        for child_position, (child_code, child_en, child_zh, child_chapters) in enumerate(
            children, start=1
        ):
            _upsert(
                child_code,
                child_en,
                child_zh,
                child_chapters,
                parent,
                position * 100 + child_position,
            )
            count += 1
    return count
