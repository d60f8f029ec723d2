"""Google Contacts CSV import: both header families and the quirks of real exports."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from hedgerow.network.importers.base import UnusableInput
from hedgerow.network.importers.google_csv import import_google_csv
from hedgerow.network.models import Contact, ImportRun
from tests.network.importers.address_book import address_book

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "google"
OLD = FIXTURES / "contacts-old.csv"  # Name, Given Name, … E-mail 1 - Type, Group Membership
NEW = FIXTURES / "contacts-new.csv"  # BOM; First Name, … E-mail 1 - Label, Labels


def _emails(contact: Contact) -> list[str]:
    return list(contact.emails.values_list("email", flat=True))


def _tags(contact: Contact) -> list[str]:
    return sorted(contact.tags.values_list("name", flat=True))


def test_it_imports_the_old_header_family(owner):
    summary = import_google_csv(owner=owner, path=OLD)

    assert summary.counts["contacts_created"] == 4
    assert summary.counts["emails_added"] == 4
    ana = Contact.objects.get(owner=owner, name="Ana Ruiz")
    assert _emails(ana) == ["ana.ruiz@acme.example", "ana@ruiz.example"]
    assert (ana.company, ana.position) == ("Acme Robotics", "Head of Research")
    assert ana.linkedin_url == "https://www.linkedin.com/in/ana-ruiz-4a1b2c"
    assert _tags(ana) == ["Friends"]  # "* myContacts" is every contact's group, not a tag
    assert ana.source == "google"
    carlos = Contact.objects.get(owner=owner, name="Carlos Méndez")
    assert carlos.notes == "Met at PyCon, Bilbao.\nLikes climbing."
    assert carlos.company == "Mendez, Ltd."
    assert _tags(Contact.objects.get(owner=owner, name="王芳")) == ["Colleagues", "Starred"]


def test_it_reports_row_problems_on_their_physical_line(owner):
    summary = import_google_csv(owner=owner, path=OLD)

    # Carlos's notes span lines 3-4, so the rows after him sit one line lower than their index.
    assert [(p.file, p.line) for p in summary.problems] == [
        ("contacts-old.csv", 6),
        ("contacts-old.csv", 8),
    ]
    assert summary.problems[0].message.startswith("This row has neither a name nor an email")
    assert summary.problems[1].message.startswith("“n/a” is not an email address")
    assert summary.counts["cards_skipped"] == 1
    assert Contact.objects.filter(owner=owner, name="Dana Kite").exists()


def test_it_imports_the_new_header_family_with_a_bom(owner):
    summary = import_google_csv(owner=owner, path=NEW)

    assert summary.counts["contacts_created"] == 4
    ana = Contact.objects.get(owner=owner, name="Ana Ruiz")
    assert (ana.first_name, ana.last_name, ana.credentials) == ("Ana", "Ruiz", "PhD")
    assert ana.linkedin_url == "https://www.linkedin.com/in/ana-ruiz-4a1b2c"
    bjorn = Contact.objects.get(owner=owner, name="Björn Åström")
    assert list(bjorn.emails.values_list("email", "label")) == [
        ("bjorn@astrom.example", "home"),
        ("bjorn.astrom@work.example", "work"),
    ]
    assert _tags(bjorn) == ["Friends", "Stockholm"]
    lucia = Contact.objects.get(owner=owner, name="Lucía María Fernández")
    assert (lucia.company, lucia.position) == ("Teatro Real", "Producer")
    # Lucía's address spans lines 4-6.
    assert [p.line for p in summary.problems] == [7]


def test_it_merges_a_new_export_into_an_old_one(owner):
    import_google_csv(owner=owner, path=OLD)

    summary = import_google_csv(owner=owner, path=NEW)

    ana = Contact.objects.get(owner=owner, name="Ana Ruiz")
    assert _tags(ana) == ["Friends", "Robotics"]
    assert summary.counts["contacts_merged"] == 1
    assert summary.counts["contacts_created"] == 3
    assert "Merged Ana Ruiz (matched by LinkedIn profile): added 1 tag." in summary.notes
    assert Contact.objects.filter(owner=owner).count() == 7


def test_it_changes_nothing_when_the_same_file_is_imported_twice(owner):
    import_google_csv(owner=owner, path=NEW)
    before = list(Contact.objects.filter(owner=owner).values().order_by("pk"))

    again = import_google_csv(owner=owner, path=NEW)

    assert list(Contact.objects.filter(owner=owner).values().order_by("pk")) == before
    assert again.counts["contacts_unchanged"] == 4
    assert again.counts["contacts_created"] == again.counts["contacts_merged"] == 0
    assert again.counts["emails_added"] == 0
    assert ImportRun.objects.filter(owner=owner, source="google").count() == 2


def test_it_finds_columns_by_name_whatever_their_case_and_order(owner, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text(
        "labels,e-mail 1 - value,FIRST NAME,last name\n"
        "* myContacts ::: Climbing,kim@example.org,Kim,Lee\n",
        encoding="utf-8",
    )

    import_google_csv(owner=owner, path=path)

    kim = Contact.objects.get(owner=owner)
    assert (kim.name, _emails(kim), _tags(kim)) == ("Kim Lee", ["kim@example.org"], ["Climbing"])


def test_it_reads_utf_16_exports(owner, tmp_path):
    path = tmp_path / "google.csv"
    text = (
        "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value\r\n"
        "Émile Zola,Émile,Zola,,emile@zola.example\r\n"
    )
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))

    import_google_csv(owner=owner, path=path)

    assert Contact.objects.get(owner=owner).name == "Émile Zola"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            b"Ana,Ruiz,,,Acme,CTO,15 Jan 2024\n",
            "its first line lacks the name and e-mail columns",
        ),
        (b"", "its first line lacks the name and e-mail columns"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "it looks like a binary file"),
    ],
)
def test_it_refuses_a_file_that_is_not_a_google_csv(owner, tmp_path, content, reason):
    path = tmp_path / "export.csv"
    path.write_bytes(content)

    with pytest.raises(UnusableInput) as error:
        import_google_csv(owner=owner, path=path)

    assert str(error.value).startswith(f"export.csv is not a Google Contacts CSV file: {reason}")
    assert not ImportRun.objects.exists()
    assert not Contact.objects.exists()


def test_it_refuses_a_missing_file(owner, tmp_path):
    with pytest.raises(UnusableInput, match=r"^There is no file at "):
        import_google_csv(owner=owner, path=tmp_path / "nope.csv")


def test_it_reads_a_spreadsheets_semicolons_and_code_page(owner):
    summary = import_google_csv(owner=owner, path=FIXTURES / "contacts-excel-semicolons.csv")

    emile = Contact.objects.get(owner=owner, name="Émile Zola")
    assert (emile.company, _emails(emile), _tags(emile)) == (
        "Éditions Fasquelle",
        ["emile@zola.example"],
        ["Écrivains"],
    )
    assert Contact.objects.filter(owner=owner, name="Jürgen Weiß").exists()
    assert summary.problems == []


def test_it_reads_utf_16_without_a_byte_order_mark(owner):
    import_google_csv(owner=owner, path=FIXTURES / "contacts-utf16-no-bom.csv")

    names = set(Contact.objects.filter(owner=owner).values_list("name", flat=True))
    assert names == {"Ольга Смирнова", "Νίκος Νικολάου"}


def test_it_keeps_the_review_list_to_real_doubts_on_a_big_address_book(owner, tmp_path):
    text, duplicated = address_book()
    path = tmp_path / "contacts.csv"
    path.write_text(text, encoding="utf-8")

    summary = import_google_csv(owner=owner, path=path)

    rows = text.count("\r\n") - 1
    reviews = summary.counts["review_items_created"]
    # Under 1% of the rows, and nothing beyond the people truly entered twice.
    assert reviews < rows / 100
    assert reviews <= duplicated
    merged = summary.counts["contacts_merged"] + summary.counts["contacts_unchanged"]
    assert merged + reviews >= duplicated // 2  # the twice-entered are caught, merged or asked
