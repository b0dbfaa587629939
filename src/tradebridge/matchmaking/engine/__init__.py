"""TradeBridge matchmaking engine: a plain Python library (no Django settings needed).

Typical use::

    from tradebridge.matchmaking.engine import MatchIndex, profile_from_dict, recommend

    index = MatchIndex()
    index.add_many(profile_from_dict(row) for row in rows)
    for rec in recommend(index, "acme", k=10):
        print(rec.id, rec.score, rec.reasons)

Rendering reasons as sentences lives in :mod:`.render` (it uses Django's gettext).
"""

from .encoder import TextEncoder, UseEncoder, default_encoder
from .feedback import Feedback, Preferences
from .index import MatchIndex, ProfileVectors
from .profiles import Profile, ProfileError, Side, profile_from_dict
from .recommend import Recommendation, recommend, recommend_all
from .scoring import Weights

__all__ = [
    "Feedback",
    "MatchIndex",
    "Preferences",
    "Profile",
    "ProfileError",
    "ProfileVectors",
    "Recommendation",
    "Side",
    "TextEncoder",
    "UseEncoder",
    "Weights",
    "default_encoder",
    "profile_from_dict",
    "recommend",
    "recommend_all",
]
