"""Whom a user may ask for a meeting: the organisations they may see, other than their own,
found by name in any script (decision 0003)."""

from django.db.models import QuerySet

from tradebridge.directory.domain.search import matching
from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.directory.models import Organisation

SUGGESTIONS = 10


def organisations_to_meet(user) -> QuerySet[Organisation]:
    return visible_organisations(user).exclude(pk=user.organisation_id)


def find_organisations_to_meet(user, query: str, limit: int = SUGGESTIONS) -> list[Organisation]:
    """The organisations ``user`` may ask for a meeting whose names match ``query`` ("xiaomi",
    "Xiaomi", "xiao mi" and "小米" all find 小米 / Xiaomi), best first; none for no query."""
    if not (query or "").strip():
        return []
    found = matching(organisations_to_meet(user).select_related("home_region"), query)
    return list(found[:limit])
