"""What every `hedgerow` command shares: errors, the acting person, dates, JSON.

App modules (`hedgerow/<app>/cli.py`) import from here to add their own commands without
importing the top-level `hedgerow.cli`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


class CommandError(Exception):
    """Stops a command with a plain sentence for the person and an exit status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-25") from None


def base_url(given: str | None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> str:
    """The address people open: --base-url, else HEDGEROW_BASE_URL, else where we serve."""
    url = given or os.environ.get("HEDGEROW_BASE_URL") or f"http://{host}:{port}"
    return url.rstrip("/")


def acting_person(name: str | None):
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.order_by("username")
    if name:
        person = people.filter(username__iexact=name).first()
        if person is None:
            raise CommandError(
                f"No one here is called {name!r}. `hedgerow user list` shows who is."
            )
        return person
    # Without a name, only people who can sign in count: made-up members of the demo's groups
    # are kept inactive so that the demo person stays the one the CLI acts for.
    everyone = list(people.filter(is_active=True)[:20])
    if not everyone:
        raise CommandError(
            "No one has been set up yet: run `hedgerow serve` or `hedgerow user add NAME` first."
        )
    if len(everyone) > 1:
        names = ", ".join(p.username for p in everyone)
        raise CommandError(f"Several people use this Hedgerow ({names}); say who with --user NAME.")
    return everyone[0]


def print_json(data: Any) -> None:
    """Scripts read dates as ISO text ("2026-11-25"): services keep them as dates until here."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_as_text)
    sys.stdout.write("\n")


def _as_text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def read_text_argument(source: str) -> str:
    """The text of FILE, or standard input for `-`; unusable input stops with exit status 2."""
    if source == "-":
        return sys.stdin.read()
    try:
        with open(source, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise CommandError(f"{source}: no such file.") from None
    except IsADirectoryError:
        raise CommandError(f"{source}: is a folder, not a text file.") from None
    except UnicodeDecodeError:
        raise CommandError(f"{source}: is not UTF-8 text.") from None
    except OSError as error:
        raise CommandError(f"{source}: cannot be read ({error.strerror}).") from None


def confirm(question: str, *, yes: bool) -> None:
    """Go on only if the person said --yes or answers y at the terminal; a script without
    --yes stops with exit 2, so nothing is deleted by accident."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise CommandError(f"{question} Add --yes to go ahead without being asked.")
    answer = input(f"{question} [y/N] ").strip().lower()
    if answer not in {"y", "yes"}:
        raise CommandError("Nothing was deleted.", status=1)
