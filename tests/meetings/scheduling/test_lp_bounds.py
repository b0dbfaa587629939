"""The LP upper bound for PRIORITY problems (HiGHS and PDLP paths), the dual polishing and
the LP rounding, on the random instances of test_random_instances."""

from unittest.mock import patch

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from scipy.optimize import linprog

from tests.meetings.scheduling.test_random_instances import instances
from tradebridge.meetings.scheduling import bounds
from tradebridge.meetings.scheduling.compile import compile_instance
from tradebridge.meetings.scheduling.heuristic import lp_rounding
from tradebridge.meetings.scheduling.json_format import parse_instance
from tradebridge.meetings.scheduling.solve import solve
from tradebridge.meetings.scheduling.validate import validate


def _lp_optimum(lp):
    result = linprog(-lp.weights, A_ub=lp.matrix, b_ub=lp.rhs, bounds=(0, 1), method="highs")
    assert result.status == 0
    return -result.fun, -np.asarray(result.ineqlin.marginals)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_polished_duals_stay_valid_and_never_loosen(data):
    problem = compile_instance(parse_instance(data))
    lp = bounds.lp_matrix(problem)
    if not len(lp.weights):
        return
    value, duals = _lp_optimum(lp)
    for start in (duals, np.zeros(len(lp.rhs)), np.ones(len(lp.rhs))):
        before = bounds.dual_bound(lp, start)
        polished = bounds.polish_duals(lp, start, sweeps=3)
        after = bounds.dual_bound(lp, polished)
        assert after <= before + 1e-9
        assert after >= value - 1e-6  # weak duality: never below the LP optimum
    for block in lp.blocks:  # rows of a block share no column
        assert (lp.matrix[block].sum(axis=0) <= 1).all()
    assert sorted(np.concatenate(lp.blocks).tolist()) == list(range(len(lp.rhs)))


@pytest.mark.parametrize("pdlp", [False, True])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=instances())
def test_lp_bound_is_above_the_optimum_and_its_rounding_is_valid(pdlp, data):
    problem = compile_instance(parse_instance(data))
    exact = solve(problem, time_limit=10)
    with patch.object(bounds, "PDLP_ABOVE", 0 if pdlp else bounds.PDLP_ABOVE):
        relaxed = bounds.lp_relaxation(problem, time_limit=10)
    assert relaxed is not None
    if exact.status == "optimal":
        assert relaxed.bound >= exact.objective
    board = lp_rounding(problem, relaxed)
    assert validate(problem, board.slot) == []
