"""Fixtures of the engine tests: the real encoder loaded once, small indexes built from dicts."""

import pytest

from tradebridge.matchmaking.engine import MatchIndex, default_encoder, profile_from_dict


@pytest.fixture(scope="session")
def encoder():
    """The real multilingual USE encoder, loaded once per session."""
    enc = default_encoder()
    enc.encode(["warm up"])
    return enc


@pytest.fixture
def build_index(encoder):
    """Build a MatchIndex from JSON-like dicts."""

    def build(rows, **kwargs):
        index = MatchIndex(encoder=encoder, **kwargs)
        index.add_many(profile_from_dict(r) for r in rows)
        return index

    return build


@pytest.fixture
def i18n():
    """Django settings with English and Simplified Chinese, configured only if nobody did."""
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            USE_I18N=True,
            LANGUAGE_CODE="en",
            LANGUAGES=[("en", "English"), ("zh-hans", "简体中文")],
        )
        import django

        django.setup()
    return settings
