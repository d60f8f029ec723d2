"""Deleting what is yours: a contact (with everything about them), one interaction, an import
run (what it brought in, then its record). Each is gone for good; the pages ask first."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from hedgerow.lib.errors import InvalidInput
from hedgerow.network import journal
from hedgerow.network.models import Contact, ImportRun, Interaction, Invitation


@dataclass(frozen=True)
class ContactFootprint:
    """What deleting a contact takes with it, for the page that asks first."""

    interactions: int
    updates: int
    invitations: int


def footprint_of(contact: Contact) -> ContactFootprint:
    return ContactFootprint(
        interactions=contact.interactions.count(),
        updates=contact.updates.count(),
        invitations=contact.invitations.count(),
    )


@transaction.atomic
def delete_contact(*, contact: Contact) -> str:
    """The contact and everything about them: emails, phones, interactions, notes, updates,
    invitations, suggestions and review items. Returns their name, for the message."""
    name = contact.name
    # Invitations would only lose their link to the person (SET_NULL); they are about them.
    Invitation.objects.filter(owner_id=contact.owner_id, contact_id=contact.pk).delete()
    contact.delete()
    return name


def delete_interaction(*, interaction: Interaction) -> None:
    """One logged or imported interaction. (Importing the same file again brings an imported
    one back: the file still holds it.)"""
    interaction.delete()


@transaction.atomic
def delete_import_run(*, run: ImportRun) -> journal.Undone | None:
    """An import and its record. An applied import is undone first (journal.undo_run: what it
    added goes, what it replaced comes back), so deleting it never leaves half of it behind; an
    import later ones build on must wait until those are deleted or undone. A preview's kept
    file goes with it. Returns what undo did, when it did anything."""
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status == ImportRun.Status.RUNNING:
        raise InvalidInput(f"Import #{run.pk} is still running; delete it once it has finished.")
    undone = None
    if run.status == ImportRun.Status.DONE and journal.keeps_journal(run):
        # (A run from before imports kept a journal cannot be unwound: only its record goes.)
        try:
            undone = journal.undo_run(run=run)
        except InvalidInput as error:
            raise InvalidInput(f"{error} Then this import can be deleted.") from None
    if run.pending_file:
        shutil.rmtree(Path(run.pending_file).parent, ignore_errors=True)
    run.delete()
    return undone


def on_person_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A deleted person's rows go by cascade; the uploads their previews kept are files."""
    waiting = ImportRun.objects.filter(owner_id=instance.pk).exclude(pending_file="")
    for pending in waiting.values_list("pending_file", flat=True):
        shutil.rmtree(Path(pending).parent, ignore_errors=True)
