"""ContactEvidence added up in one statement after a big import, instead of row by row.

The triggers of migration 0008 keep each contact's evidence exact whoever writes an interaction,
at the price of an upsert per inserted row: most of what inserting costs. An import of a whole
mailbox writes tens of thousands of rows in one transaction, so it marks its owner (an
EvidenceRebuild row, which only that transaction ever sees), inserts without the upserts
(migration 0010), and then adds up the evidence of the contacts it wrote for from their
interactions, with the same sums as the triggers. Deletes and updates still go through the
triggers, and every other writer is untouched.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from hedgerow.network.models import ContactEvidence, EvidenceRebuild

_EVIDENCE = importlib.import_module("hedgerow.network.migrations.0008_contact_evidence")
CHUNK = 500  # contact ids per statement, well under every database's parameter limit


@contextmanager
def evidence_rebuilt(owner_id: int) -> Iterator[set[int]]:
    """Inside the block, the owner's inserted interactions skip the evidence triggers; add the
    id of every contact rows were inserted for to the set it gives. Leaving the block adds
    those contacts' evidence up again. Only inside a transaction: a rebuild left half done is
    then rolled back with everything else, never committed."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("evidence_rebuilt needs the import's transaction")
    EvidenceRebuild.objects.create(owner_id=owner_id)
    touched: set[int] = set()
    yield touched
    EvidenceRebuild.objects.filter(owner_id=owner_id).delete()
    add_up(sorted(touched))


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
