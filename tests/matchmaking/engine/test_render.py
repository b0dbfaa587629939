"""Reasons rendered as sentences in English and Chinese through Django's gettext."""

from tradebridge.matchmaking.engine import recommend
from tradebridge.matchmaking.engine.render import render_reasons

REASONS = [
    {"kind": "hs", "code": "0401", "level": 4},
    {"kind": "text", "direction": "need_offer", "need": "乳制品", "offer": "fluid milk and cream"},
    {"kind": "region", "region": "CN-GD", "relation": "targets_you"},
]
NAMES = {
    ("hs", "0401", "en"): "dairy",
    ("hs", "0401", "zh-hans"): "乳品",
    ("region", "CN-GD", "en"): "Guangdong",
    ("region", "CN-GD", "zh-hans"): "广东",
}


def lookup(kind, code, lang):
    return NAMES.get((kind, code, lang))


def test_english_sentence(i18n):
    assert render_reasons(REASONS, "en", lookup) == (
        "Both in dairy (HS 0401); your need 乳制品 matches their offer 'fluid milk and cream'; "
        "they target Guangdong"
    )


def test_chinese_sentence(i18n):
    text = render_reasons(REASONS, "zh-hans", lookup)
    assert "乳品" in text and "HS 0401" in text  # wording may come from the zh-Hans catalogue
    assert "“乳制品”" in text and "fluid milk and cream" in text and "广东" in text
    assert "your" not in text


def test_without_names_codes_are_shown(i18n):
    assert render_reasons(REASONS[:1], "en") == "Both in HS 0401"
    deal = [{"kind": "deal", "mine": "import", "theirs": "export"}]
    zh = render_reasons(deal, "zh-hans")
    assert "进口" in zh and "出口" in zh and "import" not in zh


def test_engine_reasons_render_in_both_languages(build_index, i18n):
    index = build_index(
        [
            {"id": "buyer", "needs": "乳制品", "hs_codes": ["0401"], "regions": ["US"]},
            {
                "id": "farm",
                "offers": "fluid milk and cream",
                "hs_codes": ["04012000"],
                "home": "US-WI",
            },
        ]
    )
    rec = recommend(index, "buyer")[0]
    en, zh = render_reasons(rec.reasons, "en"), render_reasons(rec.reasons, "zh-hans")
    assert "HS 0401" in en and "US-WI" in en and "which you target" in en
    assert "HS 0401" in zh and "目标地区" in zh
