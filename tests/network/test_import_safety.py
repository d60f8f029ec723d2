"""Imports can never silently wreck a network (issue 9): a preview before an owner change or many
connections ending, undo of any run (the latest first), and no flood of old items on Today."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from hedgerow.accounts.models import Position, Profile
from hedgerow.cli import main
from hedgerow.lib.errors import InvalidInput
from hedgerow.network.agenda import follow_ups_due
from hedgerow.network.importers.base import NeedsConfirmation
from hedgerow.network.importers.linkedin import import_linkedin
from hedgerow.network.importers.vcard import import_vcard
from hedgerow.network.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    ImportChange,
    ImportRun,
    Interaction,
    Invitation,
    ReviewItem,
    Tag,
    Update,
)
from hedgerow.network.services import undo_import

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LINKEDIN = FIXTURES / "linkedin"
FIRST, LATER = LINKEDIN / "first", LINKEDIN / "later"
FIRST_DAY = "2026-11-12 09:00:00+00:00"
LATER_DAY = "2027-01-12 09:00:00+00:00"


def run(owner, path: Path, day: str = FIRST_DAY, **kwargs):
    with time_machine.travel(day, tick=False):
        return import_linkedin(owner=owner, path=path, **kwargs)


def database(owner) -> dict[str, list]:
    """Every row of the owner's network, and their own profile, to compare whole."""
    tables = {
        "contacts": Contact.objects.filter(owner=owner),
        "emails": ContactEmail.objects.filter(owner=owner),
        "phones": ContactPhone.objects.filter(owner=owner),
        "interactions": Interaction.objects.filter(owner=owner),
        "invitations": Invitation.objects.filter(owner=owner),
        "updates": Update.objects.filter(owner=owner),
        "tags": Tag.objects.filter(owner=owner),
        "tag links": Contact.tags.through.objects.filter(contact__owner=owner),
        "review items": ReviewItem.objects.filter(owner=owner),
        "positions": Position.objects.filter(owner=owner),
        "profile": Profile.objects.filter(user=owner),
    }
    found = {name: list(rows.order_by().values()) for name, rows in tables.items()}
    names = get_user_model().objects.filter(pk=owner.pk).values("first_name", "last_name")
    return found | {"user": list(names)}


def sorted_rows(snapshot: dict[str, list]) -> dict[str, list]:
    return {name: sorted(rows, key=lambda r: r.get("id", 0)) for name, rows in snapshot.items()}


# --- undo: a round trip that compares the database ---------------------------------------------


def test_it_undoes_a_first_import_to_an_empty_network(owner):
    before = sorted_rows(database(owner))
    summary = run(owner, FIRST)

    with time_machine.travel(LATER_DAY, tick=False):
        undone = undo_import(run=ImportRun.objects.get(pk=summary.run_id))

    assert sorted_rows(database(owner)) == before
    assert undone.removed["network.contact"] == 7
    assert ImportRun.objects.get(pk=summary.run_id).status == "undone"


def test_it_undoes_a_later_import_back_to_the_first(owner):
    run(owner, FIRST)
    after_first = sorted_rows(database(owner))
    later = run(owner, LATER, day=LATER_DAY)
    assert Update.objects.filter(owner=owner).exists()  # it changed jobs, connections, …
    assert ImportChange.objects.filter(run_id=later.run_id).exists()

    undo_import(run=ImportRun.objects.get(pk=later.run_id))

    assert sorted_rows(database(owner)) == after_first


def test_it_undoes_a_vcard_merged_into_linkedin_contacts(owner):
    run(owner, FIRST)
    before = sorted_rows(database(owner))
    cards = import_vcard(owner=owner, path=FIXTURES / "vcard" / "contacts-3.0.vcf")
    assert cards.counts["contacts_merged"] + cards.counts["contacts_created"] > 0

    undo_import(run=ImportRun.objects.get(pk=cards.run_id))

    assert sorted_rows(database(owner)) == before


def test_it_undoes_only_the_latest_run_first(owner):
    first = run(owner, FIRST)
    run(owner, LATER, day=LATER_DAY)

    with pytest.raises(
        InvalidInput, match=r"^Import #\d+ was followed by #\d+ \(later\); undo that"
    ):
        undo_import(run=ImportRun.objects.get(pk=first.run_id))


def test_it_keeps_what_you_did_after_the_run(owner, make_contact):
    ana = make_contact(owner, "Ana Before")
    summary = run(owner, FIRST)
    with time_machine.travel(LATER_DAY, tick=False):
        note = Interaction.objects.create(
            owner=owner, contact=ana, kind="note", direction="outgoing", occurred_at=LATER_DAY
        )

        undo_import(run=ImportRun.objects.get(pk=summary.run_id))

    assert Interaction.objects.filter(pk=note.pk).exists()


# --- preview and confirm ------------------------------------------------------------------------


def someone_elses(tmp_path: Path) -> Path:
    """The first export, but sent by another person: their URL on every outgoing invitation."""
    copy = tmp_path / "other"
    shutil.copytree(FIRST, copy)
    invitations = next(copy.rglob("Invitations.csv"))
    text = invitations.read_text(encoding="utf-8-sig")
    invitations.write_text(text.replace("in/alice-owner", "in/mallory-other"), encoding="utf-8")
    return copy


def test_it_asks_before_importing_someone_elses_archive_and_writes_nothing(owner, tmp_path):
    run(owner, FIRST)
    before = sorted_rows(database(owner))
    runs = ImportRun.objects.count()

    with pytest.raises(NeedsConfirmation) as asked:
        run(owner, someone_elses(tmp_path), day=LATER_DAY)

    assert asked.value.reasons == [
        "This archive belongs to https://www.linkedin.com/in/mallory-other, but your earlier "
        "imports belong to https://www.linkedin.com/in/alice-owner."
    ]
    assert sorted_rows(database(owner)) == before
    assert ImportRun.objects.count() == runs


def test_it_asks_before_ending_more_than_a_fifth_of_the_connections(owner):
    run(owner, FIRST)

    with pytest.raises(NeedsConfirmation) as asked:
        run(owner, LINKEDIN / "picked" / "Connections.csv", day=LATER_DAY)

    assert asked.value.reasons == [
        "It would mark 5 of your 6 connections (83%) as no longer connected."
    ]
    assert asked.value.summary.counts["no_longer_connected"] == 5
    assert Contact.objects.filter(owner=owner, connected=True).count() == 6


def test_it_applies_what_the_owner_confirmed(owner, tmp_path):
    run(owner, FIRST)

    summary = run(owner, someone_elses(tmp_path), day=LATER_DAY, confirm=True)

    assert ImportRun.objects.get(pk=summary.run_id).status == "done"
    assert Profile.objects.get(user=owner).linkedin_url.endswith("in/mallory-other")


def test_it_prints_the_preview_and_exits_2_then_applies_with_yes(capsys, owner, tmp_path):
    run(owner, FIRST)
    other = someone_elses(tmp_path)

    with time_machine.travel(LATER_DAY, tick=False):
        status = main(["import", "linkedin", str(other)])
        out = capsys.readouterr().out
        assert status == 2
        assert "Nothing was written yet" in out and "mallory-other" in out
        assert "new contacts:" in out

        assert main(["import", "linkedin", str(other), "--yes"]) == 0
    assert ImportRun.objects.filter(owner=owner, status="done").count() == 2


def test_it_undoes_from_the_command_line(capsys, owner):
    run(owner, FIRST)

    with time_machine.travel(LATER_DAY, tick=False):
        assert main(["import", "undo"]) == 0
    out = capsys.readouterr().out

    assert out.startswith("Undid import #")
    assert "7 contacts" in out
    assert not Contact.objects.filter(owner=owner).exists()
    with time_machine.travel(LATER_DAY, tick=False):
        assert main(["import", "undo"]) == 2
    assert "There is no import to undo." in capsys.readouterr().err


def test_it_shows_a_preview_on_the_web_and_applies_it_when_confirmed(owner_client, owner, tmp_path):
    run(owner, FIRST)
    bare = LINKEDIN / "picked" / "Connections.csv"
    upload = SimpleUploadedFile("Connections.csv", bare.read_bytes(), content_type="text/csv")

    response = owner_client.post("/import/", {"source": "linkedin", "file": upload}, follow=True)
    preview = ImportRun.objects.get(owner=owner, status="preview")
    assert response.redirect_chain[-1][0] == f"/import/{preview.pk}/"
    html = response.content.decode()
    assert "Nothing is written yet: please confirm" in html
    assert "5 of your 6 connections (83%)" in html
    assert Contact.objects.filter(owner=owner, connected=True).count() == 6

    done = owner_client.post(f"/import/{preview.pk}/confirm/", follow=True)

    applied = ImportRun.objects.get(owner=owner, file_name="Connections.csv", status="done")
    assert done.redirect_chain[-1][0] == f"/import/{applied.pk}/"
    assert not ImportRun.objects.filter(status="preview").exists()
    assert Contact.objects.filter(owner=owner, connected=True).count() == 2


def test_it_undoes_from_the_import_page(owner_client, owner):
    summary = run(owner, FIRST)

    page = owner_client.get(f"/import/{summary.run_id}/").content.decode()
    assert f'href="/import/{summary.run_id}/undo/"' in page
    ask = owner_client.get(f"/import/{summary.run_id}/undo/").content.decode()
    assert "Undo the import of first?" in ask
    response = owner_client.post(f"/import/{summary.run_id}/undo/")

    assert response.status_code == 302
    assert not Contact.objects.filter(owner=owner).exists()
    assert "This import was undone" in owner_client.get(response["Location"]).content.decode()


def test_it_hides_another_persons_run(client, outsider, owner):
    summary = run(owner, FIRST)
    client.force_login(outsider)

    assert client.post(f"/import/{summary.run_id}/undo/").status_code == 404
    assert client.post(f"/import/{summary.run_id}/confirm/").status_code == 404
    assert Contact.objects.filter(owner=owner).count() == 7


# --- no flood of old items on a first import ---------------------------------------------------


def test_it_keeps_old_acceptances_as_history_not_actions(owner):
    run(owner, FIRST)

    accepted = Invitation.objects.get(owner=owner, status="accepted")
    assert accepted.accepted_on.isoformat() == "2024-01-15" and accepted.history
    with time_machine.travel(FIRST_DAY, tick=False):
        assert follow_ups_due(owner, accepted.accepted_on.replace(year=2026, month=11)) == []


def test_it_keeps_a_recent_acceptance_as_an_action_and_an_old_one_as_history(owner):
    run(owner, FIRST)
    run(owner, LATER, day="2026-12-20 09:00:00+00:00")  # Gus accepted on 2 December

    recent = Invitation.objects.filter(owner=owner, status="accepted", history=False)
    assert [i.name for i in recent] == ["Gus Hale"]


def test_it_keeps_an_acceptance_found_41_days_late_as_history(owner):
    run(owner, FIRST)
    run(owner, LATER, day=LATER_DAY)

    gus = Invitation.objects.get(owner=owner, name="Gus Hale")
    assert (gus.status, gus.history) == ("accepted", True)


def test_it_forgets_a_preview_nobody_answered_within_a_week(
    owner_client, owner, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    run(owner, FIRST)
    bare = LINKEDIN / "picked" / "Connections.csv"

    def upload() -> ImportRun:
        sent = SimpleUploadedFile("Connections.csv", bare.read_bytes(), content_type="text/csv")
        owner_client.post("/import/", {"source": "linkedin", "file": sent})
        return ImportRun.objects.filter(owner=owner, status="preview").latest("pk")

    with time_machine.travel(FIRST_DAY, tick=False):
        abandoned = upload()
    crashed = Path(settings.MEDIA_ROOT) / "imports" / "left-by-a-crash"
    crashed.mkdir()
    left_on = datetime(2026, 11, 11, tzinfo=UTC).timestamp()  # eight days before the next upload
    os.utime(crashed, (left_on, left_on))
    assert Path(abandoned.pending_file).is_file()

    with time_machine.travel("2026-11-19 10:00:00+00:00", tick=False):
        fresh = upload()  # a week and an hour later

    assert not ImportRun.objects.filter(pk=abandoned.pk).exists()
    assert not Path(abandoned.pending_file).parent.exists()
    assert not crashed.exists()
    assert Path(fresh.pending_file).is_file()
