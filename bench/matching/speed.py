"""Speed and memory on N synthetic profiles; prints one JSON object (run in its own process).

Measures: encoding (unique texts, with the per-text cache) separately from the rest of the
indexing; one profile's top 10 (median and 99th percentile over a sample, through
``recommend``); everyone's top 10 (``recommend_all``, all N or a timed sample extrapolated);
peak resident memory of the process; an incremental edit.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_profiles

from tradebridge.matchmaking.engine import (
    MatchIndex,
    UseEncoder,
    Weights,
    profile_from_dict,
    recommend,
    recommend_all,
)


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB.

    Linux's VmHWM is the high-water mark of this process's own memory. ``getrusage`` is not
    used: a child inherits its parent's maximum at fork, so when ``run.py`` (grown to 3 GiB by
    the quality benchmark) starts this script, ru_maxrss reports the parent's 3 GiB.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300, help="single-profile timings")
    parser.add_argument(
        "--all-sample",
        type=int,
        default=0,
        help="time everyone's top 10 on this many profiles only (0 = all)",
    )
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args(argv)

    out: dict = {"profiles": args.profiles}
    out["load_start"] = os.getloadavg()[0]
    rows = make_profiles(args.profiles, args.seed)
    profiles = [profile_from_dict(r) for r in rows]
    first_row = rows[0]
    del rows  # the benchmark's own input is not part of the engine's footprint
    texts = {t for p in profiles for t in p.offers.texts + p.needs.texts}
    out["texts_total"] = sum(len(p.offers.texts) + len(p.needs.texts) for p in profiles)
    out["texts_unique"] = len(texts)

    encoder = UseEncoder(threads=2)
    encoder.encode(["warm up"])
    t = time.perf_counter()
    encoder.encode(sorted(texts))
    out["encode_unique_s"] = time.perf_counter() - t
    out["encode_texts_per_s"] = len(texts) / out["encode_unique_s"]
    out["rss_after_encode_mb"] = peak_rss_mb()

    index = MatchIndex(encoder=encoder, capacity=args.profiles)
    t = time.perf_counter()
    index.add_many(profiles)  # texts now come from the cache: this is the non-encoding part
    index.rebuild()
    out["index_s"] = time.perf_counter() - t
    out["rss_after_index_mb"] = peak_rss_mb()
    t = time.perf_counter()
    index.hubness.ensure(index, Weights().encoder)  # otherwise paid by the first query
    out["hubness_s"] = time.perf_counter() - t
    out["rss_after_hubness_mb"] = peak_rss_mb()

    rng = random.Random(args.seed)
    sample = rng.sample(index.ids(), min(args.queries, len(index)))
    recommend(index, sample[0], k=10)  # warm caches
    lat, cpu = [], []
    for pid in sample:
        t, c = time.perf_counter(), time.process_time()
        recommend(index, pid, k=10)
        lat.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    out["one_top10_median_ms"] = float(np.median(lat) * 1000)
    out["one_top10_p99_ms"] = float(np.percentile(lat, 99) * 1000)
    out["one_top10_cpu_median_ms"] = float(np.median(cpu) * 1000)
    out["one_top10_cpu_p99_ms"] = float(np.percentile(cpu, 99) * 1000)
    out["rss_after_queries_mb"] = peak_rss_mb()

    # How often the two-pass (coarse then exact) top 10 equals the exhaustive exact top 10.
    agree = []
    for pid in sample[:30]:
        fast = [r.id for r in recommend(index, pid, k=10)]
        index.exact_below, saved = 10**12, index.exact_below
        exact = [r.id for r in recommend(index, pid, k=10)]
        index.exact_below = saved
        agree.append(len(set(fast) & set(exact)) / max(len(exact), 1))
    out["coarse_agreement"] = float(np.mean(agree))
    out["rss_after_exact_check_mb"] = peak_rss_mb()

    t = time.perf_counter()
    edited = profile_from_dict({**first_row, "offers": "冷冻三文鱼 frozen salmon fillets"})
    index.update(edited)
    recommend(index, edited.id, k=10)
    out["edit_and_requery_ms"] = (time.perf_counter() - t) * 1000

    # How often everyone's top 10 (bulk, coarse then exact) equals the exhaustive exact top 10.
    agree = []
    bulk = dict(recommend_all(index, k=10, ids=sample[:40]))
    index.exact_below, saved = 10**12, index.exact_below
    for pid in sample[:40]:
        exact = [r.id for r in recommend(index, pid, k=10)]
        agree.append(len({r.id for r in bulk[pid]} & set(exact)) / max(len(exact), 1))
    index.exact_below = saved
    out["batch_agreement"] = float(np.mean(agree))

    ids = index.ids() if not args.all_sample else index.ids()[: args.all_sample]
    out["load_before_all"] = os.getloadavg()[0]
    t, c = time.perf_counter(), time.process_time()
    n_recs = sum(len(recs) for _pid, recs in recommend_all(index, k=10, ids=ids))
    elapsed, elapsed_cpu = time.perf_counter() - t, time.process_time() - c
    out["load_after_all"] = os.getloadavg()[0]
    out["all_top10_profiles_timed"] = len(ids)
    out["all_top10_s"] = elapsed * len(index) / len(ids)
    out["all_top10_cpu_s"] = elapsed_cpu * len(index) / len(ids)
    out["all_top10_extrapolated"] = len(ids) < len(index)
    out["mean_recs_per_profile"] = n_recs / len(ids)
    out["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
