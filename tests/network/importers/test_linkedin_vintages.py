"""LinkedIn exports of every vintage (issue 9), on fixtures we wrote to reproduce each class.

tests/fixtures/linkedin/namesakes-2021  no URL column (2019 to early 2023): two John Smiths, two
                                        identical Maria Lopez rows, three hidden members.
tests/fixtures/linkedin/namesakes-2022  the same person a year on: the Intel John Smith moved to
                                        AMD; rows in another order.
tests/fixtures/linkedin/2018            no preamble, "1/8/18, 6:14 PM" dates, Messages.csv with
                                        From,To,Date,Subject,Content,Direction,Folder.
tests/fixtures/linkedin/dayfirst        a bare Connections.csv a European spreadsheet re-saved:
                                        semicolons, Windows-1252, day-first dates.
tests/fixtures/linkedin/utf16           Excel's "Unicode text": UTF-16 with a BOM, tabs; Cyrillic,
                                        Greek and Hebrew names; three more date styles.
tests/fixtures/linkedin/picked          only Connections.csv and messages.csv (LinkedIn lets people
                                        pick): the owner's first note to Kim names Kim without a
                                        URL, and Kim's own reply comes later.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import time_machine

from hedgerow.network.importers import linkedin_messages
from hedgerow.network.importers.base import UnusableInput
from hedgerow.network.importers.dates import Ambiguous, DateStyle
from hedgerow.network.importers.linkedin import import_linkedin
from hedgerow.network.models import Contact, Interaction, Invitation, Update
from tests.network.importers.test_linkedin import snapshot

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "linkedin"
DAY = "2026-11-12 09:00:00+00:00"
LATER = "2027-01-12 09:00:00+00:00"


@pytest.fixture(autouse=True, params=["in process", "in a worker"])
def messages_read(request, monkeypatch):
    if request.param == "in a worker":
        monkeypatch.setattr(linkedin_messages, "WORKER_MIN_BYTES", 0)
    return request.param


def run(owner, path: Path, day: str = DAY, **kwargs):
    with time_machine.travel(day, tick=False):
        return import_linkedin(owner=owner, path=path, **kwargs)


def test_it_keeps_namesakes_apart_without_urls(owner):
    summary = run(owner, FIXTURES / "namesakes-2021")

    johns = Contact.objects.filter(owner=owner, name="John Smith").order_by("connected_on")
    assert [(j.company, str(j.connected_on)) for j in johns] == [
        ("Intel", "2019-03-12"),
        ("Sprout Labs", "2020-11-04"),
    ]
    assert Contact.objects.filter(owner=owner, name="Maria Lopez").count() == 2
    assert summary.counts["contacts_created"] == 5


def test_it_changes_nothing_when_an_export_without_urls_comes_again(owner):
    run(owner, FIXTURES / "namesakes-2021")
    before = snapshot(owner)

    summary = run(owner, FIXTURES / "namesakes-2021", day=LATER)

    assert snapshot(owner) == before
    assert summary.counts["updates_created"] == 0
    assert summary.counts["contacts_unchanged"] == 5


def test_it_sees_one_namesakes_new_job_by_the_date_you_connected(owner):
    run(owner, FIXTURES / "namesakes-2021")

    summary = run(owner, FIXTURES / "namesakes-2022", day=LATER)

    update = Update.objects.get(owner=owner)
    assert update.contact.connected_on.isoformat() == "2019-03-12"
    assert update.summary == "Now Senior Process Engineer at AMD (was Process Engineer at Intel)"
    assert summary.counts["no_longer_connected"] == 0
    assert Contact.objects.filter(owner=owner, name="John Smith").count() == 2


def test_it_counts_hidden_members_in_one_note(owner):
    summary = run(owner, FIXTURES / "namesakes-2021")

    assert summary.problems == []
    assert (
        "3 members hide their details from exports; LinkedIn leaves their rows blank, so they "
        "are not among your contacts."
    ) in summary.notes


# --- 2018 and earlier: no preamble, "1/8/18, 6:14 PM", Messages.csv with a Direction ----------


def test_it_imports_a_2018_export_with_its_dates_and_messages(owner):
    summary = run(owner, FIXTURES / "2018")

    ana = Contact.objects.get(owner=owner, name="Ana Ruiz")
    # "1/8/18" could be either; "1/13/18" further down says the file is month-first.
    assert ana.connected_on == date(2018, 1, 8)
    assert Contact.objects.get(owner=owner, name="Cy Wu").connected_on == date(2017, 12, 3)
    kinds = sorted(
        (i.contact.name, i.direction, i.occurred_at.isoformat())
        for i in Interaction.objects.filter(owner=owner)
    )
    assert kinds == [
        ("Ana Ruiz", "incoming", "2018-01-09T10:00:00+00:00"),
        ("Ana Ruiz", "outgoing", "2018-01-09T11:30:00+00:00"),
        ("Dan Vo", "incoming", "2018-02-02T08:15:00+00:00"),
        ("Dan Vo", "outgoing", "2018-02-01T16:05:00+00:00"),
    ]
    assert summary.counts["contacts_from_messages"] == 1
    assert Invitation.objects.filter(owner=owner).count() == 2
    assert summary.problems == []


def test_it_changes_nothing_when_a_2018_export_comes_again(owner):
    run(owner, FIXTURES / "2018")
    before = snapshot(owner)

    run(owner, FIXTURES / "2018", day=LATER)

    assert snapshot(owner) == before


def test_it_reads_a_spreadsheets_semicolons_code_page_and_day_first_dates(owner):
    summary = run(owner, FIXTURES / "dayfirst" / "Connections.csv")

    jose = Contact.objects.get(owner=owner, linkedin_url="https://www.linkedin.com/in/jose-muller")
    assert (jose.name, jose.company, jose.position) == (
        "José Müller",
        "Café Zürich",
        "Señor Analyst",
    )
    # "08/01/2018" is decided by "25/03/2019" two rows down: the 8th of January.
    assert jose.connected_on == date(2018, 1, 8)
    assert Contact.objects.get(owner=owner, name="Zoë Ångström").connected_on == date(2020, 11, 2)
    assert summary.counts["contacts_created"] == 3 and summary.problems == []


def test_it_reads_utf16_with_tabs_and_every_date_style(owner):
    run(owner, FIXTURES / "utf16" / "Connections.csv")

    found = {c.name: (c.company, c.connected_on) for c in Contact.objects.filter(owner=owner)}
    assert found == {
        "Иван Петров": ("Яндекс", date(2024, 1, 15)),
        "Γιώργος Παπαδόπουλος": ("Αθήνα Labs", date(2022, 9, 9)),
        "משה כהן": ("Teva", date(2023, 3, 25)),
    }


def test_it_reads_utf16_without_a_byte_order_mark(owner, tmp_path):
    source = (FIXTURES / "utf16" / "Connections.csv").read_bytes()
    bare = tmp_path / "Connections.csv"
    bare.write_bytes(source[2:])  # the same text, its byte-order mark cut off

    summary = run(owner, bare)

    assert summary.counts["contacts_created"] == 3
    assert Contact.objects.filter(owner=owner, name="Иван Петров").exists()


def test_it_knows_a_bare_csv_by_its_header_when_its_name_says_nothing(owner, tmp_path):
    renamed = tmp_path / "linkedin export.csv"
    shutil.copy(FIXTURES / "dayfirst" / "Connections.csv", renamed)

    summary = run(owner, renamed)

    assert summary.counts["contacts_created"] == 3


def test_it_names_the_file_and_the_cause_when_it_cannot_be_read(owner, tmp_path):
    binary = tmp_path / "Connections.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    headless = tmp_path / "folder"
    headless.mkdir()
    (headless / "Connections.csv").write_text("Name;Phone\nAna;123\n")

    with pytest.raises(
        UnusableInput, match=r"^Connections\.csv could not be read: it looks like a binary file\.$"
    ):
        run(owner, binary)
    with pytest.raises(UnusableInput, match=r"^Connections\.csv has no header row with the col"):
        run(owner, headless)


@pytest.mark.parametrize(
    ("written", "day_first", "read"),
    [
        ("15 Jan 2024", None, "2024-01-15T00:00:00"),
        ("09-Sep-22", None, "2022-09-09T00:00:00"),
        ("9-Sep-22", None, "2022-09-09T00:00:00"),
        ("1/8/18, 6:14 PM", False, "2018-01-08T18:14:00"),
        ("1/8/18, 6:14 PM", True, "2018-08-01T18:14:00"),
        ("13/8/18, 12:05 AM", None, "2018-08-13T00:05:00"),
        ("2023-06-11 15:33:58 UTC", None, "2023-06-11T15:33:58+00:00"),
        ("Mar 25 2023 10:15 AM", None, "2023-03-25T10:15:00"),
        ("1/15/2024", None, "2024-01-15T00:00:00"),
    ],
)
def test_it_reads_every_linkedin_date_style(written, day_first, read):
    assert DateStyle(day_first=day_first).moment(written).isoformat() == read


def test_it_waits_for_the_file_to_say_which_comes_first():
    style = DateStyle()
    with pytest.raises(Ambiguous):
        style.moment("1/8/18")

    assert style.moment("8/13/18").isoformat() == "2018-08-13T00:00:00"  # month first, it turns out
    assert style.moment("1/8/18").isoformat() == "2018-01-08T00:00:00"


# --- Only Connections.csv and messages.csv: the owner from the messages themselves ---------------


def test_it_brings_the_owners_messages_on_the_first_import_whatever_their_order(owner):
    summary = run(owner, FIXTURES / "picked")

    kim = Contact.objects.get(owner=owner, linkedin_url="https://www.linkedin.com/in/kim-park")
    assert sorted(kim.interactions.values_list("direction", flat=True)) == [
        "incoming",
        "outgoing",
    ]
    assert summary.counts["interactions_created"] == 5
    assert summary.counts["contacts_from_messages"] == 2
    found = "Your own LinkedIn profile, https://www.linkedin.com/in/alice-owner, was found in "
    assert found + "your messages." in summary.notes


def test_it_adds_nothing_when_the_picked_files_come_again(owner):
    run(owner, FIXTURES / "picked")
    before = snapshot(owner)

    summary = run(owner, FIXTURES / "picked", day=LATER)

    assert snapshot(owner) == before
    assert summary.counts["interactions_created"] == 0


def test_it_names_an_unknown_separator_as_the_cause(owner, tmp_path):
    odd = tmp_path / "Connections.csv"
    odd.write_text("First Name|Last Name|Connected On\nAna|Ruiz|15 Jan 2024\n")

    with pytest.raises(UnusableInput, match=r"^Connections\.csv could not be read: its header"):
        run(owner, odd)
