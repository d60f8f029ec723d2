"""The review list's mail and calendar doubts: merge two contacts into one, and undo it.

An address from the owner's mail that looks like an existing contact got a contact of its own
(mail_people). Merging moves its emails, addresses and interactions into the contact it
resembles and removes it; the merge is recorded (ContactMerge) with everything that moved, so
undoing it puts the contact back exactly as it was.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from hedgerow.network.mail_people import REVIEW_SOURCE
from hedgerow.network.models import (
    Contact,
    ContactEmail,
    ContactMerge,
    Interaction,
    MailAddress,
    ReviewItem,
)

# The absorbed contact's fields kept for an undo.
KEPT_FIELDS = (
    "name", "first_name", "last_name", "credentials", "company", "position", "notes", "source",
    "connected", "is_core", "cadence_days",
)  # fmt: skip


def is_mail_item(item: ReviewItem) -> bool:
    return item.source == REVIEW_SOURCE


def resolve_any_review_item(*, item: ReviewItem, merge: bool) -> Contact | None:
    """The review list's one entry point: mail doubts here, imported cards in importers.merge."""
    if is_mail_item(item):
        return resolve_mail_item(item=item, merge=merge)
    from hedgerow.network.importers.merge import resolve_review_item

    return resolve_review_item(item=item, merge=merge)


@transaction.atomic
def resolve_mail_item(*, item: ReviewItem, merge: bool) -> Contact | None:
    """Merge the mail contact into the contact it resembles, or keep both. None when the item
    was already decided (deciding twice changes nothing)."""
    current = ReviewItem.objects.select_for_update().get(pk=item.pk)
    if current.resolved_at is not None:
        item.resolved_at, item.resolution = current.resolved_at, current.resolution
        return None
    mail_contact = Contact.objects.filter(
        owner_id=current.owner_id, pk=current.candidate.get("mail_contact_id")
    ).first()
    into = current.contact
    if merge and mail_contact is not None and mail_contact.pk != into.pk:
        merge_contacts(absorbed=mail_contact, into=into, review_item=current)
    item.resolved_at = current.resolved_at = timezone.now()
    item.resolution = current.resolution = "merged" if merge else "separate"
    current.save(update_fields=["resolved_at", "resolution"])
    return into if merge or mail_contact is None else mail_contact


@transaction.atomic
def merge_contacts(
    *, absorbed: Contact, into: Contact, review_item: ReviewItem | None = None
) -> ContactMerge:
    """Move everything of `absorbed` into `into`, remove `absorbed`, and remember how."""
    interactions = list(absorbed.interactions.values_list("pk", flat=True))
    emails = list(ContactEmail.objects.filter(contact=absorbed).values_list("pk", flat=True))
    addresses = list(MailAddress.objects.filter(contact=absorbed).values_list("pk", "how"))
    record = ContactMerge.objects.create(
        owner_id=into.owner_id,
        into=into,
        review_item=review_item,
        absorbed={f: getattr(absorbed, f) for f in KEPT_FIELDS}
        | {"created_at": absorbed.created_at.isoformat()},
        moved={
            "interactions": interactions,
            "emails": emails,
            "addresses": [[pk, how] for pk, how in addresses],
        },
        merged_at=timezone.now(),
    )
    Interaction.objects.filter(pk__in=interactions).update(contact=into)
    ContactEmail.objects.filter(pk__in=emails).update(contact=into)
    MailAddress.objects.filter(pk__in=[pk for pk, _how in addresses]).update(
        contact=into, how=MailAddress.How.MERGED
    )
    absorbed.delete()
    return record


@transaction.atomic
def undo_merge(*, record: ContactMerge) -> Contact | None:
    """Put the merged-away contact back with what moved; the review item is open again.
    None when it was already undone."""
    current = ContactMerge.objects.select_for_update().get(pk=record.pk)
    if current.undone_at is not None:
        return None
    fields = {f: current.absorbed[f] for f in KEPT_FIELDS if f in current.absorbed}
    restored = Contact.objects.create(owner_id=current.owner_id, **fields)
    moved = current.moved
    Interaction.objects.filter(
        owner_id=current.owner_id, contact=current.into, pk__in=moved.get("interactions", [])
    ).update(contact=restored)
    ContactEmail.objects.filter(
        owner_id=current.owner_id, contact=current.into, pk__in=moved.get("emails", [])
    ).update(contact=restored)
    for pk, how in moved.get("addresses", []):
        MailAddress.objects.filter(owner_id=current.owner_id, pk=pk).update(
            contact=restored, how=how
        )
    current.undone_at = timezone.now()
    current.save(update_fields=["undone_at"])
    item = current.review_item
    if item is not None:
        item.candidate = {**item.candidate, "mail_contact_id": restored.pk}
        item.resolved_at, item.resolution = None, ""
        item.save(update_fields=["candidate", "resolved_at", "resolution"])
    record.undone_at = current.undone_at
    return restored
