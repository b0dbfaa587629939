"""Hubness correction: generic texts that come close to every need are ranked lower."""

import numpy as np
import pytest

from tradebridge.matchmaking.engine import Weights, hubness, profile_from_dict, recommend
from tradebridge.matchmaking.engine.scoring import block_parts, query_views

NEEDS = [
    "锂离子蓄电池",
    "铅酸蓄电池",
    "电池充电器",
    "太阳能电池板",
    "电动汽车用电池组",
    "新鲜草莓",
    "乳制品",
    "大豆",
]
OFFERS = [
    "batteries, accumulators and other electrical parts and goods",
    "lithium-ion batteries",
    "lead-acid accumulators for starting engines",
    "battery chargers",
    "fresh strawberries",
    "fluid milk and cream",
    "soya beans",
]


def _rows():
    rows = [{"id": f"n{i}", "needs": t} for i, t in enumerate(NEEDS)]
    rows += [{"id": f"o{i}", "offers": t} for i, t in enumerate(OFFERS)]
    rows.append({"id": "both", "needs": "大豆", "offers": "lithium batteries"})
    return rows


def _brute_force_hub(index, weights):
    """Mean of the NEIGHBOURS best plain text similarities of each offer to the indexed needs,
    taken from the scorer's own components (hub correction off)."""
    plain = Weights(encoder=weights.encoder, hubness=0.0)
    needers = [p.id for p in index.profiles if p is not None and p.needs.texts]
    views = query_views(index, needers)
    parts = block_parts(index, views, plain)
    w = np.float32(weights.encoder)
    t_no = w * parts.enc_need_offer + (1 - w) * parts.lex_need_offer
    for r, v in enumerate(views):
        t_no[r, v.slot] = -np.inf
    expected = {}
    for slot, profile in enumerate(index.profiles):
        if profile is not None and profile.offers.texts:
            column = np.sort(t_no[:, slot])[::-1][: hubness.NEIGHBOURS]
            expected[slot] = float(column[np.isfinite(column)].mean())
    return expected


def test_hub_values_are_the_mean_of_the_nearest_needs(build_index):
    index = build_index(_rows())
    weights = Weights()
    index.hubness.ensure(index, weights.encoder)
    expected = _brute_force_hub(index, weights)
    for slot, value in expected.items():
        assert index.hubness.offer[slot] == pytest.approx(value, abs=1e-4)
    offer_adj, _ = index.hubness.adjustments(index, weights)
    values = np.array(list(expected.values()))
    slots = list(expected)
    assert offer_adj[slots] == pytest.approx(
        weights.hubness * (values - np.median(values)), abs=1e-4
    )


def test_an_offer_near_many_needs_loses_ground_to_one_near_few(build_index):
    # Five of the eight needs are about batteries: the battery offers are hubs of this market,
    # the strawberries are close to one need only.
    index = build_index(_rows())
    weights = Weights()
    offer_adj, _ = index.hubness.adjustments(index, weights)
    battery, strawberry = index.slot_of["o1"], index.slot_of["o4"]
    assert offer_adj[battery] > offer_adj[strawberry]
    # A need close to both: the battery offer loses exactly its larger correction.
    query = profile_from_dict({"id": "q", "needs": "锂电池和新鲜草莓"})
    plain = {r.id: r.score for r in recommend(index, query, k=10, weights=Weights(hubness=0.0))}
    corrected = {r.id: r.score for r in recommend(index, query, k=10)}
    shift = (plain["o1"] - plain["o4"]) - (corrected["o1"] - corrected["o4"])
    assert shift == pytest.approx(float(offer_adj[battery] - offer_adj[strawberry]), abs=1e-3)
    assert shift > 0


def test_correction_never_makes_an_unrelated_text_relevant(build_index):
    index = build_index(_rows())
    plain = {r.id for r in recommend(index, "n5", k=20, weights=Weights(hubness=0.0))}
    corrected = {r.id for r in recommend(index, "n5", k=20)}
    assert corrected == plain


def test_edits_on_a_large_index_recompute_only_the_edited_profile(build_index, monkeypatch):
    monkeypatch.setattr(hubness, "FULL_WORK", 0)
    monkeypatch.setattr(hubness, "STALE_SHARE", 1.0)
    index = build_index(_rows())
    weights = Weights()
    index.hubness.ensure(index, weights.encoder)
    before = index.hubness.offer.copy()
    index.update(profile_from_dict({"id": "o3", "offers": "solar panels and photovoltaic cells"}))
    index.hubness.ensure(index, weights.encoder)
    edited = index.slot_of["o3"]
    others = [s for s in range(index.n_slots) if s != edited]
    assert np.array_equal(index.hubness.offer[others], before[others])  # left as they were
    assert index.hubness.offer[edited] != pytest.approx(before[edited], abs=1e-3)
    # The need population did not change, so the edited value is what a full pass gives.
    expected = _brute_force_hub(index, weights)[edited]
    assert index.hubness.offer[edited] == pytest.approx(expected, abs=1e-4)
