"""The match index: every profile's vectors, pivot bags and code features, updatable in place.

``MatchIndex.add`` / ``update`` / ``remove`` touch one slot; nothing else is recomputed.
``vectors(id)`` hands out a profile's text vectors (float16) so the web app can store them, and
``add(profile, vectors=...)`` takes them back so a rebuild does not re-encode anything.
No Django here.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .encoder import TextEncoder, default_encoder
from .hubness import Hubness
from .lexical import LexicalStore, Vocabulary
from .lexicon import pivot_bag
from .profiles import DEAL_TYPES, Profile, Side
from .taxonomy import FeatureStore, SectorTree, hs_features, region_chain

DEAL_BITS = {d: 1 << i for i, d in enumerate(DEAL_TYPES)}
HS_LEVELS_DESC = (8, 6, 4, 2)


@dataclass(frozen=True)
class ProfileVectors:
    """A profile's text vectors: one float16 row per offer text and per need text."""

    encoder: str
    offer: np.ndarray
    need: np.ndarray

    def to_bytes(self) -> bytes:
        """Serialise (numpy .npz) for a database BinaryField."""
        buf = io.BytesIO()
        np.savez(buf, encoder=np.array(self.encoder), offer=self.offer, need=self.need)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> ProfileVectors:
        """Inverse of :meth:`to_bytes`."""
        with np.load(io.BytesIO(data)) as npz:
            return cls(str(npz["encoder"]), npz["offer"].copy(), npz["need"].copy())


class TextTable:
    """Vectors of distinct texts (float16), shared by every profile that uses the text.

    Profiles often repeat a phrase ("frozen shrimp", "乳制品"); each distinct text is stored once
    and counted. A text given again with other vectors (e.g. stored by another run of the same
    encoder) keeps the vector it has.
    """

    def __init__(self, dim: int, capacity: int = 1024) -> None:
        self.dim = dim
        self.row_of: dict[str, int] = {}
        self.texts: list[str | None] = []
        self.refs = np.zeros(capacity, dtype=np.int64)
        self.vectors = np.zeros((capacity, dim), dtype=np.float16)
        self._free: list[int] = []

    def __len__(self) -> int:
        return len(self.row_of)

    def acquire(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Rows of these texts (stored from ``vectors`` if new), each counted once more."""
        rows = np.empty(len(texts), dtype=np.int64)
        for i, text in enumerate(texts):
            row = self.row_of.get(text)
            if row is None:
                if self._free:
                    row = self._free.pop()
                    self.texts[row] = text
                else:
                    row = len(self.texts)
                    self.texts.append(text)
                    if row >= len(self.refs):
                        self._grow(row + 1)
                self.row_of[text] = row
                self.vectors[row] = vectors[i]
            self.refs[row] += 1
            rows[i] = row
        return rows

    def release(self, rows: np.ndarray) -> None:
        """Forget one use of each row; rows no longer used are freed."""
        for row in rows.tolist():
            self.refs[row] -= 1
            if self.refs[row] == 0:
                del self.row_of[self.texts[row]]
                self.texts[row] = None
                self._free.append(row)

    def _grow(self, needed: int) -> None:
        new = max(needed, int(len(self.refs) * 1.5) + 1)
        refs = np.zeros(new, dtype=np.int64)
        refs[: len(self.refs)] = self.refs
        vectors = np.zeros((new, self.dim), dtype=np.float16)
        vectors[: len(self.vectors)] = self.vectors
        self.refs, self.vectors = refs, vectors


def side_bag(side: Side) -> tuple[tuple[str, float], ...]:
    """Pivot bag of all texts of a side (see :func:`lexicon.pivot_bag`)."""
    bag: dict[str, float] = {}
    for text in side.texts:
        for term, weight in pivot_bag(text):
            bag[term] = bag.get(term, 0.0) + weight
    return tuple(sorted(bag.items()))


def mean_vector(rows: np.ndarray, dim: int) -> np.ndarray:
    """Normalised mean of text vectors (zeros if there are none)."""
    if len(rows) == 0:
        return np.zeros(dim, dtype=np.float32)
    v = rows.astype(np.float32).mean(axis=0)
    return v / max(float(np.linalg.norm(v)), 1e-12)


def side_hs_features(side: Side) -> list[set[str]]:
    """HS features of a side, one set per level (8, 6, 4, 2)."""
    return [hs_features(side.hs_codes, level) for level in HS_LEVELS_DESC]


class MatchIndex:
    """All indexed profiles, addressed by id, with dense and sparse stores by slot."""

    def __init__(
        self,
        encoder: TextEncoder | None = None,
        sector_parents: Mapping[str, str] | None = None,
        capacity: int = 1024,
        exact_below: int = 30_000,
        coarse_dims: int = 128,
        coarse_candidates: int = 2000,
        batch_candidates: int = 100,
    ) -> None:
        self.encoder = encoder or default_encoder()
        self.dim = self.encoder.dim
        self.sectors = SectorTree(sector_parents)
        self.profiles: list[Profile | None] = []
        self.slot_of: dict[str, int] = {}
        self._free: list[int] = []
        self.active = np.zeros(capacity, dtype=bool)
        self.offer_vec = np.zeros((capacity, self.dim), dtype=np.float32)
        self.need_vec = np.zeros((capacity, self.dim), dtype=np.float32)
        self.has_offer_text = np.zeros(capacity, dtype=bool)
        self.has_need_text = np.zeros(capacity, dtype=bool)
        self.deal_mask = np.zeros(capacity, dtype=np.int64)
        self.has_home = np.zeros(capacity, dtype=bool)
        self.texts = TextTable(self.dim)
        self.text_rows: list[tuple[np.ndarray, np.ndarray] | None] = []  # (offer, need) rows
        self.vocab = Vocabulary()
        self.lex_offer = LexicalStore(self.vocab)
        self.lex_need = LexicalStore(self.vocab)
        self.hs_offer = FeatureStore()
        self.hs_need = FeatureStore()
        self.sec_offer = FeatureStore()
        self.sec_need = FeatureStore()
        self.regions = FeatureStore()
        self.hubness = Hubness()
        # Above ``exact_below`` slots, single queries first scan a PCA projection of the vectors
        # (``coarse_dims`` wide) to pick candidates, then score those exactly.
        self.exact_below = exact_below
        self.coarse_dims = coarse_dims
        self.coarse_candidates = coarse_candidates  # rescored exactly for one query
        self.batch_candidates = batch_candidates  # per profile in recommend_all
        self.basis: np.ndarray | None = None
        self.offer_low: np.ndarray | None = None
        self.need_low: np.ndarray | None = None

    # ----- size and lookup -----
    def __len__(self) -> int:
        return len(self.slot_of)

    def __contains__(self, pid: object) -> bool:
        return pid in self.slot_of

    @property
    def n_slots(self) -> int:
        """Number of slots in use or free (the width of score arrays)."""
        return len(self.profiles)

    def get(self, pid: str) -> Profile:
        """The indexed profile with this id (KeyError if absent)."""
        return self.profiles[self.slot_of[pid]]  # type: ignore[return-value]

    def ids(self) -> list[str]:
        """Ids of all indexed profiles, in slot order."""
        return [p.id for p in self.profiles if p is not None]

    def vectors(self, pid: str) -> ProfileVectors:
        """The stored text vectors of a profile (float16), e.g. to save in the database."""
        return self.slot_vectors(self.slot_of[pid])

    def slot_vectors(self, slot: int) -> ProfileVectors:
        """The text vectors of the profile in a slot."""
        offer, need = self.text_rows[slot]  # type: ignore[misc]
        table = self.texts.vectors
        return ProfileVectors(self.encoder.name, table[offer], table[need])

    def _grow(self, needed: int) -> None:
        cap = len(self.active)
        if needed <= cap:
            return
        new = max(needed, int(cap * 1.5) + 1)
        for name in ("active", "has_offer_text", "has_need_text", "deal_mask", "has_home"):
            arr = getattr(self, name)
            grown = np.zeros(new, dtype=arr.dtype)
            grown[:cap] = arr
            setattr(self, name, grown)
        for name in ("offer_vec", "need_vec", "offer_low", "need_low"):
            arr = getattr(self, name)
            if arr is not None:
                grown = np.zeros((new, arr.shape[1]), dtype=arr.dtype)
                grown[:cap] = arr
                setattr(self, name, grown)

    # ----- encoding -----
    def encode_profiles(self, profiles: Sequence[Profile]) -> list[ProfileVectors]:
        """Encode the texts of several profiles in one batch."""
        texts = [t for p in profiles for t in p.offers.texts + p.needs.texts]
        vecs = self.encoder.encode(texts).astype(np.float16) if texts else None
        out, i = [], 0
        for p in profiles:
            n_o, n_n = len(p.offers.texts), len(p.needs.texts)
            empty = np.zeros((0, self.dim), dtype=np.float16)
            offer = vecs[i : i + n_o] if n_o else empty
            need = vecs[i + n_o : i + n_o + n_n] if n_n else empty
            out.append(ProfileVectors(self.encoder.name, offer, need))
            i += n_o + n_n
        return out

    def _usable(self, profile: Profile, vectors: ProfileVectors | None) -> bool:
        return (
            vectors is not None
            and vectors.encoder == self.encoder.name
            and len(vectors.offer) == len(profile.offers.texts)
            and len(vectors.need) == len(profile.needs.texts)
        )

    # ----- editing -----
    def add(self, profile: Profile, vectors: ProfileVectors | None = None) -> None:
        """Add or replace one profile; stored ``vectors`` are reused if they still fit."""
        self.add_many([profile], None if vectors is None else {profile.id: vectors})

    update = add

    def add_many(
        self, profiles: Iterable[Profile], vectors: Mapping[str, ProfileVectors] | None = None
    ) -> None:
        """Add or replace many profiles, encoding all missing texts in one batch."""
        profiles = list(profiles)
        vectors = vectors or {}
        new_ids = {p.id for p in profiles if p.id not in self.slot_of}
        self._grow(len(self.profiles) + max(0, len(new_ids) - len(self._free)))
        for start in range(0, len(profiles), 4096):  # bounded memory for the text vectors
            chunk = profiles[start : start + 4096]
            todo = [p for p in chunk if not self._usable(p, vectors.get(p.id))]
            encoded = dict(zip([p.id for p in todo], self.encode_profiles(todo), strict=True))
            for p in chunk:
                self._place(p, encoded.get(p.id) or vectors[p.id])

    def remove(self, pid: str) -> None:
        """Remove a profile (no error if absent)."""
        slot = self.slot_of.pop(pid, None)
        if slot is None:
            return
        self.profiles[slot] = None
        self.hubness.touch(slot)
        self._release_texts(slot)
        self.active[slot] = False
        self.has_offer_text[slot] = self.has_need_text[slot] = self.has_home[slot] = False
        self.deal_mask[slot] = 0
        self.offer_vec[slot] = self.need_vec[slot] = 0.0
        if self.basis is not None:
            self.offer_low[slot] = self.need_low[slot] = 0.0
        for store in (self.lex_offer, self.lex_need):
            store.clear(slot)
        for store in (self.hs_offer, self.hs_need, self.sec_offer, self.sec_need, self.regions):
            store.clear(slot)
        self._free.append(slot)

    def fit_coarse(self, sample: int = 20_000, seed: int = 0) -> None:
        """Fit the PCA basis of the coarse scan on a sample of the stored vectors."""
        n = self.n_slots
        rows = np.flatnonzero(self.active[:n])
        rng = np.random.default_rng(seed)
        if len(rows) > sample:
            rows = np.sort(rng.choice(rows, sample, replace=False))
        scatter = np.zeros((self.dim, self.dim), dtype=np.float64)
        for start in range(0, len(rows), 4096):  # bounded memory
            for matrix in (self.offer_vec, self.need_vec):
                x = matrix[rows[start : start + 4096]].astype(np.float64)
                scatter += x.T @ x
        _, vectors = np.linalg.eigh(scatter)
        self.basis = np.ascontiguousarray(vectors[:, ::-1][:, : self.coarse_dims], np.float32)
        self.offer_low = self._project(self.offer_vec)
        self.need_low = self._project(self.need_vec)

    def _project(self, matrix: np.ndarray) -> np.ndarray:
        out = np.empty((len(matrix), self.coarse_dims), dtype=np.float32)
        for start in range(0, len(matrix), 16384):
            out[start : start + 16384] = (
                matrix[start : start + 16384].astype(np.float32) @ self.basis
            )
        return out

    def uses_coarse_scan(self) -> bool:
        """True if single queries go through the coarse scan (large indexes)."""
        if self.n_slots < self.exact_below:
            return False
        if self.basis is None:
            self.fit_coarse()
        return True

    def rebuild(self) -> None:
        """Rebuild the sparse matrices and refit the coarse basis from the stored rows."""
        if self.basis is not None:
            self.fit_coarse()
        for store in (self.lex_offer, self.lex_need):
            store.rebuild()
        for store in (self.hs_offer, self.hs_need, self.sec_offer, self.sec_need, self.regions):
            store.rebuild()
        self.hubness = Hubness()

    def _place(self, profile: Profile, vectors: ProfileVectors) -> None:
        slot = self.slot_of.get(profile.id)
        if slot is None:
            if self._free:
                slot = self._free.pop()
            else:
                slot = len(self.profiles)
                self.profiles.append(None)
                self.text_rows.append(None)
                self._grow(slot + 1)
            self.slot_of[profile.id] = slot
        self.profiles[slot] = profile
        self.hubness.touch(slot)
        self._release_texts(slot)
        self.text_rows[slot] = (
            self.texts.acquire(profile.offers.texts, vectors.offer),
            self.texts.acquire(profile.needs.texts, vectors.need),
        )
        self.active[slot] = True
        self.offer_vec[slot] = mean_vector(vectors.offer, self.dim)
        self.need_vec[slot] = mean_vector(vectors.need, self.dim)
        if self.basis is not None:
            self.offer_low[slot] = self.offer_vec[slot].astype(np.float32) @ self.basis
            self.need_low[slot] = self.need_vec[slot].astype(np.float32) @ self.basis
        self.has_offer_text[slot] = bool(profile.offers.texts)
        self.has_need_text[slot] = bool(profile.needs.texts)
        self.deal_mask[slot] = sum(DEAL_BITS[d] for d in profile.deal_types)
        self.has_home[slot] = profile.home is not None
        self.lex_offer.set(slot, side_bag(profile.offers))
        self.lex_need.set(slot, side_bag(profile.needs))
        self.hs_offer.set(slot, set().union(*side_hs_features(profile.offers)))
        self.hs_need.set(slot, set().union(*side_hs_features(profile.needs)))
        self.sec_offer.set(slot, self.sector_features(profile.offers))
        self.sec_need.set(slot, self.sector_features(profile.needs))
        self.regions.set(slot, self.region_features(profile))

    def _release_texts(self, slot: int) -> None:
        rows = self.text_rows[slot]
        if rows is not None:
            self.texts.release(rows[0])
            self.texts.release(rows[1])
            self.text_rows[slot] = None

    # ----- features shared with the scorer -----
    def sector_features(self, side: Side) -> set[str]:
        """ "s:X" for each sector, "a:Y" for each strict ancestor of one."""
        feats = {f"s:{s}" for s in side.sectors}
        feats |= {f"a:{a}" for s in side.sectors for a in self.sectors.ancestors(s)}
        return feats

    @staticmethod
    def region_features(profile: Profile) -> set[str]:
        """ "h:X" for the home region and every region containing it, "t:X" per target."""
        feats = {f"t:{r}" for r in profile.regions}
        if profile.home:
            feats |= {f"h:{r}" for r in region_chain(profile.home)}
        return feats
