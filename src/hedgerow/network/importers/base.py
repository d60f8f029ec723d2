"""What every importer shares: its summary, problems with file and line, unusable input.

An importer is one module with one public function,
`import_<source>(*, owner, path, progress=None) -> ImportSummary`, that runs in a single
transaction and records an ImportRun. Importing the same input twice changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from django.db import connection
from django.utils import timezone

from hedgerow.network import journal, recording
from hedgerow.network.models import ImportRun

# The columns every importer fills on the interactions it writes, in insert order.
IMPORTED_INTERACTION_FIELDS = (
    "owner",
    "contact",
    "kind",
    "direction",
    "occurred_at",
    "source",
    "external_id",
    "subject",
    "text",
)
# Called as progress(done, total) with units the importer chooses (rows or bytes).
Progress = Callable[[int, int], None]


class UnusableInput(Exception):
    """The input cannot be imported at all; the message is one clear sentence for the person."""


class NeedsConfirmation(Exception):
    """The import would change the network a lot (another person's archive, many connections
    ending): nothing was written, and `summary` shows what it would have done."""

    def __init__(self, summary: ImportSummary, reasons: list[str]) -> None:
        super().__init__(" ".join(reasons))
        self.summary = summary
        self.reasons = reasons


@dataclass
class Problem:
    file: str
    line: int | None
    message: str


@dataclass
class ImportSummary:
    source: str
    file_name: str
    run_id: int | None = None
    # e.g. {"contacts_created": 3, "contacts_updated": 1, "interactions_created": 10, ...}
    counts: dict[str, int] = field(default_factory=dict)
    # Human sentences about what was merged, matched or changed.
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def problem(self, file: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(file=file, line=line, message=message))

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["counts"] = dict(sorted(self.counts.items()))
        return data


def file_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over the given files' bytes, in the order given."""
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


# What each run found before it began (journal.Before), until it finishes; runs that fail
# leave nothing behind.
_BEFORE: WeakKeyDictionary[ImportRun, journal.Before] = WeakKeyDictionary()


def start_run(*, owner, source: str, file_name: str, digest: str) -> ImportRun:
    """Open the run; call inside the import's transaction, before anything is written."""
    from hedgerow.network.importers import turns

    turns.roll_back_abandoned_runs(owner_id=owner.pk)  # an earlier import whose process died
    before = journal.before_run(owner.pk)
    run = ImportRun.objects.create(
        owner=owner, source=source, file_name=file_name, digest=digest, started_at=timezone.now()
    )
    _BEFORE[run] = before
    recording.begin(run.pk)  # every row added from here on carries the run
    turns.begin(run, before)  # on SQLite, a long import lets others write between its turns
    return run


def finish_run(run: ImportRun, summary: ImportSummary) -> None:
    """Close the run: record how to undo it (journal.py), mark what is history, save the summary."""
    from hedgerow.network.importers import turns

    turns.end(run)
    noted = recording.end()
    before = _BEFORE.pop(run, None)
    if before is not None:
        journal.after_run(run, before, noted)
    run.status = ImportRun.Status.DONE
    run.finished_at = timezone.now()
    run.counts = dict(summary.counts)
    run.problems = [asdict(p) for p in summary.problems]
    run.notes = list(summary.notes)
    run.save(update_fields=["status", "finished_at", "counts", "problems", "notes", "journal"])
    summary.run_id = run.pk
    refresh_planner_statistics()


def refresh_planner_statistics() -> None:
    """Let the query planner see the new data, so Today picks its selective indexes."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # A sampled ANALYZE: milliseconds, and enough for the planner's choices.
            cursor.execute("PRAGMA analysis_limit=1000")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE network_contact, network_interaction, network_update")
