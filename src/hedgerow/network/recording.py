"""Which import run is adding rows right now, so each row it adds carries the run (issue 9).

Undo deletes exactly the rows a run added. An id range cannot say that: on PostgreSQL another
writer (a contact added in the web, another import) takes ids from the same sequences while a
run is open, and those rows would fall inside the run's range. So the rows remember their run.

The run is held in a context variable: a web request or a worker in another thread has its own
context, so what it writes is never taken for the import's. Models default their `import_run`
to `current_run`, which reaches rows made by `Model(...)`, `.create()`, `bulk_create` and
lib.bulk.insert_rows alike, without importers passing the run around. Rows of tables that cannot
carry the field (the owner's positions, the contact-tag links) are listed with `note_added`.

The run is current only while its transaction is: `begin` leaves a marker in the transaction's
commit hooks, which Django drops when the transaction (or the savepoint around the run) rolls
back, so a failed import never lends its run to what the same thread writes next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import transaction


@dataclass
class _Recording:
    run_id: int
    marker: Callable[[], None]
    # Rows of tables without an import_run column: label → ids.
    noted: dict[str, list[int]] = field(default_factory=dict)


_current: ContextVar[_Recording | None] = ContextVar("hedgerow_import_run", default=None)


def begin(run_id: int) -> None:
    """Rows added from now on in this context belong to run_id, until `end` or a rollback."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("An import run must start inside its transaction.")

    def marker() -> None:  # runs at commit: the run's rows are written, it is over
        held = _current.get()
        if held is not None and held.marker is marker:
            _current.set(None)

    transaction.on_commit(marker)
    _current.set(_Recording(run_id=run_id, marker=marker))


def _live() -> _Recording | None:
    held = _current.get()
    if held is None:
        return None
    pending = transaction.get_connection().run_on_commit
    if any(hook[1] is held.marker for hook in pending):
        return held
    _current.set(None)  # its transaction rolled back
    return None


def current_run() -> int | None:
    """The default of every `import_run` field: the run adding rows in this context, if any."""
    held = _live()
    return held.run_id if held is not None else None


def note_added(label: str, ids: Iterable[int | None]) -> None:
    """List rows the current run added to a table that has no import_run column."""
    held = _live()
    if held is not None:
        held.noted.setdefault(label, []).extend(i for i in ids if i is not None)


def is_recording(run_id: int) -> bool:
    """Whether run_id is still adding rows in this context (its transaction did not roll back)."""
    held = _live()
    return held is not None and held.run_id == run_id


def noted_so_far() -> dict[str, list[int]]:
    """The rows listed with note_added until now (importers/turns.py keeps them in the journal)."""
    held = _live()
    return {label: list(ids) for label, ids in held.noted.items()} if held is not None else {}


def end() -> dict[str, list[int]]:
    """Stop recording; return the rows listed with note_added."""
    held = _live()
    _current.set(None)
    return held.noted if held is not None else {}
