"""The owner's contacts held in memory during a LinkedIn import, found through identity's
Directory (profile URL first; name, company, position and date connected for old exports).

Loading every contact once and writing new and changed ones in batches keeps an import of
30,000 connections free of per-row queries.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import connection

from hedgerow.lib.bulk import insert_rows
from hedgerow.network.identity import Directory, Match, NameParts, Traits
from hedgerow.network.models import Contact

SOURCE = "linkedin"
BATCH_SIZE = 2000
_LOOKUP_SIZE = 500  # URLs per query: well under every database's limit on parameters
_SLUG_WORD = re.compile(r"^[^\W\d_]+$")

# What a LinkedIn export says about a person, in Person order (see ContactBook._row).
PERSON_FIELDS = (
    "name",
    "first_name",
    "last_name",
    "credentials",
    "linkedin_url",
    "company",
    "position",
    "connected",
    "connected_on",
)
# Columns a LinkedIn import sets on a new contact, and those it may change on an existing one.
CREATED_FIELDS = ("owner", *PERSON_FIELDS, "source", "created_at", "updated_at")
UPDATED_FIELDS = [*PERSON_FIELDS, "disconnected_on", "source", "updated_at"]


@dataclass(slots=True, eq=False)  # eq=False: people are told apart by identity, and hashable
class Person:
    id: int | None
    url: str
    first: str
    last: str
    credentials: str
    name: str
    company: str = ""
    position: str = ""
    connected: bool = False
    connected_on: date | None = None
    disconnected_on: date | None = None
    source: str = SOURCE
    dirty: bool = False

    @classmethod
    def new(cls, *, url: str, parts: NameParts, name: str, **rest: Any) -> Person:
        """Someone not written yet, their name cut to the sizes of the contact's columns."""
        return cls(
            id=None,
            url=url,
            first=parts.first[:150],
            last=parts.last[:150],
            credentials=parts.credentials[:100],
            name=name[:300],
            **rest,
        )

    def traits(self) -> Traits:
        return Traits(
            name=self.name,
            url=self.url,
            company=self.company,
            position=self.position,
            connected_on=self.connected_on,
        )

    @property
    def pk(self) -> int:
        """The id of someone already written; only they can be referred to."""
        if self.id is None:
            raise ValueError(f"{self.name} has not been written yet.")
        return self.id

    def set_name(self, parts: NameParts) -> bool:
        """Take LinkedIn's name parts; True when something changed."""
        display = parts.display[:300]
        new = (parts.first[:150], parts.last[:150], parts.credentials[:100], display)
        if not display or new == (self.first, self.last, self.credentials, self.name):
            return False
        self.first, self.last, self.credentials, self.name = new
        return True


def name_from_slug(url: str) -> NameParts:
    """ "…/in/ana-ruiz-4b2a1" → Ana Ruiz: a readable name for someone we only know by URL."""
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    words = [w.capitalize() for w in slug.split("-") if _SLUG_WORD.match(w)]
    if not words:
        return NameParts(first=slug, last="", credentials="")
    return NameParts(
        first=" ".join(words[:-1]) or words[0],
        last=words[-1] if len(words) > 1 else "",
        credentials="",
    )


def _last_contact_id() -> int | None:
    """The highest contact id SQLite ever gave (its AUTOINCREMENT counter); None elsewhere."""
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [Contact._meta.db_table])
        found = cursor.fetchone()
    return int(found[0]) if found else 0


class ContactBook:
    """Every contact of one owner, in a Directory: found by URL, or by name and what else a
    row says about them."""

    def __init__(self, owner_id: int) -> None:
        self.owner_id = owner_id
        self.directory: Directory[Person] = Directory(Person.traits)
        self.by_url = self.directory.by_url
        self.loaded: list[Person] = []
        self.pending: list[Person] = []
        self.changed: list[Person] = []
        self.without_url = 0  # when none, a URL that is not found needs no name lookup
        self._load()

    def _load(self) -> None:
        rows = (
            Contact.objects.filter(owner_id=self.owner_id)
            .order_by("id")
            .values_list(
                "id",
                "linkedin_url",
                "first_name",
                "last_name",
                "credentials",
                "name",
                "company",
                "position",
                "connected",
                "connected_on",
                "disconnected_on",
                "source",
            )
        )
        for row in rows.iterator(chunk_size=BATCH_SIZE):
            person = Person(*row)
            self.loaded.append(person)
            self.directory.add(person)
            if not person.url:
                self.without_url += 1

    def find(self, record: Traits, taken: Container[Person] = ()) -> Match[Person] | None:
        """The person a row is about (see identity.Directory), or None for someone new."""
        if record.url:
            # A profile URL is one person, even one another row of this file already claimed
            # (a repeated row, or a row without the URL matched by name first): never someone new
            # with the same address.
            person = self.by_url.get(record.url)
            if person is not None:
                return Match(person, True, "matched by LinkedIn profile")
            if not self.without_url:
                return None  # everyone has a URL, and none is this one
        return self.directory.find(record, taken=taken)

    def ambiguous(self, name: str) -> bool:
        """Someone of this name is known, yet the name alone cannot say which one."""
        return len(self.directory.named(name)) > 1

    def add(self, person: Person) -> Person:
        self.pending.append(person)
        self.directory.add(person)
        if not person.url:
            self.without_url += 1
        return person

    def adopt_url(self, person: Person, url: str) -> bool:
        """A person known by name only (old export) gets the URL a newer export gives."""
        if not url or person.url:
            return False
        person.url = url
        self.directory.rekey(person)
        self.without_url -= 1
        self.mark_changed(person)
        return True

    def mark_changed(self, person: Person) -> None:
        # People not yet written are written with their final values; no update needed.
        if person.id is not None and not person.dirty:
            person.dirty = True
            self.changed.append(person)

    def flush_new(self, now: datetime) -> int:
        """Create the pending people so they have ids: plain inserts, then one query for ids."""
        if not self.pending:
            return 0
        with_url = [p for p in self.pending if p.url]
        without_url = [p for p in self.pending if not p.url]
        if with_url:
            before = _last_contact_id()
            insert_rows(Contact, CREATED_FIELDS, (self._row(p, now) for p in with_url))
            after = _last_contact_id()
            if before is not None and after == before + len(with_url):
                # SQLite: one writer at a time, and ids taken in insertion order, one after
                # another (AUTOINCREMENT): these rows have exactly the ids since `before`.
                for offset, person in enumerate(with_url, start=1):
                    person.id = before + offset
                with_url = []
            # Elsewhere their ids by URL, which the unique (owner, URL) index finds one by one:
            # as cheap for the few people a batch of messages brings as for 30,000
            # connections, and blind to rows other transactions insert meanwhile.
            for start in range(0, len(with_url), _LOOKUP_SIZE):
                chunk = with_url[start : start + _LOOKUP_SIZE]
                ids = dict(
                    Contact.objects.filter(
                        owner_id=self.owner_id, linkedin_url__in=[p.url for p in chunk]
                    )
                    # The index's condition and no ordering (by name, by default), so SQLite
                    # uses that index rather than the one that saves it a sort.
                    .exclude(linkedin_url="")
                    .order_by()
                    .values_list("linkedin_url", "id")
                )
                for person in chunk:
                    person.id = ids[person.url]
        if without_url:  # rare (old exports): the ORM gives their ids back directly
            contacts = [self._contact(p, now) for p in without_url]
            Contact.objects.bulk_create(contacts, batch_size=BATCH_SIZE)
            for person, contact in zip(without_url, contacts, strict=True):
                person.id = contact.pk
        self.loaded.extend(self.pending)
        created = len(self.pending)
        self.pending = []
        return created

    def _row(self, person: Person, now: datetime) -> tuple:
        return (
            self.owner_id,
            person.name,
            person.first,
            person.last,
            person.credentials,
            person.url,
            person.company,
            person.position,
            person.connected,
            person.connected_on,
            person.source,
            now,
            now,
        )

    def save_changed(self, now: datetime) -> int:
        """Write the changed columns of existing people; nothing at all when none changed."""
        if not self.changed:
            return 0
        contacts = [self._contact(person, now) for person in self.changed]
        Contact.objects.bulk_update(contacts, UPDATED_FIELDS, batch_size=500)
        for person in self.changed:
            person.dirty = False
        saved = len(self.changed)
        self.changed = []
        return saved

    def _contact(self, person: Person, now: datetime) -> Contact:
        return Contact(
            id=person.id,
            owner_id=self.owner_id,
            name=person.name,
            first_name=person.first,
            last_name=person.last,
            credentials=person.credentials,
            linkedin_url=person.url,
            company=person.company,
            position=person.position,
            connected=person.connected,
            connected_on=person.connected_on,
            disconnected_on=person.disconnected_on,
            source=person.source,
            created_at=now,
            updated_at=now,
        )
