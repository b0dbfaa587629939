"""``tradebridge match PROFILES.jsonl --top K --output OUT.jsonl [--skip-invalid]``.

Input: one JSON object per line with ``id`` and optionally ``name``, ``offers``, ``needs``,
``hs_codes``, ``sectors``, ``deal_types``, ``regions`` (target regions), ``home``, ``size``,
``languages`` (see :func:`profiles.profile_from_dict`). Blank lines are ignored.

Output: one line per profile, in input order::

    {"id": "a", "matches": [{"id": "b", "score": 0.91,
                             "reasons": [{"kind": "hs", "code": "0401", "level": 4}, ...],
                             "explanation": "Both in HS 0401; ..."}]}

``reasons`` are structured (kind + parameters, as the engine returns them); ``explanation`` is
the same rendered as an English sentence (``--lang zh-hans`` for Chinese). Matches are best
first. Any bad line is reported on stderr as ``line N: field: problem`` and, unless
``--skip-invalid`` is given, the command exits with status 2 and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from .index import MatchIndex
from .profiles import Profile, ProfileError, profile_from_dict
from .recommend import recommend_all
from .render import render_reasons

EXIT_INVALID = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``tradebridge match``."""
    parser = argparse.ArgumentParser(
        prog="tradebridge match",
        description="Recommend partners for every profile of a JSON Lines file.",
    )
    parser.add_argument("profiles", metavar="PROFILES.jsonl", help="input, one profile a line")
    parser.add_argument("--top", "-k", type=int, default=10, metavar="K", help="matches each")
    parser.add_argument(
        "--output", "-o", metavar="OUT.jsonl", default="-", help="output file (default stdout)"
    )
    parser.add_argument(
        "--skip-invalid", action="store_true", help="report bad lines and go on without them"
    )
    parser.add_argument(
        "--lang", default="en", choices=["en", "zh-hans"], help="language of explanations"
    )
    return parser


def read_profiles(path: Path) -> tuple[list[Profile], list[str]]:
    """Parse a JSON Lines file into profiles and error messages ("line N: field: problem")."""
    profiles: list[Profile] = []
    errors: list[str] = []
    first_line: dict[str, int] = {}
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                errors.append(f"line {number}: not valid UTF-8")
                continue
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {number}: invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(data, dict):
                errors.append(f"line {number}: not a JSON object")
                continue
            try:
                profile = profile_from_dict(data)
            except ProfileError as exc:
                errors.append(f"line {number}: {exc}")
                continue
            if profile.id in first_line:
                errors.append(
                    f'line {number}: id: duplicate id "{profile.id}" '
                    f"(first on line {first_line[profile.id]})"
                )
                continue
            first_line[profile.id] = number
            profiles.append(profile)
    return profiles, errors


def _write(output: str, lines: list[str]) -> None:
    if output == "-":
        sys.stdout.write("".join(lines))
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=".match-", suffix=".jsonl", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.writelines(lines)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str]) -> int:
    """Run ``tradebridge match``; return the exit status (0 ok, 2 invalid input or usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage error
        return int(exc.code or 0)
    if args.top < 1:
        print("tradebridge match: --top must be at least 1", file=sys.stderr)
        return EXIT_INVALID
    path = Path(args.profiles)
    try:
        profiles, errors = read_profiles(path)
    except OSError as exc:
        print(f"tradebridge match: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_INVALID
    for message in errors:
        print(message, file=sys.stderr)
    if errors and not args.skip_invalid:
        print(
            f"tradebridge match: {len(errors)} invalid line(s); nothing written "
            "(use --skip-invalid to skip them)",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if args.output != "-" and not Path(args.output).resolve().parent.is_dir():
        print(f"tradebridge match: no such directory for {args.output}", file=sys.stderr)
        return EXIT_INVALID

    index = MatchIndex()
    index.add_many(profiles)
    lines = []
    for pid, recs in recommend_all(index, k=args.top):
        matches = []
        for rec in recs:
            item = rec.as_dict()
            item["explanation"] = render_reasons(rec.reasons, args.lang)
            matches.append(item)
        lines.append(json.dumps({"id": pid, "matches": matches}, ensure_ascii=False) + "\n")
    try:
        _write(args.output, lines)
    except OSError as exc:
        print(f"tradebridge match: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 1
    if errors:
        print(f"tradebridge match: skipped {len(errors)} invalid line(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
