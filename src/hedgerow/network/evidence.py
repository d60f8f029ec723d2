"""ContactEvidence added up in one statement per batch of an import, instead of row by row.

The triggers of migration 0008 keep each contact's evidence exact whoever writes an interaction,
at the price of an upsert per inserted row: most of what inserting costs. An import marks its
owner (an EvidenceRebuild row) while it inserts a batch, so the insert trigger skips those rows
(migration 0010), and then adds the batch's evidence up with the same sums as the triggers.
Deletes and updates still go through the triggers, and every other writer is untouched.

An import that commits in turns on SQLite (importers/turns.py: LinkedIn and mail) must never
commit such a mark, so it marks, inserts and adds up one batch at a time inside a savepoint
(`insert_interactions`): 200,000 messages then cost 1.5 s of inserting instead of 7 (issue 9).
An undo deletes a run's interactions with their contacts' evidence counted again once at the end
(`delete_interactions`); the delete trigger has no mark to skip by, so on SQLite it steps aside
for the delete inside a savepoint (dropped and created again, exactly as migration 0008 made it:
a schema change is part of the transaction, and no one else writes meanwhile), and wherever it is
not 0008's own, it does the work itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet

from hedgerow.lib.bulk import delete_cascading, insert_rows
from hedgerow.network.models import ContactEvidence, EvidenceRebuild, Interaction

_EVIDENCE = importlib.import_module("hedgerow.network.migrations.0008_contact_evidence")
CHUNK = 500  # contact ids per statement, well under every database's parameter limit


def add_up(contact_ids: list[int]) -> None:
    """These contacts' evidence, counted again from their interactions."""
    row = _EVIDENCE.ROW
    as_int = _EVIDENCE._as_int
    interaction, evidence = _EVIDENCE.INTERACTION, _EVIDENCE.EVIDENCE
    sums = ", ".join(
        f"SUM({as_int(connection.vendor, e.format(r=interaction))})" for e in row.values()
    )
    # Only names from migration 0008 go into the text; the ids are parameters.
    select = (
        f"INSERT INTO {evidence} (contact_id, owner_id, total, {', '.join(row)}, first, last) "  # noqa: S608
        f"SELECT contact_id, MIN(owner_id), COUNT(*), {sums}, MIN(occurred_at), MAX(occurred_at) "
        f"FROM {interaction} WHERE kind <> 'note' AND contact_id IN"
    )
    with connection.cursor() as cursor:
        for at in range(0, len(contact_ids), CHUNK):
            chunk = contact_ids[at : at + CHUNK]
            ContactEvidence.objects.filter(contact_id__in=chunk).delete()
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"{select} ({marks}) GROUP BY contact_id", chunk)


# --- one batch at a time (SQLite) ---------------------------------------------------------------

_DELETE_TRIGGER = "network_evidence_delete"


def _sums() -> str:
    interaction = _EVIDENCE.INTERACTION
    return ", ".join(f"SUM({expr.format(r=interaction)})" for expr in _EVIDENCE.ROW.values())


def _add_new_rows_sql() -> str:
    """The evidence of the interactions with an id above %s, added to what is kept. NOT INDEXED:
    the new rows are a range of ids; through the (contact, occurred_at) index, which saves
    the grouping a sort, SQLite would read every interaction there is for each batch."""
    row, evidence, interaction = _EVIDENCE.ROW, _EVIDENCE.EVIDENCE, _EVIDENCE.INTERACTION
    sums = ", ".join(f"{name} = {evidence}.{name} + excluded.{name}" for name in row)
    return f"""INSERT INTO {evidence} (contact_id, owner_id, total, {", ".join(row)}, first, last)
        SELECT contact_id, MIN(owner_id), COUNT(*), {_sums()}, MIN(occurred_at), MAX(occurred_at)
        FROM {interaction} NOT INDEXED WHERE id > %s AND kind <> 'note' GROUP BY contact_id
        ON CONFLICT (contact_id) DO UPDATE SET total = {evidence}.total + excluded.total, {sums},
            first = MIN({evidence}.first, excluded.first),
            last = MAX({evidence}.last, excluded.last)"""  # noqa: S608 - the migration's names


def insert_interactions(
    owner_id: int, fields: Sequence[str], rows: Iterable[Sequence[Any]], *, adapted: bool = False
) -> int:
    """lib.bulk.insert_rows for one owner's interactions; on SQLite their contacts' evidence
    added up once for the call, under a mark that never outlives it, instead of by the insert
    trigger row by row. Returns how many rows were inserted."""
    if connection.vendor != "sqlite":  # PostgreSQL's import is one transaction: its trigger
        return insert_rows(Interaction, fields, rows, adapted=adapted)
    mark = EvidenceRebuild._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        # Plain statements, not the ORM: this runs for every batch.
        marking = f"INSERT INTO {mark} (owner_id) VALUES (%s) ON CONFLICT DO NOTHING"  # noqa: S608
        cursor.execute(marking, [owner_id])
        if cursor.rowcount != 1:  # marked already: an outer batch adds these up too
            return insert_rows(Interaction, fields, rows, adapted=adapted)
        # Ids only grow (AUTOINCREMENT), and no one else writes meanwhile: the new rows are
        # exactly those above the highest id now.
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {_EVIDENCE.INTERACTION}")  # noqa: S608
        highest = cursor.fetchone()[0]
        inserted = insert_rows(Interaction, fields, rows, adapted=adapted)
        cursor.execute(f"DELETE FROM {mark} WHERE owner_id = %s", [owner_id])  # noqa: S608
        cursor.execute(_add_new_rows_sql(), [highest])
    return inserted


def _delete_trigger(cursor: Any) -> str | None:
    """The delete trigger's SQL when it is exactly migration 0008's, else None (it stays)."""
    if connection.vendor != "sqlite":
        return None
    sql = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s"
    cursor.execute(sql, [_DELETE_TRIGGER])
    found = cursor.fetchone()
    if found is None or found[0] != _EVIDENCE._sqlite()[1]:
        return None
    return str(found[0])


def delete_interactions(rows: QuerySet[Interaction]) -> int:
    """rows.delete() (as lib.bulk.delete_cascading does it), the evidence of the contacts
    concerned counted again once at the end; returns how many rows were deleted."""
    with transaction.atomic(), connection.cursor() as cursor:
        trigger = _delete_trigger(cursor)
        if trigger is None:
            return delete_cascading(rows)
        contacts = list(rows.order_by().values_list("contact_id", flat=True).distinct())
        cursor.execute(f"DROP TRIGGER {_DELETE_TRIGGER}")
        deleted = delete_cascading(rows)
        add_up(contacts)
        cursor.execute(trigger)
    return deleted
