"""Deal types, codes, regions, exclusions, feedback and event subsets change what is recommended."""

from tradebridge.matchmaking.engine import Feedback, Preferences, recommend, recommend_all

BATTERY_MAKERS = [
    {"id": "m1", "offers": "lithium-ion batteries", "deal_types": ["export"]},
    {"id": "m2", "offers": "lithium battery cells", "deal_types": ["export"]},
    {"id": "m3", "offers": "锂离子电池", "deal_types": ["export"]},
]


def ids(recs):
    return [r.id for r in recs]


def test_sellers_are_not_recommended_to_sellers(build_index):
    index = build_index(
        [*BATTERY_MAKERS, {"id": "buyer", "needs": "锂离子蓄电池", "deal_types": ["import"]}]
    )
    assert ids(recommend(index, "m1", k=5)) == ["buyer"]
    assert set(ids(recommend(index, "buyer", k=5))) == {"m1", "m2", "m3"}
    reasons = recommend(index, "buyer", k=1)[0].reasons
    assert {"kind": "deal", "mine": "import", "theirs": "export"} in reasons


def test_investor_suits_project_not_investor(build_index):
    index = build_index(
        [
            {"id": "fund", "offers": "capital for solar farms", "deal_types": ["investment in"]},
            {"id": "fund2", "offers": "capital for solar farms", "deal_types": ["investor"]},
            {"id": "farm", "needs": "太阳能电站投资", "deal_types": ["investment from"]},
        ]
    )
    assert ids(recommend(index, "fund", k=5)) == ["farm"]


def test_hs_hierarchy_orders_partners(build_index):
    index = build_index(
        [
            {"id": "me", "needs": {"hs_codes": ["04012000"]}},
            {"id": "hs8", "offers": {"hs_codes": ["04012000"]}},
            {"id": "hs6", "offers": {"hs_codes": ["04012090"]}},
            {"id": "hs4", "offers": {"hs_codes": ["040110"]}},
            {"id": "ch", "offers": {"hs_codes": ["0402"]}},
            {"id": "none", "offers": {"hs_codes": ["8507"]}},
        ]
    )
    recs = recommend(index, "me", k=10)
    assert ids(recs) == ["hs8", "hs6", "hs4", "ch"]
    assert [next(r for r in rec.reasons if r["kind"] == "hs")["level"] for rec in recs] == [
        8,
        6,
        4,
        2,
    ]
    assert {"kind": "hs", "code": "0401", "level": 4} in recs[2].reasons


def test_sector_parent_and_child_relate(build_index):
    index = build_index(
        [
            {"id": "me", "needs": {"sectors": ["food/dairy"]}},
            {"id": "same", "offers": {"sectors": ["food/dairy"]}},
            {"id": "parent", "offers": {"sectors": ["food"]}},
            {"id": "child", "offers": {"sectors": ["food/dairy/cheese"]}},
            {"id": "other", "offers": {"sectors": ["energy"]}},
        ]
    )
    recs = recommend(index, "me", k=10)
    assert ids(recs)[0] == "same" and set(ids(recs)) == {"same", "parent", "child"}
    rels = {r.id: next(x for x in r.reasons if x["kind"] == "sector")["relation"] for r in recs}
    assert rels == {"same": "same", "parent": "broader", "child": "narrower"}


def test_explicit_sector_parents(build_index):
    index = build_index(
        [
            {"id": "me", "needs": {"sectors": ["dairy"]}},
            {"id": "parent", "offers": {"sectors": ["agrifood"]}},
        ],
        sector_parents={"dairy": "agrifood"},
    )
    assert ids(recommend(index, "me")) == ["parent"]


def test_region_fit_is_hierarchical(build_index):
    rows = [
        {"id": "me", "needs": "solar panels", "regions": ["CN"], "home": "US-CA"},
        {"id": "gd", "offers": "solar panels", "home": "CN-GD"},
        {"id": "de", "offers": "solar panels", "home": "DE"},
    ]
    recs = recommend(build_index(rows), "me", k=5)
    assert ids(recs) == ["gd", "de"]
    assert {"kind": "region", "region": "CN-GD", "relation": "in_your_targets"} in recs[0].reasons


def test_exclusions_are_honoured(build_index):
    index = build_index([*BATTERY_MAKERS, {"id": "buyer", "needs": "lithium-ion batteries"}])
    prefs = Preferences(excluded={"m1": "competitor", "m3": "already_met"})
    assert ids(recommend(index, "buyer", k=5, preferences=prefs)) == ["m2"]
    plain = {r.id: r for r in recommend(index, "buyer", k=5)}
    prefs = Preferences(preferred=frozenset({"m2"}))
    boosted = {r.id: r for r in recommend(index, "buyer", k=5, preferences=prefs)}
    assert boosted["m2"].score > plain["m2"].score
    assert {"kind": "preferred"} in boosted["m2"].reasons
    assert boosted["m1"].score == plain["m1"].score


def test_event_subset(build_index):
    index = build_index([*BATTERY_MAKERS, {"id": "buyer", "needs": "lithium-ion batteries"}])
    assert ids(recommend(index, "buyer", k=5, candidates=["m2", "m3"])) in (
        ["m2", "m3"],
        ["m3", "m2"],
    )
    everyone = dict(recommend_all(index, k=5, candidates=["buyer", "m3"]))
    assert ids(everyone["buyer"]) == ["m3"] and ids(everyone["m1"]) == ["buyer"]


def test_not_relevant_excludes_and_downweights_similar(build_index):
    rows = [
        {"id": "buyer", "needs": "batteries and dairy products"},
        {"id": "bat1", "offers": "lithium-ion batteries"},
        {"id": "bat2", "offers": "lithium ion battery packs"},
        {"id": "milk", "offers": "dairy products"},
    ]
    index = build_index(rows)
    before = {r.id: r.score for r in recommend(index, "buyer", k=5)}
    assert set(before) == {"bat1", "bat2", "milk"}
    fb = Feedback.from_marks([("bat1", "not_relevant")])
    after = {r.id: r.score for r in recommend(index, "buyer", k=5, feedback=fb)}
    assert "bat1" not in after
    assert after["bat2"] < before["bat2"]  # similar to the rejected one
    assert after["milk"] == before["milk"]  # unrelated ones are untouched


def test_meeting_requested_excludes_or_marks(build_index):
    index = build_index([*BATTERY_MAKERS, {"id": "buyer", "needs": "lithium-ion batteries"}])
    fb = Feedback(meeting_requested=frozenset({"m1"}))
    assert "m1" not in ids(recommend(index, "buyer", k=5, feedback=fb))
    marked = recommend(
        index, "buyer", k=5, feedback=Feedback.from_marks([("m1", "meeting_requested")], "mark")
    )
    m1 = next(r for r in marked if r.id == "m1")
    assert {"kind": "meeting_requested"} in m1.reasons


def test_recommend_all_agrees_with_recommend(build_index):
    rows = [*BATTERY_MAKERS, {"id": "buyer", "needs": "锂电池", "hs_codes": ["8507"]}]
    rows += [{"id": f"x{i}", "offers": t} for i, t in enumerate(["乳制品", "cotton yarn", "大豆"])]
    rows += [{"id": "y", "needs": ["soybeans", "cotton"], "offers": "锂离子蓄电池"}]
    index = build_index(rows)
    for pid, recs in recommend_all(index, k=3, batch_size=2):
        single = recommend(index, pid, k=3)
        assert ids(recs) == ids(single)
        assert [r.reasons for r in recs] == [r.reasons for r in single]
