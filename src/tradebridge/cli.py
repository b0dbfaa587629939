"""The ``tradebridge`` console command.

``tradebridge match …`` and ``tradebridge schedule …`` run the matchmaking and scheduling
engines on files; every other word is one of Django's management commands (``tradebridge
migrate``, ``tradebridge load_demo``, ``tradebridge runserver`` …).
"""

import importlib
import os
import sys

ENGINE_COMMANDS = {
    "match": "tradebridge.matchmaking.engine.cli",
    "schedule": "tradebridge.meetings.scheduling.cli",
}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradebridge.settings")
    import django
    from django.core.management import execute_from_command_line

    if args and args[0] in ENGINE_COMMANDS:
        django.setup()
        return importlib.import_module(ENGINE_COMMANDS[args[0]]).main(args[1:])
    execute_from_command_line(["tradebridge", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
