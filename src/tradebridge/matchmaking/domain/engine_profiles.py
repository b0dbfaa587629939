"""A stored profile as the engine's :class:`Profile`, and the hash of the texts it encodes."""

import hashlib
import json
import re
from collections.abc import Iterable

from tradebridge.directory.models import Region
from tradebridge.matchmaking.engine import Profile, Side
from tradebridge.matchmaking.models import MatchProfile

# The engine knows countries and their first-level divisions ("CN", "CN-GD", "US-CA").
_ENGINE_REGION = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


class RegionCodes:
    """Region codes as the engine takes them: a city or port counts as its province or state."""

    def __init__(self) -> None:
        self._rows = {
            pk: (code.upper(), parent_id)
            for pk, code, parent_id in Region.objects.values_list("pk", "code", "parent_id")
        }

    def engine_code(self, region_id: int | None) -> str | None:
        seen = set()
        while region_id is not None and region_id not in seen:
            seen.add(region_id)
            code, parent_id = self._rows.get(region_id, ("", None))
            if _ENGINE_REGION.match(code):
                return code
            region_id = parent_id
        return None


def profile_queryset():
    """Profiles with everything :func:`engine_profile` reads, in few queries."""
    return MatchProfile.objects.select_related("organisation").prefetch_related(
        "offer_sectors", "need_sectors", "target_regions"
    )


def text_hash(profile: MatchProfile) -> str:
    """Hash of the texts the encoder reads, in order: vectors with another hash are stale."""
    texts = json.dumps([profile.offer_items(), profile.need_items()], ensure_ascii=False)
    return hashlib.sha256(texts.encode()).hexdigest()


def _codes(sectors: Iterable) -> tuple[str, ...]:
    return tuple(sector.code for sector in sectors)


def engine_profile(profile: MatchProfile, regions: RegionCodes) -> Profile:
    """The engine's view of a stored profile; its id is the organisation's primary key."""
    organisation = profile.organisation
    targets = (regions.engine_code(region.pk) for region in profile.target_regions.all())
    return Profile(
        id=str(profile.organisation_id),
        name=organisation.name_en or organisation.name_zh,
        offers=Side(
            texts=tuple(profile.offer_items()),
            hs_codes=tuple(profile.offer_hs_list()),
            sectors=_codes(profile.offer_sectors.all()),
        ),
        needs=Side(
            texts=tuple(profile.need_items()),
            hs_codes=tuple(profile.need_hs_list()),
            sectors=_codes(profile.need_sectors.all()),
        ),
        deal_types=frozenset(profile.deal_type_list()),
        regions=tuple(dict.fromkeys(code for code in targets if code)),
        home=regions.engine_code(organisation.home_region_id),
        size=profile.size or None,
        languages=tuple(profile.language_list()),
    )
