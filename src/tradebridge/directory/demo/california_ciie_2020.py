"""Eastday, 12 November 2020: "Californian companies enthusiastic about cooperation with China".

The California Pavilion at the third China International Import Expo (CIIE) in Shanghai,
5–10 November 2020, organised by the Bay Area Council, with Californian officials joining its
opening by Zoom. The article writes "Max Oltersdorg"; his name is Max Oltersdorf.
"""

from tradebridge.directory.demo.specs import (
    BAY_AREA_CHINA_OFFICE,
    AffiliationSpec,
    OrganisationSpec,
    PersonSpec,
)
from tradebridge.directory.enums import OrganisationKind as Kind

BAY_AREA = BAY_AREA_CHINA_OFFICE
COUNCIL = "Bay Area Council"
GO_BIZ = "California Governor's Office of Business and Economic Development"
FIRST_CIIE_EN = "Took part in the California Pavilion at the CIIE for the first time in 2020."
FIRST_CIIE_ZH = "2020年首次参加进博会加州馆。"
OPENING_ZH = "通过视频参加了2020年进博会加州馆开幕式。"

ORGANISATIONS = [
    OrganisationSpec(
        COUNCIL, "湾区委员会", Kind.CHAMBER, "US-CA-SAN-FRANCISCO",
        "Non-profit business association in San Francisco that works for the economic "
        "development of the Bay Area. It has led the California delegation to the China "
        "International Import Expo (CIIE) three times, and in 2020 signed an MOU with MEBO Group "
        "to build a world service trade platform.",
        "位于旧金山的非营利商业协会，致力于湾区经济发展。已三次率领加州代表团参加中国国际进口博览会，"
        "2020年与MEBO集团签署谅解备忘录，共建世界服务贸易平台。",
        owner=BAY_AREA, sectors=("trade-promotion",), website="https://www.bayareacouncil.org",
    ),
    OrganisationSpec(
        BAY_AREA, "湾区委员会中国办公室", Kind.AGENCY, "CN",
        "Set up by the Bay Area Council in 2010 to promote cooperation between California and "
        "China. Has organised many visits between Californian and Chinese provincial "
        "delegations, and delegations of California companies to the CIIE since 2018.",
        "湾区委员会于2010年设立，促进加州与中国的合作。组织了多次加州政府和企业代表团与中国各省"
        "代表团的互访，并自2018年起组织加州企业代表团参加进博会。",
        owner=BAY_AREA, parent=COUNCIL, sectors=("trade-promotion",),
    ),
    OrganisationSpec(
        "MEBO Group", "MEBO集团", Kind.COMPANY, "US-CA",
        "Californian company that has exhibited at the CIIE three years running. In 2020 it "
        "signed an MOU with the Bay Area Council to build a world service trade platform that "
        "helps more Californian companies export to China.",
        "已连续三年参展进博会的加州企业。2020年与湾区委员会签署谅解备忘录，共建世界服务贸易平台，"
        "帮助更多加州企业向中国出口。",
        owner=BAY_AREA, sectors=("services",),
    ),
    OrganisationSpec(
        "Sacramento Minority Business Development Agency Export Center",
        "萨克拉门托少数族裔企业发展署出口中心", Kind.AGENCY, "US-CA-SACRAMENTO",
        f"Export centre of the Minority Business Development Agency in Sacramento. "
        f"{FIRST_CIIE_EN} Its staff met the consultants at the expo online every morning from "
        f"5 to 10 November.",
        f"美国少数族裔企业发展署在萨克拉门托的出口中心。{FIRST_CIIE_ZH}11月5日至10日每天上午"
        f"与展会现场的顾问在线交流。",
        owner=BAY_AREA, short_name="Sacramento MBDA Export Center", sectors=("trade-promotion",),
    ),
    OrganisationSpec(
        "Fresno County", "弗雷斯诺县", Kind.GOVERNMENT, "US-CA-FRESNO",
        f"County in California's Central Valley. {FIRST_CIIE_EN}",
        f"位于加州中央谷地的县。{FIRST_CIIE_ZH}",
        owner=BAY_AREA, sectors=("agriculture-food",),
    ),
    OrganisationSpec(
        "Port of Oakland", "奥克兰港", Kind.PORT_AUTHORITY, "US-CA-OAKLAND-PORT",
        f"Port authority of Oakland, California. {FIRST_CIIE_EN}",
        f"加州奥克兰的港务机构。{FIRST_CIIE_ZH}",
        owner=BAY_AREA, short_name="Port of Oakland Authority", sectors=("ports-logistics",),
        website="https://www.portofoakland.com",
    ),
    OrganisationSpec(
        GO_BIZ, "加州州长商业和经济发展办公室", Kind.GOVERNMENT, "US-CA-SACRAMENTO",
        "California's state office for business and economic development. Its deputy director "
        "of international affairs and trade joined the opening of the California Pavilion at "
        "the 2020 CIIE by video.",
        f"加州负责商业和经济发展的州政府办公室。其国际事务与贸易副主任{OPENING_ZH}",
        owner=BAY_AREA, short_name="GO-Biz", sectors=("trade-promotion",),
        website="https://business.ca.gov",
    ),
    OrganisationSpec(
        "City of Oakland", "奥克兰市政府", Kind.GOVERNMENT, "US-CA-OAKLAND",
        "City government of Oakland, California. Its mayor joined the opening of the California "
        "Pavilion at the 2020 CIIE by video.",
        f"加州奥克兰市政府。市长{OPENING_ZH}",
        owner=BAY_AREA, website="https://www.oaklandca.gov",
    ),
]  # fmt: skip

PEOPLE = [
    PersonSpec(
        "Jennifer Zou", "",
        "Vice president of Global Initiatives and head of operations in China, Bay Area Council",
        "湾区委员会全球项目副总裁、中国区运营负责人", BAY_AREA,
        (
            AffiliationSpec(BAY_AREA, "Head of operations in China", "中国区运营负责人"),
            AffiliationSpec(COUNCIL, "Vice president of Global Initiatives", "全球项目副总裁"),
        ),
    ),
    PersonSpec(
        "Max Oltersdorf", "", "Deputy director, International Affairs and Trade, GO-Biz",
        "加州州长商业和经济发展办公室国际事务与贸易副主任", BAY_AREA,
        (AffiliationSpec(GO_BIZ, "Deputy director, International Affairs and Trade",
                         "国际事务与贸易副主任"),),
        timezone="America/Los_Angeles", languages="en",
    ),
    PersonSpec(
        "Libby Schaaf", "", "Mayor of Oakland", "奥克兰市市长", BAY_AREA,
        (AffiliationSpec("City of Oakland", "Mayor", "市长"),),
        timezone="America/Los_Angeles", languages="en",
    ),
]  # fmt: skip
