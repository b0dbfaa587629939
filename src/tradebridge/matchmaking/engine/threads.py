"""Running the bulk ranking on several cores.

``recommend_all`` ranks blocks of queries in worker threads (numpy, BLAS and scipy's sparse
products release the GIL). Meanwhile BLAS itself is kept to one thread: several BLAS threads
inside several workers would oversubscribe the cores, and on a shared machine a multithreaded
GEMM on these small shapes spends much of its time waiting for a descheduled thread (measured:
twice the CPU time and wall time under load). The BLAS thread count is changed through the
OpenBLAS library numpy loaded, if it can be found (Linux), and restored afterwards; elsewhere
this is a no-op.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_NAMES = (
    ("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
    ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
    ("openblas_get_num_threads", "openblas_set_num_threads"),
)
_lock = threading.Lock()
_found: list = []
_depth = 0
_saved = 0


def _openblas():
    """(get, set) functions of the loaded OpenBLAS, or None."""
    if not _found:
        result = None
        try:
            with open("/proc/self/maps", encoding="utf-8") as maps:
                paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
            for path in sorted(paths):
                lib = ctypes.CDLL(path)
                for get_name, set_name in _NAMES:
                    if hasattr(lib, get_name) and hasattr(lib, set_name):
                        result = (getattr(lib, get_name), getattr(lib, set_name))
                        break
                if result:
                    break
        except OSError:
            result = None
        _found.append(result)
    return _found[0]


def worker_count() -> int:
    """Worker threads for bulk ranking: the cores available to this process (at most 4)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Keep BLAS to one thread inside the block (nestable; restored on exit)."""
    global _depth, _saved
    functions = _openblas()
    if functions is None:
        yield
        return
    get_threads, set_threads = functions
    with _lock:
        if _depth == 0:
            _saved = int(get_threads())
            set_threads(1)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                set_threads(_saved)
