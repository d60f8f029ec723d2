"""How incoming cards meet existing contacts: strong keys merge, weak likeness goes to review."""

from __future__ import annotations

from pathlib import Path

from hedgerow.network.importers.merge import resolve_review_item
from hedgerow.network.importers.vcard import import_vcard
from hedgerow.network.models import Contact, ContactEmail, ReviewItem

PROFILE = "https://www.linkedin.com/in/ana-ruiz"


def vcard(
    name: str,
    *,
    emails: tuple[str, ...] = (),
    org: str = "",
    title: str = "",
    url: str = "",
    note: str = "",
    categories: str = "",
) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}"]
    lines += [f"EMAIL;TYPE=INTERNET:{email}" for email in emails]
    optional = {"ORG": org, "TITLE": title, "URL": url, "NOTE": note, "CATEGORIES": categories}
    lines += [f"{key}:{value}" for key, value in optional.items() if value]
    return "\r\n".join([*lines, "END:VCARD", ""])


def write(tmp_path: Path, *cards: str, name: str = "cards.vcf") -> Path:
    path = tmp_path / name
    path.write_text("".join(cards), encoding="utf-8", newline="")
    return path


def add_email(contact: Contact, email: str) -> None:
    ContactEmail.objects.create(owner_id=contact.owner_id, contact=contact, email=email)


def test_it_merges_by_linkedin_url_first(owner, make_contact, tmp_path):
    ana = make_contact(owner, "Ana Ruiz", linkedin_url=PROFILE)
    other = make_contact(owner, "Ana R.")
    add_email(other, "ana@x.org")
    path = write(
        tmp_path, vcard("Ana Ruiz", emails=("new@x.org",), url="http://linkedin.com/in/Ana-Ruiz/")
    )

    summary = import_vcard(owner=owner, path=path)

    assert summary.counts["contacts_merged"] == 1
    assert [e.email for e in ana.emails.all()] == ["new@x.org"]
    assert summary.notes == ["Merged Ana Ruiz (matched by LinkedIn profile): added 1 email."]


def test_it_merges_by_email_and_fills_empty_fields(owner, make_contact, tmp_path):
    ana = make_contact(owner, "Ana Ruiz")
    add_email(ana, "ana@x.org")
    card = vcard(
        "Ana Ruiz",
        emails=("ANA@x.org", "ana@home.example"),
        org="Acme",
        title="CTO",
        note="Loves bikes.",
        categories="Friends",
    )

    summary = import_vcard(owner=owner, path=write(tmp_path, card))

    ana.refresh_from_db()
    assert (ana.company, ana.position, ana.notes) == ("Acme", "CTO", "Loves bikes.")
    assert [e.email for e in ana.emails.all()] == ["ana@x.org", "ana@home.example"]
    assert [t.name for t in ana.tags.all()] == ["Friends"]
    assert summary.notes == [
        "Merged Ana Ruiz (matched by email ana@x.org): "
        "added 1 email, company, position, notes, 1 tag."
    ]
    assert summary.counts["emails_added"] == 1


def test_it_merges_by_exact_name_and_company(owner, make_contact, tmp_path):
    bob = make_contact(owner, "Bob Li", company="Globex, Inc.")
    path = write(tmp_path, vcard("bob  LI", emails=("bob@globex.example",), org="Globex Inc"))

    summary = import_vcard(owner=owner, path=path)

    assert summary.counts["contacts_merged"] == 1
    assert [e.email for e in bob.emails.all()] == ["bob@globex.example"]
    assert "matched by name and company" in summary.notes[0]
    assert Contact.objects.filter(owner=owner).count() == 1


def test_it_keeps_differing_values_and_says_so(owner, make_contact, tmp_path):
    ana = make_contact(owner, "Ana Ruiz", company="Acme", position="CTO", notes="Old friend.")
    add_email(ana, "ana@x.org")
    path = write(tmp_path, vcard("Ana Ruiz", emails=("ana@x.org",), org="Globex", title="CTO"))

    summary = import_vcard(owner=owner, path=path)

    ana.refresh_from_db()
    assert (ana.company, ana.position, ana.notes) == ("Acme", "CTO", "Old friend.")
    assert summary.counts["contacts_unchanged"] == 1
    assert summary.notes == [
        "Ana Ruiz (matched by email ana@x.org) was already up to date; "
        "kept company “Acme” (the card says “Globex”)."
    ]


def test_it_leaves_out_an_email_that_belongs_to_someone_else(owner, make_contact, tmp_path):
    ana = make_contact(owner, "Ana Ruiz", linkedin_url=PROFILE)
    bob = make_contact(owner, "Bob Li")
    add_email(bob, "shared@x.org")
    path = write(tmp_path, vcard("Ana Ruiz", emails=("shared@x.org",), url=PROFILE))

    summary = import_vcard(owner=owner, path=path)

    assert ana.emails.count() == 0
    assert "left out shared@x.org, which belongs to Bob Li" in summary.notes[0]


def test_it_puts_a_close_name_on_the_review_list_without_creating_a_contact(
    owner, make_contact, tmp_path
):
    kate = make_contact(owner, "Katherine Johnson", company="NASA")
    path = write(tmp_path, vcard("Katharine Johnson", emails=("kj@nasa.example",), org="NASA"))

    summary = import_vcard(owner=owner, path=path)

    item = ReviewItem.objects.get(owner=owner)
    assert item.contact == kate
    assert item.candidate["name"] == "Katharine Johnson"
    assert item.candidate["emails"] == [{"email": "kj@nasa.example", "label": ""}]
    assert item.score >= 88
    assert item.reason.startswith("The name is close to Katherine Johnson")
    assert (item.source, item.import_run_id) == ("vcard", summary.run_id)
    assert Contact.objects.filter(owner=owner).count() == 1
    assert not ContactEmail.objects.exists()
    assert summary.counts["review_items_created"] == 1
    assert summary.notes == [
        "Katharine Johnson may be Katherine Johnson; added to the review list."
    ]


def test_it_asks_before_merging_the_same_name_at_another_company(owner, make_contact, tmp_path):
    make_contact(owner, "Ana Ruiz", company="Acme")
    path = write(tmp_path, vcard("Ana Ruiz", org="Globex"))

    import_vcard(owner=owner, path=path)

    item = ReviewItem.objects.get(owner=owner)
    assert item.reason == "Same name as Ana Ruiz, but the card says “Globex”, the contact “Acme”."
    assert item.score == 100
    assert Contact.objects.filter(owner=owner).count() == 1


def test_it_asks_when_only_one_side_has_a_company(owner, make_contact, tmp_path):
    make_contact(owner, "Ana Ruiz")
    path = write(tmp_path, vcard("Ana Ruiz", org="Globex"))

    import_vcard(owner=owner, path=path)

    assert "the contact has no company" in ReviewItem.objects.get(owner=owner).reason


def test_it_treats_different_profile_urls_as_different_people(owner, make_contact, tmp_path):
    make_contact(owner, "Ana Ruiz", company="Acme", linkedin_url=PROFILE)
    path = write(tmp_path, vcard("Ana Ruiz", org="Acme", url="https://linkedin.com/in/ana-ruiz-2"))

    summary = import_vcard(owner=owner, path=path)

    assert summary.counts["contacts_created"] == 1
    assert not ReviewItem.objects.exists()


def test_it_does_not_duplicate_review_items_on_re_import(owner, make_contact, tmp_path):
    make_contact(owner, "Katherine Johnson")
    path = write(tmp_path, vcard("Katharine Johnson"), vcard("Katharine Johnson"))

    first = import_vcard(owner=owner, path=path)
    again = import_vcard(owner=owner, path=path)

    assert ReviewItem.objects.count() == 1
    assert first.counts["review_items_created"] == 1
    assert again.counts["review_items_created"] == 0
    assert again.counts["contacts_unchanged"] == 2


def test_it_merges_a_reviewed_card_into_the_contact(owner, make_contact, tmp_path):
    kate = make_contact(owner, "Katherine Johnson")
    card = vcard("Katharine Johnson", emails=("kj@nasa.example",), org="NASA", categories="Space")
    import_vcard(owner=owner, path=write(tmp_path, card))
    item = ReviewItem.objects.get()

    holder = resolve_review_item(item=item, merge=True)

    kate.refresh_from_db()
    assert holder == kate
    assert kate.company == "NASA"
    assert [e.email for e in kate.emails.all()] == ["kj@nasa.example"]
    assert [t.name for t in kate.tags.all()] == ["Space"]
    item.refresh_from_db()
    assert item.resolution == "merged"
    assert item.resolved_at is not None
    assert Contact.objects.filter(owner=owner).count() == 1


def test_it_keeps_a_reviewed_card_as_a_separate_contact(owner, make_contact, tmp_path):
    make_contact(owner, "Katherine Johnson")
    card = vcard("Katharine Johnson", emails=("kj@nasa.example",), org="NASA")
    path = write(tmp_path, card)
    import_vcard(owner=owner, path=path)
    item = ReviewItem.objects.get()

    created = resolve_review_item(item=item, merge=False)

    assert created is not None
    assert (created.name, created.company, created.source) == ("Katharine Johnson", "NASA", "vcard")
    assert [e.email for e in created.emails.all()] == ["kj@nasa.example"]
    assert (item.resolution, ReviewItem.objects.get().resolution) == ("separate", "separate")
    # Importing the file again now finds the new contact by email: nothing changes.
    again = import_vcard(owner=owner, path=path)
    assert again.counts["contacts_unchanged"] == 1
    assert Contact.objects.filter(owner=owner).count() == 2


def test_it_resolves_a_review_item_only_once(owner, make_contact, tmp_path):
    make_contact(owner, "Katherine Johnson")
    import_vcard(owner=owner, path=write(tmp_path, vcard("Katharine Johnson")))
    item = ReviewItem.objects.get()
    resolve_review_item(item=item, merge=False)
    resolved_at = ReviewItem.objects.get().resolved_at

    stale = ReviewItem.objects.get()
    assert resolve_review_item(item=stale, merge=True) is None
    assert resolve_review_item(item=item, merge=False) is None

    assert Contact.objects.filter(owner=owner).count() == 2
    assert ReviewItem.objects.get().resolved_at == resolved_at
    assert stale.resolution == "separate"


def test_it_never_matches_someone_elses_contacts(owner, outsider, make_contact, tmp_path):
    theirs = make_contact(outsider, "Ana Ruiz", company="Acme", linkedin_url=PROFILE)
    add_email(theirs, "ana@x.org")
    make_contact(outsider, "Katherine Johnson")
    card = vcard("Ana Ruiz", emails=("ana@x.org",), org="Acme", url=PROFILE)
    path = write(tmp_path, card, vcard("Katharine Johnson"))

    summary = import_vcard(owner=owner, path=path)

    assert summary.counts["contacts_created"] == 2
    assert not ReviewItem.objects.exists()
    mine = Contact.objects.get(owner=owner, name="Ana Ruiz")
    assert mine.pk != theirs.pk
    assert [e.email for e in mine.emails.all()] == ["ana@x.org"]
    assert [e.email for e in theirs.emails.all()] == ["ana@x.org"]


def test_it_merges_repeated_cards_within_one_file(owner, tmp_path):
    path = write(
        tmp_path,
        vcard("Ana Ruiz", emails=("ana@x.org",)),
        vcard("Ana Ruiz", emails=("ana@x.org", "ana@home.example"), org="Acme"),
    )

    summary = import_vcard(owner=owner, path=path)

    ana = Contact.objects.get(owner=owner)
    assert (ana.company, ana.emails.count()) == ("Acme", 2)
    assert (summary.counts["contacts_created"], summary.counts["contacts_merged"]) == (1, 1)


def test_it_keeps_the_notes_to_a_readable_number(owner, make_contact, tmp_path):
    cards = []
    for n in range(60):
        make_contact(owner, f"Person {n:02d}", linkedin_url=f"{PROFILE}-{n}")
        cards.append(vcard(f"Person {n:02d}", emails=(f"p{n}@x.org",), url=f"{PROFILE}-{n}"))

    summary = import_vcard(owner=owner, path=write(tmp_path, *cards))

    assert len(summary.notes) == 51
    assert summary.notes[-1] == "…and 10 more."
    assert summary.counts["contacts_merged"] == 60


def test_it_queries_per_key_type_not_per_card(
    owner, make_contact, tmp_path, django_assert_max_num_queries
):
    cards = []
    for n in range(200):
        contact = make_contact(owner, f"Known Person{n}", company="Acme")
        add_email(contact, f"known{n}@x.org")
        cards.append(vcard(f"Known Person{n}", emails=(f"known{n}@x.org", f"new{n}@x.org")))
        cards.append(vcard(f"Stranger {n}", emails=(f"stranger{n}@y.org",), categories="New"))
    path = write(tmp_path, *cards)

    # Loading (5), the run (2), its journal for undo (about 40: two per table it may touch) and
    # batched writes: a fixed number, not one per card.
    with django_assert_max_num_queries(60):
        summary = import_vcard(owner=owner, path=path)

    assert summary.counts["contacts_merged"] == 200
    # "Stranger 0" and "Stranger 1" look alike, but each has an address of their own.
    assert summary.counts["contacts_created"] == 200
    assert summary.counts["review_items_created"] == 0
    assert Contact.objects.get(owner=owner, name="Stranger 0").tags.get().name == "New"
