"""`hedgerow sync imap`: read what is new in a mailbox, headers only (see network/imap.py).

The first run names the account (--host, --login); later runs need no arguments and sync every
account saved before, which is what a periodic run (cron, a systemd timer) does.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from hedgerow.lib.cli import CommandError, acting_person, print_json


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    sync = commands.add_parser("sync", help="keep a mailbox's history current")
    sync_commands = sync.add_subparsers(title="sync commands", metavar="SOURCE", required=True)
    imap = sync_commands.add_parser(
        "imap",
        parents=[person, as_json],
        help="read new mail headers over IMAP (every saved account when none is named)",
    )
    imap.add_argument("--host", help="the IMAP server, e.g. imap.gmail.com")
    imap.add_argument("--login", dest="username", metavar="LOGIN", help="the mailbox's user name")
    imap.add_argument("--port", type=int, help="default 993 (143 with --security starttls|none)")
    imap.add_argument(
        "--security", choices=["ssl", "starttls", "none"], help="default ssl; none only for tests"
    )
    imap.add_argument(
        "--folder",
        action="append",
        default=[],
        metavar="NAME",
        help="a folder to read (repeatable); default: the whole mailbox, like Gmail's All Mail",
    )
    imap.add_argument(
        "--me", action="append", default=[], metavar="ADDRESS", help="an address of yours"
    )
    imap.add_argument(
        "--password-env",
        default="HEDGEROW_IMAP_PASSWORD",
        metavar="VAR",
        help="the environment variable holding the app password (default HEDGEROW_IMAP_PASSWORD)",
    )
    imap.add_argument(
        "--save-password",
        action="store_true",
        help="ask for the app password and keep it in your Hedgerow home, readable by you alone",
    )
    imap.set_defaults(handler=run_sync_imap)


def run_sync_imap(args: argparse.Namespace) -> int:
    from hedgerow.network.imap import SyncProblem, read_password, save_password, sync_account
    from hedgerow.network.importers.base import UnusableInput

    owner = acting_person(args.user)
    accounts = _accounts(owner, args)
    results = []
    for account in accounts:
        if args.save_password:
            secret = getpass.getpass(f"App password for {account}: ")
            path = save_password(account, secret)
            print(f"Kept in {path} (mode 600).", file=sys.stderr)
        try:
            summary = sync_account(
                account=account, password=read_password(account, args.password_env), me=args.me
            )
        except (SyncProblem, UnusableInput) as error:
            raise CommandError(str(error)) from None
        results.append(summary)
    if args.json:
        print_json([summary.as_json() for summary in results])
        return 0
    from hedgerow.network.cli import print_summary

    for summary in results:
        print_summary(summary)
    return 0


def _accounts(owner, args: argparse.Namespace):
    from hedgerow.network.models import ImapAccount

    if not args.host and not args.username:
        accounts = list(ImapAccount.objects.filter(owner=owner).order_by("id"))
        if not accounts:
            raise CommandError(
                "No mailbox yet: run `hedgerow sync imap --host HOST --login LOGIN` once."
            )
        return accounts
    if not (args.host and args.username):
        raise CommandError("Give both --host and --login (or neither, to sync saved accounts).")
    security = args.security or "ssl"
    port = args.port or (993 if security == "ssl" else 143)
    if not 1 <= port <= 65535:
        raise CommandError("--port must be between 1 and 65535.")
    account, _created = ImapAccount.objects.update_or_create(
        owner=owner,
        host=args.host.strip().lower(),
        username=args.username.strip(),
        defaults={"port": port, "security": security, "folders": args.folder},
    )
    return [account]
