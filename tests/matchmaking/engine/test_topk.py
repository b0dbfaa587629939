"""The blockwise top-k selection returns exactly what a full sort would."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tradebridge.matchmaking.engine.scoring import top_k_rows


@settings(max_examples=30, deadline=None)
@given(
    n=st.integers(1, 30_000),
    k=st.integers(1, 12),
    seed=st.integers(0, 2**31),
    excluded=st.floats(0, 0.99),
)
def test_top_k_matches_full_sort(n, k, seed, excluded):
    rng = np.random.default_rng(seed)
    scores = rng.random((3, n), dtype=np.float32)
    scores[rng.random((3, n)) < excluded] = -np.inf
    for row, got in zip(scores, top_k_rows(scores, k), strict=True):
        finite = np.flatnonzero(np.isfinite(row))
        want = finite[np.argsort(-row[finite], kind="stable")][:k]
        assert [s for s, _ in got] == [int(x) for x in want]
        assert [v for _, v in got] == [float(row[x]) for x in want]
