"""Models of the matchmaking app; each lives in its own module and is re-exported here."""

from tradebridge.matchmaking.models.feedback import PartnerFeedback
from tradebridge.matchmaking.models.profile import MatchProfile
from tradebridge.matchmaking.models.vectors import IndexState, StoredVectors

__all__ = ["IndexState", "MatchProfile", "PartnerFeedback", "StoredVectors"]
