"""What an import run changed, so it can be undone; and what it found that is history.

Every importer opens and closes its run through importers/base.py (start_run, finish_run), which
call here, so undo works for every source without the importers keeping books themselves:

- every row the run adds carries it in `import_run` (recording.py); the owner's positions and
  the contact-tag links, which have no such column, are listed by id in the run's journal;
- before the run, the current values of the rows it may change (contacts, invitations, updates,
  IMAP folder state, the owner's positions, profile and name); after it, as ImportChange rows,
  the values it replaced.

Undo puts the replaced values back and deletes exactly the rows the run added: the network is
what it was before the run. Rows anyone else added meanwhile (a contact added in the web while
a long import ran, another import) stay, whatever their ids; so do rows added after the run,
unless they hang on a contact the run added. Only the latest run can be undone, so runs unwind
in order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from hedgerow.lib.bulk import delete_cascading
from hedgerow.lib.errors import InvalidInput
from hedgerow.network.evidence import delete_interactions
from hedgerow.network.models import ImportChange, ImportRun, Invitation

# Acceptances and updates this much older than the import that finds them are history (issue 9).
HISTORY_AFTER = timedelta(days=30)
# Tables an import adds to, in the order undo deletes from them (what refers to a contact first).
ADDED = (
    "network.imapfolder",
    "network.reviewitem",
    "network.suggestion",
    "network.mailaddress",
    "network.interaction",
    "network.update",
    "network.invitation",
    "network.contactemail",
    "network.contactphone",
    "network.contact_tags",
    "network.tag",
    "network.contact",
    "accounts.position",
)
# Tables whose rows cannot carry their run: the run lists what it added (recording.note_added).
NOTED = ("network.contact_tags", "accounts.position")
# What the rows of each table are, in words.
WORDS = {
    "network.imapfolder": "mail folder states",
    "network.reviewitem": "possible matches",
    "network.suggestion": "suggestions",
    "network.mailaddress": "mail addresses",
    "network.interaction": "interactions",
    "network.update": "updates",
    "network.invitation": "invitations",
    "network.contactemail": "emails",
    "network.contactphone": "phones",
    "network.contact_tags": "tag links",
    "network.tag": "tags",
    "network.contact": "contacts",
    "accounts.position": "positions of yours",
}
# Tables whose existing rows an import may change.
CHANGED = (
    "network.contact",
    "network.invitation",
    "network.update",
    "network.imapfolder",
    "accounts.position",
    "accounts.profile",
    "auth.user",
)
SKIPPED_FIELDS = {"id", "owner", "user", "created_at", "import_run"}
_ENCODER = DjangoJSONEncoder()


def _model(label: str) -> type[models.Model]:
    if label == "network.contact_tags":
        return apps.get_model("network", "contact").tags.through
    if label == "auth.user":
        return get_user_model()
    return apps.get_model(label)


def _owned(label: str, owner_id: int) -> QuerySet:
    model = _model(label)
    if label == "network.contact_tags":
        return model._default_manager.filter(contact__owner_id=owner_id)
    if label == "auth.user":
        return model._default_manager.filter(pk=owner_id)
    if label == "accounts.profile":
        return model._default_manager.filter(user_id=owner_id)
    if label == "network.imapfolder":
        return model._default_manager.filter(account__owner_id=owner_id)
    return model._default_manager.filter(owner_id=owner_id)


def _fields(label: str) -> list[str]:
    return [
        f.attname
        for f in _model(label)._meta.concrete_fields
        if f.name not in SKIPPED_FIELDS and not f.primary_key
    ]


def tracked_fields(label: str) -> list[str]:
    """The fields of a table whose values a run records before it changes them."""
    if label == "auth.user":
        return ["first_name", "last_name"]
    return _fields(label)


@dataclass
class Before:
    """The owner's rows an import may change, as the run found them."""

    rows: dict[str, dict[int, tuple]] = field(default_factory=dict)


def before_run(owner_id: int) -> Before:
    before = Before()
    for label in CHANGED:
        names = tracked_fields(label)
        rows = _owned(label, owner_id).order_by().values_list("pk", *names)
        before.rows[label] = {row[0]: row[1:] for row in rows.iterator(chunk_size=5000)}
    return before


@transaction.atomic
def after_run(run: ImportRun, before: Before, noted: dict[str, list[int]]) -> None:
    """Mark what is history, then record the rows listed by id and the values replaced."""
    run.journal = {**run.journal, "noted": {label: ids for label, ids in noted.items() if ids}}
    mark_history(run, before)
    changes = []
    for label in CHANGED:
        names = tracked_fields(label)
        old_rows = before.rows[label]
        if not old_rows:
            continue
        rows = _owned(label, run.owner_id).order_by().values_list("pk", *names)
        for pk, *values in rows.iterator(chunk_size=5000):
            old = old_rows.get(pk)
            if old is None or tuple(values) == old:
                continue
            replaced = {
                name: jsonable(was)
                for name, was, now in zip(names, old, values, strict=True)
                if was != now
            }
            changes.append(ImportChange(run=run, model=label, row_id=pk, before=replaced))
    ImportChange.objects.bulk_create(changes, batch_size=1000)


def jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool | dict | list):
        return value
    return _ENCODER.default(value)  # dates and datetimes as ISO text


def _added(label: str, run: ImportRun) -> QuerySet:
    """The rows of one table that the run added, and no one else's."""
    if label in NOTED:
        return _owned(label, run.owner_id).filter(pk__in=run.journal["noted"].get(label, []))
    return _owned(label, run.owner_id).filter(import_run_id=run.pk)


def _added_in_parts(label: str, run: ImportRun) -> Iterable[QuerySet]:
    """_added, in parts a database takes as parameters (SQLite: 32,766)."""
    if label not in NOTED:
        yield _added(label, run)
        return
    ids = run.journal["noted"].get(label, [])
    for start in range(0, len(ids), 5000):
        yield _owned(label, run.owner_id).filter(pk__in=ids[start : start + 5000])


def mark_history(run: ImportRun, before: Before) -> None:
    """Rule N5 and N1 are about now: an acceptance or an update found more than 30 days after
    it happened is history, not a Today action (a first import would otherwise bring thousands)."""
    cutoff = timezone.localdate(run.started_at) - HISTORY_AFTER
    _added("network.update", run).filter(detected_on__lt=cutoff).update(history=True)
    accepted = Invitation.objects.filter(
        owner_id=run.owner_id,
        status=Invitation.Status.ACCEPTED,
        accepted_on__lt=cutoff,
        replied_on__isnull=True,
        history=False,
    )
    status_at = tracked_fields("network.invitation").index("status")
    was_pending = [
        pk for pk, row in before.rows["network.invitation"].items() if row[status_at] != "accepted"
    ]
    accepted.filter(Q(pk__in=was_pending) | Q(import_run_id=run.pk)).update(history=True)


# --- undo ----------------------------------------------------------------------------------------


@dataclass
class Undone:
    run: ImportRun
    removed: dict[str, int]  # table → rows deleted
    restored: int  # rows whose replaced values came back


def in_words(removed: dict[str, int]) -> str:
    """{"network.contact": 3} → "3 contacts"."""
    return ", ".join(f"{n:,} {WORDS.get(label, label)}" for label, n in removed.items())


def runs_after(run: ImportRun) -> QuerySet[ImportRun]:
    """Applied runs of the same owner that came after this one."""
    return ImportRun.objects.filter(
        owner_id=run.owner_id, status=ImportRun.Status.DONE, started_at__gt=run.started_at
    ).exclude(pk=run.pk)


def keeps_journal(run: ImportRun) -> bool:
    """Whether the run recorded what it changed (runs from before undo existed did not)."""
    return "noted" in run.journal


def check_undoable(run: ImportRun) -> None:
    if run.status == ImportRun.Status.UNDONE:
        raise InvalidInput(f"Import #{run.pk} was undone already.")
    if run.status != ImportRun.Status.DONE:
        raise InvalidInput(f"Import #{run.pk} changed nothing, so there is nothing to undo.")
    if "noted" not in run.journal:
        raise InvalidInput(
            f"Import #{run.pk} ran before Hedgerow kept what imports change; it cannot be undone."
        )
    later = list(runs_after(run).order_by("started_at"))
    if later:
        names = ", ".join(f"#{r.pk} ({r.file_name})" for r in later)
        those = "that" if len(later) == 1 else "those, latest first"
        raise InvalidInput(f"Import #{run.pk} was followed by {names}; undo {those} first.")


def your_own_records_lost(run: ImportRun) -> int:
    """Notes and calls you logged yourself with people this run added: undo removes them too."""
    if "noted" not in run.journal:
        return 0
    from hedgerow.network.models import Interaction

    return (
        Interaction.objects.filter(
            owner_id=run.owner_id, contact__import_run_id=run.pk, source="manual"
        )
        .order_by()
        .count()
    )


@transaction.atomic
def undo_run(*, run: ImportRun) -> Undone:
    """Put back what the run replaced and remove what it added (see the module docstring)."""
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    check_undoable(run)
    restored = restore_changed(run.changes.all())
    removed = remove_added(run)
    run.status = ImportRun.Status.UNDONE
    run.undone_at = timezone.now()
    run.journal = {**run.journal, "undone": removed}
    run.save(update_fields=["status", "undone_at", "journal"])
    from hedgerow.network.importers.base import refresh_planner_statistics

    refresh_planner_statistics()
    return Undone(run=run, removed=removed, restored=restored)


def remove_added(run: ImportRun) -> dict[str, int]:
    """Delete every row the run added; return how many of each table."""
    removed: dict[str, int] = {}
    for label in ADDED:
        deleted = sum(_delete(label, rows) for rows in _added_in_parts(label, run))
        if deleted:
            removed[label] = deleted
    return removed


def _delete(label: str, rows: QuerySet) -> int:
    """rows.delete(); interactions with their contacts' evidence counted again once, not row by
    row (evidence.py), and contacts with what refers to them found by subquery (lib.bulk)."""
    if label == "network.interaction":
        return delete_interactions(rows)
    return delete_cascading(rows)


def restore_changed(changes: Iterable[ImportChange]) -> int:
    """Put back the values the changes hold; return how many rows."""
    by_model: dict[str, list[ImportChange]] = {}
    for change in changes:
        by_model.setdefault(change.model, []).append(change)
    restored = 0
    for label, rows in by_model.items():
        model = _model(label)
        present = model._meta.concrete_fields
        attnames = {f.attname: f for f in present}
        objects = model._default_manager.in_bulk([c.row_id for c in rows])
        touched: set[str] = set()
        for change in rows:
            obj = objects.get(change.row_id)
            if obj is None:
                continue  # deleted since: nothing to put back
            for name, value in change.before.items():
                setattr(obj, name, attnames[name].to_python(value))
                touched.add(name)
            restored += 1
        if touched:
            fields = [attnames[name].name for name in sorted(touched)]
            model._default_manager.bulk_update(list(objects.values()), fields, batch_size=500)
    return restored
