"""The `hedgerow` command. Filled in below; see `hedgerow --help`."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedgerow.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hedgerow", *(argv if argv is not None else sys.argv[1:])])
    return 0
