"""messages.csv read by a worker process: spawned as on macOS, failing, dying; and its dates.

test_linkedin.py runs every importer test with messages read both in process and by a (forked)
worker; these are the cases only a worker has.
"""

from __future__ import annotations

import multiprocessing
import os
import threading

import pytest
import time_machine

from hedgerow.network.importers import linkedin, linkedin_messages
from hedgerow.network.importers.linkedin import import_linkedin
from hedgerow.network.importers.linkedin_csv import BadValue
from hedgerow.network.importers.linkedin_messages import MessageParser, message_time_text
from hedgerow.network.models import Contact, ImportRun, Interaction
from tests.network.importers.test_linkedin import FIRST, FIRST_DAY

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)


@pytest.fixture
def in_a_worker(monkeypatch):
    monkeypatch.setattr(linkedin_messages, "WORKER_MIN_BYTES", 0)


def use_start_method(monkeypatch, method: str) -> None:
    context = multiprocessing.get_context(method)
    monkeypatch.setattr(linkedin_messages, "worker_context", lambda: context)


def run(owner):
    with time_machine.travel(FIRST_DAY, tick=False):
        return import_linkedin(owner=owner, path=FIRST)


def test_it_reads_messages_in_a_spawned_worker_as_macos_does(owner, in_a_worker, monkeypatch):
    use_start_method(monkeypatch, "spawn")

    summary = run(owner)

    assert summary.counts["interactions_created"] == 5
    assert summary.counts["drafts_skipped"] == 1
    assert ("messages.csv", 9) in {(p.file, p.line) for p in summary.problems}
    assert Interaction.objects.filter(owner=owner).count() == 5


@needs_fork
def test_it_raises_an_error_of_the_worker_here_and_writes_nothing(owner, in_a_worker, monkeypatch):
    use_start_method(monkeypatch, "fork")  # the worker inherits the broken parser

    def broken(self, line, cells):
        raise ValueError("no sense in this row")

    monkeypatch.setattr(MessageParser, "message", broken)

    with pytest.raises(ValueError, match="no sense in this row") as raised:
        run(owner)

    assert any("process reading messages.csv" in note for note in raised.value.__notes__)
    assert not Contact.objects.filter(owner=owner).exists()
    assert not ImportRun.objects.filter(owner=owner).exists()


@needs_fork
def test_it_stops_with_an_error_when_the_worker_dies(owner, in_a_worker, monkeypatch):
    use_start_method(monkeypatch, "fork")

    def dies(self, line, cells):
        os._exit(3)

    monkeypatch.setattr(MessageParser, "message", dies)

    with pytest.raises(RuntimeError, match=r"stopped without finishing \(exit code 3\)"):
        run(owner)

    assert not Interaction.objects.filter(owner=owner).exists()


def test_it_reads_in_process_where_no_worker_may_start(owner, in_a_worker, monkeypatch):
    monkeypatch.setattr(linkedin, "can_start_worker", lambda: False)  # say, a daemonic process
    monkeypatch.setattr(linkedin, "WorkerFeed", None)  # would fail if used

    assert run(owner).counts["interactions_created"] == 5


def test_it_reads_in_process_when_no_process_can_be_started(owner, in_a_worker, monkeypatch):
    def no_more_processes(*args):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(linkedin, "WorkerFeed", no_more_processes)

    assert run(owner).counts["interactions_created"] == 5


def test_it_spawns_rather_than_forks_while_another_thread_runs():
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert linkedin_messages.worker_context().get_start_method() == "spawn"
    finally:
        release.set()
        thread.join()


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("2023-06-11 15:33:58 UTC", "2023-06-11 15:33:58"),
        (" 2023-06-11 15:33:58 ", "2023-06-11 15:33:58"),
        ("2023-06-11T15:33:58", "2023-06-11 15:33:58"),
        ("2023-06-11 15:33:58.250000 UTC", "2023-06-11 15:33:58.250000"),
        ("2023-06-11 17:33:58+02:00", "2023-06-11 15:33:58"),
        ("2023-06-11 15:33+02", "2023-06-11 13:33:00"),
        ("2023-06-11", "2023-06-11 00:00:00"),
    ],
)
def test_it_stores_message_dates_as_the_utc_text_sqlite_keeps(written, stored):
    assert message_time_text(written) == stored


@pytest.mark.parametrize("written", ["yesterday", "", "2023-13-01 10:00:00 UTC"])
def test_it_refuses_message_dates_it_cannot_read(written):
    with pytest.raises(BadValue, match="is not a date like"):
        message_time_text(written)


KILLED_IMPORTER = """
import sys, time
import django
django.setup()
from hedgerow.network.importers.linkedin_messages import MessageOptions, WorkerFeed, WorkerTask
options = MessageOptions(keep_bodies=True, text_dates=True)
feed = WorkerFeed(WorkerTask(sys.argv[1], options, "hedgerow.settings"))
print(feed.process.pid, flush=True)
time.sleep(120)  # never reads: the worker fills the pipe and waits, until this is killed
"""


def gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"  # a zombie has ended
    except FileNotFoundError:
        return True


@needs_fork
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc to see the worker")
def test_it_ends_the_worker_when_the_importer_is_killed(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    messages = tmp_path / "messages.csv"
    with messages.open("w") as handle:
        handle.write("CONVERSATION ID,FROM,TO,DATE,SUBJECT,CONTENT\n")
        for n in range(20_000):
            handle.write(f"c{n % 50},Ana Lima,Bo Chen,2023-06-11 15:33:58 UTC,Hi,{'x' * 200}\n")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hedgerow.settings"}
    env["HEDGEROW_HOME"] = str(tmp_path / "home")
    importer = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", KILLED_IMPORTER, str(messages)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert importer.stdout is not None
        worker = int(importer.stdout.readline())
        time.sleep(1)  # the worker has filled the pipe and waits for a reader
        assert not gone(worker)

        importer.send_signal(signal.SIGKILL)
        importer.wait()
        deadline = time.monotonic() + 10
        while not gone(worker) and time.monotonic() < deadline:
            time.sleep(0.1)

        assert gone(worker)
    finally:
        importer.kill()
