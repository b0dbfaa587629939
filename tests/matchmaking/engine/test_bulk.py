"""Everyone's top k in bulk ranks exactly as one profile's top k, on every score component."""

import random

import numpy as np
import pytest

from tradebridge.matchmaking.engine import Feedback, Preferences, batch, recommend, recommend_all
from tradebridge.matchmaking.engine.threads import single_threaded_blas, worker_count

ITEMS = [
    ("lithium-ion batteries", "锂离子电池", "85076000"),
    ("solar panels", "太阳能电池板", "854143"),
    ("dairy products", "乳制品", "0401"),
    ("cheese", "奶酪", "0406"),
    ("soybeans", "大豆", "1201"),
    ("cotton yarn", "棉纱", "5205"),
    ("frozen shrimp", "冷冻虾", "0306"),
    ("wooden furniture", "木制家具", "9403"),
    ("red wine", "红葡萄酒", "220421"),
    ("electric motors", "电动机", "8501"),
]
SECTORS = ["food", "food/dairy", "food/meat", "energy", "energy/solar", "consumer"]
DEALS = ["export", "import", "distribution", "investment in", "investment from", "services"]
REGIONS = ["CN", "CN-GD", "CN-ZJ", "US", "US-CA", "US-WA"]


def varied_rows(n: int, seed: int = 3) -> list[dict]:
    """Profiles using every score component: codes on both sides, sectors with parents,
    deal types (sometimes none), homes and target regions (sometimes none)."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        zh = rng.random() < 0.5
        offers = rng.sample(ITEMS, rng.randint(0, 2))
        needs = rng.sample(ITEMS, rng.randint(0, 2))
        rows.append(
            {
                "id": f"p{i}",
                "offers": {
                    "texts": [it[1] if zh else it[0] for it in offers],
                    "hs_codes": [it[2][: rng.choice([2, 4, 6, 8])] for it in offers],
                },
                "needs": {
                    "texts": [it[0] if zh else it[1] for it in needs],
                    "hs_codes": [it[2][:4] for it in needs if rng.random() < 0.5],
                },
                "sectors": rng.sample(SECTORS, rng.randint(0, 2)),
                "deal_types": rng.sample(DEALS, rng.randint(0, 2)),
                "home": rng.choice(["CN-GD", "CN-ZJ", "US-CA", "US-WA", None]),
                "regions": rng.sample(REGIONS, rng.randint(0, 2)),
            }
        )
    return rows


def _comparable(reasons):
    # Equal texts tie exactly; float rounding may then pick another, equally good, text pair.
    return [(r["kind"], round(r["similarity"], 2)) if r["kind"] == "text" else r for r in reasons]


def assert_same(bulk, single, tol=1e-4):
    """Same scores; same partners, up to the order of partners whose scores tie."""
    assert np.allclose([r.score for r in bulk], [r.score for r in single], atol=tol)
    last = single[-1].score if single else 0.0
    for a, b in zip(bulk, single, strict=True):
        if a.id != b.id:
            tied = [r.id for r in single if abs(r.score - a.score) < tol]
            assert a.id in tied or abs(a.score - last) < tol
    by_id = {r.id: r for r in single}
    for r in bulk:
        if r.id in by_id:
            assert _comparable(r.reasons) == _comparable(by_id[r.id].reasons)


@pytest.mark.parametrize("coarse", [False, True])
def test_bulk_equals_single_on_every_component(build_index, coarse):
    options = {"exact_below": 0, "coarse_dims": 16, "batch_candidates": 200} if coarse else {}
    index = build_index(varied_rows(160), **options)
    assert index.uses_coarse_scan() is coarse
    ids = index.ids()
    preferences = {
        ids[0]: Preferences(
            excluded={ids[1]: "competitor"},
            preferred=frozenset({ids[2]}),
            preferred_sectors=("food",),
            preferred_regions=("US",),
        )
    }
    feedback = {ids[3]: Feedback(not_relevant=frozenset({ids[4]}))}
    event = ids[:120]
    bulk = dict(
        recommend_all(index, k=8, candidates=event, preferences=preferences, feedback=feedback)
    )
    assert list(bulk) == ids  # in index order
    for pid in ids:
        single = recommend(
            index,
            pid,
            k=8,
            candidates=event,
            preferences=preferences.get(pid),
            feedback=feedback.get(pid),
        )
        assert_same(bulk[pid], single)
        assert all(r.id in set(event) for r in bulk[pid])


def test_kind_tables_and_per_group_kinds_agree(build_index, monkeypatch):
    index = build_index(varied_rows(120, seed=5))
    with_tables = dict(recommend_all(index, k=6))
    monkeypatch.setattr(batch, "TABLE_KINDS", 0)  # every component computed per group
    monkeypatch.setattr(batch, "MIN_GROUP", 1000)  # and all queries in one merged group
    for pid, recs in recommend_all(index, k=6):
        assert_same(recs, with_tables[pid])


def test_bulk_after_edits_sees_them(build_index):
    from tradebridge.matchmaking.engine import profile_from_dict

    index = build_index(varied_rows(60, seed=7))
    index.rebuild()
    index.update(profile_from_dict({"id": "p0", "needs": "锂离子蓄电池", "deal_types": ["import"]}))
    index.add(profile_from_dict({"id": "new", "offers": "lithium batteries", "home": "US-CA"}))
    index.remove("p1")
    bulk = dict(recommend_all(index, k=5))
    assert "p1" not in bulk and "new" in [r.id for r in bulk["p0"]]
    for pid in ("p0", "new", "p2"):
        assert_same(bulk[pid], recommend(index, pid, k=5))


def test_best_rows_finds_the_largest_values():
    rng = np.random.default_rng(11)
    for n, size in ((50, 60), (1000, 20), (4099, 100), (40_000, 100)):
        scores = rng.random((n, 7), dtype=np.float32)
        scores[rng.random((n, 7)) < 0.3] = -np.inf
        got = batch.best_rows(scores, size)
        for j in range(7):
            want = np.sort(scores[:, j])[::-1][: min(size, n)]
            assert np.array_equal(np.sort(scores[got[j], j])[::-1], want)


def test_groups_merge_small_ones_and_keep_everyone(build_index, monkeypatch):
    index = build_index(varied_rows(80, seed=9))
    from tradebridge.matchmaking.engine.scoring import query_views

    views = query_views(index, index.ids())
    monkeypatch.setattr(batch, "MIN_GROUP", 10)
    groups = batch._groups(views)
    assert sorted(i for _mask, members in groups for i in members) == list(range(len(views)))
    assert all(len(members) >= 10 for _mask, members in groups[:-1])


def test_blas_threads_are_restored():
    functions = __import__(
        "tradebridge.matchmaking.engine.threads", fromlist=["_openblas"]
    )._openblas()
    if functions is None:
        pytest.skip("no OpenBLAS found in this process")
    get_threads, _ = functions
    before = get_threads()
    with single_threaded_blas():
        assert get_threads() == 1
        with single_threaded_blas():
            assert get_threads() == 1
        assert get_threads() == 1
    assert get_threads() == before
    assert worker_count() >= 1
