"""`hedgerow export --all PATH`, `hedgerow backup PATH` and `hedgerow restore PATH`: your data
out as files you keep, and the whole home kept safe and brought back."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    export = commands.add_parser(
        "export",
        parents=[person, as_json],
        help="everything you keep in Hedgerow as JSON, with your contacts as vCard and CSV",
        description=(
            "Write everything you own to PATH: a .zip file when PATH ends in .zip, otherwise a "
            "new (or empty) folder. It holds hedgerow.json, contacts.vcf, contacts.csv and a "
            "README."
        ),
    )
    export.add_argument(
        "--all", action="store_true", required=True, help="everything you own (required)"
    )
    export.add_argument("path", metavar="PATH", type=Path, help="a .zip file or a folder")
    export.set_defaults(handler=run_export)

    backup = commands.add_parser(
        "backup",
        parents=[as_json],
        help="copy the whole database to PATH, safely, even while the server runs",
    )
    backup.add_argument("path", metavar="PATH", type=Path, help="a new file, e.g. backup.sqlite3")
    backup.set_defaults(handler=run_backup)

    restore = commands.add_parser(
        "restore",
        parents=[as_json],
        help="bring a backup back into an empty home (HEDGEROW_HOME)",
    )
    restore.add_argument("path", metavar="PATH", type=Path, help="a file `hedgerow backup` wrote")
    restore.set_defaults(handler=run_restore)


def run_export(args: argparse.Namespace) -> int:
    from hedgerow.lib.cli import acting_person, print_json
    from hedgerow.portability.export import export_everything

    owner = acting_person(args.user)
    summary = export_everything(owner=owner, path=args.path)
    if args.json:
        print_json({"path": summary.path, "counts": summary.counts})
        return 0
    counts = summary.counts
    print(
        f"Exported {counts['contacts']:,} contacts, {counts['interactions']:,} interactions, "
        f"{counts['updates']:,} updates, {counts['invitations']:,} invitations and "
        f"{counts['goals']:,} goals to {summary.path}."
    )
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from hedgerow.lib.cli import print_json
    from hedgerow.portability.backup import back_up

    result = back_up(path=args.path)
    if args.json:
        print_json({"path": str(result.path), "bytes": result.size, "people": result.people})
        return 0
    print(f"Backed up {result.people} people ({result.size:,} bytes) to {result.path}.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from hedgerow.lib.cli import print_json
    from hedgerow.portability.backup import restore

    result = restore(path=args.path)
    if args.json:
        print_json({"path": str(result.path), "people": result.people})
        return 0
    print(f"Restored {result.people} people from {result.path}. Sign in as before.")
    return 0
