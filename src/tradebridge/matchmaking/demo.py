"""Demo matchmaking profiles for organisations of the two reference articles.

What each organisation offers and seeks follows what the articles say it does: Microsoft's MOU
with Sichuan (IT training, start-up incubation, cloud computing, big data) and its investment in
Shaanxi's Xixian New Area; Azure, run by 21Vianet, backing up Xiaomi users' data; MEBO's world
service trade platform "to help more Californian companies export to China"; the Sacramento
export center's online consultations; the Port of Oakland; Yili's wish for "diversified and
personalized health food". Where the articles are silent the profiles are illustrative: Fresno
County's crops, Yili's interest in Californian nuts, the three fictional "(example)" companies.

Yili's need is written in Chinese only and meets Fresno County's English offer of almonds.
Loading is idempotent: an organisation that has a profile keeps it.
"""

from dataclasses import dataclass

from tradebridge.directory.demo.private_examples import ALMONDS, EQUIPMENT, SEAFOOD
from tradebridge.directory.models import Organisation, Region, Sector
from tradebridge.events.demo import SACRAMENTO
from tradebridge.matchmaking.domain.profiles import ProfileInput, load_profiles


@dataclass(frozen=True)
class ProfileSpec:
    organisation: str  # English name
    offers_en: str = ""
    offers_zh: str = ""
    offer_hs_codes: str = ""
    offer_sectors: tuple[str, ...] = ()
    needs_en: str = ""
    needs_zh: str = ""
    need_hs_codes: str = ""
    need_sectors: tuple[str, ...] = ()
    deal_types: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    size: str = ""
    languages: str = ""


PROFILES = [
    ProfileSpec(
        "Fresno County",
        offers_en="California almonds\nPistachios\nRaisins and table grapes\nMandarins and oranges",
        offer_hs_codes="0802,0806,0805",
        offer_sectors=("fruit-vegetables-nuts",),
        needs_en="Importers and distributors of Californian farm products in China\n"
        "Cold-chain shipping for fresh fruit exports",
        deal_types=("export", "services_need"),
        targets=("CN", "CN-SH", "CN-GD"),
        languages="en,es",
    ),
    ProfileSpec(
        "Yili Industrial Group",
        offers_en="Liquid milk, milk powder and yoghurt",
        offers_zh="液态奶、奶粉和酸奶",
        offer_sectors=("dairy",),
        needs_zh="加州杏仁\n开心果等坚果原料，用于健康食品和植物蛋白饮品\n乳业养殖和加工技术",
        need_hs_codes="0802",
        need_sectors=("fruit-vegetables-nuts", "dairy"),
        deal_types=("import", "joint_venture"),
        targets=("US", "US-CA"),
        size="large",
        languages="zh",
    ),
    ProfileSpec(
        "MEBO Group",
        offers_en="World service trade platform that helps Californian companies export to China\n"
        "Market entry and CIIE exhibition services",
        offers_zh="帮助加州企业对华出口的世界服务贸易平台\n市场准入和进博会参展服务",
        offer_sectors=("trade-promotion",),
        needs_en="Californian products for Chinese importers and distributors",
        needs_zh="面向中国进口商和分销商的加州产品",
        deal_types=("services_offer", "distribution"),
        targets=("CN", "US-CA"),
        languages="en,zh",
    ),
    ProfileSpec(
        SACRAMENTO,
        offers_en="Export counselling for minority-owned businesses in California\n"
        "Online consultations with buyers and consultants in China",
        offer_sectors=("trade-promotion",),
        needs_en="Chinese buyers of Californian products and services",
        deal_types=("services_offer",),
        targets=("CN", "US-CA"),
        languages="en",
    ),
    ProfileSpec(
        "Port of Oakland",
        offers_en="Container shipping and logistics from Northern California to Asia\n"
        "Cold-chain terminal for fresh fruit, vegetables and meat",
        offers_zh="北加州至亚洲的集装箱航运和物流\n生鲜果蔬和肉类冷链码头",
        offer_sectors=("ports-logistics",),
        deal_types=("services_offer",),
        targets=("CN", "CN-SH", "CN-GD"),
        languages="en",
    ),
    ProfileSpec(
        "Xiaomi",
        offers_en="Smartphones, smart home devices and mobile internet services",
        offers_zh="智能手机、智能家居设备和移动互联网服务",
        offer_sectors=("mobile-internet",),
        needs_en="Cloud data synchronisation and backup for Mi Cloud users",
        needs_zh="米云用户的云数据同步和备份服务",
        need_sectors=("cloud-computing",),
        deal_types=("services_need", "export"),
        targets=("US", "US-WA"),
        size="large",
        languages="zh,en",
    ),
    ProfileSpec(
        "Microsoft",
        offers_en="Cloud computing on Microsoft Azure\nBig data services\n"
        "IT training and start-up incubation",
        offers_zh="微软Azure云计算\n大数据服务\nIT培训和创业孵化",
        offer_sectors=("cloud-computing", "education-training"),
        needs_en="Partners in China for cloud and mobile internet services",
        deal_types=("services_offer", "investment_in"),
        targets=("CN", "CN-SC", "CN-SN"),
        size="large",
        languages="en,zh",
    ),
    ProfileSpec(
        "21Vianet",
        offers_en="Microsoft Azure cloud services operated in China",
        offers_zh="在中国运营的微软Azure云服务",
        offer_sectors=("cloud-computing",),
        deal_types=("services_offer",),
        targets=("CN",),
        languages="zh,en",
    ),
    ProfileSpec(
        "Sichuan Provincial People's Government",
        needs_zh="IT培训和创业孵化\n云计算应用和大数据",
        needs_en="IT training and start-up incubation\nCloud computing applications and big data",
        need_sectors=("cloud-computing", "education-training"),
        deal_types=("services_need", "investment_from"),
        targets=("US",),
        languages="zh",
    ),
    ProfileSpec(
        "Shaanxi Provincial People's Government",
        needs_zh="西咸新区信息产业投资\n把陕西建成丝绸之路经济带的信息枢纽",
        needs_en="Investment in the Xixian New Area's information industry",
        need_sectors=("cloud-computing",),
        deal_types=("investment_from",),
        targets=("US",),
        languages="zh",
    ),
    ProfileSpec(
        ALMONDS,
        offers_en="Shelled almonds\nIn-shell almonds\nAlmond flour",
        offer_hs_codes="080211,080212",
        offer_sectors=("fruit-vegetables-nuts",),
        deal_types=("export",),
        targets=("CN",),
        size="small",
        languages="en,es",
    ),
    ProfileSpec(
        SEAFOOD,
        offers_en="Live Dungeness crab\nGeoduck clams\nFrozen Pacific salmon",
        offer_hs_codes="0306,0307,0303",
        offer_sectors=("meat-seafood",),
        deal_types=("export",),
        targets=("CN", "CN-GD", "CN-SH"),
        size="small",
        languages="en",
    ),
    ProfileSpec(
        EQUIPMENT,
        offers_zh="工业机器人\n智能制造装备",
        offers_en="Industrial robots\nSmart manufacturing equipment",
        offer_hs_codes="847950",
        offer_sectors=("smart-equipment",),
        deal_types=("export", "joint_venture"),
        targets=("US", "US-WA"),
        size="medium",
        languages="zh",
    ),
]


def load_match_profiles() -> int:
    """Give the demo organisations that have none their profile; returns how many."""
    names = [spec.organisation for spec in PROFILES]
    organisations = {
        o.name_en: o
        for o in Organisation.objects.filter(name_en__in=names, match_profile__isnull=True)
    }
    sectors = {s.code: s for s in Sector.objects.all()}
    regions = {
        r.code: r for r in Region.objects.filter(code__in={c for p in PROFILES for c in p.targets})
    }
    inputs = [
        ProfileInput(
            organisation=organisations[spec.organisation],
            data={
                "offers_en": spec.offers_en,
                "offers_zh": spec.offers_zh,
                "offer_hs_codes": spec.offer_hs_codes,
                "needs_en": spec.needs_en,
                "needs_zh": spec.needs_zh,
                "need_hs_codes": spec.need_hs_codes,
                "deal_types": ",".join(spec.deal_types),
                "size": spec.size,
                "languages": spec.languages,
            },
            offer_sectors=[sectors[code] for code in spec.offer_sectors],
            need_sectors=[sectors[code] for code in spec.need_sectors],
            target_regions=[regions[code] for code in spec.targets],
        )
        for spec in PROFILES
        if spec.organisation in organisations
    ]
    return len(load_profiles(inputs))
