"""Editing one profile updates the index in place; vectors can be stored and reused."""

import numpy as np

from tradebridge.matchmaking.engine import (
    MatchIndex,
    ProfileVectors,
    profile_from_dict,
    recommend,
    recommend_all,
)

ROWS = [
    {"id": "buyer", "needs": "锂离子蓄电池"},
    {"id": "bat", "offers": "lithium-ion batteries"},
    {"id": "milk", "offers": "dairy products", "hs_codes": ["0401"]},
    {"id": "cheese", "needs": "乳制品", "hs_codes": ["0406"]},
]


def test_editing_a_profile_changes_its_recommendations(build_index):
    index = build_index(ROWS)
    index.rebuild()
    assert recommend(index, "buyer")[0].id == "bat"
    index.update(profile_from_dict({"id": "buyer", "needs": "乳制品"}))
    assert recommend(index, "buyer")[0].id == "milk"
    assert recommend(index, "cheese")[0].id == "milk"  # others unaffected


def test_editing_a_partner_changes_who_finds_it(build_index):
    index = build_index(ROWS)
    index.rebuild()
    index.update(profile_from_dict({"id": "bat", "offers": "soybeans"}))
    assert "bat" not in [r.id for r in recommend(index, "buyer")]
    index.remove("milk")
    assert "milk" not in [r.id for r in recommend(index, "cheese")]
    assert len(index) == 3
    index.add(profile_from_dict({"id": "new", "offers": "锂电池"}))
    assert recommend(index, "buyer")[0].id == "new"


def test_incremental_equals_rebuilt(build_index, encoder):
    index = build_index(ROWS)
    index.rebuild()
    index.update(profile_from_dict({"id": "bat", "offers": ["lithium batteries", "milk powder"]}))
    index.remove("cheese")
    index.add(profile_from_dict({"id": "cheese2", "needs": "奶酪", "hs_codes": ["0406"]}))
    fresh = MatchIndex(encoder=encoder)
    fresh.add_many(index.get(pid) for pid in index.ids())
    for pid in index.ids():
        a, b = recommend(index, pid), recommend(fresh, pid)
        assert [r.id for r in a] == [r.id for r in b]
        assert np.allclose([r.score for r in a], [r.score for r in b], atol=1e-5)
    index.rebuild()
    for pid in index.ids():
        assert [r.id for r in recommend(index, pid)] == [r.id for r in recommend(fresh, pid)]


def test_stored_vectors_are_reused_without_encoding(build_index, encoder):
    index = build_index(ROWS)
    stored = {pid: ProfileVectors.from_bytes(index.vectors(pid).to_bytes()) for pid in index.ids()}
    assert stored["bat"].offer.shape == (1, 512) and stored["bat"].offer.dtype == np.float16
    assert stored["buyer"].need.shape == (1, 512) and stored["buyer"].offer.shape == (0, 512)
    before = encoder.encoded_count
    encoder._cache.clear()
    again = MatchIndex(encoder=encoder)
    again.add_many([index.get(pid) for pid in index.ids()], vectors=stored)
    assert encoder.encoded_count == before
    assert [r.id for r in recommend(again, "buyer")] == [r.id for r in recommend(index, "buyer")]


def test_vectors_of_another_encoder_are_recomputed(build_index, encoder):
    index = build_index(ROWS[:2])
    wrong = ProfileVectors("other-model", np.zeros((1, 512), np.float16), np.zeros((0, 512)))
    index.add(profile_from_dict(ROWS[1]), vectors=wrong)
    assert index.vectors("bat").encoder == encoder.name
    assert recommend(index, "buyer")[0].id == "bat"


def test_adhoc_profile_is_scored_without_indexing(build_index):
    index = build_index(ROWS)
    recs = recommend(index, profile_from_dict({"id": "visitor", "needs": "乳制品"}))
    assert recs[0].id == "milk" and "visitor" not in index


def test_coarse_scan_of_large_indexes_keeps_exact_ranking(build_index):
    rows = [
        {"id": f"p{i}", "offers": o, "needs": n, "hs_codes": [h]}
        for i, (o, n, h) in enumerate(
            [
                ("lithium-ion batteries", "乳制品", "8507"),
                ("锂电池", "cotton yarn", "850760"),
                ("dairy products", "大豆", "0401"),
                ("cheese", "lithium batteries", "0406"),
                ("soybeans", "奶酪", "1201"),
                ("棉纱", "solar panels", "5205"),
                ("太阳能电池板", "batteries", "8541"),
            ]
        )
    ]
    exact = build_index(rows)
    coarse = build_index(
        rows, exact_below=0, coarse_dims=8, coarse_candidates=4, batch_candidates=4
    )
    assert coarse.uses_coarse_scan() and not exact.uses_coarse_scan()
    for pid in exact.ids():
        want, got = recommend(exact, pid, k=2), recommend(coarse, pid, k=2)
        assert [r.id for r in got] == [r.id for r in want]
        assert np.allclose([r.score for r in got], [r.score for r in want], atol=1e-4)
        assert [r.reasons for r in got] == [r.reasons for r in want]
    everyone = dict(recommend_all(coarse, k=2, batch_size=3))
    assert {pid: [r.id for r in recs] for pid, recs in everyone.items()} == {
        pid: [r.id for r in recommend(exact, pid, k=2)] for pid in exact.ids()
    }
    coarse.update(profile_from_dict({"id": "p0", "offers": "soybeans", "needs": "乳制品"}))
    assert recommend(coarse, "p0", k=2)[0].id == "p2"
