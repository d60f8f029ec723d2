"""`hedgerow draft …` and `hedgerow coach check …`: the composer and coach from a terminal.

Both are contracts scripts rely on: flags and JSON keys are added, never renamed. `draft` prints
only the note on standard output (so `> note.txt` keeps just the note) and its advice on standard
error. `coach check` prints check_note's report; it exits 0 whether or not the note is ready and 2
when the input cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hedgerow.vocabulary import Occasion

OCCASIONS = Occasion.values()


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this app's commands to the `hedgerow` parser."""
    draft = commands.add_parser(
        "draft", parents=[person, as_json], help="a first draft of a note to someone"
    )
    draft.add_argument("occasion", choices=OCCASIONS)
    draft.add_argument("--contact", required=True, metavar="QUERY", help="name, email or URL")
    draft.add_argument(
        "--phrasing",
        type=int,
        default=0,
        metavar="N",
        help="another phrasing: 1, 2, … (default 0, this person's usual one)",
    )
    draft.set_defaults(handler=run_draft)

    coach = commands.add_parser("coach", help="the coach reads a note before you send it")
    coach_commands = coach.add_subparsers(title="coach commands", metavar="ACTION", required=True)
    check = coach_commands.add_parser(
        "check", parents=[person, as_json], help="check a note for an occasion (rules N2-N7)"
    )
    check.add_argument("--kind", required=True, choices=OCCASIONS, help="the occasion")
    check.add_argument("--to", metavar="NAME", help="whom the note is for")
    check.add_argument(
        "--about", metavar="TEXT", help="the update or shared experience it must refer to"
    )
    check.add_argument(
        "--contact",
        metavar="QUERY",
        help="read it as the composer does for this contact: their name, update and names",
    )
    check.add_argument("source", metavar="FILE", help="the note, or - for standard input")
    check.set_defaults(handler=run_coach_check)
    set_asides = coach_commands.add_parser(
        "set-asides",
        parents=[as_json],
        help="how often each check was set aside on this machine (where the coach is too strict)",
    )
    set_asides.set_defaults(handler=run_coach_set_asides)


def run_draft(args: argparse.Namespace) -> int:
    from hedgerow.coach.drafts import draft_as_json, write_draft
    from hedgerow.lib.cli import CommandError, acting_person, print_json
    from hedgerow.network.cli import one_contact

    if not 0 <= args.phrasing <= 99:
        raise CommandError("--phrasing must be between 0 and 99.")
    contact = one_contact(acting_person(args.user), args.contact)
    draft = write_draft(contact=contact, occasion=args.occasion, shift=args.phrasing)
    if args.json:
        print_json(draft_as_json(draft))
        return 0
    print(draft.text)
    if draft.placeholders:
        print(f"Fill in before sending: {', '.join(draft.placeholders)}", file=sys.stderr)
    print(
        f"Check it once you've made it your own: hedgerow coach check --kind {draft.occasion} FILE",
        file=sys.stderr,
    )
    return 0


def note_text(source: str) -> str:
    """The note in FILE or on standard input; unusable input stops with exit status 2."""
    from hedgerow.lib.cli import CommandError, read_text_argument

    where = "standard input" if source == "-" else source
    try:
        text = read_text_argument(source)
    except UnicodeDecodeError:  # standard input that is not UTF-8
        raise CommandError(f"{where}: is not UTF-8 text.") from None
    if not text.strip():
        raise CommandError(f"{where}: is empty; there is no note to check.")
    return text


def run_coach_check(args: argparse.Namespace) -> int:
    from hedgerow.coach.checks import check_note
    from hedgerow.lib.cli import print_json

    text = note_text(args.source)
    if args.contact:
        from hedgerow.coach.drafts import check_context
        from hedgerow.lib.cli import acting_person
        from hedgerow.network.cli import one_contact

        contact = one_contact(acting_person(args.user), args.contact)
        context = check_context(contact=contact, occasion=args.kind)
        to, about, names = args.to or context.to, args.about or context.about, context.names
    else:
        to, about, names = args.to, args.about, []
    report = check_note(text, args.kind, to=to, about=about, names=names)
    if args.json:
        print_json(report)
    else:
        print_report(report)
    return 0


# ok, or a required check to fix, or advice worth a look
MARKS = {(True, True): "ok ", (True, False): "ok ", (False, True): "fix", (False, False): "tip"}


def print_report(report: Any) -> None:
    print("READY" if report["ready"] else "NOT READY YET")
    for check in report["checks"]:
        mark = MARKS[(check["ok"], check["required"])]
        kind = "required" if check["required"] else "advice"
        print(f"  {mark}  {check['id']} ({kind}): {check['message']}")
    print(f"{report['chars']} characters, {report['words']} words")


def run_coach_set_asides(args: argparse.Namespace) -> int:
    """`{"set_asides": [{"check", "count", "last_at"}]}`, the most often first."""
    from hedgerow.coach.services import set_aside_counts
    from hedgerow.lib.cli import print_json

    rows = set_aside_counts()
    if args.json:
        print_json(
            {
                "set_asides": [
                    {
                        "check": row.check_id,
                        "count": row.count,
                        "last_at": row.last_at.isoformat() if row.last_at else None,
                    }
                    for row in rows
                ]
            }
        )
        return 0
    if not rows:
        print("No check has been set aside on this machine yet.")
        return 0
    print("Checks set aside when sending anyway, on this machine:")
    for row in rows:
        print(f"  {row.check_id:<17} {row.count:>5}")
    return 0
