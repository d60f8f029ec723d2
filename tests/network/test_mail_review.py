"""Doubts from mail on the review list: merge, keep apart, undo, on the page and the CLI."""

from __future__ import annotations

from pathlib import Path

from django.urls import reverse

from hedgerow.cli import main
from hedgerow.network.importers.mbox import import_mbox
from hedgerow.network.models import Contact, ContactMerge, MailAddress, ReviewItem

GMAIL = Path(__file__).resolve().parents[1] / "fixtures" / "mail" / "gmail-takeout.mbox"
OWN = "alice.owner@gmail.com"


def doubt(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz", company="Globex")
    import_mbox(owner=owner, path=GMAIL, me=[OWN])
    item = ReviewItem.objects.get(owner=owner)
    return ana, item, Contact.objects.get(pk=item.candidate["mail_contact_id"])


def test_it_merges_the_mail_contact_into_the_one_it_resembles(owner, make_contact, owner_client):
    ana, item, mail_ana = doubt(owner, make_contact)

    response = owner_client.post(
        reverse("network:review-resolve", args=[item.pk]), {"decision": "merge"}
    )

    assert response.status_code == 302
    assert not Contact.objects.filter(pk=mail_ana.pk).exists()
    assert ana.interactions.count() == 2
    assert ana.emails.filter(email="ana.ruiz@acme.example").exists()
    assert MailAddress.objects.get(owner=owner, address="ana.ruiz@acme.example").contact == ana


def test_it_undoes_a_merge_exactly(owner, make_contact, owner_client):
    ana, item, _mail_ana = doubt(owner, make_contact)
    owner_client.post(reverse("network:review-resolve", args=[item.pk]), {"decision": "merge"})
    record = ContactMerge.objects.get(owner=owner)

    page = owner_client.get(reverse("network:review"))
    assert "Merged from your mail and calendar" in page.content.decode()
    owner_client.post(reverse("network:merge-undo", args=[record.pk]))

    restored = Contact.objects.get(owner=owner, name="Ana Ruiz", company="")
    assert restored.interactions.count() == 2
    assert restored.emails.filter(email="ana.ruiz@acme.example").exists()
    assert ana.interactions.count() == 0
    item.refresh_from_db()
    assert item.resolved_at is None
    assert item.candidate["mail_contact_id"] == restored.pk
    # A second import still finds the address's owner: the restored contact.
    import_mbox(owner=owner, path=GMAIL, me=[OWN])
    assert restored.interactions.count() == 2


def test_it_keeps_them_apart_when_told(owner, make_contact, owner_client):
    _ana, item, mail_ana = doubt(owner, make_contact)

    owner_client.post(reverse("network:review-resolve", args=[item.pk]), {"decision": "separate"})

    assert Contact.objects.filter(pk=mail_ana.pk).exists()
    item.refresh_from_db()
    assert item.resolution == "separate"


def test_it_merges_and_undoes_from_the_cli(owner, make_contact, capsys):
    ana, item, _mail_ana = doubt(owner, make_contact)

    assert main(["review", "merge", str(item.pk)]) == 0
    assert ana.interactions.count() == 2
    assert main(["review", "undo", str(item.pk)]) == 0
    assert "on their own again" in capsys.readouterr().out
    assert ana.interactions.count() == 0
    assert main(["review", "undo", str(item.pk)]) == 1


def test_it_never_undoes_someone_elses_merge(owner, outsider, make_contact, client):
    _ana, item, _mail_ana = doubt(owner, make_contact)
    from hedgerow.network.mail_review import resolve_mail_item

    resolve_mail_item(item=item, merge=True)
    record = ContactMerge.objects.get(owner=owner)
    client.force_login(outsider)

    response = client.post(reverse("network:merge-undo", args=[record.pk]))

    assert response.status_code == 404
    record.refresh_from_db()
    assert record.undone_at is None
