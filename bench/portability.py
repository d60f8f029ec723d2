"""Your data out and kept safe, at LinkedIn's cap: `hedgerow export --all` and `hedgerow backup`
on 30,000 contacts with 150,000 interactions, next to floors measured in the same run.

- export: wall time and peak memory of the `hedgerow` process, next to a `hedgerow` process that
  starts, reads the same person and writes nothing (the floor: Python, Django and the schema); the
  export streams, so its memory stays near the floor whatever the size of the network.
- backup: wall time next to the `sqlite3` command line's own `.backup` of the same file.

`python -m bench.portability [--contacts N] [--interactions N]` builds `.bench/portability/` once
(rows written directly, not imported: this measures the export, not the importers) and measures
on every run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from bench.measure import run_measured
from bench.report import Measurement, table, write_json

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / ".bench" / "portability"
USER = "bench"
MAX_EXPORT_MEMORY_RATIO = 2.0  # the export's peak memory as a multiple of the floor process
MAX_EXPORT_MEMORY_MB = 300  # issue 14: peak memory under 300 MB on any input
BUILD = """
import sys, django
from datetime import timedelta
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.utils import timezone
from hedgerow.accounts.services import add_person
from hedgerow.network.models import Contact, ContactEmail, Interaction
contacts, interactions = int(sys.argv[1]), int(sys.argv[2])
person = add_person(username="bench")
now = timezone.now()
Contact.objects.bulk_create(
    Contact(owner=person, name=f"Person {i}", first_name="Person", last_name=str(i),
            company=f"Company {i % 700}", position="Engineer", notes="Met at a meetup. " * 3)
    for i in range(contacts)
)
ids = list(Contact.objects.filter(owner=person).values_list("pk", flat=True))
ContactEmail.objects.bulk_create(
    ContactEmail(owner=person, contact_id=pk, email=f"p{pk}@example.org") for pk in ids
)
for start in range(0, interactions, 20000):
    Interaction.objects.bulk_create(
        Interaction(owner=person, contact_id=ids[i % len(ids)], kind="message",
                    direction="outgoing", occurred_at=now - timedelta(hours=i),
                    subject="Catching up", text="How did the launch go? " * 4,
                    external_id=f"m{i}", source="bench")
        for i in range(start, min(start + 20000, interactions))
    )
"""
FLOOR = """
import django
django.setup()
from hedgerow.lib.cli import acting_person
from hedgerow.network.access import contacts_of
print(contacts_of(acting_person("bench")).count())
"""


def build(home: Path, contacts: int, interactions: int) -> None:
    marker = home / f"built-{contacts}-{interactions}"
    if marker.exists():
        return
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    run = run_measured(
        [sys.executable, "-c", BUILD, str(contacts), str(interactions)],
        log=WORK / "build.log",
        env=environment(home),
    )
    run.check("building the home")
    marker.write_text("")


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "HEDGEROW_HOME": str(home), "DJANGO_SETTINGS_MODULE": "hedgerow.settings"}
    env.pop("HEDGEROW_DATABASE_URL", None)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--interactions", type=int, default=150_000)
    args = parser.parse_args()
    home = WORK / "home"
    build(home, args.contacts, args.interactions)
    env = environment(home)
    out = WORK / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)

    floor = run_measured([sys.executable, "-c", FLOOR], log=out / "floor.log", env=env)
    export = run_measured(
        [sys.executable, "-m", "hedgerow", "export", "--all", str(out / "export.zip")],
        log=out / "export.log",
        env=env,
    )
    backup = run_measured(
        [sys.executable, "-m", "hedgerow", "backup", str(out / "backup.sqlite3")],
        log=out / "backup.log",
        env=env,
    )
    sqlite_backup = run_measured(
        ["sqlite3", str(home / "hedgerow.sqlite3"), f".backup {out / 'sqlite3.sqlite3'}"],
        log=out / "sqlite3.log",
    )
    floor.check("the floor")
    export.check("hedgerow export")
    backup.check("hedgerow backup")
    sqlite_backup.check("sqlite3 .backup")
    size_mb = (out / "export.zip").stat().st_size / 1e6
    measurements = [
        Measurement("export: wall time", export.seconds, "s"),
        Measurement("export: CPU time", export.cpu_seconds, "s"),
        Measurement(
            "export: peak memory",
            export.peak_mb,
            "MB",
            floor=floor.peak_mb,
            max_ratio=MAX_EXPORT_MEMORY_RATIO,
            limit=MAX_EXPORT_MEMORY_MB,
            floor_label="hedgerow process reading the person",
        ),
        Measurement("export: zip size", size_mb, "MB"),
        Measurement(
            "backup: wall time",
            backup.seconds,
            "s",
            floor=sqlite_backup.seconds + floor.seconds,
            floor_label="sqlite3 .backup + hedgerow start-up",
        ),
    ]
    print(
        f"Your data out: {args.contacts:,} contacts, {args.interactions:,} interactions "
        f"(database {(home / 'hedgerow.sqlite3').stat().st_size / 1e6:.0f} MB)"
    )
    print(table(measurements))
    write_json(
        REPO / ".bench" / "portability.json",
        measurements,
        {"contacts": args.contacts, "interactions": args.interactions},
    )


if __name__ == "__main__":
    main()
