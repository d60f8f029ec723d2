"""Bring contact cards (vCard, Google Contacts) into a person's network without duplicates.

A card is matched to the owner's contacts by identity.Directory's rules: LinkedIn profile URL, any
email, then the same name with the same company. A match is merged: empty fields are filled,
emails, notes and tags are added, and a differing non-empty value is kept and reported. A weaker
likeness (a near name whose distinctive words match, or the same name at another company) is never
merged silently: it goes to the review list, and no contact is created until the person resolves
it. A card with an address of its own is nobody's doubt.

Everything the matching needs is loaded into memory once per import (one query per kind of key) and
the writes are batched, so a file of thousands of cards against tens of thousands of contacts stays
fast.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from hedgerow.network import recording
from hedgerow.network.identity import (
    Directory,
    Match,
    Traits,
    normalize_email,
    normalize_linkedin_url,
    normalize_name,
    phone_key,
)
from hedgerow.network.importers.base import (
    ImportSummary,
    Problem,
    Progress,
    file_digest,
    finish_run,
    start_run,
)
from hedgerow.network.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    ImportRun,
    ReviewItem,
    Tag,
)

MAX_NOTES = 50
COUNT_KEYS = (
    "contacts_created",
    "contacts_merged",
    "contacts_unchanged",
    "review_items_created",
    "emails_added",
    "cards_skipped",
)
# The contact fields a card fills when they are empty; a different non-empty value is kept.
FILLABLE = (("company", "company"), ("position", "position"), ("linkedin_url", "LinkedIn profile"))
# Only these are read into memory for matching; bulk_update writes no other column.
LOADED_FIELDS = ("id", "name", "company", "position", "linkedin_url", "notes")
BATCH = 500


# --- Cards ---------------------------------------------------------------------------------------


@dataclass
class CardEmail:
    email: str
    label: str = ""


@dataclass
class CardPhone:
    number: str
    key: str  # identity.phone_key
    label: str = ""


@dataclass
class Card:
    """One incoming person, whatever file format they came from."""

    name: str
    first_name: str = ""
    last_name: str = ""
    credentials: str = ""
    emails: list[CardEmail] = field(default_factory=list)
    phones: list[CardPhone] = field(default_factory=list)
    company: str = ""
    position: str = ""
    linkedin_url: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    # False when the card had no name and we show its email address instead.
    named: bool = True
    line: int | None = None
    file: str = ""
    # Email cells that were not addresses; the importer reports them as problems.
    rejected_emails: list[str] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        *,
        name: str = "",
        first_name: str = "",
        last_name: str = "",
        credentials: str = "",
        emails: Iterable[tuple[str, str]] = (),
        phones: Iterable[tuple[str, str]] = (),
        company: str = "",
        position: str = "",
        urls: Iterable[str] = (),
        notes: str = "",
        tags: Iterable[str] = (),
        line: int | None = None,
        file: str = "",
    ) -> Card:
        """A tidy card: trimmed, de-duplicated, cut to the model's lengths."""
        first_name, last_name = _clean(first_name), _clean(last_name)
        display = _clean(name) or " ".join(p for p in (first_name, last_name) if p)
        card_emails: list[CardEmail] = []
        rejected: list[str] = []
        seen: set[str] = set()  # a set, not a scan: a hostile card may carry 100,000 addresses
        for raw, label in emails:
            email = normalize_email(raw)
            if not email:
                if raw.strip():
                    rejected.append(raw.strip())
            elif email not in seen:
                seen.add(email)
                card_emails.append(CardEmail(email=email[:254], label=_clean(label).lower()[:50]))
        card_phones: list[CardPhone] = []
        seen = set()
        for raw, label in phones:
            key = phone_key(raw)
            if key and key not in seen:
                seen.add(key)
                number, label = _clean(raw)[:50], _clean(label).lower()[:50]
                card_phones.append(CardPhone(number=number, key=key, label=label))
        linkedin = next((u for u in map(normalize_linkedin_url, urls) if u), "")
        named = bool(display)
        if not named and card_emails:
            display = card_emails[0].email
        return cls(
            name=display[:300],
            first_name=first_name[:150],
            last_name=last_name[:150],
            credentials=_clean(credentials)[:100],
            emails=card_emails,
            phones=card_phones,
            company=_clean(company)[:300],
            position=_clean(position)[:300],
            linkedin_url=linkedin[:300],
            notes=(notes or "").replace("\x00", "").strip(),
            tags=_unique_tags(tags),
            named=named,
            line=line,
            file=file,
            rejected_emails=rejected,
        )

    @property
    def usable(self) -> bool:
        return bool(self.name)

    def traits(self) -> Traits:
        return Traits(
            name=self.name if self.named else "",
            url=self.linkedin_url,
            emails=tuple(e.email for e in self.emails),
            phones=tuple(p.key for p in self.phones),
            company=self.company,
            position=self.position,
        )

    def content(self) -> dict[str, Any]:
        """What the card says, without where it sat in the file."""
        data = asdict(self)
        for key in ("line", "file", "rejected_emails"):
            data.pop(key)
        return data

    def to_candidate(self) -> dict[str, Any]:
        return {**self.content(), "file": self.file, "line": self.line}

    @classmethod
    def from_candidate(cls, data: dict[str, Any]) -> Card:
        emails = [CardEmail(**e) for e in data.get("emails", [])]
        phones = [CardPhone(**p) for p in data.get("phones", [])]
        lists = ("emails", "phones", "rejected_emails")
        known = {f for f in cls.__dataclass_fields__ if f not in lists}
        return cls(emails=emails, phones=phones, **{k: v for k, v in data.items() if k in known})

    def external_id(self, source: str) -> str:
        """Stable across re-imports of the same card, wherever it sits in the file (and across
        the version that began to keep phones)."""
        content = self.content()
        content.pop("phones")
        payload = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha1(f"{source}\n{payload}".encode(), usedforsecurity=False).hexdigest()


def _clean(text: str | None) -> str:
    # NUL is not whitespace to split(), and PostgreSQL refuses it in text columns.
    return " ".join((text or "").replace("\x00", "").split())


def _unique_tags(tags: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for tag in tags:
        name = _clean(tag)[:100]
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


@dataclass
class ParsedFile:
    """A whole input read and checked before anything is written."""

    cards: list[Card]
    problems: list[Problem]
    skipped: int = 0


# --- The owner's contacts in memory ------------------------------------------------------------


@dataclass(eq=False)
class Entry:
    """A contact (saved, or created during this import) and what it already has."""

    contact: Contact
    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)  # identity.phone_key
    tags: set[str] = field(default_factory=set)  # casefolded tag names
    new: bool = False
    changed_fields: set[str] = field(default_factory=set)

    def traits(self) -> Traits:
        contact = self.contact
        return Traits(
            name=contact.name,
            url=contact.linkedin_url,
            emails=tuple(sorted(self.emails)),
            phones=tuple(sorted(self.phones)),
            company=contact.company,
            position=contact.position,
        )


@dataclass
class Outcome:
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    emails_added: int = 0


class Ledger:
    """The owner's contacts, emails, tags and review items, indexed by every key we match on.

    Changes are made in memory and written by flush() in a few batched queries.
    """

    def __init__(self, *, owner_id: int, source: str) -> None:
        self.owner_id = owner_id
        self.source = source
        self.directory: Directory[Entry] = Directory(Entry.traits)
        self.by_url = self.directory.by_url
        self.by_email = self.directory.by_email
        self.tags: dict[str, Tag] = {}
        self.review_ids: set[str] = set()
        self._entries: list[Entry] = []
        self._new_emails: list[ContactEmail] = []
        self._new_phones: list[ContactPhone] = []
        self._new_links: list[tuple[Entry, str]] = []
        self._new_reviews: list[ReviewItem] = []

    @classmethod
    def load(cls, *, owner_id: int, source: str, contacts: QuerySet[Contact]) -> Ledger:
        """One query per kind of key; `contacts` must already be scoped to the owner."""
        ledger = cls(owner_id=owner_id, source=source)
        by_id: dict[int, Entry] = {}
        for contact in contacts.only(*LOADED_FIELDS).order_by("id").iterator(chunk_size=2000):
            by_id[contact.pk] = Entry(contact=contact)
        ids = contacts.values("pk")
        emails = ContactEmail.objects.filter(owner_id=owner_id, contact_id__in=ids)
        for contact_id, email in emails.values_list("contact_id", "email").iterator():
            by_id[contact_id].emails.add(email)
        phones = ContactPhone.objects.filter(owner_id=owner_id, contact_id__in=ids)
        for contact_id, key in phones.values_list("contact_id", "key").iterator():
            by_id[contact_id].phones.add(key)
        ledger.tags = {t.name.casefold(): t for t in Tag.objects.filter(owner_id=owner_id)}
        tag_names = {t.pk: key for key, t in ledger.tags.items()}
        links = Contact.tags.through.objects.filter(contact_id__in=ids)
        for contact_id, tag_id in links.values_list("contact_id", "tag_id").iterator():
            by_id[contact_id].tags.add(tag_names[tag_id])
        ledger.review_ids = set(
            ReviewItem.objects.filter(owner_id=owner_id, source=source).values_list(
                "external_id", flat=True
            )
        )
        for entry in by_id.values():
            ledger._index(entry)
        return ledger

    def _index(self, entry: Entry) -> None:
        self._entries.append(entry)
        self.directory.add(entry)

    def entry_for(self, contact_id: int) -> Entry:
        return next(e for e in self._entries if e.contact.pk == contact_id)

    def match(self, card: Card) -> Match[Entry] | None:
        """The contact this card is (sure), may be (a doubt), or None: see identity.Directory."""
        return self.directory.find(card.traits(), doubts=True)

    # --- changes ---

    def merge(self, entry: Entry, card: Card) -> Outcome:
        """Fill what is empty, add what is new, keep (and report) what differs."""
        outcome = Outcome()
        contact = entry.contact
        for name, label in FILLABLE:
            ours, theirs = getattr(contact, name), getattr(card, name)
            if not theirs or _same(name, ours, theirs):
                continue
            if ours:
                outcome.kept.append(f"kept {label} “{ours}” (the card says “{theirs}”)")
            elif name == "linkedin_url" and theirs in self.by_url:
                other = self.by_url[theirs].contact.name
                outcome.kept.append(f"left out the LinkedIn profile, which belongs to {other}")
            else:
                self._set(entry, name, theirs)
                outcome.added.append(label)
        if card.notes and card.notes not in contact.notes:
            self._set(entry, "notes", f"{contact.notes.rstrip()}\n\n{card.notes}".strip())
            outcome.added.append("notes")
        self._add_emails(entry, card, outcome)
        self._add_phones(entry, card, outcome)
        added_tags = self._add_tags(entry, card.tags)
        if added_tags:
            outcome.added.append(_plural(added_tags, "tag"))
        return outcome

    def create(self, card: Card) -> tuple[Entry, Outcome]:
        contact = Contact(
            owner_id=self.owner_id,
            name=card.name,
            first_name=card.first_name,
            last_name=card.last_name,
            credentials=card.credentials,
            company=card.company,
            position=card.position,
            notes=card.notes,
            connected=False,
            source=self.source,
        )
        entry = Entry(contact=contact, new=True)
        outcome = Outcome()
        if card.linkedin_url and card.linkedin_url not in self.by_url:
            contact.linkedin_url = card.linkedin_url
        elif card.linkedin_url:
            other = self.by_url[card.linkedin_url].contact.name
            outcome.kept.append(f"left out the LinkedIn profile, which belongs to {other}")
        self._index(entry)
        self._add_emails(entry, card, outcome)
        self._add_phones(entry, card, outcome)
        self._add_tags(entry, card.tags)
        return entry, outcome

    def review(self, match: Match[Entry], card: Card, run: ImportRun | None) -> bool:
        """Put the card on the review list; False when it is there already (a re-import)."""
        external_id = card.external_id(self.source)
        if external_id in self.review_ids:
            return False
        self.review_ids.add(external_id)
        self._new_reviews.append(
            ReviewItem(
                owner_id=self.owner_id,
                contact=match.person.contact,
                import_run=run,
                source=self.source,
                candidate=card.to_candidate(),
                reason=match.how[:300],
                score=match.score,
                external_id=external_id,
            )
        )
        return True

    def _set(self, entry: Entry, name: str, value: str) -> None:
        setattr(entry.contact, name, value)
        entry.changed_fields.add(name)
        if name == "linkedin_url":
            self.directory.rekey(entry)

    def _add_emails(self, entry: Entry, card: Card, outcome: Outcome) -> None:
        for card_email in card.emails:
            holder = self.by_email.get(card_email.email)
            if holder is entry:
                continue
            if holder is not None:
                outcome.kept.append(
                    f"left out {card_email.email}, which belongs to {holder.contact.name}"
                )
                continue
            entry.emails.add(card_email.email)
            self.directory.rekey(entry)
            self._new_emails.append(
                ContactEmail(
                    owner_id=self.owner_id,
                    contact=entry.contact,
                    email=card_email.email,
                    label=card_email.label,
                )
            )
            outcome.emails_added += 1
        if outcome.emails_added:
            outcome.added.insert(0, _plural(outcome.emails_added, "email"))

    def _add_phones(self, entry: Entry, card: Card, outcome: Outcome) -> None:
        added = 0
        for phone in card.phones:
            if phone.key in entry.phones:
                continue
            entry.phones.add(phone.key)
            self._new_phones.append(
                ContactPhone(
                    owner_id=self.owner_id,
                    contact=entry.contact,
                    number=phone.number,
                    key=phone.key,
                    label=phone.label,
                )
            )
            added += 1
        if added:
            self.directory.rekey(entry)
            outcome.added.append(_plural(added, "phone"))

    def _add_tags(self, entry: Entry, names: list[str]) -> int:
        added = 0
        for name in names:
            key = name.casefold()
            if key in entry.tags:
                continue
            if key not in self.tags:
                self.tags[key] = Tag(owner_id=self.owner_id, name=name)
            entry.tags.add(key)
            self._new_links.append((entry, key))
            added += 1
        return added

    def flush(self) -> None:
        """Write everything changed in memory, parents before children."""
        Contact.objects.bulk_create([e.contact for e in self._entries if e.new], batch_size=BATCH)
        self._save_changed_contacts()
        Tag.objects.bulk_create([t for t in self.tags.values() if t.pk is None], batch_size=BATCH)
        ContactEmail.objects.bulk_create(self._new_emails, batch_size=BATCH)
        ContactPhone.objects.bulk_create(self._new_phones, batch_size=BATCH)
        Link = Contact.tags.through
        links = Link.objects.bulk_create(
            [Link(contact_id=e.contact.pk, tag_id=self.tags[key].pk) for e, key in self._new_links],
            batch_size=BATCH,
        )
        recording.note_added("network.contact_tags", (link.pk for link in links))  # for undo
        ReviewItem.objects.bulk_create(self._new_reviews, batch_size=BATCH)
        self._new_emails, self._new_phones, self._new_links, self._new_reviews = [], [], [], []
        for entry in self._entries:
            entry.new = False

    def _save_changed_contacts(self) -> None:
        changed = [e for e in self._entries if e.changed_fields and not e.new]
        if not changed:
            return
        now = timezone.now()
        fields = set().union(*(e.changed_fields for e in changed))
        for entry in changed:
            entry.contact.updated_at = now
            entry.changed_fields.clear()
        Contact.objects.bulk_update(
            [e.contact for e in changed], sorted(fields | {"updated_at"}), batch_size=BATCH
        )


def _same(name: str, ours: str, theirs: str) -> bool:
    if name == "linkedin_url":
        return ours == theirs
    return normalize_name(ours) == normalize_name(theirs)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --- Importing a whole file --------------------------------------------------------------------


class Notes:
    """The summary's sentences, capped so a large import stays readable."""

    def __init__(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.more = 0

    def add(self, sentence: str) -> None:
        if len(self.summary.notes) < MAX_NOTES:
            self.summary.notes.append(sentence)
        else:
            self.more += 1

    def close(self) -> None:
        if self.more:
            self.summary.notes.append(f"…and {self.more} more.")


@transaction.atomic
def import_cards(
    *,
    owner: AbstractBaseUser,
    path: Path,
    source: str,
    parsed: ParsedFile,
    progress: Progress | None = None,
) -> ImportSummary:
    """Match, merge, create or queue for review every card of one file, in one transaction."""
    summary = ImportSummary(source=source, file_name=path.name)
    summary.counts = dict.fromkeys(COUNT_KEYS, 0)
    summary.problems.extend(parsed.problems)
    summary.add("cards_skipped", parsed.skipped)
    run = start_run(owner=owner, source=source, file_name=path.name, digest=file_digest([path]))
    owner_id = int(owner.pk)
    ledger = Ledger.load(
        owner_id=owner_id, source=source, contacts=Contact.objects.filter(owner_id=owner_id)
    )
    notes = Notes(summary)
    total = len(parsed.cards)
    step = max(1, total // 100)
    for done, card in enumerate(parsed.cards, start=1):
        _apply_card(ledger, card, summary, notes, run)
        if progress and (done % step == 0 or done == total):
            progress(done, total)
    ledger.flush()
    notes.close()
    finish_run(run, summary)
    return summary


def _apply_card(
    ledger: Ledger, card: Card, summary: ImportSummary, notes: Notes, run: ImportRun
) -> None:
    match = ledger.match(card)
    if match is None:
        _entry, outcome = ledger.create(card)
        summary.add("contacts_created")
        summary.add("emails_added", outcome.emails_added)
        if outcome.kept:
            notes.add(f"Added {card.name}; {'; '.join(outcome.kept)}.")
    elif match.sure:
        outcome = ledger.merge(match.person, card)
        summary.add("contacts_merged" if outcome.added else "contacts_unchanged")
        summary.add("emails_added", outcome.emails_added)
        sentence = _merge_sentence(match, outcome)
        if sentence:
            notes.add(sentence)
    elif ledger.review(match, card, run):
        summary.add("review_items_created")
        notes.add(f"{card.name} may be {match.person.contact.name}; added to the review list.")
    else:
        summary.add("contacts_unchanged")


def _merge_sentence(match: Match[Entry], outcome: Outcome) -> str:
    name = match.person.contact.name
    kept = "; ".join(outcome.kept)
    if outcome.added:
        text = f"Merged {name} ({match.how}): added {', '.join(outcome.added)}"
        return f"{text}; {kept}." if kept else f"{text}."
    return f"{name} ({match.how}) was already up to date; {kept}." if kept else ""


# --- The review list ---------------------------------------------------------------------------


@transaction.atomic
def resolve_review_item(*, item: ReviewItem, merge: bool) -> Contact | None:
    """Merge the waiting card into the contact it resembles, or keep it as a separate contact.

    Returns the contact that now holds the card, or None when the item was already resolved
    (resolving twice changes nothing).
    """
    # Re-read under a lock so two clicks cannot both resolve it.
    current = ReviewItem.objects.select_for_update().get(pk=item.pk)
    if current.resolved_at is not None:
        item.resolved_at, item.resolution = current.resolved_at, current.resolution
        return None
    card = Card.from_candidate(current.candidate)
    ledger = _ledger_for_review(current, card)
    if merge:
        entry = ledger.entry_for(current.contact_id)
        ledger.merge(entry, card)
    else:
        entry, _outcome = ledger.create(card)
    ledger.flush()
    item.resolved_at = current.resolved_at = timezone.now()
    item.resolution = current.resolution = "merged" if merge else "separate"
    current.save(update_fields=["resolved_at", "resolution"])
    return entry.contact


def _ledger_for_review(item: ReviewItem, card: Card) -> Ledger:
    """Only the contacts this one card can touch: the near match and holders of its keys."""
    owned = Contact.objects.filter(owner_id=item.owner_id)
    relevant = owned.filter(pk=item.contact_id)
    emails = [e.email for e in card.emails]
    if emails:
        relevant |= owned.filter(emails__email__in=emails)
    if card.linkedin_url:
        relevant |= owned.filter(linkedin_url=card.linkedin_url)
    ids = list(relevant.values_list("pk", flat=True).distinct())
    return Ledger.load(
        owner_id=item.owner_id, source=item.source, contacts=owned.filter(pk__in=ids)
    )
