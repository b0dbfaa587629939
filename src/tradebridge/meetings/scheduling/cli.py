"""``tradebridge schedule INSTANCE [--time-limit SECONDS] [--fairness D] [--output FILE]``.

INSTANCE is a TradeBridge JSON instance (docs/scheduling-instance-format.md) or a ``.dzn`` file
of the B2B benchmark. The result is JSON on stdout (or FILE). An invalid instance prints one
line naming the problem on stderr and exits with code 2.
"""

from __future__ import annotations

import argparse
import json
import sys

from .compile import compile_instance
from .dzn_format import load_dzn
from .errors import InstanceError
from .json_format import load_instance
from .problem import Problem
from .solve import solve


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tradebridge schedule",
        description="Schedule one-to-one meetings of a trade event (JSON) or a B2B .dzn instance.",
    )
    parser.add_argument("instance", help="instance file: .json (TradeBridge) or .dzn (B2B)")
    parser.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS")
    parser.add_argument(
        "--fairness",
        type=int,
        default=None,
        metavar="D",
        help="max difference in idle gaps between participants (default: 2 for .dzn, "
        "the instance's 'fairness' or none for JSON)",
    )
    parser.add_argument("--output", metavar="FILE", help="write the JSON result here")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    return parser


def load_problem(path: str, fairness: int | None) -> Problem:
    """Load either format into a problem; raise :class:`InstanceError` if it is invalid."""
    if path.endswith(".dzn"):
        try:
            return load_dzn(path, fairness=2 if fairness is None else fairness)
        except OSError as exc:
            raise InstanceError(f"{path}: cannot read: {exc.strerror}") from None
    return compile_instance(load_instance(path), fairness=fairness)


def main(argv: list[str]) -> int:
    """Run the scheduler CLI; return the process exit code (0 ok, 2 invalid input)."""
    args = _parser().parse_args(argv)
    if args.time_limit <= 0:
        print("--time-limit: must be positive", file=sys.stderr)
        return 2
    if args.fairness is not None and args.fairness < 0:
        print("--fairness: must be >= 0", file=sys.stderr)
        return 2
    try:
        problem = load_problem(args.instance, args.fairness)
    except InstanceError as exc:
        print(f"invalid instance: {exc}", file=sys.stderr)
        return 2

    def progress(percent, elapsed, objective, bound):
        if not args.quiet:
            print(
                f"[{percent:5.1f}% {elapsed:6.1f}s] objective={objective} bound={bound}",
                file=sys.stderr,
            )

    result = solve(problem, time_limit=args.time_limit, fairness=args.fairness, progress=progress)
    text = json.dumps(result.to_json(problem), indent=1)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        except OSError as exc:
            print(f"--output: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return 2
    else:
        print(text)
    if not args.quiet:
        print(summary(problem, result.to_json(problem)), file=sys.stderr)
    return 0


def summary(problem: Problem, out: dict) -> str:
    """One line an organiser can read, e.g. "scheduled 4,890 of at most 4,970 possible"."""
    if out["objective"] is None:
        return f"status {out['status']}: no schedule"
    if out["kind"] == "priority":
        bound = out["bound"]
        gap = 100.0 * (bound - out["objective"]) / bound if bound else 0.0
        return (
            f"{out['status']}: scheduled {len(out['scheduled']):,} meetings worth "
            f"{out['objective']:,.0f} priority of at most {bound:,.0f} possible "
            f"(gap {gap:.2f}%), {len(out['unscheduled']):,} unscheduled"
        )
    return (
        f"{out['status']}: all {len(problem.meetings):,} meetings scheduled with "
        f"{out['objective']:.0f} breaks (at least {out['bound']:.0f} needed)"
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
