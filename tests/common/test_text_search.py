from tradebridge.common.text_search import build_document, fold, pinyin_forms, query_terms


def test_fold_lowercases_and_simplifies():
    assert fold("XiaoMi") == "xiaomi"
    assert fold("廣東") == "广东"
    assert fold("Café") == "cafe"


def test_pinyin_forms_spaced_and_joined():
    assert pinyin_forms("小米") == ["xiao mi", "xiaomi"]
    assert pinyin_forms("Xiaomi") == []


def test_document_holds_names_pinyin_and_texts():
    document = build_document(["Xiaomi", "小米"], ["Smartphones 智能手机"])
    for fragment in ("xiaomi", "小米", "xiao mi", "smartphones 智能手机"):
        assert fragment in document


def test_query_terms_split_and_fold():
    assert query_terms("xiao mi") == ["xiao", "mi"]
    assert query_terms("廣東") == ["广东"]
    assert query_terms("   ") == []


def test_long_chinese_query_is_segmented_into_words():
    terms = query_terms("加州葡萄酒出口")
    assert "加州" in terms and "葡萄酒" in terms
