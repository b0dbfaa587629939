"""The match index of this process, built from stored vectors and kept in step with the
database.

Every change of a profile raises ``IndexState.generation`` and stamps the profile with it, in
the same transaction. ``using_index()`` compares what it holds with that row: when profiles
changed it re-reads only those rows (nothing is encoded: their vectors are stored); when the
epoch changed (a rebuild), or the state went back (a rolled-back test), it builds afresh.
Processes (web workers, commands) therefore share no memory, only the database.
"""

import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from tradebridge.directory.models import Sector
from tradebridge.matchmaking.domain.engine_profiles import (
    RegionCodes,
    engine_profile,
    profile_queryset,
)
from tradebridge.matchmaking.domain.vectors import is_fresh, shared_encoder, store_vectors
from tradebridge.matchmaking.engine import MatchIndex, ProfileVectors
from tradebridge.matchmaking.models import IndexState, MatchProfile

logger = logging.getLogger(__name__)
STATE_PK = 1


@dataclass
class _Held:
    index: MatchIndex
    epoch: str
    generation: int


_lock = threading.Lock()
_held: _Held | None = None


def _state() -> tuple[str, int]:
    row = IndexState.objects.filter(pk=STATE_PK).values_list("epoch", "generation").first()
    return row or ("", 0)


def record_change(*profile_ids: int) -> int:
    """Raise the generation and stamp these profiles with it; returns the new generation.

    Runs in the caller's transaction (the state row is locked until it ends), so the stamps of
    committed changes never go back.
    """
    with transaction.atomic():
        state, _created = IndexState.objects.select_for_update().get_or_create(
            pk=STATE_PK, defaults={"epoch": uuid.uuid4().hex}
        )
        IndexState.objects.filter(pk=STATE_PK).update(generation=F("generation") + 1)
        generation = state.generation + 1
        if profile_ids:
            MatchProfile.objects.filter(pk__in=profile_ids).update(generation=generation)
    return generation


def start_new_epoch() -> None:
    """Make every process build its index afresh (after vectors were rebuilt)."""
    with transaction.atomic():
        state, _created = IndexState.objects.select_for_update().get_or_create(
            pk=STATE_PK, defaults={"epoch": uuid.uuid4().hex}
        )
        state.epoch = uuid.uuid4().hex
        state.generation += 1
        state.save()


def _sector_parents() -> dict[str, str]:
    return dict(Sector.objects.filter(parent__isnull=False).values_list("code", "parent__code"))


def _place(index: MatchIndex, profiles: list[MatchProfile]) -> None:
    """Add or replace profiles with their stored vectors; stale ones are encoded and stored."""
    encoder = index.encoder
    regions = RegionCodes()
    vectors: dict[str, ProfileVectors] = {}
    stale = []
    for profile in profiles:
        stored = getattr(profile, "stored_vectors", None)
        if is_fresh(stored, profile, encoder):
            vectors[str(profile.organisation_id)] = ProfileVectors.from_bytes(bytes(stored.data))
        else:
            stale.append(profile)
    if stale:
        logger.warning(
            "%d match profiles had missing or stale vectors; encoding them now "
            "(`tradebridge rebuild_match_vectors` does all at once)",
            len(stale),
        )
        encoded = store_vectors(stale, encoder, regions)
        vectors.update((str(p.organisation_id), v) for p, v in zip(stale, encoded, strict=True))
    index.add_many([engine_profile(p, regions) for p in profiles], vectors)


def _rows(**filters) -> list[MatchProfile]:
    return list(profile_queryset().select_related("stored_vectors").filter(**filters))


def _build(epoch: str, generation: int) -> _Held:
    index = MatchIndex(encoder=shared_encoder(), sector_parents=_sector_parents())
    _place(index, _rows())
    return _Held(index, epoch, generation)


def _catch_up(held: _Held, generation: int) -> None:
    changed = _rows(generation__gt=held.generation)
    if changed:
        _place(held.index, changed)
    if MatchProfile.objects.count() != len(held.index):
        kept = set(MatchProfile.objects.values_list("organisation_id", flat=True))
        for gone in [pid for pid in held.index.ids() if int(pid) not in kept]:
            held.index.remove(gone)
    held.generation = generation


@contextmanager
def using_index() -> Iterator[MatchIndex]:
    """This process's index, brought up to date with the database and held for reading.

    Edits wait until the block ends: the engine's arrays are not safe to change mid-query.
    """
    global _held
    epoch, generation = _state()
    with _lock:
        if _held is None or _held.epoch != epoch or generation < _held.generation:
            _held = _build(epoch, generation)
        elif generation > _held.generation:
            _catch_up(_held, generation)
        yield _held.index


def forget_index() -> None:
    """Drop this process's index (tests; a command that changed everything)."""
    global _held
    with _lock:
        _held = None
