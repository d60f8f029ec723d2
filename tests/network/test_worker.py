"""`hedgerow worker` and the worker `hedgerow serve` starts, as real processes on a real
database file: a queued import is run by the worker, and a worker dies with its server, even
when the server is killed with SIGKILL (issue 14)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hedgerow.lib.processes import is_gone, this_process
from tests.homes import environment, migrated_home
from tests.network.views.archives import linkedin_zip

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process signals")


def hedgerow(
    home: Path, *argv: str, env: dict[str, str] | None = None, **kwargs
) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - our own command
        [sys.executable, "-m", "hedgerow", *argv], env=env or environment(home), **kwargs
    )


def finish(process: subprocess.Popen, within: float = 120) -> int:
    try:
        return process.wait(within)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


QUEUE = """
import sys
from pathlib import Path
import django
django.setup()
from django.contrib.auth import get_user_model
from hedgerow.network.background import queue_import
path = Path(sys.argv[1])
job = queue_import(owner=get_user_model().objects.get(username="alice"), source="linkedin",
                   file_name=path.name, chunks=[path.read_bytes()], keep_message_text=False)
print(job.pk)
"""


def queue_and_work(home: Path, archive: Path, env: dict[str, str]) -> int:
    """Queue an import as the import page does, run `hedgerow worker --once`; the job's id."""
    added = hedgerow(
        migrated_home(home), "user", "add", "alice", env=env, stdout=subprocess.DEVNULL
    )
    assert finish(added) == 0
    queued = subprocess.run(  # noqa: S603
        [sys.executable, "-c", QUEUE, str(archive)], env=env, capture_output=True, text=True
    )
    assert queued.returncode == 0, queued.stderr
    assert finish(hedgerow(home, "worker", "--once", env=env, stdout=subprocess.DEVNULL)) == 0
    return int(queued.stdout)


def outcome(home: Path, job_id: int) -> tuple[str, int | None, int]:
    with sqlite3.connect(home / "hedgerow.sqlite3") as db:
        status, run_id = db.execute(
            "SELECT status, run_id FROM network_importjob WHERE id = ?", [job_id]
        ).fetchone()
        contacts = db.execute("SELECT count(*) FROM network_contact").fetchone()[0]
    return status, run_id, contacts


def test_it_runs_an_import_queued_from_the_web(tmp_path):
    home = tmp_path / "home"

    job_id = queue_and_work(home, linkedin_zip(tmp_path), environment(home))

    status, run_id, contacts = outcome(home, job_id)
    assert (status, contacts) == ("done", 2) and run_id
    with sqlite3.connect(home / "hedgerow.sqlite3") as db:
        task = db.execute("SELECT status FROM django_tasks_database_dbtaskresult").fetchall()
    assert task == [("SUCCESSFUL",)]


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (scripts/install-redis.sh)")
    port = free_port()
    redis = subprocess.Popen(  # noqa: S603
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        redis.terminate()
        redis.wait(10)


def test_it_runs_an_import_queued_in_redis(tmp_path, redis_url):
    home = tmp_path / "home"

    job_id = queue_and_work(
        home, linkedin_zip(tmp_path), environment(home, HEDGEROW_REDIS_URL=redis_url)
    )

    status, run_id, contacts = outcome(home, job_id)
    assert (status, contacts) == ("done", 2) and run_id
    with sqlite3.connect(home / "hedgerow.sqlite3") as db:  # the database queue was not used
        assert db.execute("SELECT count(*) FROM django_tasks_database_dbtaskresult").fetchone() == (
            0,
        )


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_it_ends_the_worker_with_the_server(tmp_path, how):
    home = tmp_path / "home"
    added = hedgerow(migrated_home(home), "user", "add", "alice", stdout=subprocess.DEVNULL)
    assert finish(added) == 0
    server = hedgerow(home, "serve", "--port", str(free_port()), stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120  # a busy machine starts Python slowly
        while not (workers := children_of(server.pid)) and time.monotonic() < deadline:
            assert server.poll() is None, "hedgerow serve stopped"
            time.sleep(0.2)
        assert len(workers) == 1, "hedgerow serve started no worker"
        worker = workers[0]
        assert b"worker" in Path(f"/proc/{worker}/cmdline").read_bytes()
        time.sleep(1)  # let it get going: the worker's watch starts with Django

        os.kill(server.pid, how)
        server.wait(30)

        host = this_process().rpartition(":")[0]
        deadline = time.monotonic() + 15
        while not is_gone(f"{host}:{worker}") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert is_gone(f"{host}:{worker}"), "the worker outlived its server"
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        for pid in children_of(server.pid):
            os.kill(pid, signal.SIGKILL)
