"""Matching benchmark: cross-lingual quality on the HS8 list, then speed on synthetic profiles.

    .venv/bin/python bench/matching/run.py [--quick] [--hs-csv PATH] [--profiles N]

Quality reads ``../shared/data/hs-codes/hs8-2023-en-zh.csv`` (relative to the repository root)
and never copies it. Speed runs ``speed.py`` in a child process so its peak memory is its own.
--quick: 1,500 HS codes and 10,000 profiles.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from quality import DEFAULT_CSV, run_quality  # noqa: E402

from tradebridge.matchmaking.engine import UseEncoder  # noqa: E402


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    return "\n".join([line, sep, *body])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--hs-csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--profiles", type=int, default=None)
    parser.add_argument(
        "--all-sample",
        type=int,
        default=0,
        help="time everyone's top 10 on a sample and extrapolate (0 = all)",
    )
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args(argv)
    limit = 1500 if args.quick else None
    n_profiles = args.profiles or (10_000 if args.quick else 100_000)

    if not args.skip_quality:
        t = time.perf_counter()
        encoder = UseEncoder(threads=2)
        results, notes, _w = run_quality(args.hs_csv.resolve(), limit, encoder)
        print(
            f"## Quality: HS8 descriptions, text only ({args.hs_csv.name}, "
            f"{'1,500-code sample' if limit else 'all codes'}; {time.perf_counter() - t:.0f}s)"
        )
        rows = [
            [d, m, s, f"{x.r1:.3f}", f"{x.r10:.3f}", f"{x.mrr:.3f}", f"{x.h4_r10:.3f}"]
            for d, m, s, x in results
        ]
        print(_table(["direction", "method", "rows", "R@1", "R@10", "MRR", "HS4 R@10"], rows))
        for note in notes:
            print(f"- {note}")
        print()

    if not args.skip_speed:
        cmd = [sys.executable, str(HERE / "speed.py"), "--profiles", str(n_profiles)]
        if args.all_sample:
            cmd += ["--all-sample", str(args.all_sample)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        m = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"## Speed: {m['profiles']:,} synthetic profiles (seeded; 2 cores, shared machine)")
        extrapolated = " (extrapolated from a timed sample)" if m["all_top10_extrapolated"] else ""
        rows = [
            ["texts (total / unique)", f"{m['texts_total']:,} / {m['texts_unique']:,}"],
            [
                "encode unique texts",
                f"{m['encode_unique_s']:.1f} s ({m['encode_texts_per_s']:.0f} texts/s)",
            ],
            ["index (bags, codes, vectors; encoding excluded)", f"{m['index_s']:.1f} s"],
            ["hubness statistics (10,000 needs against every profile)", f"{m['hubness_s']:.1f} s"],
            [
                "one profile's top 10, median (wall / CPU)",
                f"{m['one_top10_median_ms']:.1f} ms / {m['one_top10_cpu_median_ms']:.1f} ms",
            ],
            [
                "one profile's top 10, p99 (wall / CPU)",
                f"{m['one_top10_p99_ms']:.1f} ms / {m['one_top10_cpu_p99_ms']:.1f} ms",
            ],
            ["coarse-scan top 10 agreeing with exact", f"{m['coarse_agreement']:.3f}"],
            ["everyone's top 10 (bulk) agreeing with exact", f"{m['batch_agreement']:.3f}"],
            ["edit one profile and re-query it", f"{m['edit_and_requery_ms']:.0f} ms"],
            [
                f"everyone's top 10{extrapolated} (wall / CPU)",
                f"{m['all_top10_s']:.0f} s / {m['all_top10_cpu_s']:.0f} s",
            ],
            ["peak memory (RSS)", f"{m['peak_rss_mb']:.0f} MiB"],
            [
                "load average (start / before / after everyone's top 10)",
                f"{m['load_start']:.1f} / {m['load_before_all']:.1f} / {m['load_after_all']:.1f}",
            ],
        ]
        print(_table(["measure", "value"], rows))
        print(
            "- resident memory after encoding / indexing / hubness / single queries: "
            f"{m['rss_after_encode_mb']:.0f} / {m['rss_after_index_mb']:.0f} / "
            f"{m['rss_after_hubness_mb']:.0f} / "
            f"{m['rss_after_queries_mb']:.0f} MiB; the peak includes the encoder model"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
