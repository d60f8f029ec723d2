"""`hedgerow today`: whom to write to today and why, with the goal's check-in when it is due; and
the answers about a person on it: `wrote`, `not-now`, `skip` and `undo`.

`hedgerow done|snooze|log` (network/cli.py) keep working as they always have, item by item.
"""

from __future__ import annotations

import argparse
from typing import Any

from hedgerow.lib.cli import CommandError, acting_person, parse_day, print_json
from hedgerow.vocabulary import NotNow

QUERY_HELP = "their name, email, LinkedIn profile URL, or contact id (from `today --json`)"


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this app's commands to the `hedgerow` parser."""
    today = commands.add_parser("today", parents=[person, as_json], help="whom to write to today")
    today.add_argument("--as-of", type=parse_day, metavar="YYYY-MM-DD")
    today.set_defaults(handler=run_today)

    wrote = commands.add_parser(
        "wrote", parents=[person, as_json], help="I already wrote to someone on Today"
    )
    wrote.add_argument("query", metavar="QUERY", help=QUERY_HELP)
    wrote.add_argument("--text", default="", help="what you wrote, if you want it kept")
    wrote.add_argument("--on", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    wrote.set_defaults(handler=run_wrote)

    not_now = commands.add_parser(
        "not-now", parents=[person, as_json], help="set someone on Today aside for a while"
    )
    not_now.add_argument("query", metavar="QUERY", help=QUERY_HELP)
    not_now.add_argument(
        "--until", choices=NotNow.values(), default=NotNow.NEXT_WEEK, help="default: next-week"
    )
    not_now.set_defaults(handler=run_not_now)

    skip = commands.add_parser(
        "skip", parents=[person, as_json], help="take someone off Today without writing"
    )
    skip.add_argument("query", metavar="QUERY", help=QUERY_HELP)
    skip.set_defaults(handler=run_skip)

    undo = commands.add_parser(
        "undo", parents=[person, as_json], help="take back your last wrote, not-now or skip"
    )
    undo.add_argument("id", nargs="?", type=int, help="the answer's id (default: your last one)")
    undo.set_defaults(handler=run_undo)


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
    queue = agenda["queue"]
    if queue:  # rule N6: a few people a day, each once with every reason
        print(f"\nTo write to today ({len(queue)})")
        for entry in queue:
            contact = entry["contact"]
            print(f"  • {contact['name']} (#{contact['id']})")
            for reason in entry["reasons"]:
                print(f"      {reason['summary']}")
        print("\n  Then: `hedgerow wrote|not-now|skip QUERY`, or `hedgerow draft` to write.")
    else:
        print("\nDone for today: nobody else is waiting in today's queue.")
    pending = agenda["pending_invitations"]
    if pending:  # rule N7: calm, one line
        print(f"\n{len(pending)} invitation(s) still waiting; that's normal, people read rarely.")
    network = agenda["network"]
    recent = network["by_month"][-3:]
    growth = ", ".join(f"{m['month']}: +{m['added']}" for m in recent)
    print(
        f"\nYour network: {network['connections']:,} connections"
        + (f" ({growth})" if growth else "")
    )


# --- answers -------------------------------------------------------------------------------------


def one_person(owner, query: str):
    """A contact by id (as `today --json` gives it) or by name, email or profile URL."""
    from django.http import Http404

    from hedgerow.network.access import contact_of
    from hedgerow.network.cli import one_contact

    if query.strip().lstrip("#").isdigit():
        try:
            return contact_of(owner, int(query.strip().lstrip("#")))
        except Http404:
            raise CommandError(f"You have no contact #{query.strip().lstrip('#')}.", 1) from None
    return one_contact(owner, query)


def answer(args: argparse.Namespace, give) -> int:
    """Run one answer and say what happened (or print it as JSON, as the API returns it)."""
    from hedgerow.lib.errors import InvalidInput
    from hedgerow.today.api import answer_out

    contact = one_person(acting_person(args.user), args.query)
    try:
        done = give(contact)
    except InvalidInput as error:
        raise CommandError(str(error).removeprefix("on: ")) from None
    report(args, done, answer_out)
    return 0


def report(args: argparse.Namespace, done, answer_out) -> None:
    if args.json:
        print_json(answer_out(done).model_dump())
        return
    print(done.text)
    if done.warning:
        print(f"A gentle note: {done.warning}")
    if done.action.undone_at is None:
        print(f"Changed your mind? `hedgerow undo` (for a few minutes; this is #{done.action.pk}).")


def run_wrote(args: argparse.Namespace) -> int:
    from hedgerow.network.agenda_actions import wrote

    return answer(args, lambda contact: wrote(contact=contact, text=args.text, on=args.on))


def run_not_now(args: argparse.Namespace) -> int:
    from hedgerow.network.agenda_actions import not_now

    return answer(args, lambda contact: not_now(contact=contact, until=args.until))


def run_skip(args: argparse.Namespace) -> int:
    from hedgerow.network.agenda_actions import skip

    return answer(args, lambda contact: skip(contact=contact))


def run_undo(args: argparse.Namespace) -> int:
    from django.http import Http404

    from hedgerow.network.access import agenda_action_of, agenda_actions_of
    from hedgerow.network.agenda_actions import undo
    from hedgerow.today.api import answer_out

    owner = acting_person(args.user)
    if args.id is None:
        action = agenda_actions_of(owner).filter(undone_at__isnull=True).first()
        if action is None:
            raise CommandError("There is nothing to undo.", status=1)
    else:
        try:
            action = agenda_action_of(owner, args.id)
        except Http404:
            raise CommandError(f"You have no answer #{args.id}.", status=1) from None
    report(args, undo(action=action), answer_out)  # InvalidInput: hedgerow.cli.main says why
    return 0
