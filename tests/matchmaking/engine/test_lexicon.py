"""Generic chemistry in the lexical signal, and texts' vectors stored once per distinct text."""

from tradebridge.matchmaking.engine import profile_from_dict
from tradebridge.matchmaking.engine.lexicon import chemical_parts, element_terms, pivot_bag


def terms(text):
    return {t for t, _ in pivot_bag(text)}


def test_systematic_chemical_names_meet_their_chinese_parts():
    assert chemical_parts("dichloropentafluoropropanes") == [
        "two",
        "chlorine",
        "five",
        "fluorine",
        "propane",
    ]
    assert chemical_parts("watermelons") == []  # does not split entirely
    assert chemical_parts("dichloro") == []  # too short to be a systematic name
    shared = terms("Dichloropentafluoropropanes") & terms("二氯五氟丙烷")
    assert {"chlorine", "fluorine", "propane", "two", "five"} <= shared


def test_element_symbols_are_read_case_sensitively():
    assert element_terms("Tubes of Cu-Ni base alloy") == ["copper", "nickel"]
    assert element_terms("Al unwrought, alloyed") == ["aluminum"]
    assert element_terms("Made In China, As Is, No Co.") == []  # words and "Co." (company)
    assert {"copper", "nickel"} <= terms("铜镍合金管") & terms("Tubes of Cu-Ni base alloy")


def test_shared_texts_are_stored_once_and_freed(build_index):
    index = build_index(
        [
            {"id": "a", "offers": ["frozen shrimp", "乳制品"]},
            {"id": "b", "offers": "frozen shrimp", "needs": "乳制品"},
            {"id": "c", "needs": "frozen shrimp"},
        ]
    )
    assert len(index.texts) == 2
    vectors = index.vectors("b")
    assert vectors.offer.shape == (1, 512) and vectors.need.shape == (1, 512)
    index.remove("a")
    index.remove("b")
    assert len(index.texts) == 1  # only c's text is left
    index.update(profile_from_dict({"id": "c", "needs": "cotton yarn"}))
    assert len(index.texts) == 1 and "frozen shrimp" not in index.texts.row_of
