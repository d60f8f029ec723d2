"""A long import on SQLite leaves room for other writers, and stays all-or-nothing (issue 14).

Real processes on a real database file: the import runs as `hedgerow import` while this test
writes and reads the same file the way the web server does (a busy timeout, immediate
transactions). No write may fail with "database is locked", writes go in between the import's
turns instead of waiting for its end, the import still brings in everything; and an import
killed with SIGKILL after some of its turns were committed leaves nothing behind once the next
worker starts.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.db import connection

from hedgerow.accounts.models import Profile
from hedgerow.network.demo import DemoNetwork
from hedgerow.network.importers import linkedin, turns
from hedgerow.network.models import Contact, ImportRun
from hedgerow.network.services import importer_for
from tests.homes import migrated_home
from tests.network.views.archives import linkedin_zip

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process signals")

# Turns a tenth of their real length, so an import a tenth of the size still takes several of
# them even on a quiet machine: the same sequence of events for a tenth of the CPU.
TURN_BUSY, TURN_QUIET = turns.TURN_BUSY / 10, turns.TURN_QUIET / 10
CONNECTIONS, MESSAGES = 600, 6000
WRITERS, READERS = 4, 2
HEDGEROW_WITH_SHORT_TURNS = f"""
import os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedgerow.settings")
django.setup()
from hedgerow.network.importers import turns
turns.TURN_BUSY, turns.TURN_QUIET = {TURN_BUSY}, {TURN_QUIET}
from hedgerow.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def hedgerow(home: Path, *argv: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "HEDGEROW_HOME": str(home)}
    env.pop("HEDGEROW_DATABASE_URL", None)  # the embedded SQLite file is the point here
    command = [sys.executable, "-c", HEDGEROW_WITH_SHORT_TURNS, *argv]
    return subprocess.Popen(command, env=env, **kwargs)  # noqa: S603 - our own command


def finish(process: subprocess.Popen, within: float = 300) -> int:
    try:
        return process.wait(within)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    exported_on = datetime.now(UTC).date() - timedelta(days=30)
    network = DemoNetwork.generate(
        connections=CONNECTIONS, messages=MESSAGES, seed=14, exported_on=exported_on
    )
    return network.write(folder / "Basic_LinkedInDataExport.zip")


@pytest.fixture
def home(tmp_path) -> Path:
    home = migrated_home(tmp_path / "home")
    assert finish(hedgerow(home, "user", "add", "alice", stdout=subprocess.DEVNULL)) == 0
    return home


def open_db(home: Path) -> sqlite3.Connection:
    """A connection like the web server's (settings.py): a busy timeout, explicit BEGIN."""
    db = sqlite3.connect(home / "hedgerow.sqlite3", timeout=20, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    return db


class Traffic:
    """Writers that each add a tag of their own in a short immediate transaction, and readers
    that count contacts, timing every statement, until stopped."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.stop = threading.Event()
        self.waits: list[float] = []
        self.errors: list[str] = []
        self.threads = [threading.Thread(target=self.write, args=(n,)) for n in range(WRITERS)] + [
            threading.Thread(target=self.read) for _ in range(READERS)
        ]

    def __enter__(self) -> Traffic:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()

    def write(self, n: int) -> None:
        db = open_db(self.home)
        owner = db.execute("SELECT id FROM auth_user WHERE username = 'alice'").fetchone()[0]
        count = 0
        while not self.stop.is_set():
            started = time.monotonic()
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "INSERT INTO network_tag (owner_id, name) VALUES (?, ?)",
                    [owner, f"writer {n} tag {count}"],
                )
                db.execute("COMMIT")
            except sqlite3.OperationalError as error:
                self.errors.append(str(error))
                db.execute("ROLLBACK") if db.in_transaction else None
            self.waits.append(time.monotonic() - started)
            count += 1
            time.sleep(0.05)
        db.close()

    def read(self) -> None:
        db = open_db(self.home)
        while not self.stop.is_set():
            try:
                db.execute("SELECT count(*) FROM network_contact").fetchone()
            except sqlite3.OperationalError as error:
                self.errors.append(str(error))
            time.sleep(0.02)
        db.close()


def test_it_lets_others_write_while_a_long_import_runs(home, archive):
    with Traffic(home) as traffic:
        time.sleep(0.5)
        started = time.monotonic()
        importing = hedgerow(
            home, "import", "linkedin", str(archive), "--user", "alice", "--json",
            stdout=subprocess.PIPE,
        )  # fmt: skip
        out, _ = importing.communicate(timeout=600)
        took = time.monotonic() - started
        writes_during = len(traffic.waits)
    assert importing.returncode == 0
    summary = json.loads(out)

    assert traffic.errors == []  # no "database is locked"
    # Writes went in between the import's turns rather than queueing behind it. How long they
    # waited is a speed, measured by make bench (docs/benchmarks.md), not asserted here.
    assert max(traffic.waits) < took / 2, (max(traffic.waits), took)
    assert writes_during > WRITERS * 3
    with open_db(home) as db:
        contacts = db.execute("SELECT count(*) FROM network_contact").fetchone()[0]
        run = db.execute("SELECT status, journal FROM network_importrun").fetchone()
    assert contacts == summary["counts"]["contacts_created"] > 0
    assert run[0] == "done" and "turns" not in json.loads(run[1])
    assert not list((home / "journal").glob("run-*"))  # the run's before-file is gone


def test_it_leaves_nothing_of_an_import_killed_after_some_turns(home, archive):
    importing = hedgerow(
        home, "import", "linkedin", str(archive), "--user", "alice", stdout=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 300
        turned = False
        while not turned and time.monotonic() < deadline and importing.poll() is None:
            time.sleep(0.1)
            with open_db(home) as db:
                turned = (
                    bool(
                        db.execute(
                            "SELECT 1 FROM network_importrun WHERE status = 'running' "
                            "AND journal LIKE '%\"turns\"%'"
                        ).fetchone()
                    )
                    and db.execute("SELECT count(*) FROM network_contact").fetchone()[0] > 0
                )
        if not turned:
            pytest.skip("the import finished before it committed a turn (a very fast machine)")
        os.kill(importing.pid, signal.SIGKILL)
    finally:
        finish(importing)

    assert finish(hedgerow(home, "worker", "--once")) == 0

    with open_db(home) as db:
        for table in ("network_contact", "network_interaction", "network_importrun"):
            assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table  # noqa: S608
    assert not list((home / "journal").glob("run-*"))


# --- in this process: turns taken at every tick, then a failure ------------------------------


@pytest.fixture
def every_tick_a_turn(monkeypatch):
    monkeypatch.setattr(turns, "TURN_BUSY", 0.0)
    monkeypatch.setattr(turns, "TURN_QUIET", 0.0)
    monkeypatch.setattr(turns, "WINDOW", 0.0)
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL imports in one transaction: no turns")
    return turns


def test_it_takes_turns_and_finishes_the_import_whole(
    transactional_db, owner, every_tick_a_turn, tmp_path, monkeypatch
):
    pauses = []
    let_others_write = turns._let_others_write
    monkeypatch.setattr(
        turns, "_let_others_write", lambda raw: pauses.append(1) or let_others_write(raw)
    )

    summary = importer_for("linkedin")(owner=owner, path=linkedin_zip(tmp_path))

    assert len(pauses) >= 2

    run = ImportRun.objects.get(pk=summary.run_id)
    assert run.status == "done" and "noted" in run.journal
    assert Contact.objects.filter(owner=owner, import_run=run).count() == 2
    assert not every_tick_a_turn.before_file(run.pk).exists()


def test_it_rolls_back_the_turns_of_an_import_that_fails(
    transactional_db, owner, every_tick_a_turn, tmp_path, monkeypatch
):
    importer_for("linkedin")(owner=owner, path=linkedin_zip(tmp_path))
    first = {c.pk: (c.company, c.position) for c in Contact.objects.filter(owner=owner)}
    taken = []
    real_finish = linkedin.finish_run

    def fail(run, summary):
        taken.append(every_tick_a_turn.before_file(run.pk).exists())
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(linkedin, "finish_run", fail)
    with pytest.raises(RuntimeError):
        importer_for("linkedin")(owner=owner, path=linkedin_zip(tmp_path, later=True))
    monkeypatch.setattr(linkedin, "finish_run", real_finish)

    assert taken == [True]  # turns were committed before the failure
    assert ImportRun.objects.filter(owner=owner).count() == 1
    now = {c.pk: (c.company, c.position) for c in Contact.objects.filter(owner=owner)}
    assert now == first  # Ana's new job is gone, and Dana too
    assert Profile.objects.filter(user=owner).exists()
    assert not list(every_tick_a_turn.before_file(0).parent.glob("run-*"))
