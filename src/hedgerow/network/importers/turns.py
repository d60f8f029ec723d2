"""On SQLite a long import writes in short turns, so everyone else can write between them.

SQLite lets one connection write at a time; an import of a big archive in one transaction kept
every other writer (a note logged, a sign-in) waiting behind it for as long as it ran, and after
the busy timeout they failed with "database is locked" (issue 14). So an import commits what it
wrote every TURN_BUSY or TURN_QUIET seconds, lets the writers that waited go first (see
_let_others_write), and goes on in a new transaction. PostgreSQL locks rows, not the database,
so there an import stays one transaction.

An import stays all-or-nothing all the same. Every row it adds carries its run (recording.py);
before its first turn commits, the values of the rows it may change, as the run found them, are
written to a file beside the database, and the rows it lists by id go into the run's journal at
every turn. If the import then fails, or its process dies (kill -9, a power cut), `roll_back`
deletes what its turns added and puts the old values back: nothing of it stays, as before. A
failed import is rolled back by the function that called it (services.importer_for); one whose
process died, the next time anything imports for that person or a worker starts.

Turns are taken only between records (in the importer's progress callback, which every importer
calls from its loop over the file), never while a query's rows are still being read or inside a
savepoint. Others see an import's rows turn by turn, as a progress bar would show them.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from hedgerow.lib.processes import is_gone, this_process
from hedgerow.network import journal, recording
from hedgerow.network.models import ImportChange, ImportRun

# At most this long (seconds) holding the write lock between two records of an import: longer
# while no one else writes (each turn costs a pause), shorter while others do.
TURN_QUIET = 1.0
TURN_BUSY = 0.5
# After each turn the import waits a window long enough for every waiting writer to look once
# (SQLite's busy handler looks every 100 ms at most); while others commit in a window, it
# waits another, up to MOST_PAUSE, so a queue of writers drains before the import goes on.
WINDOW = 0.11
MOST_PAUSE = 1.0

Progress = Callable[[int, int], None]
logger = logging.getLogger(__name__)


@dataclass
class _Turns:
    run: ImportRun
    before: journal.Before
    since: float = field(default_factory=time.monotonic)
    taken: int = 0
    turn: float = 0.0  # how long this turn may hold the lock


_current: ContextVar[_Turns | None] = ContextVar("hedgerow_import_turns", default=None)
# Runs taking turns in this process right now: their rows are not anyone's to roll back.
_active: set[int] = set()


def begin(run: ImportRun, before: journal.Before) -> None:
    """Called by start_run: the run may take turns from now on (on SQLite)."""
    if connection.vendor != "sqlite":
        return
    # TURN_BUSY until a pause shows whether anyone else writes.
    _current.set(_Turns(run=run, before=before, turn=TURN_BUSY))
    _active.add(run.pk)


def end(run: ImportRun) -> None:
    """Called by finish_run, inside the last turn: the run is complete once that commits."""
    turns = _current.get()
    if turns is None or turns.run.pk != run.pk:
        return
    _current.set(None)
    logger.debug(
        "Import run %s: its last turn held the lock %.2f s so far",
        run.pk,
        time.monotonic() - turns.since,
    )
    if turns.taken:
        path = before_file(run.pk)
        transaction.on_commit(lambda: path.unlink(missing_ok=True))
    _active.discard(run.pk)


def taking_turns(progress: Progress | None) -> Progress:
    """Wrap an importer's progress callback so the import takes its turns there."""

    def tick(done: int, total: int) -> None:
        take_turn_if_due()
        if progress is not None:
            progress(done, total)

    return tick


def take_turn_if_due() -> None:
    turns = _current.get()
    if turns is None or time.monotonic() - turns.since < turns.turn:
        return
    if not recording.is_recording(turns.run.pk):
        _current.set(None)  # its transaction rolled back; see after_failure
        return
    if connection.savepoint_ids or connection.needs_rollback or not connection.in_atomic_block:
        return  # inside a savepoint, or the import runs inside someone's transaction
    if turns.taken == 0:
        _write_before(turns)
    noted = {label: ids for label, ids in recording.noted_so_far().items() if ids}
    journal_now = {**turns.run.journal, "noted": noted, "turns": this_process()}
    ImportRun.objects.filter(pk=turns.run.pk).update(journal=journal_now)
    raw = connection.connection
    held = time.monotonic() - turns.since
    raw.execute("COMMIT")
    others = _let_others_write(raw)
    raw.execute("BEGIN IMMEDIATE")  # waits its turn like any writer (the busy timeout)
    logger.debug(
        "Import run %s: turn %s held the lock %.2f s; %s others wrote",
        *(turns.run.pk, turns.taken, held, others),
    )
    turns.taken += 1
    turns.turn = TURN_BUSY if others else TURN_QUIET
    turns.since = time.monotonic()


def _let_others_write(raw: Any) -> int:
    """Wait while others write; return how many windows saw a commit of theirs."""

    def data_version() -> int:  # changes whenever another connection commits
        return raw.execute("PRAGMA data_version").fetchone()[0]

    version, busy, until = data_version(), 0, time.monotonic() + MOST_PAUSE
    while True:
        time.sleep(WINDOW)
        now = data_version()
        if now == version or time.monotonic() >= until:
            return busy
        version, busy = now, busy + 1


def after_failure() -> None:
    """Called when an import raised: roll back the turns it committed before it failed."""
    turns = _current.get()
    _current.set(None)
    if turns is None:
        return
    _active.discard(turns.run.pk)
    if ImportRun.objects.filter(pk=turns.run.pk, status=ImportRun.Status.RUNNING).exists():
        roll_back(turns.run.pk)


def roll_back_abandoned_runs(owner_id: int | None = None) -> int:
    """Roll back runs that committed turns and whose process is gone; return how many."""
    unfinished = ImportRun.objects.filter(status=ImportRun.Status.RUNNING, journal__has_key="turns")
    if owner_id is not None:
        unfinished = unfinished.filter(owner_id=owner_id)
    gone = 0
    for run in unfinished:
        ident = run.journal.get("turns", "")
        mine_but_over = ident == this_process() and run.pk not in _active
        if is_gone(ident) or mine_but_over:
            roll_back(run.pk)
            gone += 1
    return gone


@transaction.atomic
def roll_back(run_id: int) -> None:
    """Remove what an unfinished run's turns added and put back what they changed; then forget
    the run, as if it had never started."""
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.RUNNING).first()
    if run is None:
        return
    path = before_file(run_id)
    if path.exists():
        values = json.loads(path.read_text())
        journal.restore_changed(
            ImportChange(run=run, model=label, row_id=int(pk), before=before)
            for label, rows in values.items()
            for pk, before in rows.items()
        )
    journal.remove_added(run)
    run.delete()
    transaction.on_commit(lambda: path.unlink(missing_ok=True))


def before_file(run_id: int) -> Path:
    return Path(settings.HOME) / "journal" / f"run-{run_id}.json"


def _write_before(turns: _Turns) -> None:
    """The values of the rows the run may change, as it found them, whole and on disk before
    the first turn commits (a crash after that commit can still put them back)."""
    rows: dict[str, dict[int, dict[str, Any]]] = {}
    for label, found in turns.before.rows.items():
        names = journal.tracked_fields(label)
        rows[label] = {pk: dict(zip(names, row, strict=True)) for pk, row in found.items()}
    path = before_file(turns.run.pk)
    path.parent.mkdir(mode=0o700, exist_ok=True)
    draft = path.with_suffix(".draft")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        # In one piece, by json's C encoder (json.dump to a file encodes in Python, value by
        # value: a second for 30,000 contacts); what JSON lacks (dates) as journal.jsonable.
        handle.write(json.dumps(rows, default=journal.jsonable))
        handle.flush()
        os.fsync(handle.fileno())
    draft.replace(path)
