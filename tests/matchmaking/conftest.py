"""Fixtures of the matchmaking tests: the real encoder, loaded once per test process."""

import pytest

from tradebridge.matchmaking.domain.vectors import shared_encoder


@pytest.fixture(scope="session")
def encoder():
    """The process-wide multilingual encoder, warmed up (its model loads in a few seconds)."""
    enc = shared_encoder()
    enc.encode(["warm up"])
    return enc
