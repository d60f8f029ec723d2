"""The insert trigger of ContactEvidence (migration 0008) skips the rows of an owner marked by
an EvidenceRebuild row: an import adds them up a batch at a time (evidence.py)."""

import importlib

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

EVIDENCE = importlib.import_module("hedgerow.network.migrations.0008_contact_evidence")
INTERACTION = EVIDENCE.INTERACTION
REBUILD = "network_evidencerebuild"
NOT_REBUILDING = f"NOT EXISTS (SELECT 1 FROM {REBUILD} WHERE owner_id = NEW.owner_id)"


def _sqlite_insert(deferrable):
    skip = f" AND {NOT_REBUILDING}" if deferrable else ""
    return f"""CREATE TRIGGER network_evidence_insert AFTER INSERT ON {INTERACTION}
        WHEN NEW.kind <> 'note'{skip} BEGIN {EVIDENCE._add("sqlite")} END"""


def _postgresql_function(deferrable):
    skip = f" AND (TG_OP <> 'INSERT' OR {NOT_REBUILDING})" if deferrable else ""
    return f"""CREATE OR REPLACE FUNCTION network_evidence_keep() RETURNS trigger AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.kind <> 'note' THEN
                {EVIDENCE._remove("postgresql")}
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.kind <> 'note'{skip} THEN
                {EVIDENCE._add("postgresql")}
            END IF;
            RETURN NULL;
        END $$ LANGUAGE plpgsql"""


def _replace(schema_editor, deferrable):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_postgresql_function(deferrable), params=None)
        return
    schema_editor.execute("DROP TRIGGER IF EXISTS network_evidence_insert")
    schema_editor.execute(_sqlite_insert(deferrable), params=None)


def defer_for_rebuilds(apps, schema_editor):
    _replace(schema_editor, deferrable=True)


def always_keep(apps, schema_editor):
    _replace(schema_editor, deferrable=False)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0009_suggestion_reason"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EvidenceRebuild",
            fields=[
                (
                    "owner",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
        ),
        migrations.RunPython(defer_for_rebuilds, always_keep),
    ]
