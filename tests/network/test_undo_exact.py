"""Undo removes exactly what its run added (issue 9): never a row someone else wrote meanwhile.

On PostgreSQL a contact added in the web while a long import runs takes its id from the same
sequence as the import's rows, so it falls inside the run's id range. A request is served in
a context of its own (another thread), which `elsewhere` reproduces in this one: the import is
mid-way, and a row is written as the web would write it.
"""

from __future__ import annotations

import contextvars
from pathlib import Path

import time_machine

from hedgerow.accounts.models import Position
from hedgerow.network import recording
from hedgerow.network.importers.linkedin import import_linkedin
from hedgerow.network.importers.vcard import import_vcard
from hedgerow.network.models import Contact, ContactEmail, ImportRun, Interaction, Tag
from hedgerow.network.services import log_interaction, undo_import

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIRST = FIXTURES / "linkedin" / "first"
DAY = "2026-11-12 09:00:00+00:00"


def elsewhere(write):
    """Run `write` as another request would: in a context of its own."""
    return contextvars.Context().run(write)


def test_it_keeps_a_contact_someone_added_in_the_web_while_the_import_ran(owner, make_contact):
    ana = make_contact(owner, "Ana Before")
    made: list = []

    def meanwhile(done: int, total: int) -> None:
        if made:
            return

        def web() -> None:
            bo = Contact.objects.create(owner=owner, name="Bo Added Meanwhile")
            ContactEmail.objects.create(owner=owner, contact=bo, email="bo@meanwhile.example")
            made.append(bo)
            made.append(log_interaction(contact=ana, kind="note", text="Lunch").interaction)

        elsewhere(web)

    with time_machine.travel(DAY, tick=False):
        summary = import_linkedin(owner=owner, path=FIRST, progress=meanwhile)
        run = ImportRun.objects.get(pk=summary.run_id)
        bo, note = made
        imported = Contact.objects.filter(owner=owner).exclude(pk__in=[ana.pk, bo.pk])
        assert imported.count() == 7
        # Bo's id is above every id the run found and below the run's own last one: a range
        # of ids would take him for the import's.
        assert ana.pk < bo.pk < max(c.pk for c in imported)

        undone = undo_import(run=run)

    assert undone.removed["network.contact"] == 7
    assert set(Contact.objects.filter(owner=owner).values_list("name", flat=True)) == {
        "Ana Before",
        "Bo Added Meanwhile",
    }
    assert ContactEmail.objects.filter(contact=bo).exists()
    assert Interaction.objects.filter(pk=note.pk).exists()


def test_it_keeps_a_tag_and_a_position_added_elsewhere_during_a_run(owner, make_contact):
    ana = make_contact(owner, "Ana Before")
    made: list = []

    def meanwhile(done: int, total: int) -> None:
        if made:
            return

        def web() -> None:
            tag = Tag.objects.create(owner=owner, name="met-at-conference")
            ana.tags.add(tag)
            made.append(tag)
            made.append(Position.objects.create(owner=owner, company="Own Co", title="Founder"))

        elsewhere(web)

    cards = FIXTURES / "vcard" / "contacts-3.0.vcf"
    summary = import_vcard(owner=owner, path=cards, progress=meanwhile)
    undo_import(run=ImportRun.objects.get(pk=summary.run_id))

    tag, position = made
    assert list(ana.tags.all()) == [tag]
    assert Position.objects.filter(pk=position.pk).exists()


def test_it_lends_a_failed_run_to_nothing_written_after_it(owner):
    from django.db import transaction

    try:
        with transaction.atomic():
            run = ImportRun.objects.create(
                owner=owner, source="vcard", file_name="x.vcf", digest="", started_at=DAY
            )
            recording.begin(run.pk)
            raise RuntimeError("the file broke half-way")
    except RuntimeError:
        pass

    later = Contact.objects.create(owner=owner, name="Written After")

    assert later.import_run_id is None
    assert recording.current_run() is None
