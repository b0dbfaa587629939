"""Benchmark of the meeting scheduler.

    .venv/bin/python bench/scheduling/run.py [--quick] [--data DIR] [--b2b-limit S] [--only WHAT]

* the 20 real B2B instances (read from DIR, default ../shared/data/b2b-scheduling relative to
  the repository root): breaks, whether *our solver proved* optimality, seconds. The published
  optima from DIR/README.md are printed beside ours for comparison only; the solver never
  sees them.
* synthetic online events with time-zone windows (generate.py, seeded): value scheduled against
  our proven upper bound, seconds, peak memory, beside the first-come baseline.

Every run is a separate subprocess so that peak memory (ru_maxrss) is per run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))


def _one(kind: str, arg: str, limit: float) -> None:
    """Child process: run one instance and print a JSON line."""
    from tradebridge.meetings.scheduling.compile import compile_instance
    from tradebridge.meetings.scheduling.dzn_format import load_dzn
    from tradebridge.meetings.scheduling.heuristic import first_come
    from tradebridge.meetings.scheduling.json_format import parse_instance
    from tradebridge.meetings.scheduling.problem import priority_of
    from tradebridge.meetings.scheduling.solve import solve
    from tradebridge.meetings.scheduling.validate import validate

    started = time.monotonic()
    out: dict = {}
    if kind == "dzn":
        problem = load_dzn(arg, fairness=2)
    else:
        from generate import generate

        n_people, n_requests, n_slots = (int(v) for v in arg.split(","))
        data = generate(n_people, n_requests, n_slots, seed=1)
        problem = compile_instance(parse_instance(data))
        baseline = first_come(problem)
        out["baseline"] = priority_of(problem, baseline)
    load_seconds = time.monotonic() - started
    result = solve(problem, time_limit=max(1.0, limit - load_seconds))
    out.update(
        status=result.status,
        objective=result.objective,
        bound=result.bound,
        solve_seconds=result.seconds,
        seconds=time.monotonic() - started,
        violations=len(validate(problem, result.slots, result.tables))
        if result.objective is not None
        else None,
        meetings=len(problem.meetings),
        scheduled=sum(s is not None for s in result.slots),
        maxrss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        cpu_seconds=_cpu_seconds(),
    )
    print(json.dumps(out))


def _cpu_seconds() -> float:
    # the process and its finished children (the SAT side of a B2B search runs in one)
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def _load() -> str:
    return "load average " + ", ".join(f"{v:.1f}" for v in os.getloadavg())


def _spawn(kind: str, arg: str, limit: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", kind, arg, str(limit)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=limit * 3 + 120)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _published(data_dir: Path) -> dict[str, str]:
    """Published optima from the data set's README (printed for comparison only)."""
    readme = data_dir / "README.md"
    if not readme.exists():
        return {}
    rows = re.findall(r"^\|\s*([\w-]+)\s*\|\s*(\d+)\s*\|\s*([\d.]+)\s*\|", readme.read_text(), re.M)
    return {name: f"{opt} ({secs} s)" for name, opt, secs in rows}


def bench_b2b(data_dir: Path, limit: float, quick: bool) -> None:
    """Run every .dzn instance and print a markdown table."""
    files = sorted(data_dir.glob("*.dzn"))
    if quick:
        files = files[::4]
    published = _published(data_dir)
    print(f"\n### B2B instances ({len(files)}, fairness d = 2, time limit {limit:g} s each)\n")
    print(
        "| instance | meetings | breaks | lower bound | proven optimal | seconds | CPU s | valid "
        "| published optimum (MaxSAT s) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    total, cpu, proven = 0.0, 0.0, 0
    for path in files:
        name = path.name.replace(".original.dzn", "")
        row = _spawn("dzn", str(path), limit)
        if "error" in row:
            print(f"| {name} | error: {row['error']} |")
            continue
        total += row["seconds"]
        cpu += row["cpu_seconds"]
        proven += row["status"] == "optimal"
        if row["violations"] is None:
            valid = "no schedule"
        else:
            valid = "yes" if row["violations"] == 0 else f"NO ({row['violations']})"
        print(
            f"| {name} | {row['meetings']} | {_num(row['objective'])} | {_num(row['bound'])} | "
            f"{'yes' if row['status'] == 'optimal' else 'no'} | {row['seconds']:.1f} | "
            f"{row['cpu_seconds']:.1f} | {valid} | "
            f"{published.get(name, '?')} |",
            flush=True,
        )
    print(
        f"\nproven optimal: {proven}/{len(files)}, total {total:.1f} s wall, {cpu:.1f} s CPU "
        f"({_load()} at the end)"
    )
    if not quick:
        met = proven == len(files) and total <= 60
        print(f"target (all 20 proven optimal within 60 s in total): {'met' if met else 'NOT met'}")


def bench_synthetic(quick: bool) -> None:
    """Synthetic time-zone events: ours vs first-come, against our upper bound."""
    sizes = [("1,000 / 10,000 / 24", "1000,10000,24", 10.0)]
    if not quick:
        sizes.append(("10,000 / 100,000 / 40", "10000,100000,40", 60.0))
    print("\n### Synthetic online events (participants / requests / slots, seed 1)\n")
    print(
        "| size | limit s | ours (priority) | upper bound | ours % of bound | first-come % "
        "| meetings scheduled | seconds | CPU s | peak MB | valid |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    targets = {"1000,10000,24": 99.5, "10000,100000,40": 99.0}
    verdicts = []
    for label, arg, limit in sizes:
        row = _spawn("synthetic", arg, limit)
        if "error" in row:
            print(f"| {label} | error: {row['error']} |")
            continue
        bound = row["bound"] or 1
        print(
            f"| {label} | {limit:g} | {row['objective']:,.0f} | {bound:,.0f} | "
            f"{100 * row['objective'] / bound:.2f} | {100 * row['baseline'] / bound:.2f} | "
            f"{row['scheduled']:,} / {row['meetings']:,} | {row['seconds']:.1f} | "
            f"{row['cpu_seconds']:.1f} | "
            f"{row['maxrss_mb']:.0f} | {'yes' if row['violations'] == 0 else 'NO'} |",
            flush=True,
        )
        share = 100 * row["objective"] / bound
        ok = share >= targets[arg] and row["seconds"] <= limit + 1 and row["maxrss_mb"] <= 2048
        verdicts.append(
            f"{label}: >= {targets[arg]} % of the bound within {limit:g} s "
            f"and 2 GB: {'met' if ok else 'NOT met'}"
        )
    print(f"\n{_load()} at the end")
    for line in verdicts:
        print(f"target {line}")


def _num(value) -> str:
    return "-" if value is None else f"{value:g}"


def main() -> int:
    """Parse arguments and run the selected benchmarks."""
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        _one(sys.argv[2], sys.argv[3], float(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 B2B instances, small synthetic")
    parser.add_argument("--data", default=str(ROOT / ".." / "shared/data/b2b-scheduling"))
    parser.add_argument("--b2b-limit", type=float, default=20.0, help="seconds per B2B instance")
    parser.add_argument("--only", choices=["b2b", "synthetic"])
    args = parser.parse_args()
    print(
        f"# Scheduler benchmark ({time.strftime('%Y-%m-%d %H:%M')}, 2 CP-SAT workers, "
        f"{os.cpu_count()} cores, {_load()} at the start)"
    )
    if args.only != "synthetic":
        data_dir = Path(args.data).resolve()
        if data_dir.is_dir():
            bench_b2b(data_dir, args.b2b_limit, args.quick)
        else:
            print(f"\nB2B data not found at {data_dir} (use --data)")
    if args.only != "b2b":
        bench_synthetic(args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
