"""China Daily USA, 23 September 2015: "It's all business at trade seminar in Seattle".

The Chinese Provinces–US State Trade and Investment Cooperation Seminar, 22 September 2015,
co-hosted by MOFCOM and Washington state and organised by TDB and Washington's Department of
Commerce. Descriptions say only what the article says, plus common knowledge (head offices).
"""

from tradebridge.directory.demo.specs import (
    BAY_AREA_CHINA_OFFICE,
    TRADE_DEVELOPMENT_BUREAU,
    WASHINGTON_COMMERCE,
    AffiliationSpec,
    OrganisationSpec,
    PersonSpec,
)
from tradebridge.directory.enums import OrganisationKind as Kind

BAY_AREA = BAY_AREA_CHINA_OFFICE
TDB = TRADE_DEVELOPMENT_BUREAU
WA = WASHINGTON_COMMERCE
MOFCOM = "Ministry of Commerce of the People's Republic of China"
SEMINAR_EN = "the 2015 Seattle seminar"
PANEL_EN = "spoke on the Internet + Commerce panel at the 2015 Seattle seminar."
PANEL_ZH = "参加了2015年西雅图研讨会“互联网+商务”专题讨论。"
SUPPORTER_EN = "One of the supporters of the 2015 Seattle seminar."
SUPPORTER_ZH = "2015年西雅图研讨会支持单位之一。"

ORGANISATIONS = [
    OrganisationSpec(
        MOFCOM, "中华人民共和国商务部", Kind.GOVERNMENT, "CN-BJ",
        "China's ministry for domestic and foreign trade and investment. Co-hosted the Chinese "
        "Provinces–US State Trade and Investment Cooperation Seminar in Seattle on 22 September "
        "2015; since 2013 it has set up joint working groups on trade and investment with "
        "California, Iowa, Michigan, Texas and Chicago, and in 2015 with Washington.",
        "主管国内外贸易和投资的国务院部门。2015年9月22日在西雅图共同主办中国省州贸易投资合作研讨会；"
        "自2013年起先后与加利福尼亚州、艾奥瓦州、密歇根州、得克萨斯州和芝加哥市建立贸易投资合作"
        "联合工作组，2015年又与华盛顿州建立联合工作组。",
        owner=TDB, short_name="MOFCOM, 商务部", sectors=("trade-promotion",),
        website="https://www.mofcom.gov.cn",
    ),
    OrganisationSpec(
        TDB, "商务部外贸发展事务局", Kind.AGENCY, "CN-BJ",
        "MOFCOM's trade-promotion bureau. Organised the 2015 Seattle seminar with the Washington "
        "State Department of Commerce and said it would report to both governments on the issues "
        "that small and medium-sized enterprises face. In 2015 it was working with Shanghai's "
        "commerce department and internet companies on a China–US \"Internet + Commerce\" "
        "alliance.",
        "商务部下属的贸易促进机构。与华盛顿州商务厅共同承办2015年西雅图研讨会，表示将就中小企业面临的"
        "问题和挑战及时向两国政府报告。2015年正与上海市商务部门及中美互联网企业筹建中美“互联网+商务”"
        "联盟。",
        owner=TDB, parent=MOFCOM, short_name="TDB, 外贸发展局", sectors=("trade-promotion",),
    ),
    OrganisationSpec(
        WA, "华盛顿州商务厅", Kind.AGENCY, "US-WA",
        "Washington state's department for economic development and trade. Organised the 2015 "
        "Seattle seminar with China's Trade Development Bureau.",
        "华盛顿州负责经济发展和贸易的州政府部门。与中国商务部外贸发展事务局共同承办2015年西雅图研讨会。",
        owner=WA, short_name="Commerce", sectors=("trade-promotion",),
        website="https://www.commerce.wa.gov",
    ),
    OrganisationSpec(
        "Office of the Governor of Washington", "华盛顿州州长办公室", Kind.GOVERNMENT, "US-WA",
        "Washington state co-hosted the 2015 Seattle seminar. The governor's chief of staff "
        "co-signed an MOU with MOFCOM that lets Liaoning, Shanghai, Hunan, Guangdong, Sichuan "
        "and Shaanxi expand trade and investment cooperation with Washington.",
        "华盛顿州共同主办2015年西雅图研讨会。州长幕僚长与商务部签署谅解备忘录，推动辽宁、上海、湖南、"
        "广东、四川和陕西六省市与华盛顿州扩大贸易投资合作。",
        owner=WA, website="https://www.governor.wa.gov",
    ),
    OrganisationSpec(
        "Microsoft", "微软", Kind.COMPANY, "US-WA-REDMOND",
        "Technology company based in Redmond, Washington. At the 2015 Seattle seminar it "
        "announced partnerships with Xiaomi and Shaanxi province and signed an MOU with Sichuan "
        "province covering IT training, start-up incubation, cloud computing and big data.",
        "总部位于华盛顿州雷德蒙德的科技公司。在2015年西雅图研讨会上宣布与小米和陕西省开展合作，"
        "并与四川省签署涵盖IT培训、创业企业孵化、云计算应用和大数据的谅解备忘录。",
        owner=WA, short_name="Microsoft Corporation, 微软公司",
        sectors=("cloud-computing", "software"), website="https://www.microsoft.com",
    ),
    OrganisationSpec(
        "Microsoft Greater China Region", "微软大中华区", Kind.COMPANY, "CN-BJ",
        "Microsoft in Greater China. With Xiaomi it brings cloud data synchronisation and backup "
        "to Xiaomi users on Azure, which 21Vianet operates in China on Microsoft technology.",
        "微软在大中华区的机构。与小米合作，通过世纪互联基于微软技术在中国运营的Azure，为小米用户"
        "提供云端数据同步和备份服务。",
        owner=TDB, parent="Microsoft", sectors=("cloud-computing",),
    ),
    OrganisationSpec(
        "Xiaomi", "小米", Kind.COMPANY, "CN-BJ",
        "Major Chinese smartphone maker. Announced a partnership with Microsoft in 2015: Azure, "
        "operated in China by 21Vianet, provides cloud synchronisation and backup for Xiaomi "
        "and Mi Cloud users.",
        "中国主要智能手机制造商。2015年宣布与微软合作：由世纪互联运营的Azure为小米和小米云服务用户"
        "提供云端数据同步和备份服务。",
        owner=TDB, short_name="Xiaomi Corporation, 小米集团, Mi", sectors=("mobile-internet",),
        website="https://www.mi.com",
    ),
    OrganisationSpec(
        "21Vianet", "世纪互联", Kind.COMPANY, "CN-BJ",
        "Operates Microsoft Azure in China on Microsoft technology.",
        "基于微软技术在中国运营微软Azure云服务。",
        owner=TDB, sectors=("cloud-computing",),
    ),
    OrganisationSpec(
        "Yili Industrial Group", "伊利集团", Kind.COMPANY, "CN-NM-HOHHOT",
        "Chinese dairy producer in Inner Mongolia. At the 2015 Seattle seminar its chairman "
        "spoke on China–US cooperation in agriculture and food.",
        "位于内蒙古的中国乳制品企业。董事长在2015年西雅图研讨会上就中美农业和食品合作发表讲话。",
        owner=TDB, short_name="Yili, 伊利", sectors=("dairy",),
    ),
    OrganisationSpec(
        "Baidu", "百度", Kind.COMPANY, "CN-BJ",
        f"Chinese internet company; a senior executive {PANEL_EN}",
        f"中国互联网企业，其高管{PANEL_ZH}",
        owner=TDB, sectors=("software",), website="https://www.baidu.com",
    ),
    OrganisationSpec(
        "Alibaba Group", "阿里巴巴集团", Kind.COMPANY, "CN-ZJ-HANGZHOU",
        f"Chinese e-commerce company based in Hangzhou; a senior executive {PANEL_EN}",
        f"总部位于杭州的中国电子商务企业，其高管{PANEL_ZH}",
        owner=TDB, short_name="Alibaba, 阿里巴巴", sectors=("e-commerce",),
        website="https://www.alibabagroup.com",
    ),
    OrganisationSpec(
        "ZTE", "中兴通讯", Kind.COMPANY, "CN-GD-SHENZHEN",
        f"Chinese telecommunications equipment maker based in Shenzhen; a senior executive "
        f"{PANEL_EN}",
        f"总部位于深圳的中国通信设备制造商，其高管{PANEL_ZH}",
        owner=TDB, short_name="ZTE Corporation", sectors=("telecom-equipment",),
        website="https://www.zte.com.cn",
    ),
    OrganisationSpec(
        "HP", "惠普", Kind.COMPANY, "US-CA",
        f"US technology company; a senior executive {PANEL_EN}", f"美国科技企业，其高管{PANEL_ZH}",
        owner=BAY_AREA, sectors=("ict",), website="https://www.hp.com",
    ),
    OrganisationSpec(
        "LinkedIn", "领英", Kind.COMPANY, "US-CA",
        f"Professional networking service; its vice-president {PANEL_EN}",
        f"职业社交网络服务，其副总裁{PANEL_ZH}",
        owner=BAY_AREA, sectors=("software",), website="https://www.linkedin.com",
    ),
    OrganisationSpec(
        "China Chamber of Commerce for Import and Export of Machinery and Electronic Products",
        "中国机电产品进出口商会", Kind.CHAMBER, "CN-BJ",
        f"National chamber of China's machinery and electronics traders. {SUPPORTER_EN}",
        f"中国机电产品进出口企业的全国性商会。{SUPPORTER_ZH}",
        owner=TDB, short_name="CCCME, 机电商会", sectors=("advanced-manufacturing",),
    ),
    OrganisationSpec(
        "China Chamber of Commerce of Foodstuffs and Native Produce",
        "中国食品土畜进出口商会", Kind.CHAMBER, "CN-BJ",
        f"National chamber of China's food and agricultural traders. {SUPPORTER_EN}",
        f"中国食品和农产品进出口企业的全国性商会。{SUPPORTER_ZH}",
        owner=TDB, short_name="CFNA, 食品土畜商会", sectors=("agriculture-food",),
    ),
    OrganisationSpec(
        "Tacoma-Pierce County Chamber of Commerce", "塔科马-皮尔斯县商会", Kind.CHAMBER,
        "US-WA-TACOMA",
        f"Chamber of commerce of Tacoma and Pierce County, Washington. {SUPPORTER_EN}",
        f"华盛顿州塔科马市和皮尔斯县的商会。{SUPPORTER_ZH}",
        owner=WA,
    ),
    OrganisationSpec(
        "Washington State China Relations Council", "华盛顿州中国关系委员会", Kind.CHAMBER,
        "US-WA-SEATTLE",
        f"Association for Washington state's relations with China. {SUPPORTER_EN}",
        f"致力于华盛顿州与中国关系的协会。{SUPPORTER_ZH}",
        owner=WA, sectors=("trade-promotion",),
    ),
    OrganisationSpec(
        "U.S. Department of Commerce", "美国商务部", Kind.GOVERNMENT, "US-DC",
        "The US federal department for commerce and trade; listed as the supporter of "
        f"{SEMINAR_EN}.",
        "美国联邦政府负责商务和贸易的部门；2015年西雅图研讨会的支持单位。",
        owner=WA, short_name="Commerce Department", sectors=("trade-promotion",),
        website="https://www.commerce.gov",
    ),
    OrganisationSpec(
        "Shanghai Municipal Commission of Commerce", "上海市商务委员会", Kind.GOVERNMENT, "CN-SH",
        "Shanghai's commerce department. In 2015 it was working with the Trade Development "
        "Bureau and internet companies in China and the US on a China–US \"Internet + "
        "Commerce\" alliance.",
        "上海市商务主管部门。2015年正与商务部外贸发展事务局及中美互联网企业筹建中美“互联网+商务”联盟。",
        owner=TDB, sectors=("e-commerce", "trade-promotion"),
    ),
    OrganisationSpec(
        "Sichuan Provincial People's Government", "四川省人民政府", Kind.GOVERNMENT, "CN-SC",
        "Signed an MOU with Microsoft in 2015 on IT training, start-up incubation, cloud "
        "computing and big data. Sichuan is one of the six provinces and municipalities in the "
        "2015 MOU with Washington state.",
        "2015年与微软签署涵盖IT培训、创业企业孵化、云计算应用和大数据的谅解备忘录。四川是2015年"
        "与华盛顿州合作备忘录涉及的六个省市之一。",
        owner=TDB,
    ),
    OrganisationSpec(
        "Shaanxi Provincial People's Government", "陕西省人民政府", Kind.GOVERNMENT, "CN-SN",
        "Partner of Microsoft, which invested in the Xixian New Area in 2013; in 2015 both "
        "pledged to make Shaanxi an information hub of the Silk Road Economic Belt.",
        "微软的合作伙伴，微软于2013年投资西咸新区；2015年双方承诺深化合作，把陕西建设成为"
        "“丝绸之路经济带”的信息枢纽。",
        owner=TDB,
    ),
]  # fmt: skip

PEOPLE = [
    PersonSpec(
        "Shen Boyang", "沈博阳", "Vice-president, LinkedIn", "领英副总裁", BAY_AREA,
        (AffiliationSpec("LinkedIn", "Vice-president", "副总裁"),), languages="zh",
    ),
    PersonSpec(
        "Ralph Haupter", "",
        "Corporate vice-president; chairman and CEO, Microsoft Greater China Region",
        "微软全球资深副总裁、大中华区董事长兼首席执行官", TDB,
        (AffiliationSpec(
            "Microsoft Greater China Region", "Chairman and chief executive officer",
            "董事长兼首席执行官",
        ),),
        timezone="Asia/Shanghai",
    ),
    PersonSpec(
        "Zhang Xiangchen", "张向晨",
        "Deputy China International Trade Representative, Ministry of Commerce",
        "商务部国际贸易谈判副代表", TDB,
        (AffiliationSpec(MOFCOM, "Deputy China International Trade Representative",
                         "国际贸易谈判副代表"),),
        timezone="Asia/Shanghai", languages="zh",
    ),
    PersonSpec(
        "Joby Shimomura", "", "Chief of staff to the Governor of Washington", "华盛顿州州长幕僚长",
        WA, (AffiliationSpec("Office of the Governor of Washington", "Chief of staff", "幕僚长"),),
        timezone="America/Los_Angeles", languages="en",
    ),
    PersonSpec(
        "Pan Gang", "潘刚", "Chairman and president, Yili Industrial Group", "伊利集团董事长兼总裁",
        TDB, (AffiliationSpec("Yili Industrial Group", "Chairman and president", "董事长兼总裁"),),
        timezone="Asia/Shanghai", languages="zh",
    ),
    PersonSpec(
        "Sun Chenghai", "孙成海", "Director general, Trade Development Bureau of MOFCOM",
        "商务部外贸发展事务局局长", TDB, (AffiliationSpec(TDB, "Director general", "局长"),),
        timezone="Asia/Shanghai", languages="zh",
    ),
]  # fmt: skip
