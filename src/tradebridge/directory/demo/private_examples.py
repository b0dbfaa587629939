"""Invented records, one company and one contact per agency, kept private to that agency so
that the demo shows tenancy: each agency sees its own leads and not the others'. Every name
says "(example)" and every description says the record is fictional; phone numbers use the
555-01xx and 5555 ranges, email addresses example.com."""

from tradebridge.directory.demo.specs import (
    BAY_AREA_CHINA_OFFICE,
    TRADE_DEVELOPMENT_BUREAU,
    WASHINGTON_COMMERCE,
    AffiliationSpec,
    OrganisationSpec,
    PersonSpec,
)
from tradebridge.directory.enums import OrganisationKind, Visibility

PRIVATE = Visibility.PRIVATE
ALMONDS = "Central Valley Almond Cooperative (example)"
SEAFOOD = "Puget Sound Seafood Exporters (example)"
EQUIPMENT = "Hunan Smart Equipment Co. (example)"

ORGANISATIONS = [
    OrganisationSpec(
        ALMONDS, "中央谷地杏仁合作社（示例）", OrganisationKind.COMPANY, "US-CA-FRESNO",
        "Fictional example: a growers' cooperative the Bay Area Council China Office is "
        "preparing for its first CIIE. Private to the China Office.",
        "虚构示例：湾区委员会中国办公室正在帮助其首次参加进博会的种植者合作社。仅中国办公室可见。",
        owner=BAY_AREA_CHINA_OFFICE, sectors=("fruit-vegetables-nuts",), is_sme=True,
        visibility=PRIVATE,
    ),
    OrganisationSpec(
        SEAFOOD, "普吉特海湾水产出口公司（示例）", OrganisationKind.COMPANY, "US-WA-TACOMA",
        "Fictional example: a seafood exporter the Washington State Department of Commerce "
        "advises on the Chinese market. Private to the department.",
        "虚构示例：华盛顿州商务厅为其提供中国市场咨询的水产品出口企业。仅该厅可见。",
        owner=WASHINGTON_COMMERCE, sectors=("meat-seafood",), is_sme=True, visibility=PRIVATE,
    ),
    OrganisationSpec(
        EQUIPMENT, "湖南智能装备有限公司（示例）", OrganisationKind.COMPANY, "CN-HN",
        "Fictional example: a smart-equipment maker in Hunan that the Trade Development Bureau "
        "is matching with buyers in Washington. Private to the bureau.",
        "虚构示例：商务部外贸发展事务局正在为其对接华盛顿州买家的湖南智能装备企业。仅该局可见。",
        owner=TRADE_DEVELOPMENT_BUREAU, sectors=("smart-equipment",), is_sme=True,
        visibility=PRIVATE,
    ),
]  # fmt: skip

PEOPLE = [
    PersonSpec(
        "Maria Lopez (example)", "", "Export manager (fictional)", "出口经理（虚构）",
        BAY_AREA_CHINA_OFFICE, (AffiliationSpec(ALMONDS, "Export manager", "出口经理"),),
        timezone="America/Los_Angeles", languages="en,es", email="maria.lopez@example.com",
        phone="+15595550100", visibility=PRIVATE,
    ),
    PersonSpec(
        "Dana Reed (example)", "", "Sales director (fictional)", "销售总监（虚构）",
        WASHINGTON_COMMERCE, (AffiliationSpec(SEAFOOD, "Sales director", "销售总监"),),
        timezone="America/Los_Angeles", languages="en", email="dana.reed@example.com",
        phone="+12535550100", visibility=PRIVATE,
    ),
    PersonSpec(
        "Li Ming (example)", "李明（示例）", "General manager (fictional)", "总经理（虚构）",
        TRADE_DEVELOPMENT_BUREAU, (AffiliationSpec(EQUIPMENT, "General manager", "总经理"),),
        timezone="Asia/Shanghai", languages="zh,en", email="li.ming@example.com",
        phone="+8673155550100", visibility=PRIVATE,
    ),
]  # fmt: skip
