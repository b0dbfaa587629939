"""Creating and changing matchmaking profiles."""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tradebridge.directory.enums import RegionKind
from tradebridge.directory.models import Organisation
from tradebridge.matchmaking.domain.index_cache import record_change
from tradebridge.matchmaking.domain.vectors import (
    is_fresh,
    refresh_vectors,
    shared_encoder,
    store_vectors,
    stored_vectors_of,
)
from tradebridge.matchmaking.models import MatchProfile
from tradebridge.matchmaking.validators import normalise_hs_codes, text_items

EDITABLE_FIELDS = (
    "offers_en",
    "offers_zh",
    "offer_hs_codes",
    "needs_en",
    "needs_zh",
    "need_hs_codes",
    "deal_types",
    "size",
    "languages",
)
TEXT_FIELDS = ("offers_en", "offers_zh", "needs_en", "needs_zh")
# Partners are sought in countries and their first-level divisions, not in single cities.
TARGET_REGION_KINDS = (
    RegionKind.COUNTRY,
    RegionKind.PROVINCE,
    RegionKind.MUNICIPALITY,
    RegionKind.AUTONOMOUS_REGION,
    RegionKind.SPECIAL_ADMINISTRATIVE_REGION,
    RegionKind.STATE,
    RegionKind.FEDERAL_DISTRICT,
)


def profile_of(organisation: Organisation) -> MatchProfile | None:
    return MatchProfile.objects.filter(organisation=organisation).first()


def _check_target_regions(regions) -> None:
    wrong = [region.code for region in regions if region.kind not in TARGET_REGION_KINDS]
    if wrong:
        raise ValidationError(
            {
                "target_regions": _("Choose countries, provinces or states, not %(codes)s.")
                % {"codes": ", ".join(wrong)}
            }
        )


def _apply(profile: MatchProfile, data: dict) -> None:
    errors = {}
    for name, value in data.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"{name} is not an editable profile field")
        if name in TEXT_FIELDS and isinstance(value, str):
            value = "\n".join(text_items(value))  # one item a line, as they are matched
        if name.endswith("_hs_codes"):
            try:
                value = normalise_hs_codes(value)
            except ValidationError as error:
                errors[name] = error.messages
        setattr(profile, name, value)
    try:
        profile.full_clean(exclude=["organisation"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, messages)
    if errors:
        raise ValidationError(errors)


def _write(
    profile: MatchProfile, data: dict, offer_sectors, need_sectors, target_regions
) -> MatchProfile:
    """Validate and save a profile and its links (no vectors, no index change)."""
    _apply(profile, data)
    if target_regions is not None:
        _check_target_regions(target_regions)
    states_something = (
        profile.offer_items()
        or profile.need_items()
        or profile.offer_hs_list()
        or profile.need_hs_list()
        or offer_sectors
        or need_sectors
        or (profile.pk and (profile.offer_sectors.exists() or profile.need_sectors.exists()))
    )
    if not states_something:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Say what you offer or what you seek: a text, HS codes or sectors."
                )
            }
        )
    profile.save()
    if offer_sectors is not None:
        profile.offer_sectors.set(offer_sectors)
    if need_sectors is not None:
        profile.need_sectors.set(need_sectors)
    if target_regions is not None:
        profile.target_regions.set(target_regions)
    return profile


@transaction.atomic
def save_profile(
    user,
    organisation: Organisation,
    data: dict,
    *,
    offer_sectors=None,
    need_sectors=None,
    target_regions=None,
) -> MatchProfile:
    """Create or change an organisation's matchmaking profile.

    ``data`` holds fields of EDITABLE_FIELDS; sectors and regions left as None keep their
    value. Side effects: the MatchProfile row and its links; its stored vectors when its texts
    changed (this profile only is encoded); the index generation raised, so every process's
    index takes the change on its next read. Raises PermissionDenied, or ValidationError
    naming the fields.
    """
    if not user.has_perm("matchmaking.change_profile", organisation):
        raise PermissionDenied
    profile = profile_of(organisation) or MatchProfile(organisation=organisation)
    _write(profile, data, offer_sectors, need_sectors, target_regions)
    refresh_vectors(profile)
    profile.generation = record_change(profile.pk)
    return profile


@dataclass(frozen=True)
class ProfileInput:
    """One profile for :func:`load_profiles`: the organisation, fields and links."""

    organisation: Organisation
    data: dict
    offer_sectors: list = field(default_factory=list)
    need_sectors: list = field(default_factory=list)
    target_regions: list = field(default_factory=list)


@transaction.atomic
def load_profiles(inputs: list[ProfileInput]) -> list[MatchProfile]:
    """Create or replace many profiles at once, for loaders (the demo) that act for nobody.

    All or nothing. Side effects as :func:`save_profile`, with every new or changed text
    encoded in one batch.
    """
    profiles = [
        _write(
            profile_of(item.organisation) or MatchProfile(organisation=item.organisation),
            item.data,
            item.offer_sectors,
            item.need_sectors,
            item.target_regions,
        )
        for item in inputs
    ]
    encoder = shared_encoder()
    stale = [p for p in profiles if not is_fresh(stored_vectors_of(p), p, encoder)]
    store_vectors(stale, encoder)
    if profiles:
        record_change(*(p.pk for p in profiles))
    return profiles


@transaction.atomic
def delete_profile(user, organisation: Organisation) -> None:
    """Remove an organisation's profile (and its vectors); it is no longer recommended.

    Side effects: the rows deleted; the index generation raised (signals.py).
    """
    if not user.has_perm("matchmaking.change_profile", organisation):
        raise PermissionDenied
    MatchProfile.objects.filter(organisation=organisation).delete()
