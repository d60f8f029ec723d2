"""`hedgerow today`: whom to write to today and why, with the goal's check-in when it is due."""

from __future__ import annotations

import argparse
from typing import Any

from hedgerow.lib.cli import acting_person, parse_day, print_json


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this app's commands to the `hedgerow` parser."""
    today = commands.add_parser("today", parents=[person, as_json], help="whom to write to today")
    today.add_argument("--as-of", type=parse_day, metavar="YYYY-MM-DD")
    today.set_defaults(handler=run_today)


def run_today(args: argparse.Namespace) -> int:
    from hedgerow.today.compose import build_today

    owner = acting_person(args.user)
    agenda = build_today(owner, args.as_of)
    if args.json:
        print_json(agenda)
    else:
        print_agenda(agenda)
    return 0


def print_agenda(agenda: Any) -> None:
    print(f"Today, {agenda['as_of']}")
    checkin = agenda.get("checkin")
    if checkin:  # rule G6: the weekly check-in, when it is due
        print(
            f"\nYour week {checkin['week']} check-in is open until {checkin['due_on']} "
            f"({checkin['weeks_to_go']} weeks to go): `hedgerow checkin`"
        )
    sections = [
        (
            "Updates worth a note",
            agenda["updates"],
            lambda i: f"{i['contact']['name']}: {i['summary']}",
        ),
        (
            "Accepted your invitation — a warm reply is due",
            agenda["follow_ups"],
            lambda i: f"{i['contact']['name']} (accepted {i['accepted_on']})",
        ),
        ("Core contacts to get in touch with", agenda["due"], describe_due),
        (
            "Invitations still waiting (that's normal; people read messages rarely)",
            agenda["pending_invitations"],
            lambda i: f"{i['name']} — {i['days_waiting']} days",
        ),
    ]
    for title, items, describe in sections:
        if not items:
            continue
        print(f"\n{title} ({len(items)})")
        for item in items[:15]:
            print(f"  • {describe(item)}")
        if len(items) > 15:
            print(f"  …and {len(items) - 15} more")
    network = agenda["network"]
    recent = network["by_month"][-3:]
    growth = ", ".join(f"{m['month']}: +{m['added']}" for m in recent)
    print(
        f"\nYour network: {network['connections']:,} connections"
        + (f" ({growth})" if growth else "")
    )


def describe_due(item: Any) -> str:
    last = item["last_interaction_on"]
    since = f"last in touch {last}" if last else "no conversation logged yet"
    return f"{item['contact']['name']} ({since})"
