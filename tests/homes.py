"""Homes for tests that run `hedgerow` as real processes on an embedded SQLite file.

Migrating a new home costs seconds of CPU, so each test process migrates one template once and
copies its database into every home that needs one. Tests about a home's first start (its files,
their permissions, the demo) still start from nothing; see tests/test_security.py and test_cli.py.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

DATABASE = "hedgerow.sqlite3"


def environment(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a `hedgerow` process on `home`'s SQLite file, whatever the suite uses."""
    env = {**os.environ, "HEDGEROW_HOME": str(home), "DJANGO_SETTINGS_MODULE": "hedgerow.settings"}
    env.pop("HEDGEROW_DATABASE_URL", None)
    env.pop("HEDGEROW_REDIS_URL", None)
    return {**env, **extra}


@cache
def _template() -> Path:
    home = Path(tempfile.mkdtemp(prefix="hedgerow-template-home-"))
    subprocess.run(
        [sys.executable, "-m", "hedgerow", "manage", "migrate", "--verbosity", "0"],
        env=environment(home),
        check=True,
        timeout=600,
    )
    return home / DATABASE


def migrated_home(home: Path) -> Path:
    """`home`, created with a migrated, empty database (owner-only, as the app makes it)."""
    home.mkdir(parents=True, exist_ok=True)
    home.chmod(0o700)
    # SQLite's own copy: whatever of the template still sits in its write-ahead log comes along.
    os.close(os.open(home / DATABASE, os.O_WRONLY | os.O_CREAT, 0o600))
    with sqlite3.connect(_template()) as source, sqlite3.connect(home / DATABASE) as copy:
        source.backup(copy)
    return home
