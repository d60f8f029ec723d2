"""`hedgerow backup PATH` and `hedgerow restore PATH`, run as people run them: the `hedgerow`
command in homes of its own. A backup is consistent while someone writes; a restore goes only
into an empty home; export -> backup -> restore -> export gives the same data."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.db import connection

from hedgerow.cli import main
from tests.homes import migrated_home

ROOT = Path(__file__).resolve().parents[2]
FILL = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from hedgerow.accounts.services import add_person
from tests.portability.conftest import fill
for name, word in (("alice", "Alicewords"), ("mallory", "Mallorysecret")):
    fill(add_person(username=name), word)
"""


def hedgerow(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HEDGEROW_HOME": str(home),
        "DJANGO_SETTINGS_MODULE": "hedgerow.settings",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("HEDGEROW_DATABASE_URL", None)  # these homes keep SQLite, whatever the suite uses
    command = [sys.executable, "-c", FILL] if argv == ("fill",) else [
        sys.executable, "-m", "hedgerow", *argv
    ]  # fmt: skip
    return subprocess.run(  # noqa: S603 - our own command, with our own arguments
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def exported(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        data = json.loads(archive.read("hedgerow.json"))
    data.pop("exported_at")
    return data


@pytest.fixture(scope="module")
def first_home(tmp_path_factory) -> Path:
    home = migrated_home(tmp_path_factory.mktemp("first-home"))
    filled = hedgerow(home, "fill")
    assert filled.returncode == 0, filled.stderr
    return home


def test_it_round_trips_export_backup_restore_export(first_home, tmp_path):
    second_home = tmp_path / "second-home"
    for name in ("alice", "mallory"):
        done = hedgerow(
            first_home, "export", "--all", str(tmp_path / f"{name}-1.zip"), "--user", name
        )
        assert done.returncode == 0, done.stderr

    backed_up = hedgerow(first_home, "backup", str(tmp_path / "home.sqlite3"))
    restored = hedgerow(second_home, "restore", str(tmp_path / "home.sqlite3"))
    for name in ("alice", "mallory"):
        done = hedgerow(
            second_home, "export", "--all", str(tmp_path / f"{name}-2.zip"), "--user", name
        )
        assert done.returncode == 0, done.stderr

    assert backed_up.returncode == 0, backed_up.stderr
    assert "Backed up 2 people (" in backed_up.stdout
    assert restored.returncode == 0, restored.stderr
    assert (
        restored.stdout
        == f"Restored 2 people from {tmp_path / 'home.sqlite3'}. Sign in as before.\n"
    )
    for name in ("alice", "mallory"):
        before, after = exported(tmp_path / f"{name}-1.zip"), exported(tmp_path / f"{name}-2.zip")
        assert before["contacts"] and before["goals"] and before["practice"]["impulses"]
        assert after == before


def test_it_backs_up_while_someone_is_writing(first_home, tmp_path):
    writer = sqlite3.connect(first_home / "hedgerow.sqlite3", timeout=1)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE network_contact SET notes = 'half-written' WHERE 1")
    try:
        done = hedgerow(first_home, "backup", str(tmp_path / "busy.sqlite3"))
    finally:
        writer.rollback()
        writer.close()

    assert done.returncode == 0, done.stderr
    copy = sqlite3.connect(tmp_path / "busy.sqlite3")
    notes = {n for (n,) in copy.execute("SELECT notes FROM network_contact")}
    copy.close()
    assert notes == {"Met at the Alicewords fair.", "Met at the Mallorysecret fair."}
    assert (tmp_path / "busy.sqlite3").stat().st_mode & 0o777 == 0o600
    assert not (tmp_path / "busy.sqlite3-wal").exists()


def test_it_restores_only_into_an_empty_home(first_home, tmp_path):
    assert hedgerow(first_home, "backup", str(tmp_path / "home.sqlite3")).returncode == 0

    refused = hedgerow(first_home, "restore", str(tmp_path / "home.sqlite3"))

    assert refused.returncode == 2
    assert refused.stderr == (
        f"hedgerow: {first_home} already holds people's data; restore only into an empty home "
        "(set HEDGEROW_HOME to a new folder).\n"
    )


def test_it_refuses_a_file_that_is_not_a_backup(tmp_path):
    (tmp_path / "notes.txt").write_text("not a database " * 100)
    home = tmp_path / "home"

    refused = hedgerow(home, "restore", str(tmp_path / "notes.txt"))
    missing = hedgerow(home, "restore", str(tmp_path / "nothing.sqlite3"))

    assert refused.returncode == 2
    assert refused.stderr == (
        f"hedgerow: {tmp_path / 'notes.txt'} is not a Hedgerow backup (not an SQLite database).\n"
    )
    assert missing.stderr == f"hedgerow: {tmp_path / 'nothing.sqlite3'}: no such file.\n"


def test_it_never_overwrites_a_file_with_a_backup(first_home, tmp_path):
    (tmp_path / "old.sqlite3").write_text("keep me")

    refused = hedgerow(first_home, "backup", str(tmp_path / "old.sqlite3"))

    assert refused.returncode == 2
    assert "already exists; choose a new name for the backup." in refused.stderr
    assert (tmp_path / "old.sqlite3").read_text() == "keep me"


@pytest.mark.django_db
def test_it_points_to_pg_dump_on_postgresql(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(connection, "vendor", "postgresql")

    assert main(["backup", str(tmp_path / "b.sqlite3")]) == 2
    assert main(["restore", str(tmp_path / "b.sqlite3")]) == 2

    err = capsys.readouterr().err
    advice = (
        "hedgerow: This Hedgerow keeps its data in PostgreSQL; use pg_dump and pg_restore as "
        "docs/deployment.md (Backups) shows.\n"
    )
    assert err == advice * 2
    assert not (tmp_path / "b.sqlite3").exists()
