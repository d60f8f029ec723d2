"""Who is behind an address in the owner's mail or calendar: a contact they have, or a new one.

The rules are identity.Directory's, the same as for every import: a known address (any spelling
of it: address_key), then the name with what else the record says. Mail says one more thing: the
domain an address is at stands for a company ("ana@acme.example" works at Acme), so when exactly
one namesake's company fits the domain, the record says that company. A name that fits but with
nothing to confirm it is a doubt: the address gets a contact of its own, and a review item asks
the owner whether the two are one person (merging can be undone, see mail_review).

Everything is loaded once per import and new rows are written in batches by flush().
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import QuerySet

from hedgerow.lib.addresses import address_key, domain_of, organisation_of
from hedgerow.lib.bulk import insert_rows
from hedgerow.network.identity import (
    Directory,
    NameParts,
    Traits,
    normalize_name,
    parse_full_name,
)
from hedgerow.network.models import Contact, ContactEmail, ImportRun, MailAddress, ReviewItem

REVIEW_SOURCE = "mail"  # review items from mail and calendar share one source
BATCH = 500


@dataclass(eq=False)
class Person:
    """A contact as the directory knows it; `contact` is unsaved until flush() for new ones."""

    contact: Contact
    new: bool = False
    named: bool = True  # False while we only know their address
    keys: set[str] = field(default_factory=set)  # address keys known to be theirs

    def traits(self) -> Traits:
        name = self.contact.name if self.named else ""
        return Traits(name=name, emails=tuple(sorted(self.keys)), company=self.contact.company)


@dataclass
class Doubt:
    """A new contact from mail that may be an existing one."""

    person: Person
    resembles: Person
    address: str
    reason: str
    score: float


@dataclass
class MailPeople:
    owner_id: int
    source: str  # the contacts' source when they are created here ("email", "calendar")
    run: ImportRun | None
    # The owner's contacts as they were before this import, under the shared identity rules.
    # People first met in this import are found by address only: comparing each new address's
    # name with every other new one would cost more than the whole rest of a large import.
    directory: Directory[Person] = field(default_factory=lambda: Directory(Person.traits))
    by_key: dict[str, Person] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    _new_addresses: list[tuple[Person, str, str, str]] = field(default_factory=list)
    _new_emails: list[tuple[Person, str]] = field(default_factory=list)
    _doubts: list[Doubt] = field(default_factory=list)
    _created: list[Person] = field(default_factory=list)
    _renamed: list[Person] = field(default_factory=list)
    _taken_emails: set[str] = field(default_factory=set)
    _review_ids: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, *, owner_id: int, source: str, run: ImportRun | None) -> MailPeople:
        found = cls(owner_id=owner_id, source=source, run=run)
        people: dict[int, Person] = {}
        contacts: QuerySet[Contact] = Contact.objects.filter(owner_id=owner_id)
        for contact in contacts.only("id", "name", "company").iterator(chunk_size=2000):
            # A contact made from an address alone is named after it until a name turns up.
            people[contact.pk] = Person(contact=contact, named="@" not in contact.name)
        holder: dict[str, Person] = {}
        emails = ContactEmail.objects.filter(owner_id=owner_id).values_list("contact_id", "email")
        for contact_id, email in emails.iterator(chunk_size=2000):
            found._taken_emails.add(email)
            if (key := address_key(email)) and contact_id in people:
                holder.setdefault(key, people[contact_id])
        addresses = MailAddress.objects.filter(owner_id=owner_id).values_list("address", "contact")
        for key, contact_id in addresses.iterator(chunk_size=2000):
            if contact_id in people:
                holder[key] = people[contact_id]  # the owner's decisions win
        for key, person in holder.items():
            person.keys.add(key)
        found.by_key = dict(holder)
        for person in people.values():
            found.directory.add(person)
        found._review_ids = set(
            ReviewItem.objects.filter(owner_id=owner_id, source=REVIEW_SOURCE).values_list(
                "external_id", flat=True
            )
        )
        return found

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    # --- finding people ---

    def person_for(self, name: str, address: str) -> Person | None:
        """The contact behind (display name, address); created when nobody fits."""
        key = address_key(address)
        if not key:
            return None
        person = self.by_key.get(key)
        if person is not None:
            if not person.named and name:
                self._rename(person, name)
            return person
        parts = _parts(name) if name else None
        display = parts.display if parts and parts.first and parts.last else ""
        match = self.directory.find(self._record(display, key), doubts=True) if display else None
        if match is not None and match.sure:
            person = match.person
            self.count("contacts_matched_by_name")
            self._remember(person, key, name, MailAddress.How.NAME)
            self._add_email(person, address)
            return person
        person = self._create(name, key, address)
        if match is not None:
            reason = _doubt_reason(match.person, key)
            self._doubt(person, match.person, key, reason, match.score)
        return person

    def _record(self, name: str, key: str) -> Traits:
        """What the message says about its sender; the domain as the company it stands for."""
        organisation = organisation_of(key)
        company = ""
        if organisation:
            fitting = [
                p.contact.company
                for p in self.directory.named(name)
                if _company_fits(_compact(p.contact.company), organisation)
            ]
            company = fitting[0] if len(set(map(normalize_name, fitting))) == 1 else ""
        return Traits(name=name, emails=(key,), company=company)

    # --- remembering ---

    def _create(self, name: str, key: str, address: str) -> Person:
        parts = _parts(name) if name else None
        display = (parts.display if parts else "") or name or address.lower()
        contact = Contact(
            owner_id=self.owner_id,
            name=display[:300],
            first_name=(parts.first if parts else "")[:150],
            last_name=(parts.last if parts else "")[:150],
            credentials=(parts.credentials if parts else "")[:100],
            connected=False,
            source=self.source,
        )
        person = Person(contact=contact, new=True, named=bool(name), keys={key})
        self._created.append(person)
        self.count("contacts_created")
        self._remember(person, key, name, MailAddress.How.NEW)
        self._add_email(person, address)
        return person

    def _rename(self, person: Person, name: str) -> None:
        parts = _parts(name)
        contact = person.contact
        contact.name = (parts.display or name)[:300]
        contact.first_name, contact.last_name = parts.first[:150], parts.last[:150]
        person.named = True
        if not person.new:
            self.directory.rekey(person)
            self._renamed.append(person)

    def _remember(self, person: Person, key: str, name: str, how: str) -> None:
        person.keys.add(key)
        self.by_key[key] = person
        if not person.new:
            self.directory.rekey(person)
        self._new_addresses.append((person, key, name[:300], how))

    def _add_email(self, person: Person, address: str) -> None:
        email = address.strip().strip("<>").lower()[:254]
        if email in self._taken_emails:
            return
        self._taken_emails.add(email)
        self._new_emails.append((person, email))

    def _doubt(self, person: Person, resembles: Person, key: str, reason: str, score: float):
        external_id = f"mail:{key}"
        if external_id in self._review_ids or resembles is person:
            return
        self._review_ids.add(external_id)
        self._doubts.append(Doubt(person, resembles, key, reason, score))
        self.count("review_items_created")

    # --- writing ---

    def flush(self) -> None:
        """Write new contacts first (their ids are needed), then what hangs off them."""
        Contact.objects.bulk_create([p.contact for p in self._created], batch_size=BATCH)
        for person in self._created:
            person.new = False
        self._created = []
        if self._renamed:
            Contact.objects.bulk_update(
                [p.contact for p in self._renamed], ["name", "first_name", "last_name"]
            )
        # Plain rows, not model instances: a big mailbox brings thousands of new addresses.
        insert_rows(
            MailAddress,
            ("owner", "address", "name", "contact", "how"),
            [
                (self.owner_id, k, name, p.contact.pk, how)
                for p, k, name, how in self._new_addresses
            ],
            ignore_conflicts=True,
        )
        insert_rows(
            ContactEmail,
            ("owner", "contact", "email"),
            [(self.owner_id, p.contact.pk, e) for p, e in self._new_emails],
        )
        ReviewItem.objects.bulk_create(
            [self._review_item(d) for d in self._doubts], batch_size=BATCH
        )
        self._new_addresses, self._new_emails, self._doubts, self._renamed = [], [], [], []

    def _review_item(self, doubt: Doubt) -> ReviewItem:
        contact = doubt.person.contact
        return ReviewItem(
            owner_id=self.owner_id,
            contact=doubt.resembles.contact,
            import_run=self.run,
            source=REVIEW_SOURCE,
            candidate={
                "name": contact.name,
                "emails": [{"email": doubt.address, "label": ""}],
                "company": contact.company,
                "mail_contact_id": contact.pk,
            },
            reason=doubt.reason[:300],
            score=doubt.score,
            external_id=f"mail:{doubt.address}",
        )


@lru_cache(maxsize=20_000)
def _parts(name: str) -> NameParts:
    """A display name taken apart once per import, however often it recurs."""
    return parse_full_name(name)


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", normalize_name(text))


COMPANY_FILLER = re.compile(r"(inc|ltd|llc|gmbh|corp|corporation|group|plc|sa|ag|bv|co)$")


def _company_fits(company_key: str, organisation: str) -> bool:
    """Does the mail domain's organisation ("acme") stand for the company ("Acme Corp")?"""
    if not company_key or len(organisation) < 2:
        return False
    bare = COMPANY_FILLER.sub("", company_key) or company_key
    return organisation in (company_key, bare) or (
        len(organisation) >= 4 and (bare.startswith(organisation) or organisation.startswith(bare))
    )


def _doubt_reason(person: Person, key: str) -> str:
    contact = person.contact
    if contact.company:
        return (
            f"Same name as {contact.name} ({contact.company}), but {domain_of(key)} does not "
            "say they work there."
        )
    return f"Same name as {contact.name}; nothing else says whether it is them."
