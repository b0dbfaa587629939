"""Fill zh-Hans translations from a JSON file, safely while others edit the catalogue too.

    .venv/bin/python scripts/translate.py NEW.json     # {"msgid": "译文", ...}
    .venv/bin/python scripts/translate.py --missing    # list what is still untranslated

Holds a lock on the catalogue, runs makemessages (so new strings in the source appear), writes
the given translations (plural entries take a list: ["译文"]), clears their fuzzy flags, and
compiles the .mo. Entries not named in the file are left as they are.
"""

import fcntl
import json
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "tradebridge"
PO = PACKAGE / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
TOOL = ROOT / ".venv" / "bin" / "tradebridge"
LOCK = ROOT / "var" / "catalogue.lock"


def run(*args: str) -> None:
    subprocess.run([str(TOOL), *args], cwd=PACKAGE, check=True)


def main(argv: list[str]) -> int:
    LOCK.parent.mkdir(exist_ok=True)
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run(
            "makemessages",
            "--locale",
            "zh_Hans",
            "--no-obsolete",
            "--add-location",
            "file",
            "--verbosity",
            "0",
        )
        catalogue = polib.pofile(str(PO), wrapwidth=79)
        if argv and argv[0] != "--missing":
            given = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
            for entry in catalogue:
                if entry.msgid not in given:
                    continue
                value = given[entry.msgid]
                if entry.msgid_plural:
                    values = value if isinstance(value, list) else [value]
                    entry.msgstr_plural = dict(enumerate(values))
                else:
                    entry.msgstr = value
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                    entry.previous_msgid = None
                    entry.previous_msgid_plural = None
            catalogue.save()
        missing = [
            entry.msgid
            for entry in catalogue
            if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
        ]
        run("compilemessages", "--locale", "zh_Hans", "--verbosity", "0")
    for msgid in missing:
        print(json.dumps(msgid, ensure_ascii=False))
    print(f"{len(missing)} untranslated or fuzzy", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
