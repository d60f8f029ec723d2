"""Who is behind an address in the owner's mail or calendar: a contact they have, or a new one.

In order: an address seen before (MailAddress), a contact's known email, then the name (parsed
with nameparser, compared with rapidfuzz) with the mail domain as evidence of the company. A
name that fits but has no such evidence is a doubt: the address gets a contact of its own, and a
review item asks the owner whether the two are one person (merging can be undone, see
mail_review). Kept apart from the card importers' matcher on purpose, so it can move into the
shared identity rules in one step.

Everything is loaded once per import and new rows are written in batches by flush().
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import QuerySet
from rapidfuzz import fuzz, process

from hedgerow.lib.addresses import address_key, domain_of, organisation_of
from hedgerow.network.identity import normalize_name, parse_full_name
from hedgerow.network.models import Contact, ContactEmail, ImportRun, MailAddress, ReviewItem

NEAR_NAME_SCORE = 90  # token_sort_ratio at or above this is "a close name"
REVIEW_SOURCE = "mail"  # review items from mail and calendar share one source
BATCH = 500


@dataclass(eq=False)
class Person:
    """A contact as the directory knows it; `contact` is unsaved until flush() for new ones."""

    contact: Contact
    new: bool = False
    named: bool = True  # False while we only know their address

    @property
    def company_key(self) -> str:
        return _compact(self.contact.company)


@dataclass
class Doubt:
    """A new contact from mail that may be an existing one."""

    person: Person
    resembles: Person
    address: str
    reason: str
    score: float


@dataclass
class Directory:
    owner_id: int
    source: str  # the contacts' source when they are created here ("email", "calendar")
    run: ImportRun | None
    by_address: dict[str, Person] = field(default_factory=dict)
    by_name: dict[str, list[Person]] = field(default_factory=dict)
    fuzzy_names: list[str] = field(default_factory=list)
    fuzzy_people: list[Person] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    _new_addresses: list[tuple[Person, str, str, str]] = field(default_factory=list)
    _new_emails: list[tuple[Person, str]] = field(default_factory=list)
    _doubts: list[Doubt] = field(default_factory=list)
    _created: list[Person] = field(default_factory=list)
    _renamed: list[Person] = field(default_factory=list)
    _taken_emails: set[str] = field(default_factory=set)
    _review_ids: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, *, owner_id: int, source: str, run: ImportRun | None) -> Directory:
        found = cls(owner_id=owner_id, source=source, run=run)
        people: dict[int, Person] = {}
        contacts: QuerySet[Contact] = Contact.objects.filter(owner_id=owner_id)
        for contact in contacts.only("id", "name", "company", "source").iterator(chunk_size=2000):
            # A contact made from an address alone is named after it until a name turns up.
            people[contact.pk] = Person(contact=contact, named="@" not in contact.name)
            found._index_name(people[contact.pk])
        emails = ContactEmail.objects.filter(owner_id=owner_id).values_list("contact_id", "email")
        for contact_id, email in emails.iterator(chunk_size=2000):
            found._taken_emails.add(email)
            key = address_key(email)
            if key and contact_id in people:
                found.by_address.setdefault(key, people[contact_id])
        addresses = MailAddress.objects.filter(owner_id=owner_id).values_list("address", "contact")
        for key, contact_id in addresses.iterator(chunk_size=2000):
            if contact_id in people:
                found.by_address[key] = people[contact_id]  # the owner's decision wins
        found._review_ids = set(
            ReviewItem.objects.filter(owner_id=owner_id, source=REVIEW_SOURCE).values_list(
                "external_id", flat=True
            )
        )
        return found

    def _index_name(self, person: Person) -> None:
        key = normalize_name(person.contact.name)
        if key and " " in key and "@" not in person.contact.name:
            self.by_name.setdefault(key, []).append(person)
            self.fuzzy_names.append(" ".join(sorted(key.split())))
            self.fuzzy_people.append(person)

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    # --- finding people ---

    def person_for(self, name: str, address: str) -> Person | None:
        """The contact behind (display name, address); created when nobody fits."""
        key = address_key(address)
        if not key:
            return None
        person = self.by_address.get(key)
        if person is not None:
            if not person.named and name:
                self._rename(person, name)
            return person
        match = self._by_name(name, key)
        if match is not None and match[1]:
            person = match[0]
            self.count("contacts_matched_by_name")
            self._remember(person, key, name, MailAddress.How.NAME)
            self._add_email(person, address)
            return person
        person = self._create(name, key, address)
        if match is not None:
            resembles, _strong, reason, score = match
            self._doubt(person, resembles, key, reason, score)
        return person

    def _by_name(self, name: str, key: str) -> tuple[Person, bool, str, float] | None:
        """(person, strong, reason, score) for a name that fits an existing contact."""
        parts = parse_full_name(name)
        if not parts.first or not parts.last:
            return None  # one word ("Bo") or none: too little to go on
        wanted = normalize_name(parts.display)
        organisation = organisation_of(key)
        same = self.by_name.get(wanted, [])
        if same:
            fitting = [p for p in same if _company_fits(p.company_key, organisation)]
            if len(fitting) == 1:
                company = fitting[0].contact.company
                return fitting[0], True, f"same name, and {domain_of(key)} is {company}", 100.0
            return same[0], False, _doubt_reason(same[0], key, organisation), 100.0
        if not self.fuzzy_names:
            return None
        found = process.extractOne(
            " ".join(sorted(wanted.split())),
            self.fuzzy_names,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=NEAR_NAME_SCORE,
        )
        if found is None:
            return None
        person, score = self.fuzzy_people[found[2]], float(found[1])
        if _company_fits(person.company_key, organisation):
            company = person.contact.company
            return person, True, f"a close name, and {domain_of(key)} is {company}", score
        return person, False, _doubt_reason(person, key, organisation), score

    # --- remembering ---

    def _create(self, name: str, key: str, address: str) -> Person:
        parts = parse_full_name(name) if name else None
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
        person = Person(contact=contact, new=True, named=bool(name))
        self._created.append(person)
        self.count("contacts_created")
        self._index_name(person)
        self._remember(person, key, name, MailAddress.How.NEW)
        self._add_email(person, address)
        return person

    def _rename(self, person: Person, name: str) -> None:
        parts = parse_full_name(name)
        contact = person.contact
        contact.name = (parts.display or name)[:300]
        contact.first_name, contact.last_name = parts.first[:150], parts.last[:150]
        person.named = True
        self._index_name(person)
        if not person.new:
            self._renamed.append(person)

    def _remember(self, person: Person, key: str, name: str, how: str) -> None:
        self.by_address[key] = person
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
        MailAddress.objects.bulk_create(
            [
                MailAddress(
                    owner_id=self.owner_id, address=key, name=name, contact=p.contact, how=how
                )
                for p, key, name, how in self._new_addresses
            ],
            batch_size=BATCH,
            ignore_conflicts=True,
        )
        ContactEmail.objects.bulk_create(
            [
                ContactEmail(owner_id=self.owner_id, contact=p.contact, email=e)
                for p, e in self._new_emails
            ],
            batch_size=BATCH,
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


def _doubt_reason(person: Person, key: str, organisation: str) -> str:
    company = person.contact.company
    if organisation and company:
        return (
            f"Same name as {person.contact.name}, but writes from {domain_of(key)}, not {company}."
        )
    if company:
        return (
            f"Same name as {person.contact.name} ({company}); the address "
            f"{key} does not say where they work."
        )
    return f"Same name as {person.contact.name}; nothing else says whether it is them."
