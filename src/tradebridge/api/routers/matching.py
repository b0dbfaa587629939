"""/api/v1/matching/: matchmaking profiles, recommendations and feedback."""

from ninja import Router

router = Router(tags=["matching"])
