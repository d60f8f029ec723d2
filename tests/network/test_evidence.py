"""Interactions written and deleted in bulk keep each contact's evidence exact (evidence.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection, transaction

from hedgerow.lib.bulk import insert_rows
from hedgerow.network.evidence import delete_interactions, insert_interactions
from hedgerow.network.models import EvidenceRebuild, Interaction
from tests.network.test_suggest import IN, OUT, kept_evidence, mail

FIELDS = ("owner", "contact", "kind", "direction", "occurred_at", "source", "external_id")


def rows_for(owner, contacts, start: int = 0) -> list[tuple]:
    """Messages both ways, a meeting and a note with each contact, on different days."""
    rows = []
    for n, contact in enumerate(contacts):
        for day, (kind, direction) in enumerate(
            [("message", OUT), ("message", IN), ("meeting", "mutual"), ("note", OUT)], start=1
        ):
            when = datetime(2026, 1 + n % 12, day + start, 9, tzinfo=UTC)
            external_id = f"x{start}-{n}-{day}"
            rows.append((owner.pk, contact.pk, kind, direction, when, "linkedin", external_id))
    return rows


def test_it_adds_up_a_batch_as_the_trigger_would_row_by_row(owner, outsider, make_contact):
    ana, bo = make_contact(owner, "Ana Ruiz"), make_contact(owner, "Bo Lee")
    mail(ana, OUT, date(2025, 5, 1))  # evidence kept before the batch
    other = make_contact(outsider, "Not Yours")
    mail(other, IN, date(2026, 2, 1))
    cy = make_contact(owner, "Cy Twombly")
    with transaction.atomic():
        assert insert_interactions(owner.pk, FIELDS, rows_for(owner, [ana, bo, cy])) == 12
        assert insert_interactions(owner.pk, FIELDS, rows_for(owner, [ana], start=10)) == 4
        assert not EvidenceRebuild.objects.exists()  # the mark never outlives a batch

    found = kept_evidence(owner)
    assert found["kept"] == found["counted"]
    assert (found["kept"][ana.pk].sent, found["kept"][ana.pk].received) == (3, 2)
    assert found["kept"][ana.pk].first == datetime(2025, 5, 1, 10, tzinfo=UTC)
    assert kept_evidence(outsider)["kept"] == kept_evidence(outsider)["counted"]


def test_it_counts_again_what_remains_after_a_bulk_delete(owner, make_contact):
    ana, bo = make_contact(owner, "Ana Ruiz"), make_contact(owner, "Bo Lee")
    insert_rows(Interaction, FIELDS, rows_for(owner, [ana, bo]))  # row by row, by the trigger
    insert_rows(Interaction, FIELDS, rows_for(owner, [ana], start=10))

    removed = delete_interactions(Interaction.objects.filter(external_id__startswith="x10-"))

    assert removed == 4
    found = kept_evidence(owner)
    assert found["kept"] == found["counted"]
    assert found["kept"][ana.pk].last == datetime(2026, 1, 3, 9, tzinfo=UTC)  # found again
    delete_interactions(Interaction.objects.filter(contact=bo))
    assert bo.pk not in kept_evidence(owner)["kept"]


def test_it_leaves_no_mark_behind_when_a_batch_fails(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        insert_interactions(owner.pk, FIELDS, ({"bad": 1 / 0} for _ in range(1)))
    assert not EvidenceRebuild.objects.exists()
    insert_rows(Interaction, FIELDS, rows_for(owner, [ana]))  # by the trigger again
    found = kept_evidence(owner)
    assert found["kept"] == found["counted"] != {}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL keeps its trigger")
def test_it_lets_only_the_delete_trigger_it_knows_step_aside_and_puts_it_back(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    insert_rows(Interaction, FIELDS, rows_for(owner, [ana]))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s",
            ["network_evidence_delete"],
        )
        (sql,) = cursor.fetchone()
        delete_interactions(Interaction.objects.filter(external_id="x0-0-1"))
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s",
            ["network_evidence_delete"],
        )
        assert cursor.fetchone() == (sql,)  # back as it was
        # A later migration's trigger: left to do the work itself.
        cursor.execute("DROP TRIGGER network_evidence_delete")
        cursor.execute(sql.replace("WHEN OLD.kind <> 'note'", "WHEN OLD.kind <> 'note' AND 1"))
    delete_interactions(Interaction.objects.filter(external_id="x0-0-2"))
    found = kept_evidence(owner)
    assert found["kept"] == found["counted"]
