"""vCard import: 3.0, 4.0 and 2.1 files with the quirks real address books produce."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from hedgerow.network.importers.base import UnusableInput
from hedgerow.network.importers.vcard import import_vcard
from hedgerow.network.models import Contact, ImportRun

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "vcard"
V3 = FIXTURES / "contacts-3.0.vcf"
V4 = FIXTURES / "contacts-4.0.vcf"
V21 = FIXTURES / "legacy-2.1.vcf"


def test_it_imports_every_readable_card_of_a_3_0_file(owner):
    summary = import_vcard(owner=owner, path=V3)

    assert summary.counts["contacts_created"] == 5  # Broken Card loses one line, not itself
    assert summary.counts["cards_skipped"] == 1
    ana = Contact.objects.get(owner=owner, name="Ana Ruiz")
    assert (ana.first_name, ana.last_name) == ("Ana", "Ruiz")
    assert (ana.company, ana.position) == ("Acme Robotics", "Head of Research")
    assert ana.linkedin_url == "https://www.linkedin.com/in/ana-ruiz-4a1b2c"
    assert ana.notes == (
        "Met at the robotics meetup in Lisbon; we talked about field sensors and the "
        "cooperative she is starting."
    )
    assert [(e.email, e.label) for e in ana.emails.all()] == [
        ("ana.ruiz@acme.example", "work"),
        ("ana@ruiz.example", "home"),
    ]
    assert sorted(t.name for t in ana.tags.all()) == ["Lisbon", "Robotics"]
    assert (ana.source, ana.connected) == ("vcard", False)


def test_it_keeps_non_latin_names_and_social_profiles(owner):
    import_vcard(owner=owner, path=V3)

    ivan = Contact.objects.get(owner=owner, name="Иван Петров")
    assert (ivan.company, ivan.position) == ("Северсталь", "Инженер")
    assert [t.name for t in ivan.tags.all()] == ["Friends"]
    mei = Contact.objects.get(owner=owner, name="林美玲")
    assert mei.linkedin_url == "https://www.linkedin.com/in/meiling-lin"


def test_it_reports_a_broken_line_and_a_useless_card_where_they_are(owner):
    summary = import_vcard(owner=owner, path=V3)

    problems = [(p.file, p.line) for p in summary.problems]
    assert problems == [("contacts-3.0.vcf", 36), ("contacts-3.0.vcf", 38)]
    assert summary.problems[0].message == (
        "Skipped a property: its line could not be read; the rest of the card was imported."
    )
    assert "neither a name nor an email" in summary.problems[1].message
    assert Contact.objects.filter(owner=owner, name="Broken Card").exists()
    run = ImportRun.objects.get(pk=summary.run_id)
    assert run.problems[0] == {
        "file": "contacts-3.0.vcf",
        "line": 36,
        "message": summary.problems[0].message,
    }


def test_it_reads_a_4_0_file_with_folded_lines_and_several_emails(owner):
    summary = import_vcard(owner=owner, path=V4)

    zoe = Contact.objects.get(owner=owner, name="Zoë Ålander")
    assert zoe.notes.endswith("wants to hear about open-source font tooling.")
    assert [e.email for e in zoe.emails.all()] == [
        "zoe@alander.example",
        "zoe.alander@mail.example",
    ]
    assert sorted(t.name for t in zoe.tags.all()) == ["Design", "Nordic"]
    assert Contact.objects.get(owner=owner, name="Dana Kite").emails.count() == 0
    assert [(p.line, p.message.split(";")[0]) for p in summary.problems] == [
        (21, "“not-an-address” is not an email address"),
        (27, "This card has no END:VCARD line, so it was skipped."),
    ]
    assert summary.counts["contacts_created"] == 3
    assert summary.counts["cards_skipped"] == 1


def test_it_decodes_quoted_printable_2_1_cards(owner):
    import_vcard(owner=owner, path=V21)

    juergen = Contact.objects.get(owner=owner)
    assert (juergen.name, juergen.company) == ("Jürgen Müller", "Müller GmbH")
    assert juergen.emails.get().label == "work"


def test_it_merges_a_later_card_with_the_same_profile_url(owner):
    import_vcard(owner=owner, path=V3)
    summary = import_vcard(owner=owner, path=V4)

    ana = Contact.objects.get(owner=owner, name="Ana Ruiz")
    assert ana.company == "Acme Robotics"  # never overwritten silently
    assert "ana.r@acme-labs.example" in {e.email for e in ana.emails.all()}
    assert summary.counts["contacts_merged"] == 1
    assert summary.notes[0] == (
        "Merged Ana Ruiz (matched by LinkedIn profile): added 1 email; "
        "kept company “Acme Robotics” (the card says “Acme Labs”)."
    )


def test_it_changes_nothing_when_the_same_file_is_imported_twice(owner):
    import_vcard(owner=owner, path=V3)
    import_vcard(owner=owner, path=V4)
    before = _snapshot(owner)

    again = import_vcard(owner=owner, path=V3)

    assert _snapshot(owner) == before
    assert again.counts == {
        "contacts_created": 0,
        "contacts_merged": 0,
        "contacts_unchanged": 5,
        "review_items_created": 0,
        "emails_added": 0,
        "cards_skipped": 1,
    }


def test_it_records_an_import_run_with_the_file_digest(owner):
    summary = import_vcard(owner=owner, path=V3)

    run = ImportRun.objects.get(pk=summary.run_id)
    assert run.digest == hashlib.sha256(V3.read_bytes()).hexdigest()
    assert (run.owner, run.source, run.file_name, run.status) == (owner, "vcard", V3.name, "done")
    assert run.counts == summary.counts


def test_it_reports_progress(owner):
    calls: list[tuple[int, int]] = []

    import_vcard(owner=owner, path=V3, progress=lambda done, total: calls.append((done, total)))

    assert calls[-1] == (5, 5)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"Name,Email\nAna,ana@x.org\n",
            "notes.vcf is not a vCard file: it has no BEGIN:VCARD line.",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "notes.vcf is not a vCard file: it looks like a binary file.",
        ),
        (b"", "notes.vcf is not a vCard file: it has no BEGIN:VCARD line."),
    ],
)
def test_it_refuses_a_file_that_is_not_a_vcard(owner, tmp_path, content, expected):
    path = tmp_path / "notes.vcf"
    path.write_bytes(content)

    with pytest.raises(UnusableInput) as error:
        import_vcard(owner=owner, path=path)

    assert str(error.value) == expected
    assert not ImportRun.objects.exists()
    assert not Contact.objects.exists()


def test_it_refuses_a_missing_file(owner, tmp_path):
    with pytest.raises(UnusableInput, match=r"There is no file at .*missing\.vcf"):
        import_vcard(owner=owner, path=tmp_path / "missing.vcf")


def _snapshot(owner) -> list[tuple]:
    return [
        (
            c.name,
            c.company,
            c.position,
            c.linkedin_url,
            c.notes,
            c.updated_at,
            tuple(c.emails.values_list("email", flat=True)),
            tuple(c.tags.values_list("name", flat=True)),
        )
        for c in Contact.objects.filter(owner=owner).order_by("pk")
    ]
