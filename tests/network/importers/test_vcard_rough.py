"""vCards as phones and mail clients really write them (issue 9): one bad property never costs
the card. Fixtures in tests/fixtures/vcard/rough, written by us:

android-2.1.vcf        quoted-printable names in windows-1253, ISO-8859-7 and ISO-8859-8, a
                       raw windows-1251 line, a base64 photo whose lines are not indented, and
                       CR CR LF line ends.
outlook-commas.vcf     unescaped commas: "FN:Doe, John", "ORG:Company, The".
broken-properties.vcf  PROFILE:VCard, an empty parameter, a corrupt photo, an unknown CHARSET,
                       a byte that is not UTF-8.
legacy-cp1251.vcf      a whole address book in Windows-1251, no CHARSET anywhere.
"""

from __future__ import annotations

from pathlib import Path

from hedgerow.network.importers.vcard import import_vcard
from hedgerow.network.models import Contact

ROUGH = Path(__file__).resolve().parents[2] / "fixtures" / "vcard" / "rough"


def contact(owner, name: str) -> Contact:
    return Contact.objects.get(owner=owner, name=name)


def test_it_honours_each_lines_charset_and_joins_unindented_photos(owner):
    summary = import_vcard(owner=owner, path=ROUGH / "android-2.1.vcf")

    giorgos = contact(owner, "Γιώργος Παπαδόπουλος")
    assert (giorgos.first_name, giorgos.last_name) == ("Γιώργος", "Παπαδόπουλος")
    assert giorgos.company == "Ναυτιλιακή Α.Ε."  # noqa: RUF001 - Greek letters, on purpose
    assert list(giorgos.emails.values_list("email", flat=True)) == ["giorgos@example.gr"]
    assert list(giorgos.phones.values_list("number", "label")) == [("+30 691 234 5678", "cell")]
    assert contact(owner, "משה כהן").phones.get().number == "03-555-1234"
    assert contact(owner, "Иван Петров").company == "Северсталь"
    assert summary.counts["contacts_created"] == 3
    assert summary.problems == []


def test_it_keeps_unescaped_commas_in_names_and_companies(owner):
    import_vcard(owner=owner, path=ROUGH / "outlook-commas.vcf")

    john = contact(owner, "John Doe")  # "Doe, John", as the name parts say
    assert (john.first_name, john.last_name, john.company) == ("John", "Doe", "Company, The")
    ana = contact(owner, "Ruiz, Ana")  # no name parts to say otherwise: as written
    assert (ana.company, ana.position) == ("Foo, Inc.", "Head of Research, Europe")
    assert Contact.objects.filter(owner=owner, name="Acme Help Desk, Level 2").exists()


def test_it_skips_and_lists_only_the_bad_property(owner):
    summary = import_vcard(owner=owner, path=ROUGH / "broken-properties.vcf")

    kim = contact(owner, "Kim Park")
    assert (kim.company, kim.emails.get().email) == ("Parkwörks", "kim@park.example")
    lee = contact(owner, "Lee Chan")  # its photo is corrupt; we never needed the photo
    assert (lee.company, lee.emails.get().email) == ("Chan & Co", "lee@chan.example")
    dan = contact(owner, "Dan Vo")  # CHARSET=x-klingon: the plain bytes still read
    assert (dan.first_name, dan.last_name) == ("Dan", "Vo")
    eve = contact(owner, "Eve Stone")
    assert (eve.company, eve.position, eve.notes) == ("Stone Ltd", "", "Met at the fair")
    assert [(p.file, p.line, p.message) for p in summary.problems] == [
        (
            "broken-properties.vcf",
            28,
            "Skipped the TITLE property: it holds a byte that is not UTF-8; the rest of the "
            "card was imported.",
        )
    ]


def test_it_reads_a_legacy_code_page_without_mojibake(owner):
    import_vcard(owner=owner, path=ROUGH / "legacy-cp1251.vcf")

    names = sorted(Contact.objects.filter(owner=owner).values_list("name", "company"))
    assert names == [
        ("Дмитрий Кузнецов", "Яндекс"),
        ("Иван Петров", "Северсталь"),
        ("Наталья Попова", "Сбербанк России"),
        ("Ольга Смирнова", "Газпром нефть"),
    ]


def test_it_changes_nothing_when_a_rough_file_comes_again(owner):
    for name in ("android-2.1.vcf", "broken-properties.vcf"):
        import_vcard(owner=owner, path=ROUGH / name)
        again = import_vcard(owner=owner, path=ROUGH / name)
        assert again.counts["contacts_created"] == again.counts["contacts_merged"] == 0
