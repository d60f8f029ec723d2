"""Imports started from the web run in the background (issue 14).

The page saves the upload and queues an ImportJob; `hedgerow worker` (Django's Tasks API, see
tasks.py) takes it, runs the importer with a progress callback the page polls, and records the
run or one sentence saying why nothing was imported. The CLI keeps importing in the foreground.

`run_import_job` is the one step a worker calls, and tests call it directly. Claiming a job is
a conditional update rather than a row lock, so SQLite and PostgreSQL behave alike.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from django.db import connection, connections
from django.utils import timezone

from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.processes import is_gone, this_process
from hedgerow.network.importers.base import UnusableInput
from hedgerow.network.models import ImportJob, ImportRun
from hedgerow.network.services import (
    IMPORTERS,
    confirm_import,
    import_saved_file,
    save_upload,
)

logger = logging.getLogger(__name__)

# The page is refreshed about once a second; writing progress more often is wasted work.
PROGRESS_EVERY = 0.5
# A running job whose worker has not written for this long is given up (a worker on another
# machine that was stopped; one on this machine is noticed at once, see is_gone).
STALE_AFTER = timedelta(minutes=15)
SOMETHING_WENT_WRONG = (
    "Something went wrong on our side, so nothing of this file was imported; please try again "
    "(the server's log says what happened)."
)
STOPPED = (
    "The import stopped before it finished (its worker was stopped), so nothing of it was "
    "kept; please upload the file again."
)


def queue_import(
    *, owner, source: str, file_name: str, chunks: Iterable[bytes], keep_message_text: bool
) -> ImportJob:
    """Save the upload and queue its import; the worker takes it from here."""
    if source not in IMPORTERS:
        raise InvalidInput(f"source must be one of {', '.join(IMPORTERS)}.")
    path = save_upload(
        owner=owner, file_name=file_name, chunks=chunks, keep_message_text=keep_message_text
    )
    job = ImportJob.objects.create(
        owner=owner, source=source, file_name=path.name, path=str(path), created_at=timezone.now()
    )
    return _enqueue(job)


def queue_confirmed_import(*, run: ImportRun) -> ImportJob:
    """Apply a previewed import in the background, now that its owner said yes."""
    if run.status != ImportRun.Status.PREVIEW:
        raise InvalidInput(f"Import #{run.pk} is not waiting for a confirmation.")
    job = ImportJob.objects.create(
        owner_id=run.owner_id,
        source=run.source,
        file_name=run.file_name,
        path=run.pending_file,
        confirms=run,
        created_at=timezone.now(),
    )
    return _enqueue(job)


def _enqueue(job: ImportJob) -> ImportJob:
    from hedgerow.network.tasks import import_file

    try:
        import_file.enqueue(job_id=job.pk)
    except Exception:
        # The queue (Redis) did not answer: say so now rather than leave the job waiting.
        logger.exception("Could not queue import job %s", job.pk)
        _finish(job, ImportJob.Status.FAILED, message=SOMETHING_WENT_WRONG)
        raise InvalidInput(
            "The import could not be queued (the task queue is not answering); please try again "
            "in a minute."
        ) from None
    return job


def run_import_job(job_id: int) -> str:
    """Take one queued job, import it, record how it ended; return its status. A job another
    worker took already, or one that is gone, is left alone."""
    now = timezone.now()
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.RUNNING, worker=this_process(), started_at=now, heartbeat_at=now
    )
    job = ImportJob.objects.select_related("owner", "confirms").filter(pk=job_id).first()
    if job is None or not claimed:
        return job.status if job else "gone"
    progress = ProgressWriter(job.pk)
    try:
        if job.confirms is not None:
            summary = confirm_import(run=job.confirms, progress=progress)
        elif job.path and Path(job.path).is_file():
            summary = import_saved_file(
                owner=job.owner, source=job.source, path=Path(job.path), progress=progress
            )
        else:
            raise InvalidInput("The uploaded file is gone; please upload it again.")
    except (UnusableInput, InvalidInput) as error:
        _finish(job, ImportJob.Status.FAILED, message=str(error))
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        _finish(job, ImportJob.Status.FAILED, message=SOMETHING_WENT_WRONG)
        raise
    except BaseException:  # the worker was told to stop (SIGTERM twice, Ctrl+C)
        _finish(job, ImportJob.Status.FAILED, message=STOPPED)
        raise
    else:
        _finish(job, ImportJob.Status.DONE, run_id=summary.run_id)
    finally:
        progress.close()
    return job.status


def _finish(job: ImportJob, status: str, *, message: str = "", run_id: int | None = None) -> None:
    # An update, not save(): a confirmed preview's run was deleted under the job (SET_NULL).
    finished_at = timezone.now()
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, message=message, run_id=run_id, finished_at=finished_at
    )
    job.status, job.message, job.run_id, job.finished_at = status, message, run_id, finished_at


class ProgressWriter:
    """The importer's progress(done, total), written for the page at most twice a second.

    An import holds its transaction open; what it writes shows only when that commits. On SQLite
    a second connection would wait for the import's own write lock, so progress is written in
    the import's transaction; elsewhere at once, through a connection of its own."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.last = 0.0
        self.side = (
            None if connection.vendor == "sqlite" else connections.create_connection("default")
        )

    def __call__(self, done: int, total: int) -> None:
        moment = time.monotonic()
        if moment - self.last < PROGRESS_EVERY and done < total:
            return
        self.last = moment
        if self.side is None:
            ImportJob.objects.filter(pk=self.job_id).update(
                done=done, total=total, heartbeat_at=timezone.now()
            )
            return
        with self.side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ImportJob._meta.db_table} SET done = %s, total = %s, heartbeat_at = %s "  # noqa: S608 - our own table name
                "WHERE id = %s",
                [done, total, timezone.now(), self.job_id],
            )

    def close(self) -> None:
        if self.side is not None:
            self.side.close()


def give_up_if_abandoned(job: ImportJob) -> ImportJob:
    """A running job whose worker ended (killed, or the machine restarted) will never finish:
    say so, and remove its file. Its transaction died with it, so nothing of it was kept."""
    if job.status != ImportJob.Status.RUNNING:
        return job
    stale = job.heartbeat_at is None or job.heartbeat_at < timezone.now() - STALE_AFTER
    if not (is_gone(job.worker) or stale):
        return job
    failed = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.RUNNING).update(
        status=ImportJob.Status.FAILED, message=STOPPED, finished_at=timezone.now()
    )
    if failed and job.confirms_id is None and job.path:
        shutil.rmtree(Path(job.path).parent, ignore_errors=True)
    job.refresh_from_db()
    return job


def give_up_abandoned_jobs() -> int:
    """Every job whose worker is gone (a worker calls this when it starts)."""
    running = ImportJob.objects.filter(status=ImportJob.Status.RUNNING)
    return sum(give_up_if_abandoned(job).status == ImportJob.Status.FAILED for job in running)
