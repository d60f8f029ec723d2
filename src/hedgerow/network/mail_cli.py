"""`hedgerow suggest` (people you may know, rule N10) and `hedgerow sync imap`.

Flags and JSON shapes here are contracts: `hedgerow suggest --json` prints a list of
`{"id", "name", "emails", "score", "explanation", "evidence": {"sent", "received", "meetings",
"first_on", "last_on"}}`, best first.
"""

from __future__ import annotations

import argparse

from hedgerow.lib.cli import CommandError, acting_person, parse_day, print_json


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this module's commands to the `hedgerow` parser."""
    suggest = commands.add_parser(
        "suggest",
        parents=[person, as_json],
        help="people you may know, from your own mail, calendar and messages",
    )
    suggest.add_argument(
        "action", nargs="?", choices=["dismiss", "snooze", "restore"], help="act on one of them"
    )
    suggest.add_argument("id", nargs="?", type=int, help="their id, as --json shows it")
    suggest.add_argument("--limit", type=int, default=20, metavar="N", help="how many (default 20)")
    suggest.add_argument(
        "--as-of", type=parse_day, metavar="YYYY-MM-DD", help="ignore everything after that day"
    )
    suggest.add_argument("--days", type=int, default=30, help="snooze: how long (default 30)")
    suggest.set_defaults(handler=run_suggest)

    from hedgerow.network import imap_cli

    imap_cli.add_commands(commands, person, as_json)


def run_suggest(args: argparse.Namespace) -> int:
    owner = acting_person(args.user)
    if args.action:
        return act_on_suggestion(owner, args)
    if not 1 <= args.limit <= 1000:
        raise CommandError("--limit must be between 1 and 1000.")
    from hedgerow.network.suggest import suggestions

    found = [item.as_json() for item in suggestions(owner, as_of=args.as_of, limit=args.limit)]
    if args.json:
        print_json(found)
        return 0
    if not found:
        print(
            "No one to suggest yet: import your mail (`hedgerow import mbox FILE`) or calendar "
            "(`hedgerow import ics FILE`) first."
        )
        return 0
    for item in found:
        emails = f" <{item['emails'][0]}>" if item["emails"] else ""
        print(f"#{item['id']} {item['name']}{emails}\n    {item['explanation']}")
    print("\nInvite someone from their contact page, or: hedgerow suggest dismiss|snooze ID")
    return 0


def act_on_suggestion(owner, args: argparse.Namespace) -> int:
    from django.http import Http404

    from hedgerow.network.access import contact_of
    from hedgerow.network.suggest import (
        dismiss_suggestion,
        restore_suggestion,
        snooze_suggestion,
    )

    if args.id is None:
        raise CommandError(f"Say who: hedgerow suggest {args.action} ID.")
    try:
        contact = contact_of(owner, args.id)
    except Http404:
        raise CommandError(f"You have no contact #{args.id}.", status=1) from None
    if args.action == "dismiss":
        dismiss_suggestion(contact=contact)
        print(f"{contact.name} won't be suggested again.")
    elif args.action == "snooze":
        until = snooze_suggestion(contact=contact, days=args.days)
        print(f"Set aside until {until.isoformat()}.")
    else:
        restore_suggestion(contact=contact)
        print(f"{contact.name} may be suggested again.")
    return 0
