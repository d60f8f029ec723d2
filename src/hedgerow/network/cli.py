"""The network's commands: import, contacts, core contacts, logging, Today's items, review.

Flags and JSON shapes here are contracts other programs rely on; add, never rename. `one_contact`
is how every app's command turns a query into one of the person's contacts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hedgerow.lib.cli import CommandError, acting_person, parse_day, print_json
from hedgerow.vocabulary import AgendaKind, ImportSource, InteractionKind, UpdateKind, from_option


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this app's commands to the `hedgerow` parser."""
    imp = commands.add_parser(
        "import",
        parents=[person, as_json],
        help="import contacts, or undo an import",
        description="hedgerow import SOURCE PATH [--yes]  |  hedgerow import undo [RUN_ID]  |  "
        "hedgerow import remove RUN_ID (undo it, then forget it)",
    )
    imp.add_argument("source", choices=[*ImportSource.values(), "undo", "remove"])
    imp.add_argument(
        "path", nargs="?", help="the file or folder; for undo and remove, the run's id"
    )
    imp.add_argument(
        "--yes",
        action="store_true",
        help="apply an import that would change a lot (another person's archive, many "
        "connections ending) without asking; otherwise it is shown and exits 2",
    )
    imp.add_argument(
        "--me",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="mbox: an address of yours (repeatable); otherwise from Settings or the file",
    )
    imp.set_defaults(handler=run_import)

    contacts = commands.add_parser("contacts", parents=[person, as_json], help="find contacts")
    contacts.add_argument("query", nargs="?", default="")
    contacts.set_defaults(handler=run_contacts)

    core = commands.add_parser("core", help="core contacts hear from you every few months")
    core_commands = core.add_subparsers(title="core commands", metavar="ACTION", required=True)
    core_add = core_commands.add_parser("add", parents=[person], help="make someone a core contact")
    core_add.add_argument("query")
    core_add.add_argument("--every", type=int, metavar="DAYS", help="days between notes (30-180)")
    core_add.set_defaults(handler=run_core_add)
    core_remove = core_commands.add_parser("remove", parents=[person], help="no longer core")
    core_remove.add_argument("query")
    core_remove.set_defaults(handler=run_core_remove)

    log = commands.add_parser(
        "log", parents=[person], help="log an interaction with someone (see also: wrote)"
    )
    log.add_argument("query")
    log.add_argument("--kind", required=True, choices=InteractionKind.values())
    log.add_argument("--on", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    log.add_argument("--text", default="")
    log.add_argument("--incoming", action="store_true", help="they reached out to you")
    log.set_defaults(handler=run_log)

    # Item by item, as before: Today now answers a person at once (`hedgerow wrote|not-now|skip`).
    aliases = (
        ("done", "mark one Today item done (see also: wrote, skip)"),
        ("snooze", "set one Today item aside (see also: not-now)"),
    )
    for name, verb in aliases:
        act = commands.add_parser(name, parents=[person], help=verb)
        act.add_argument("kind", choices=AgendaKind.values(), help="the Today section")
        act.add_argument("id", type=int, help="the item's id (contact id for due)")
        if name == "snooze":
            act.add_argument("--days", type=int, default=7, help="how long (default 7)")
        act.set_defaults(handler=run_done if name == "done" else run_snooze)

    record = commands.add_parser(
        "record-update", parents=[person], help="record an update you saw elsewhere (rule N1)"
    )
    record.add_argument("query")
    record.add_argument("summary", help="what they posted or changed, in a few words")
    record.add_argument("--kind", choices=[kind.option for kind in UpdateKind], default="post")
    record.add_argument("--url", default="", help="a link to it")
    record.set_defaults(handler=run_record_update)

    review = commands.add_parser(
        "review", parents=[person, as_json], help="imported cards that may be people you know"
    )
    review.add_argument("action", nargs="?", choices=["merge", "separate", "undo"])
    review.add_argument("id", nargs="?", type=int, help="the review item's id")
    review.set_defaults(handler=run_review)

    from hedgerow.network import removal_cli

    removal_cli.add_commands(commands, person, as_json)


def one_contact(owner, query: str):
    """The one contact `query` names (name, email or profile URL), or a CommandError saying why."""
    from hedgerow.network.services import find_contacts

    matches = list(find_contacts(owner, query)[:21])
    if not matches:
        raise CommandError(f"No contact matches {query!r}.", status=1)
    if len(matches) > 1:
        lines = [f"{query!r} matches several people; give their LinkedIn profile URL or email:"]
        lines += [f"  {c.name}  {c.company}  {c.linkedin_url}".rstrip() for c in matches[:20]]
        if len(matches) > 20:
            lines.append("  …and more")
        raise CommandError("\n".join(lines))
    return matches[0]


def run_import(args: argparse.Namespace) -> int:
    from hedgerow.network.importers.base import NeedsConfirmation, UnusableInput
    from hedgerow.network.services import importer_for

    if args.source == "undo":
        return run_import_undo(args)
    if args.source == "remove":
        return run_import_remove(args)
    if args.path is None:
        raise CommandError(f"Say which file: hedgerow import {args.source} PATH.")
    path = Path(args.path)
    owner = acting_person(args.user)
    if args.me and args.source != "mbox":
        raise CommandError("--me is for mbox imports: it says which addresses are yours.")
    extra: dict[str, Any] = {"me": args.me} if args.source == "mbox" else {}
    if args.source == "linkedin":
        extra["confirm"] = args.yes
    with progress_bar(f"Importing {path.name}") as progress:
        try:
            summary = importer_for(args.source)(owner=owner, path=path, progress=progress, **extra)
        except UnusableInput as error:
            raise CommandError(str(error)) from None
        except NeedsConfirmation as asked:
            print_preview(asked, as_json=args.json)
            return 2
    if args.json:
        print_json(summary.as_json())
    else:
        print_summary(summary)
    return 0


def print_preview(asked: Any, *, as_json: bool) -> None:
    """What an import would change, when it changes too much to apply unasked (exit 2)."""
    if as_json:
        preview = asked.summary.as_json()
        print_json({"needs_confirmation": True, "reasons": asked.reasons, "preview": preview})
        return
    counts = asked.summary.counts
    print("Nothing was written yet: this import would change a lot.")
    for reason in asked.reasons:
        print(f"  {reason}")
    print("It would bring:")
    for key, label in PREVIEW_COUNTS:
        print(f"  {label}: {counts.get(key, 0):,}")
    print("If that is right, run the same command again with --yes. `hedgerow import undo` can")
    print("take an import back afterwards.")


PREVIEW_COUNTS = (
    ("contacts_created", "new contacts"),
    ("contacts_updated", "changed contacts"),
    ("no_longer_connected", "no longer connected"),
    ("updates_created", "updates (new jobs)"),
    ("invitations_accepted", "invitations accepted"),
    ("interactions_created", "messages"),
)


def run_import_undo(args: argparse.Namespace) -> int:
    from django.http import Http404

    from hedgerow.lib.errors import InvalidInput
    from hedgerow.network.access import import_run_of
    from hedgerow.network.services import latest_undoable_run, undo_import

    owner = acting_person(args.user)
    if args.path is not None and not args.path.isdigit():
        raise CommandError(f"{args.path!r} is not an import's id (see the Import page).")
    try:
        if args.path is None:
            run = latest_undoable_run(owner)
        else:
            run = import_run_of(owner, int(args.path))
        undone = undo_import(run=run)
    except Http404:
        raise CommandError(f"You have no import #{args.path}.", status=1) from None
    except InvalidInput as error:
        raise CommandError(str(error)) from None
    if args.json:
        print_json({"run_id": run.pk, "removed": undone.removed, "restored": undone.restored})
        return 0
    print(f"Undid import #{run.pk} of {run.file_name}: {undo_words(undone)}.")
    return 0


def run_import_remove(args: argparse.Namespace) -> int:
    from django.http import Http404

    from hedgerow.network.access import import_run_of
    from hedgerow.network.removal import delete_import_run

    owner = acting_person(args.user)
    if args.path is None or not args.path.isdigit():
        raise CommandError("Say which import: hedgerow import remove RUN_ID (see the Import page).")
    try:
        run = import_run_of(owner, int(args.path))
    except Http404:
        raise CommandError(f"You have no import #{args.path}.", status=1) from None
    undone = delete_import_run(run=run)
    if args.json:
        removed = undone.removed if undone else {}
        print_json({"run_id": int(args.path), "removed": removed, "deleted": True})
        return 0
    what = f" after undoing it: {undo_words(undone)}" if undone else ""
    print(f"Deleted import #{args.path} of {run.file_name}{what}.")
    return 0


def undo_words(undone: Any) -> str:
    from hedgerow.network.journal import in_words

    removed = in_words(undone.removed) or "nothing"
    return f"removed {removed}; put back {undone.restored:,} changed rows"


class progress_bar:
    """A tqdm bar on a terminal; silent when output goes to a file or a pipe."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def __enter__(self) -> Callable[[int, int], None]:
        return self.update

    def update(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=self.label, unit="", leave=False, file=sys.stderr)
        self.bar.total = total
        self.bar.n = done
        self.bar.refresh()

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


def print_summary(summary: Any) -> None:
    counts = ", ".join(
        f"{n:,} {k.replace('_', ' ')}" for k, n in sorted(summary.counts.items()) if n
    )
    print(f"Imported {summary.file_name}: {counts or 'nothing new'}.")
    for note in summary.notes:
        print(f"  {note}")
    if summary.problems:
        print(f"{len(summary.problems)} row(s) skipped:")
        for problem in summary.problems[:20]:
            where = f"{problem.file}, line {problem.line}" if problem.line else problem.file
            print(f"  {where}: {problem.message}")
        if len(summary.problems) > 20:
            print(f"  …and {len(summary.problems) - 20} more (see --json).")


def run_contacts(args: argparse.Namespace) -> int:
    from django.db.models import Prefetch

    from hedgerow.network.access import contacts_of
    from hedgerow.network.models import ContactEmail
    from hedgerow.network.search import terms_of
    from hedgerow.network.services import find_contacts

    owner = acting_person(args.user)
    found = find_contacts(owner, args.query) if args.query else contacts_of(owner)
    if args.query and (note := terms_of(args.query).note):
        print(note, file=sys.stderr)  # stderr, so `--json` stays one JSON document
    found = found.prefetch_related(Prefetch("emails", queryset=ContactEmail.objects.order_by("id")))
    rows = [
        {
            "id": c.pk,
            "name": c.name,
            "emails": [e.email for e in c.emails.all()],
            "company": c.company,
            "position": c.position,
            "linkedin_url": c.linkedin_url,
            "connected": c.connected,
            "core": c.is_core,
        }
        for c in found.order_by("name", "id")
    ]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        role = " · ".join(str(part) for part in (row["position"], row["company"]) if part)
        print(f"{row['name']}{'  ★ core' if row['core'] else ''}" + (f"  — {role}" if role else ""))
    if not rows:
        print("No contacts match." if args.query else "No contacts yet: try `hedgerow import`.")
        return 1 if args.query else 0
    return 0


def run_core_add(args: argparse.Namespace) -> int:
    from hedgerow.network.services import set_core

    contact = one_contact(acting_person(args.user), args.query)
    set_core(contact=contact, core=True, every=args.every)
    every = contact.cadence_days
    print(f"{contact.name} is a core contact: Hedgerow will remind you every {every} days.")
    return 0


def run_core_remove(args: argparse.Namespace) -> int:
    from hedgerow.network.services import set_core

    contact = one_contact(acting_person(args.user), args.query)
    set_core(contact=contact, core=False)
    print(f"{contact.name} is no longer a core contact.")
    return 0


def run_log(args: argparse.Namespace) -> int:
    from hedgerow.network.models import Interaction
    from hedgerow.network.services import log_interaction

    contact = one_contact(acting_person(args.user), args.query)
    direction = Interaction.Direction.INCOMING if args.incoming else Interaction.Direction.OUTGOING
    logged = log_interaction(
        contact=contact, kind=args.kind, on=args.on, direction=direction, text=args.text
    )
    day = logged.interaction.occurred_at.date().isoformat()
    print(f"Logged a {args.kind} with {contact.name} on {day}.")
    if logged.warning:
        print(f"A gentle note: {logged.warning}")
    return 0


def agenda_item(owner, kind: str, item_id: int):
    from django.http import Http404

    from hedgerow.network.access import agenda_item_of

    try:
        return agenda_item_of(owner, kind, item_id)
    except Http404:
        raise CommandError(f"You have no {kind} item #{item_id}.", status=1) from None


def run_done(args: argparse.Namespace) -> int:
    from hedgerow.network.services import settle_item

    target = agenda_item(acting_person(args.user), args.kind, args.id)
    logged = settle_item(target=target)
    print("Done." if logged is None else "Done: logged that you got in touch.")
    return 0


def run_snooze(args: argparse.Namespace) -> int:
    from hedgerow.network.services import snooze_item

    target = agenda_item(acting_person(args.user), args.kind, args.id)
    until = snooze_item(target=target, days=args.days)
    print(f"Set aside until {until.isoformat()}.")
    return 0


def run_record_update(args: argparse.Namespace) -> int:
    from hedgerow.network.services import record_update

    contact = one_contact(acting_person(args.user), args.query)
    record_update(
        contact=contact,
        kind=from_option(UpdateKind, args.kind),
        summary=args.summary,
        url=args.url,
    )
    print(f"Saved: it's on Today as a reason to write to {contact.name}.")
    return 0


def run_review(args: argparse.Namespace) -> int:
    from django.http import Http404

    from hedgerow.network.access import review_item_of, review_items_of
    from hedgerow.network.mail_review import resolve_any_review_item

    owner = acting_person(args.user)
    if args.action:
        if args.id is None:
            raise CommandError("Say which item: hedgerow review merge|separate|undo ID.")
        try:
            item = review_item_of(owner, args.id)
        except Http404:
            raise CommandError(f"You have no review item #{args.id}.", status=1) from None
        if args.action == "undo":
            return undo_review_merge(owner, item)
        contact = resolve_any_review_item(item=item, merge=args.action == "merge")
        if contact is None:
            print("That one was already decided.")
        else:
            print(f"{'Merged into' if args.action == 'merge' else 'Kept apart as'} {contact.name}.")
        return 0
    open_items = review_items_of(owner).filter(resolved_at__isnull=True).select_related("contact")
    rows = [
        {
            "id": item.pk,
            "card": item.candidate,
            "contact": {"id": item.contact_id, "name": item.contact.name},
            "reason": item.reason,
        }
        for item in open_items
    ]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        card_name = row["card"].get("name", "?")
        print(f"#{row['id']}: {card_name} — maybe {row['contact']['name']}? {row['reason']}")
    if not rows:
        print("Nothing to review.")
    return 0


def undo_review_merge(owner, item) -> int:
    from hedgerow.network.access import merges_of
    from hedgerow.network.mail_review import undo_merge

    record = merges_of(owner).filter(review_item=item, undone_at__isnull=True).first()
    if record is None:
        raise CommandError(f"Review item #{item.pk} has no merge to undo.", status=1)
    restored = undo_merge(record=record)
    print(f"Undone: {restored.name if restored else 'the contact'} is on their own again.")
    return 0
