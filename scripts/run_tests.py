"""`make test`: the whole suite on SQLite, then again on PostgreSQL.

PostgreSQL is used when it answers at PG_URL (default postgres://postgres@127.0.0.1:5432/test).
With CI set (or TRADEBRIDGE_REQUIRE_POSTGRES=1) an unreachable server fails the run instead of
skipping that leg; CI also sets TRADEBRIDGE_REQUIRE_BROWSER=1 so browser tests cannot skip.
Extra arguments go to pytest: `make test ARGS="-k search"` is `scripts/run_tests.py -k search`.
"""

import os
import re
import subprocess
import sys
import time

PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/test")
SUMMARY = re.compile(r"(\d+) (passed|failed|errors?|skipped)")


def postgres_answers(url: str) -> bool:
    try:
        import psycopg

        psycopg.connect(url.replace("postgres://", "postgresql://"), connect_timeout=3).close()
    except Exception:
        return False
    return True


def run_leg(name: str, database_url: str | None, args: list[str]) -> tuple[int, dict[str, int]]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    print(f"\n=== {name} ===", flush=True)
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "pytest", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    last = ""
    for line in process.stdout:
        sys.stdout.write(line)
        if line.strip():
            last = line
    code = process.wait()
    counts: dict[str, int] = {}
    for number, word in SUMMARY.findall(last):
        key = "errors" if word.startswith("error") else word
        counts[key] = counts.get(key, 0) + int(number)
    print(f"=== {name}: exit {code} in {time.monotonic() - started:.0f} s ===", flush=True)
    return code, counts


def main() -> int:
    args = sys.argv[1:]
    required = bool(os.environ.get("CI")) or os.environ.get("TRADEBRIDGE_REQUIRE_POSTGRES") == "1"
    if os.environ.get("CI"):
        os.environ.setdefault("TRADEBRIDGE_REQUIRE_BROWSER", "1")
    legs = [("SQLite", None)]
    if postgres_answers(PG_URL):
        legs.append(("PostgreSQL", PG_URL))
    elif required:
        print(f"PostgreSQL is required but does not answer at {PG_URL}", file=sys.stderr)
        return 2
    else:
        print(f"note: PostgreSQL does not answer at {PG_URL}; running on SQLite only")
    worst = 0
    totals = {"passed": 0, "failed": 0, "errors": 0, "skipped": 0}
    for name, url in legs:
        code, counts = run_leg(name, url, args)
        worst = worst or code
        for key, value in counts.items():
            totals[key] += value
    failed = totals["failed"] + totals["errors"]
    print(f"\nlegs: {', '.join(name for name, _url in legs)}")
    print(f"total: {totals['passed']} passed, {failed} failed, {totals['skipped']} skipped")
    return worst


if __name__ == "__main__":
    sys.exit(main())
