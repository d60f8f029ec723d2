"""Background work, through Django's Tasks API (the django-tasks backport until Django 6).

Each task is one small step that tests call directly; `hedgerow worker` only claims and calls.
"""

from __future__ import annotations

from django_tasks import task


@task()
def import_file(job_id: int) -> str:
    """An import started from the web (see background.py)."""
    from hedgerow.network.background import run_import_job

    return run_import_job(job_id)
