"""Cross-lingual matching with the real encoder and CC-CEDICT: English offers meet Chinese needs."""

import pytest

from tradebridge.matchmaking.engine import recommend
from tradebridge.matchmaking.engine.lexicon import pivot_bag

PAIRS = [
    ("lithium-ion batteries", "锂离子蓄电池"),
    ("dairy products", "乳制品"),
    ("solar panels", "太阳能电池板"),
    ("frozen shrimp", "冷冻虾"),
    ("soybeans", "大豆"),
    ("cotton yarn", "棉纱"),
    ("red wine", "红葡萄酒"),
    ("wooden furniture", "木制家具"),
]


def test_pivot_bags_share_english_terms():
    en = dict(pivot_bag("Lithium-ion batteries"))
    zh = dict(pivot_bag("锂离子蓄电池"))
    assert {"lithium", "ion", "battery"} <= set(en)
    assert {"lithium", "ion", "battery"} <= set(zh)
    assert "dairy" in dict(pivot_bag("乳制品"))
    assert dict(pivot_bag("乳製品")) == dict(pivot_bag("乳制品"))  # traditional folds to simplified


@pytest.mark.parametrize("direction", ["zh_needs_en_offers", "en_needs_zh_offers"])
def test_each_need_finds_its_translation_first(build_index, direction):
    rows = []
    for i, (en, zh) in enumerate(PAIRS):
        need, offer = (zh, en) if direction == "zh_needs_en_offers" else (en, zh)
        rows.append({"id": f"buyer{i}", "needs": need})
        rows.append({"id": f"seller{i}", "offers": offer})
    index = build_index(rows)
    for i, (en, zh) in enumerate(PAIRS):
        recs = recommend(index, f"buyer{i}", k=3)
        assert recs, (en, zh)
        assert recs[0].id == f"seller{i}", (en, zh, [r.id for r in recs])
        text = next(r for r in recs[0].reasons if r["kind"] == "text")
        assert text["direction"] == "need_offer"
        assert {text["need"], text["offer"]} == {en, zh}


def test_match_is_found_from_the_offer_side_too(build_index):
    index = build_index(
        [
            {"id": "maker", "offers": "lithium-ion batteries"},
            {"id": "buyer", "needs": "锂离子蓄电池"},
            {"id": "dairy", "needs": "乳制品"},
        ]
    )
    recs = recommend(index, "maker", k=5)
    assert [r.id for r in recs][:1] == ["buyer"]
    text = next(r for r in recs[0].reasons if r["kind"] == "text")
    assert text == {**text, "direction": "offer_need", "offer": "lithium-ion batteries"}
