"""The ``tradebridge`` console command: Django's management commands under one name.

``tradebridge migrate``, ``tradebridge load_demo``, ``tradebridge match …`` and
``tradebridge schedule …`` all go through here.
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradebridge.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tradebridge", *(sys.argv[1:] if argv is None else argv)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
