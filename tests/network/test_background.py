"""Imports started from the web run in the background (issue 14): the page shows their progress,
then their summary or one sentence; a worker runs each job once; a job whose worker died is
given up. Page tests run jobs as they are queued (tests/conftest.py); the real queue and
`hedgerow worker` run in tests/network/test_worker.py."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from html import escape
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hedgerow.lib.processes import is_gone, this_process
from hedgerow.network.background import ProgressWriter, give_up_abandoned_jobs, run_import_job
from hedgerow.network.models import Contact, ImportJob, ImportRun
from tests.network.views.archives import linkedin_zip


def make_job(owner, tmp_path: Path, **fields) -> ImportJob:
    path = tmp_path / "upload" / "Basic_LinkedInDataExport.zip"
    path.parent.mkdir(exist_ok=True)
    linkedin_zip(tmp_path).replace(path)
    values = {"source": "linkedin", "file_name": path.name, "path": str(path)}
    return ImportJob.objects.create(owner=owner, created_at=timezone.now(), **values | fields)


def gone_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(child.stdout)


# Committed rows (transactional_db): on PostgreSQL progress is written by a connection of its
# own, which sees only what is committed, as the worker's job always is.
def test_it_runs_a_queued_job_and_records_its_run(transactional_db, owner, tmp_path):
    job = make_job(owner, tmp_path)

    assert run_import_job(job.pk) == "done"

    job.refresh_from_db()
    run = ImportRun.objects.get(owner=owner)
    assert (job.status, job.run, job.message) == ("done", run, "")
    assert job.total > 0 and job.done == job.total
    assert job.finished_at is not None
    assert Contact.objects.filter(owner=owner).count() == 2
    assert not Path(job.path).exists()  # the upload's copy is removed


def test_it_runs_a_job_only_once(owner, tmp_path):
    job = make_job(owner, tmp_path)
    run_import_job(job.pk)

    assert run_import_job(job.pk) == "done"
    assert ImportRun.objects.filter(owner=owner).count() == 1


def test_it_says_in_one_sentence_why_a_file_cannot_be_imported(owner_client, owner, tmp_path):
    upload = SimpleUploadedFile("notes.zip", b"just some text", content_type="application/zip")

    response = owner_client.post("/import/", {"source": "linkedin", "file": upload}, follow=True)

    job = ImportJob.objects.get(owner=owner)
    assert job.status == "failed"
    assert job.message.startswith("notes.zip is not a readable .zip archive")
    page = response.content.decode()
    assert "We couldn't import that file." in page and escape(job.message) in page
    assert "hx-get" not in page  # nothing left to poll
    assert not ImportRun.objects.exists()


def test_it_shows_progress_and_polls_while_the_import_runs(owner_client, owner, tmp_path):
    job = make_job(owner, tmp_path, status="running", worker=this_process(), done=40, total=100)
    job.heartbeat_at = timezone.now()
    job.save()

    page = owner_client.get(f"/import/jobs/{job.pk}/").content.decode()
    fragment = owner_client.get(f"/import/jobs/{job.pk}/progress/").content.decode()

    assert "Importing Basic_LinkedInDataExport.zip" in page
    for html in (page, fragment):
        assert f'hx-get="/import/jobs/{job.pk}/progress/"' in html
        assert '<progress id="import-bar" max="100" value="40">' in html
    listing = owner_client.get("/import/").content.decode()
    assert "Importing now" in listing and f"/import/jobs/{job.pk}/" in listing


def test_it_says_a_queued_import_waits_for_its_turn(owner_client, owner, tmp_path):
    job = make_job(owner, tmp_path)

    html = owner_client.get(f"/import/jobs/{job.pk}/progress/").content.decode()

    assert "Waiting for its turn" in html and "hedgerow worker" in html


def test_it_leads_to_the_summary_when_the_import_is_done(owner_client, owner, tmp_path):
    job = make_job(owner, tmp_path)
    run_import_job(job.pk)
    job.refresh_from_db()

    polled = owner_client.get(f"/import/jobs/{job.pk}/progress/", HTTP_HX_REQUEST="true")
    opened = owner_client.get(f"/import/jobs/{job.pk}/")

    assert polled["HX-Redirect"] == f"/import/{job.run_id}/"
    assert opened["Location"] == f"/import/{job.run_id}/"


def test_it_hides_another_persons_job(client, owner, outsider, tmp_path):
    job = make_job(owner, tmp_path)
    client.force_login(outsider)

    assert client.get(f"/import/jobs/{job.pk}/").status_code == 404
    assert client.get(f"/import/jobs/{job.pk}/progress/").status_code == 404
    assert f"/import/jobs/{job.pk}/" not in client.get("/import/").content.decode()


def test_it_writes_progress_at_most_twice_a_second(transactional_db, owner, tmp_path):
    job = make_job(owner, tmp_path, status="running")
    progress = ProgressWriter(job.pk)

    progress(10, 100)
    progress(20, 100)  # too soon after the first: not written
    job.refresh_from_db()
    assert (job.done, job.total) == (10, 100)

    progress(100, 100)  # the end is always written
    job.refresh_from_db()
    assert (job.done, job.total) == (100, 100)
    progress.close()


def test_it_gives_up_a_job_whose_worker_is_gone(owner_client, owner, tmp_path):
    host = this_process().rpartition(":")[0]
    dead = make_job(owner, tmp_path, status="running", worker=f"{host}:{gone_pid()}")
    alive = make_job(owner, tmp_path, status="running", worker=this_process())
    for job in (dead, alive):
        job.heartbeat_at = timezone.now()
        job.save()

    html = owner_client.get(f"/import/jobs/{dead.pk}/progress/").content.decode()

    dead.refresh_from_db()
    assert dead.status == "failed"
    assert "stopped before it finished" in dead.message and escape(dead.message) in html
    assert give_up_abandoned_jobs() == 0
    alive.refresh_from_db()
    assert alive.status == "running"


def test_it_gives_up_a_job_on_another_machine_that_went_quiet(owner, tmp_path):
    quiet = make_job(owner, tmp_path, status="running", worker="elsewhere:123")
    quiet.heartbeat_at = timezone.now() - timedelta(hours=1)
    quiet.save()

    assert give_up_abandoned_jobs() == 1
    quiet.refresh_from_db()
    assert quiet.status == "failed"


@pytest.mark.parametrize("ident", ["elsewhere:1", "not a process", ""])
def test_it_never_calls_a_process_it_cannot_see_gone(ident):
    assert not is_gone(ident)


def test_it_calls_an_ended_process_on_this_machine_gone():
    host = this_process().rpartition(":")[0]
    assert is_gone(f"{host}:{gone_pid()}")
    assert not is_gone(this_process())
