"""The whole home kept safe: `hedgerow backup PATH` and `hedgerow restore PATH`.

A backup is one SQLite file made with SQLite's online backup API, so it is consistent even while
the server and an import write (WAL readers never block writers). It can be opened with the
`sqlite3` command line and restored into an empty home only, so a restore never mixes two
people's data or overwrites what is there. PostgreSQL has its own tools: pg_dump and pg_restore,
as docs/deployment.md ("Backups") shows.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from hedgerow.lib.errors import InvalidInput

POSTGRES_ADVICE = (
    "This Hedgerow keeps its data in PostgreSQL; use pg_dump and pg_restore as "
    "docs/deployment.md (Backups) shows."
)


@dataclass(frozen=True)
class Copied:
    path: Path
    people: int
    size: int = 0


def database_file() -> Path:
    if connection.vendor != "sqlite":
        raise InvalidInput(POSTGRES_ADVICE)
    return Path(settings.DATABASES["default"]["NAME"])


def back_up(*, path: Path) -> Copied:
    """Copy the database to `path` (a new file, readable by its owner only)."""
    source_file = database_file()
    if path.exists():
        raise InvalidInput(f"{path} already exists; choose a new name for the backup.")
    if not path.parent.is_dir():
        raise InvalidInput(f"{path.parent} is not a folder; create it first.")
    # Created empty with owner-only permissions before SQLite writes a byte of anyone's data.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        source = sqlite3.connect(source_file, timeout=20)
        target = sqlite3.connect(path)
        try:
            source.backup(target)
            # A single self-contained file: no -wal or -shm beside it.
            target.execute("PRAGMA journal_mode=DELETE")
            if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise InvalidInput(f"{path}: the copy did not pass SQLite's check; try again.")
            people = target.execute("SELECT count(*) FROM auth_user").fetchone()[0]
        finally:
            target.close()
            source.close()
    except BaseException:
        path.unlink(missing_ok=True)  # never leave half a backup that looks whole
        raise
    return Copied(path=path, people=people, size=path.stat().st_size)


def restore(*, path: Path) -> Copied:
    """Bring a backup into this home, which must hold no one yet; then bring its schema up to
    date, so a backup from an older Hedgerow works too."""
    target_file = database_file()
    source = _open_backup(path)
    try:
        unknown = _applied_migrations(source, path) - set(MigrationLoader(None).disk_migrations)
        if unknown:
            raise InvalidInput(
                f"{path} was made by a newer Hedgerow; upgrade this one before restoring it."
            )
        if get_user_model().objects.exists():
            raise InvalidInput(
                f"{settings.HOME} already holds people's data; restore only into an empty "
                "home (set HEDGEROW_HOME to a new folder)."
            )
        connection.close()
        target = sqlite3.connect(target_file, timeout=20)
        try:
            # The backup API refuses a WAL target whose page size differs; switch it off meanwhile.
            target.execute("PRAGMA journal_mode=DELETE")
            source.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
            people = target.execute("SELECT count(*) FROM auth_user").fetchone()[0]
        finally:
            target.close()
    finally:
        source.close()
    call_command("migrate", interactive=False, verbosity=0)
    return Copied(path=path, people=people, size=path.stat().st_size)


def _open_backup(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file.")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {name for (name,) in source.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        source.close()
        raise InvalidInput(f"{path} is not a Hedgerow backup (not an SQLite database).") from None
    if not {"auth_user", "django_migrations", "network_contact"} <= tables:
        source.close()
        raise InvalidInput(f"{path} is an SQLite database, but not a Hedgerow backup.")
    return source


def _applied_migrations(source: sqlite3.Connection, path: Path) -> set[tuple[str, str]]:
    return set(source.execute("SELECT app, name FROM django_migrations"))
