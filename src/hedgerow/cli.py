"""The `hedgerow` command: the same services as the web app, for terminals and scripts.

Flags and JSON shapes here are contracts other programs rely on; add, never rename.
Exit status: 0 on success, 1 when nothing matched, 2 for unusable input or ambiguous queries.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hedgerow.lib.cli import CommandError, acting_person, one_contact, parse_day, print_json

AGENDA_KINDS = ("update", "follow-up", "due")  # as hedgerow.network.access.AGENDA_KINDS
UPDATE_KINDS = {"post": "post", "profile-change": "profile_change", "new-position": "new_position"}
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedgerow.settings")
    import django

    django.setup()
    try:
        if args.handler is not run_manage:
            ensure_database()
        return args.handler(args) or 0
    except CommandError as error:
        print(f"hedgerow: {error}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) stopped early; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


# --- parsing -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hedgerow",
        description="Cultivate your professional network, one thoughtful note at a time.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    person = argparse.ArgumentParser(add_help=False)
    person.add_argument(
        "--user", metavar="NAME", help="act for this person (when there are several)"
    )
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print JSON for scripts")

    serve = commands.add_parser("serve", help="serve the web app")
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.set_defaults(handler=run_serve)

    demo = commands.add_parser("demo", help="load the demo dataset into HEDGEROW_HOME and serve it")
    demo.add_argument("--host", default=DEFAULT_HOST)
    demo.add_argument("--port", type=int, default=DEFAULT_PORT)
    demo.add_argument("--no-serve", action="store_true", help="load the data, then stop")
    demo.set_defaults(handler=run_demo)

    user = commands.add_parser("user", help="add people and give them sign-in links")
    user_commands = user.add_subparsers(title="user commands", metavar="ACTION", required=True)
    add = user_commands.add_parser("add", help="add a person and print their sign-in link")
    add.add_argument("name")
    add.add_argument(
        "--base-url", help=f"address people open (default http://{DEFAULT_HOST}:{DEFAULT_PORT})"
    )
    add.set_defaults(handler=run_user_add)
    link = user_commands.add_parser("link", help="print a fresh one-time sign-in link")
    link.add_argument("name")
    link.add_argument("--base-url")
    link.set_defaults(handler=run_user_link)
    listing = user_commands.add_parser("list", help="list the people on this Hedgerow")
    listing.set_defaults(handler=run_user_list)

    token = commands.add_parser("token", help="API keys for scripts using /api/v1/")
    token_commands = token.add_subparsers(title="token commands", metavar="ACTION", required=True)
    token_add = token_commands.add_parser("add", parents=[person], help="create a key, shown once")
    token_add.add_argument("name", help="what the key is for, e.g. 'calendar sync'")
    token_add.set_defaults(handler=run_token_add)
    token_list = token_commands.add_parser("list", parents=[person], help="list your keys")
    token_list.set_defaults(handler=run_token_list)
    token_revoke = token_commands.add_parser("revoke", parents=[person], help="revoke a key")
    token_revoke.add_argument("prefix", help="the key's first characters, as `token list` shows")
    token_revoke.set_defaults(handler=run_token_revoke)

    imp = commands.add_parser("import", parents=[person, as_json], help="import contacts")
    imp.add_argument("source", choices=["linkedin", "vcard", "google-csv", "mbox"])
    imp.add_argument("path", type=Path)
    imp.add_argument(
        "--me",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="mbox: an address of yours (repeatable); otherwise from Settings or the file",
    )
    imp.set_defaults(handler=run_import)

    today = commands.add_parser("today", parents=[person, as_json], help="whom to write to today")
    today.add_argument("--as-of", type=parse_day, metavar="YYYY-MM-DD")
    today.set_defaults(handler=run_today)

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

    log = commands.add_parser("log", parents=[person], help="log an interaction with someone")
    log.add_argument("query")
    log.add_argument(
        "--kind", required=True, choices=["message", "email", "call", "meeting", "note"]
    )
    log.add_argument("--on", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    log.add_argument("--text", default="")
    log.add_argument("--incoming", action="store_true", help="they reached out to you")
    log.set_defaults(handler=run_log)

    for name, verb in (("done", "mark a Today item done"), ("snooze", "set a Today item aside")):
        act = commands.add_parser(name, parents=[person], help=verb)
        act.add_argument("kind", choices=AGENDA_KINDS, help="the Today section")
        act.add_argument("id", type=int, help="the item's id (contact id for due)")
        if name == "snooze":
            act.add_argument("--days", type=int, default=7, help="how long (default 7)")
        act.set_defaults(handler=run_done if name == "done" else run_snooze)

    record = commands.add_parser(
        "record-update", parents=[person], help="record an update you saw elsewhere (rule N1)"
    )
    record.add_argument("query")
    record.add_argument("summary", help="what they posted or changed, in a few words")
    record.add_argument("--kind", choices=list(UPDATE_KINDS), default="post")
    record.add_argument("--url", default="", help="a link to it")
    record.set_defaults(handler=run_record_update)

    review = commands.add_parser(
        "review", parents=[person, as_json], help="imported cards that may be people you know"
    )
    review.add_argument("action", nargs="?", choices=["merge", "separate", "undo"])
    review.add_argument("id", nargs="?", type=int, help="the review item's id")
    review.set_defaults(handler=run_review)

    # Each app adds its own commands; none of them imports Django before it runs.
    from hedgerow.coach import cli as coach_cli
    from hedgerow.goals import cli as goal_cli
    from hedgerow.goals import weeks_cli
    from hedgerow.practice import cli as practice_cli

    for app_cli in (coach_cli, goal_cli, weeks_cli, practice_cli):
        app_cli.add_commands(commands, person, as_json)

    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("arguments", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=run_manage)
    return parser


# --- shared steps ------------------------------------------------------------------------------


def ensure_database() -> None:
    """Bring the database schema up to date, quietly, so a fresh home just works."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def base_url(given: str | None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> str:
    url = given or os.environ.get("HEDGEROW_BASE_URL") or f"http://{host}:{port}"
    return url.rstrip("/")


# --- commands ----------------------------------------------------------------------------------


def run_serve(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model

    from hedgerow.accounts.services import add_person, sign_in_path

    url = base_url(None, args.host, args.port)
    if not get_user_model().objects.exists():
        owner = add_person(username=local_owner_name(), is_owner=True)
        print(f"Welcome to Hedgerow. Your account is {owner.username!r}.")
        print("Open this one-time link to sign in and choose a password:")
        print(f"  {url}{sign_in_path(owner)}")
    serve_forever(args.host, args.port)
    return 0


def local_owner_name() -> str:
    import getpass

    try:
        return getpass.getuser() or "owner"
    except (KeyError, OSError):
        return "owner"


def serve_forever(host: str, port: int) -> None:
    from waitress import serve

    from hedgerow.wsgi import application

    print(f"Hedgerow is running at http://{host}:{port}/ — press Ctrl+C to stop.", flush=True)
    serve(application, host=host, port=port, threads=8, ident="hedgerow")


def run_demo(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from hedgerow.goals.demo import load_goal_demo
    from hedgerow.network.demo import load_demo
    from hedgerow.practice.demo import load_practice_demo

    home = Path(settings.HOME)
    marker = home / "DEMO"
    if not marker.exists() and get_user_model().objects.exists():
        raise CommandError(
            f"{home} holds someone's real data; the demo only runs in a home of its own "
            "(set HEDGEROW_HOME to an empty folder)."
        )
    marker.write_text("This Hedgerow home holds made-up demo data.\n")
    print("Preparing the demo network (the first time takes a few seconds)…", flush=True)
    person = load_demo(username="demo", password="demo")  # noqa: S106 - published password
    load_goal_demo(person)
    load_practice_demo(person)
    if args.no_serve:
        return 0
    print(f"\nSign in at http://{args.host}:{args.port}/ with name 'demo' and password 'demo'.")
    serve_forever(args.host, args.port)
    return 0


def run_user_add(args: argparse.Namespace) -> int:
    from hedgerow.accounts.services import PersonExists, add_person, sign_in_path

    try:
        person = add_person(username=args.name)
    except PersonExists as error:
        raise CommandError(str(error)) from None
    print(f"{base_url(args.base_url)}{sign_in_path(person)}")
    return 0


def run_user_link(args: argparse.Namespace) -> int:
    from hedgerow.accounts.services import sign_in_path

    person = acting_person(args.name)
    print(f"{base_url(args.base_url)}{sign_in_path(person)}")
    return 0


def run_user_list(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model

    for person in get_user_model().objects.order_by("username"):
        print(person.username)
    return 0


def run_token_add(args: argparse.Namespace) -> int:
    from hedgerow.accounts.services import create_api_token

    _, key = create_api_token(owner=acting_person(args.user), name=args.name)
    print(key)
    print(
        "Keep it somewhere safe: Hedgerow stores only a fingerprint and cannot show it again.",
        file=sys.stderr,
    )
    return 0


def run_token_list(args: argparse.Namespace) -> int:
    from hedgerow.accounts.models import ApiToken

    for token in ApiToken.objects.filter(owner=acting_person(args.user)):
        used = f"last used {token.last_used_at:%Y-%m-%d}" if token.last_used_at else "never used"
        print(f"{token.prefix}…  {token.name}  (created {token.created_at:%Y-%m-%d}, {used})")
    return 0


def run_token_revoke(args: argparse.Namespace) -> int:
    from hedgerow.accounts.models import ApiToken
    from hedgerow.accounts.services import revoke_api_token

    tokens = list(
        ApiToken.objects.filter(
            owner=acting_person(args.user), prefix__startswith=args.prefix.rstrip("…")
        )
    )
    if len(tokens) != 1:
        raise CommandError(f"{len(tokens)} keys start with {args.prefix!r}; give exactly one.")
    revoke_api_token(token=tokens[0])
    print(f"Revoked {tokens[0].name!r}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from hedgerow.network.importers.base import UnusableInput
    from hedgerow.network.services import importer_for

    owner = acting_person(args.user)
    if args.me and args.source != "mbox":
        raise CommandError("--me is for mbox imports: it says which addresses are yours.")
    extra = {"me": args.me} if args.source == "mbox" else {}
    with progress_bar(f"Importing {args.path.name}") as progress:
        try:
            summary = importer_for(args.source)(
                owner=owner, path=args.path, progress=progress, **extra
            )
        except UnusableInput as error:
            raise CommandError(str(error)) from None
    if args.json:
        print_json(summary.as_json())
    else:
        print_summary(summary)
    return 0


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


def run_today(args: argparse.Namespace) -> int:
    from hedgerow.network.agenda import build_agenda

    owner = acting_person(args.user)
    agenda = build_agenda(owner, args.as_of)
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


def run_contacts(args: argparse.Namespace) -> int:
    from django.db.models import Prefetch

    from hedgerow.network.access import contacts_of
    from hedgerow.network.models import ContactEmail
    from hedgerow.network.services import find_contacts

    owner = acting_person(args.user)
    found = find_contacts(owner, args.query) if args.query else contacts_of(owner)
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
    from hedgerow.network.services import InvalidInput, set_core

    contact = one_contact(acting_person(args.user), args.query)
    try:
        set_core(contact=contact, core=True, every=args.every)
    except InvalidInput as error:
        raise CommandError(str(error)) from None
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
    from datetime import timedelta

    from django.utils import timezone

    from hedgerow.network.services import snooze_item

    if not 1 <= args.days <= 365:
        raise CommandError("--days must be between 1 and 365.")
    target = agenda_item(acting_person(args.user), args.kind, args.id)
    until = timezone.localdate() + timedelta(days=args.days)
    snooze_item(target=target, until=until)
    print(f"Set aside until {until.isoformat()}.")
    return 0


def run_record_update(args: argparse.Namespace) -> int:
    from hedgerow.network.services import InvalidInput, record_update

    contact = one_contact(acting_person(args.user), args.query)
    try:
        record_update(
            contact=contact, kind=UPDATE_KINDS[args.kind], summary=args.summary, url=args.url
        )
    except InvalidInput as error:
        raise CommandError(str(error)) from None
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


def run_manage(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hedgerow manage", *args.arguments])
    return 0
