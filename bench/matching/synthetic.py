"""Seeded synthetic profiles for the speed benchmark, from a vocabulary written by hand.

Nothing here comes from the HS benchmark file: the products, their Chinese names and their
(approximate) HS headings are our own list. Texts mix English and Chinese, one to three items
per side, with qualifiers and uses so that most texts are distinct.
"""

from __future__ import annotations

import random

PRODUCTS = [
    ("lithium-ion batteries", "锂离子电池", "8507"),
    ("solar panels", "太阳能电池板", "8541"),
    ("electric bicycles", "电动自行车", "8711"),
    ("LED lighting", "LED照明灯具", "9405"),
    ("air conditioners", "空调", "8415"),
    ("refrigerators", "冰箱", "8418"),
    ("mobile phones", "手机", "8517"),
    ("laptop computers", "笔记本电脑", "8471"),
    ("printed circuit boards", "印刷电路板", "8534"),
    ("electric motors", "电动机", "8501"),
    ("power transformers", "变压器", "8504"),
    ("wind turbine parts", "风力发电机零件", "8503"),
    ("industrial robots", "工业机器人", "8479"),
    ("CNC machine tools", "数控机床", "8458"),
    ("packaging machinery", "包装机械", "8422"),
    ("excavators", "挖掘机", "8429"),
    ("auto parts", "汽车零部件", "8708"),
    ("tires", "轮胎", "4011"),
    ("steel pipes", "钢管", "7304"),
    ("aluminium profiles", "铝型材", "7604"),
    ("copper wire", "铜线", "7408"),
    ("glass bottles", "玻璃瓶", "7010"),
    ("ceramic tiles", "瓷砖", "6907"),
    ("cement", "水泥", "2523"),
    ("plastic film", "塑料薄膜", "3920"),
    ("fertilizers", "化肥", "3105"),
    ("pharmaceuticals", "药品", "3004"),
    ("medical devices", "医疗器械", "9018"),
    ("cosmetics", "化妆品", "3304"),
    ("cotton yarn", "棉纱", "5205"),
    ("silk fabrics", "丝绸面料", "5007"),
    ("garments", "服装", "6204"),
    ("footwear", "鞋类", "6403"),
    ("toys", "玩具", "9503"),
    ("wooden furniture", "木制家具", "9403"),
    ("paper products", "纸制品", "4819"),
    ("soybeans", "大豆", "1201"),
    ("corn", "玉米", "1005"),
    ("rice", "大米", "1006"),
    ("wheat flour", "小麦粉", "1101"),
    ("beef", "牛肉", "0202"),
    ("pork", "猪肉", "0203"),
    ("poultry meat", "禽肉", "0207"),
    ("frozen shrimp", "冷冻虾", "0306"),
    ("salmon", "三文鱼", "0302"),
    ("dairy products", "乳制品", "0401"),
    ("cheese", "奶酪", "0406"),
    ("fresh fruit", "新鲜水果", "0810"),
    ("nuts", "坚果", "0802"),
    ("coffee beans", "咖啡豆", "0901"),
    ("green tea", "绿茶", "0902"),
    ("wine", "葡萄酒", "2204"),
    ("beer", "啤酒", "2203"),
    ("fruit juice", "果汁", "2009"),
    ("chocolate", "巧克力", "1806"),
    ("pet food", "宠物食品", "2309"),
    ("timber", "木材", "4407"),
    ("natural gas", "天然气", "2711"),
    ("crude oil", "原油", "2709"),
    ("rare earth metals", "稀土金属", "2805"),
]

QUALIFIERS = [
    ("", ""),
    ("organic", "有机"),
    ("premium", "高端"),
    ("low-cost", "低成本"),
    ("industrial", "工业用"),
    ("wholesale", "批发"),
    ("frozen", "冷冻"),
    ("recycled", "再生"),
    ("custom", "定制"),
    ("high-efficiency", "高效"),
    ("certified", "认证"),
    ("small-batch", "小批量"),
]

USES = [
    ("", ""),
    ("for supermarkets", "供超市"),
    ("for hospitals", "供医院"),
    ("for construction", "用于建筑"),
    ("for export markets", "面向出口市场"),
    ("for restaurants", "供餐厅"),
    ("for e-commerce", "用于电商"),
    ("for car makers", "供汽车制造商"),
    ("for schools", "供学校"),
    ("for farms", "供农场"),
]

CN_REGIONS = ["CN-GD", "CN-ZJ", "CN-JS", "CN-SD", "CN-SH", "CN-BJ", "CN-FJ", "CN-SC", "CN-HB"]
US_REGIONS = ["US-CA", "US-TX", "US-NY", "US-WA", "US-IL", "US-FL", "US-WI", "US-GA", "US-MI"]
SECTORS = [
    "food",
    "food/dairy",
    "food/meat",
    "energy",
    "energy/solar",
    "machinery",
    "machinery/robots",
    "textiles",
    "chemicals",
    "health",
    "consumer",
    "materials",
]
SELLER_DEALS = ["export", "licensing", "investment from", "services"]
BUYER_DEALS = ["import", "distribution", "licensing need", "investment in", "services need"]


def _item(rng: random.Random, chinese: bool) -> tuple[str, str]:
    en, zh, hs = rng.choice(PRODUCTS)
    q_en, q_zh = rng.choice(QUALIFIERS)
    u_en, u_zh = rng.choice(USES)
    if chinese:
        return f"{u_zh}{q_zh}{zh}".strip(), hs
    return " ".join(x for x in (q_en, en, u_en) if x), hs


def make_profiles(n: int, seed: int = 20261123) -> list[dict]:
    """``n`` profile dicts (the CLI's JSON shape); half Chinese organisations, half American."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        chinese = rng.random() < 0.5
        lang_zh = chinese if rng.random() < 0.8 else not chinese
        offers, needs, codes = [], [], set()
        for _ in range(rng.randint(1, 3)):
            text, hs = _item(rng, lang_zh)
            offers.append(text)
            codes.add(hs)
        for _ in range(rng.randint(0, 2)):
            text, _hs = _item(rng, lang_zh)
            needs.append(text)
        seller = rng.random() < 0.6
        row = {
            "id": f"org{i:06d}",
            "name": f"Organisation {i}",
            "offers": {"texts": offers, "hs_codes": sorted(codes)},
            "needs": needs,
            "sectors": rng.sample(SECTORS, rng.randint(0, 2)),
            "deal_types": rng.sample(SELLER_DEALS if seller else BUYER_DEALS, rng.randint(1, 2)),
            "home": rng.choice(CN_REGIONS if chinese else US_REGIONS),
            "regions": ["US"] if chinese else rng.choice([["CN"], ["CN-GD", "CN-ZJ"], []]),
        }
        rows.append(row)
    return rows
