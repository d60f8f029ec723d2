"""The LinkedIn archive importer, on fixtures written in LinkedIn's real formats.

tests/fixtures/linkedin/first  an export with every quirk: BOM, CRLF, the "Notes:" preamble,
                               quoted commas and line breaks, "Ruiz, PhD", non-Latin names and
                               emoji, mojibake in messages, drafts, rows of only commas, bad dates.
tests/fixtures/linkedin/later  the same person two months on: a spreadsheet-mangled preamble,
                               lower-case file name, ATTACHMENTS in messages.csv, new jobs, an
                               accepted invitation, a connection gone.
tests/fixtures/linkedin/old    an old export: no URL columns anywhere, "Connections .csv".
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
import time_machine

from hedgerow.accounts.models import Position, Profile
from hedgerow.network.importers import linkedin_messages
from hedgerow.network.importers.base import UnusableInput
from hedgerow.network.importers.linkedin import import_linkedin
from hedgerow.network.models import (
    Contact,
    ContactEmail,
    ImportRun,
    Interaction,
    Invitation,
    Update,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "linkedin"
FIRST, LATER, OLD = FIXTURES / "first", FIXTURES / "later", FIXTURES / "old"
ANA = "https://www.linkedin.com/in/ana-ruiz"
GUS = "https://www.linkedin.com/in/gus-hale"
ME = "https://www.linkedin.com/in/alice-owner"
FIRST_DAY = "2026-11-12 09:00:00+00:00"
LATER_DAY = "2027-01-12 09:00:00+00:00"


def zip_folder(folder: Path, target: Path) -> Path:
    """The folder as LinkedIn ships it: a .zip with the files inside a sub-folder."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target


@pytest.fixture(autouse=True, params=["in process", "in a worker"])
def messages_read(request, monkeypatch):
    """Every test twice: messages.csv read in this process (small files), then by a worker
    process (big files, here made to include these small ones)."""
    if request.param == "in a worker":
        monkeypatch.setattr(linkedin_messages, "WORKER_MIN_BYTES", 0)
    return request.param


def run(owner, path: Path, day: str = FIRST_DAY, **kwargs):
    with time_machine.travel(day, tick=False):
        return import_linkedin(owner=owner, path=path, **kwargs)


def contact(owner, url: str) -> Contact:
    return Contact.objects.get(owner=owner, linkedin_url=url)


def snapshot(owner) -> dict[str, list]:
    """Everything an import writes for owner, to show a re-import changes nothing."""
    return {
        "contacts": list(Contact.objects.filter(owner=owner).order_by("id").values()),
        "emails": list(ContactEmail.objects.filter(owner=owner).order_by("id").values()),
        "interactions": list(Interaction.objects.filter(owner=owner).order_by("id").values()),
        "invitations": list(Invitation.objects.filter(owner=owner).order_by("id").values()),
        "updates": list(Update.objects.filter(owner=owner).order_by("id").values()),
        "positions": list(Position.objects.filter(owner=owner).order_by("id").values()),
    }


# --- first import ------------------------------------------------------------------------------


def test_it_imports_a_first_export_with_every_quirk(owner):
    summary = run(owner, FIRST)

    counts = summary.counts
    assert counts["contacts_created"] == 7  # 6 connections (Dee's row is bad) + José, messaged
    assert counts["contacts_from_messages"] == 1
    assert counts["contacts_updated"] == 0
    assert counts["interactions_created"] == 5
    assert counts["drafts_skipped"] == 1
    assert counts["invitations_created"] == 3
    assert counts["invitations_accepted"] == 1
    assert counts["updates_created"] == 0  # the first ever import has nothing to compare with
    assert counts["positions_created"] == 2
    assert counts["no_longer_connected"] == 0
    assert counts["emails_added"] == 1


def test_it_reads_names_credentials_companies_and_dates(owner):
    run(owner, FIRST)

    ana = contact(owner, ANA)
    assert (ana.name, ana.first_name, ana.last_name, ana.credentials) == (
        "Ana Ruiz",
        "Ana",
        "Ruiz",
        "PhD",
    )
    assert (ana.company, ana.position, ana.connected_on) == (
        "Foo, Inc.",
        "Analyst",
        date(2024, 1, 15),
    )
    assert ana.connected and ana.source == "linkedin"
    assert list(ana.emails.values_list("email", flat=True)) == ["ana.ruiz@example.org"]
    assert contact(owner, "https://www.linkedin.com/in/bo-li-7a1b2").position == (
        "Engineer\n(Platform)"
    )
    zoe = contact(owner, "https://www.linkedin.com/in/zoe-muller")
    assert (zoe.name, zoe.company, zoe.position) == ("Zoë Müller", "Café Ltd", "Head of Data 🚀")
    # Family name first, no space, as LinkedIn itself shows Chinese names.
    assert contact(owner, "https://www.linkedin.com/in/li-xiaolong").name == "李小龙"
    # Non-canonical URL (http, no www., capitals, trailing slash); its email is Ana's: skipped.
    eli = contact(owner, "https://www.linkedin.com/in/eli-novak")
    assert eli.company == "Baz" and not eli.emails.exists()


def test_it_makes_people_you_messaged_contacts_and_repairs_mojibake(owner):
    run(owner, FIRST)

    jose = contact(owner, "https://www.linkedin.com/in/jose-garcia-9f")
    assert jose.name == "José García"
    assert not jose.connected and jose.connected_on is None
    assert jose.interactions.get().direction == "incoming"
    assert not Contact.objects.filter(owner=owner, name__icontains="LinkedIn").exists()


def test_it_records_messages_as_interactions_by_direction(owner):
    run(owner, FIRST)

    ana = contact(owner, ANA)
    directions = sorted(ana.interactions.values_list("direction", flat=True))
    assert directions == ["incoming", "outgoing"]  # the draft is not among them
    group = Interaction.objects.filter(owner=owner, occurred_at__date=date(2023, 6, 11))
    assert sorted(group.values_list("contact__name", flat=True)) == ["Bo Li", "Zoë Müller"]
    assert {i.direction for i in group} == {"outgoing"}
    first = ana.interactions.get(direction="incoming")
    assert first.occurred_at.isoformat() == "2024-01-16T10:00:00+00:00"
    assert (first.kind, first.source) == ("message", "linkedin")
    assert all(len(i.external_id) <= 128 for i in Interaction.objects.all())


def test_it_keeps_message_bodies_out_unless_the_person_opts_in(owner, outsider):
    run(owner, FIRST)
    Profile.objects.filter(user=outsider).update(store_message_bodies=True)
    run(outsider, FIRST)

    assert set(Interaction.objects.filter(owner=owner).values_list("text", "subject")) == {("", "")}
    stored = Interaction.objects.filter(owner=outsider, contact__linkedin_url=ANA)
    assert stored.get(direction="incoming").text == "Merci Alice, ça marche ! Le café de jeudi ?"
    reply = stored.get(direction="outgoing")
    assert (reply.subject, reply.text) == ("Catching up", "Jeudi parfait. See you,\nAlice")


def test_it_learns_the_owner_from_invitations_and_fills_the_profile(owner):
    summary = run(owner, FIRST)

    owner.refresh_from_db()
    assert Profile.objects.get(user=owner).linkedin_url == ME
    assert (owner.first_name, owner.last_name) == ("Alice", "Owner")
    assert not Contact.objects.filter(owner=owner, linkedin_url=ME).exists()
    assert any(ME in note for note in summary.notes)


def test_it_learns_the_owner_from_messages_when_there_are_no_invitations(owner, tmp_path):
    folder = shutil.copytree(FIRST, tmp_path / "export")
    next(folder.rglob("Invitations.csv")).unlink()

    run(owner, folder)

    assert Profile.objects.get(user=owner).linkedin_url == ME
    assert contact(owner, ANA).interactions.filter(direction="outgoing").count() == 1


def test_it_keeps_an_owner_url_already_known(owner):
    Profile.objects.filter(user=owner).update(
        linkedin_url="https://www.linkedin.com/in/alice-owner/"
    )

    run(owner, FIRST)

    assert Profile.objects.get(user=owner).linkedin_url == ME + "/"
    assert Interaction.objects.filter(owner=owner, direction="outgoing").count() == 3


def test_it_records_invitations_and_accepts_those_already_connected(owner):
    run(owner, FIRST)

    to_ana = Invitation.objects.get(owner=owner, linkedin_url=ANA)
    assert (to_ana.direction, to_ana.status, to_ana.accepted_on) == (
        "outgoing",
        "accepted",
        date(2024, 1, 15),
    )
    assert to_ana.contact == contact(owner, ANA)
    assert to_ana.note.startswith("Hi Ana, great working with you")
    to_gus = Invitation.objects.get(owner=owner, linkedin_url=GUS)
    assert (to_gus.status, to_gus.contact, to_gus.name) == ("pending", None, "Gus Hale")
    assert to_gus.sent_at.isoformat() == "2026-09-25T08:52:00+00:00"
    from_ivy = Invitation.objects.get(owner=owner, direction="incoming")
    assert (from_ivy.name, from_ivy.linkedin_url) == (
        "Ivy Chen",
        "https://www.linkedin.com/in/ivy-chen",
    )


def test_it_records_the_owners_positions(owner):
    run(owner, FIRST)
    run(owner, FIRST)

    positions = Position.objects.filter(owner=owner).order_by("started_on")
    assert [(p.company, p.title, p.started_on, p.finished_on) for p in positions] == [
        ("Foo Inc.", "Analyst", date(2016, 1, 1), date(2019, 12, 1)),
        ("Acme", "Head of Data", date(2020, 1, 1), None),
    ]
    assert positions[1].description == "Built the data team, from 2 to 12 people"


def test_it_lists_problems_with_file_and_physical_line_and_imports_the_rest(owner):
    summary = run(owner, FIRST)

    problems = {(p.file, p.line): p.message for p in summary.problems}
    assert problems == {
        ("Positions.csv", 4): 'Started On "Smarch 2015" is not a date like "Jan 2020"',
        ("Connections.csv", 11): 'Connected On "31 Foo 2024" is not a date like "15 Jan 2024"',
        ("Invitations.csv", 5): (
            'Sent At "13/45/26, 9:99 XM" is not a date like "9/25/26, 8:52 AM"'
        ),
        ("messages.csv", 9): 'DATE "yesterday" is not a date like "2023-06-11 15:33:58 UTC"',
    }
    assert Contact.objects.filter(owner=owner, connected=True).count() == 6
    stored = ImportRun.objects.get(owner=owner).problems
    assert {
        "file": "Connections.csv",
        "line": 11,
        "message": problems[("Connections.csv", 11)],
    } in (stored)


# --- the run itself ----------------------------------------------------------------------------


def test_it_reads_a_zip_like_the_folder_and_records_the_run(owner, outsider, tmp_path):
    archive = zip_folder(FIRST, tmp_path / "Basic_LinkedInDataExport_11-10-2026.zip")

    from_zip = run(owner, archive)
    from_folder = run(outsider, FIRST)

    assert from_zip.counts == from_folder.counts
    assert from_zip.problems == from_folder.problems
    recorded = ImportRun.objects.get(owner=owner)
    assert recorded.digest == hashlib.sha256(archive.read_bytes()).hexdigest()
    assert (recorded.status, recorded.source, recorded.file_name) == (
        "done",
        "linkedin",
        archive.name,
    )
    assert recorded.counts == from_zip.counts
    assert from_zip.run_id == recorded.pk


def test_it_digests_a_folder_by_its_linkedin_files_in_sorted_order(owner):
    run(owner, FIRST)

    files = sorted(p for p in FIRST.rglob("*.csv"))
    expected = hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()
    assert ImportRun.objects.get(owner=owner).digest == expected


def test_it_reports_progress(owner, tmp_path):
    calls: list[tuple[int, int]] = []

    run(
        owner,
        zip_folder(FIRST, tmp_path / "export.zip"),
        progress=lambda d, t: calls.append((d, t)),
    )

    total = sum(p.stat().st_size for p in FIRST.rglob("*.csv"))
    assert calls and calls[-1] == (total, total)
    assert all(done <= t for done, t in calls)


# --- importing again ---------------------------------------------------------------------------


def test_it_changes_nothing_when_the_same_archive_comes_twice(owner):
    run(owner, FIRST)
    before = snapshot(owner)

    again = run(owner, FIRST)

    assert snapshot(owner) == before
    counts = again.counts
    created_or_changed = [
        key
        for key, n in counts.items()
        if n and key.endswith(("_created", "_updated", "_accepted", "_added"))
    ]
    assert created_or_changed == []
    assert counts["no_longer_connected"] == 0
    assert counts["contacts_unchanged"] == 6
    assert counts["interactions_skipped_existing"] == 5
    assert counts["invitations_unchanged"] == 3
    assert again.notes == ["4 rows were skipped; the problems below say which and why."]


def test_it_finds_new_positions_acceptances_and_ended_connections_in_a_later_export(owner):
    run(owner, FIRST)

    summary = run(owner, LATER, day=LATER_DAY)

    counts = summary.counts
    assert counts["contacts_created"] == 2  # Dee (her row is fine now) and Gus
    assert counts["contacts_updated"] == 2  # Ana and Fay changed jobs
    assert counts["contacts_unchanged"] == 3
    assert counts["updates_created"] == 2
    assert counts["invitations_accepted"] == 1
    assert counts["invitations_created"] == 1  # to Hal
    assert counts["no_longer_connected"] == 1
    assert counts["interactions_created"] == 1  # Gus's thank-you
    assert counts["interactions_skipped_existing"] == 5
    assert summary.notes[:3] == [
        "2 people changed jobs since your last import: Ana Ruiz and Fay Tanaka. "
        "Each is a good reason to write to them.",
        "1 invitation was accepted — a warm reply is due.",
        "1 person is no longer among your connections: Eli Novak. "
        "They stay in your contacts with their history.",
    ]


def test_it_turns_a_changed_job_into_a_new_position_update(owner):
    run(owner, FIRST)
    run(owner, LATER, day=LATER_DAY)

    ana = contact(owner, ANA)
    assert (ana.company, ana.position) == ("Acme", "Head of Data")
    update = ana.updates.get()
    assert update.kind == "new_position"
    assert update.summary == "Now Head of Data at Acme (was Analyst at Foo, Inc.)"
    assert update.detail == {
        "old": {"company": "Foo, Inc.", "position": "Analyst"},
        "new": {"company": "Acme", "position": "Head of Data"},
    }
    assert (update.detected_on, update.source) == (date(2027, 1, 12), "linkedin")
    assert update.external_id


def test_it_accepts_an_invitation_once_the_invitee_is_a_connection(owner):
    run(owner, FIRST)
    run(owner, LATER, day=LATER_DAY)

    to_gus = Invitation.objects.get(owner=owner, linkedin_url=GUS)
    assert (to_gus.status, to_gus.accepted_on) == ("accepted", date(2026, 12, 2))
    assert to_gus.contact == contact(owner, GUS)
    assert to_gus.replied_on is None  # rule N5: the warm reply is still to write
    assert Invitation.objects.get(owner=owner, name="Hal Ito").status == "pending"


def test_it_marks_a_connection_gone_from_a_later_export_but_keeps_them(owner):
    run(owner, FIRST)
    run(owner, LATER, day=LATER_DAY)

    eli = contact(owner, "https://www.linkedin.com/in/eli-novak")
    assert (eli.connected, eli.disconnected_on) == (False, date(2027, 1, 12))
    jose = contact(owner, "https://www.linkedin.com/in/jose-garcia-9f")
    assert jose.disconnected_on is None  # never a connection, so never disconnected


def test_it_keeps_connections_when_the_export_has_no_connections_file(owner, tmp_path):
    run(owner, FIRST)
    folder = shutil.copytree(LATER, tmp_path / "export")
    next(folder.rglob("connections.csv")).unlink()

    summary = run(owner, folder, day=LATER_DAY)

    assert summary.counts["no_longer_connected"] == 0
    assert Contact.objects.filter(owner=owner, connected=True).count() == 6


def test_it_changes_nothing_when_the_later_export_comes_again(owner):
    run(owner, FIRST)
    run(owner, LATER, day=LATER_DAY)
    before = snapshot(owner)

    again = run(owner, LATER, day="2027-01-20 09:00:00+00:00")

    assert snapshot(owner) == before
    assert again.counts["updates_created"] == 0
    assert again.counts["contacts_updated"] == 0
    assert again.counts["contacts_unchanged"] == 7


def test_it_reconnects_someone_who_comes_back(owner, tmp_path):
    run(owner, FIRST)
    run(owner, LATER, day=LATER_DAY)
    newer = tmp_path / "newer"
    shutil.copytree(LATER, newer)
    connections = next(newer.rglob("connections.csv"))
    with connections.open("a", encoding="utf-8") as handle:  # Eli accepted again in January
        handle.write("Eli,Novak,https://www.linkedin.com/in/eli-novak,,Baz,CTO,20 Jan 2027\n")

    summary = run(owner, newer, day="2027-02-01 09:00:00+00:00")

    eli = contact(owner, "https://www.linkedin.com/in/eli-novak")
    assert (eli.connected, eli.disconnected_on) == (True, None)
    assert eli.connected_on == date(2027, 1, 20)
    assert summary.counts["no_longer_connected"] == 0


# --- old exports without URLs ------------------------------------------------------------------


def test_it_imports_an_old_export_by_name(owner):
    summary = run(owner, OLD)

    assert summary.counts["contacts_created"] == 3  # Ana, Bo and Dan, who wrote to us
    ana = Contact.objects.get(owner=owner, name="Ana Ruiz")
    assert (ana.linkedin_url, ana.credentials, ana.connected) == ("", "PhD", True)
    assert sorted(ana.interactions.values_list("direction", flat=True)) == ["incoming", "outgoing"]
    dan = Contact.objects.get(owner=owner, name="Dan Vo")
    assert not dan.connected
    to_bo = Invitation.objects.get(owner=owner, name="Bo Li")
    assert (to_bo.status, to_bo.contact.name) == ("accepted", "Bo Li")
    assert Invitation.objects.get(owner=owner, name="Cy Wu").status == "pending"


def test_it_gives_people_from_an_old_export_their_url_from_a_newer_one(owner):
    run(owner, OLD)
    run(owner, FIRST, day=LATER_DAY)

    ana = Contact.objects.get(owner=owner, name="Ana Ruiz")
    assert ana.linkedin_url == ANA
    assert Contact.objects.filter(owner=owner, last_name="Ruiz").count() == 1


# --- owners are kept apart ---------------------------------------------------------------------


def test_it_touches_only_the_owners_rows(owner, outsider, make_contact):
    theirs = make_contact(
        outsider, "Ana Ruiz", linkedin_url=ANA, company="Elsewhere", connected=True
    )
    ContactEmail.objects.create(owner=outsider, contact=theirs, email="ana.ruiz@example.org")
    run(outsider, OLD)
    before = snapshot(outsider)

    run(owner, FIRST)
    run(owner, LATER, day=LATER_DAY)

    assert snapshot(outsider) == before
    assert contact(owner, ANA).emails.get().email == "ana.ruiz@example.org"
    assert Profile.objects.get(user=outsider).linkedin_url == ""


# --- unusable input ----------------------------------------------------------------------------


def assert_nothing_written() -> None:
    assert not ImportRun.objects.exists()
    assert not Contact.objects.exists()
    assert not Invitation.objects.exists()


def test_it_refuses_a_file_that_is_neither_zip_nor_folder(owner, tmp_path):
    path = tmp_path / "foo.txt"
    path.write_text("First Name,Last Name\n")

    with pytest.raises(UnusableInput, match=r"foo\.txt is not a LinkedIn export file"):
        run(owner, path)

    assert_nothing_written()


def test_it_refuses_a_path_that_does_not_exist(owner, tmp_path):
    with pytest.raises(UnusableInput, match="does not exist"):
        run(owner, tmp_path / "missing.zip")

    assert_nothing_written()


def test_it_refuses_a_folder_or_zip_without_linkedin_files(owner, tmp_path):
    folder = tmp_path / "holiday"
    folder.mkdir()
    (folder / "photo.csv").write_text("a,b\n")

    with pytest.raises(UnusableInput, match=r"^No LinkedIn export files \(Connections\.csv"):
        run(owner, folder)
    with pytest.raises(UnusableInput, match="No LinkedIn export files"):
        run(owner, zip_folder(folder, tmp_path / "holiday.zip"))

    assert_nothing_written()


def test_it_refuses_linkedin_names_without_linkedin_columns(owner, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Connections.csv").write_text("name;phone\nAna;123\n")

    with pytest.raises(
        UnusableInput,
        match=r"^Connections\.csv has no header row with the columns First Name, Last Name, "
        r"Connected On, so it could not be read\.$",
    ):
        run(owner, folder)

    assert_nothing_written()


def test_it_refuses_a_damaged_zip(owner, tmp_path):
    archive = zip_folder(FIRST, tmp_path / "export.zip")
    archive.write_bytes(archive.read_bytes()[:-200])

    with pytest.raises(UnusableInput):
        run(owner, archive)

    assert_nothing_written()


def test_it_skips_a_file_without_its_header_and_imports_the_others(owner, tmp_path):
    folder = shutil.copytree(FIRST, tmp_path / "export")
    next(folder.rglob("Invitations.csv")).write_text("hello\nworld\n")

    summary = run(owner, folder)

    assert summary.counts["contacts_created"] == 7
    assert summary.counts["invitations_created"] == 0
    skipped = [p for p in summary.problems if p.file == "Invitations.csv"]
    assert [p.line for p in skipped] == [1]
    assert "From, To, Sent At, Direction" in skipped[0].message


def test_it_never_rolls_anything_back_for_an_older_export_imported_after_a_newer_one(owner):
    run(owner, LATER, day=LATER_DAY)
    statuses = dict(Invitation.objects.filter(owner=owner).values_list("pk", "status"))

    summary = run(owner, FIRST, day="2027-02-01 09:00:00+00:00")

    assert not Update.objects.filter(owner=owner).exists()  # no false job changes
    ana, fay, gus = (contact(owner, f"https://www.linkedin.com/in/{s}") for s in [
        "ana-ruiz", "fay-tanaka", "gus-hale"
    ])  # fmt: skip
    assert (ana.company, ana.position) == ("Acme", "Head of Data")
    assert fay.position == "Talent Partner"
    assert (gus.connected, gus.disconnected_on) == (True, None)  # connected after that export
    eli = contact(owner, "https://www.linkedin.com/in/eli-novak")
    assert eli.connected is False  # connected then, no longer in the newer export
    assert Position.objects.get(owner=owner, company="Acme").description.startswith("Built")
    now = dict(Invitation.objects.filter(owner=owner).values_list("pk", "status"))
    assert {pk: now[pk] for pk in statuses} == statuses
    assert summary.counts["no_longer_connected"] == 0
    assert summary.counts["updates_created"] == 0
    assert summary.notes[0] == (
        "This export is older than what you imported before: its newest connection is from "
        "15 Jan 2024, and you have one from 2 Dec 2026. It only filled in what was missing: no "
        "one's job, name or connection went back to how it was then."
    )


def test_it_still_reads_a_newer_export_after_an_older_one_as_news(owner):
    run(owner, LATER, day=LATER_DAY)
    run(owner, FIRST, day="2027-02-01 09:00:00+00:00")

    summary = run(owner, LATER, day="2027-02-02 09:00:00+00:00")

    assert not any("older" in note for note in summary.notes)
    assert contact(owner, "https://www.linkedin.com/in/eli-novak").connected is False
    assert not Update.objects.filter(owner=owner).exists()
