"""Mail and meetings become interactions: one per message or meeting and person, never twice.

Every source (an mbox file, an IMAP mailbox, an .ics calendar) reads its records into the plain
shapes below; `History` decides what is noise, who the other people are (mail_people), and
writes the interactions in batches. Rule N10: the people you may know are the ones you actually
spoke or worked with, found in your own history.

An interaction's external id is led by the person's address and followed by the message's
Message-ID (or the event's UID and occurrence), hashed: the same message read from an mbox and
again over IMAP is one interaction, and all of one person's rows can be found again (to undo a
merge).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser

from hedgerow.lib.addresses import address_key, is_machine
from hedgerow.lib.bulk import first_column
from hedgerow.network.evidence import insert_interactions
from hedgerow.network.importers.base import IMPORTED_INTERACTION_FIELDS, ImportSummary
from hedgerow.network.mail_people import MailPeople, Person
from hedgerow.network.models import ImportRun, Interaction

EMAIL_SOURCE = "email"  # mbox and IMAP share it, so one message is one interaction
CALENDAR_SOURCE = "calendar"
# A message to more people than this is an announcement, not a conversation.
MAX_RECIPIENTS = 10
BATCH_ROWS = 2000
INTERACTION_FIELDS = (*IMPORTED_INTERACTION_FIELDS, "participants")
# What `noise` says, and the count it adds to.
NOISE_COUNTS = {
    "list": "skipped_mailing_lists",
    "bulk": "skipped_bulk_mail",
    "automated": "skipped_automated",
    "spam": "skipped_spam_or_trash",
    "many": "skipped_many_recipients",
    "deleted": "skipped_spam_or_trash",
}


@dataclass(slots=True)
class Envelope:
    """One message's headers, as every mail source reads them."""

    message_id: str
    when: datetime  # aware
    sender: tuple[str, str]  # (display name, address)
    recipients: list[tuple[str, str]]  # To and Cc
    subject: str = ""
    noise: str = ""  # a NOISE_COUNTS key, or "" for a message between people
    text: str = ""  # the body's text, only when the owner opted in
    garbled: str = ""  # a header that could not be decoded (reported, the message still counts)

    def __reduce__(self) -> tuple:
        # Worker processes send tens of thousands: plain arguments pickle at twice the speed.
        return Envelope, (
            self.message_id, self.when, self.sender, self.recipients, self.subject,
            self.noise, self.text, self.garbled,
        )  # fmt: skip


@dataclass(slots=True)
class Meeting:
    """One occurrence of a calendar event with the people in it (declined ones left out)."""

    key: str  # UID and occurrence start: the same occurrence is the same meeting
    when: datetime
    attendees: list[tuple[str, str]]  # everyone in it, the owner included when listed
    subject: str = ""


def _digest(text: str, size: int) -> str:
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:size]


def message_key(envelope: Envelope) -> str:
    """The message's identity: its Message-ID, else what it says about itself."""
    if envelope.message_id:
        return envelope.message_id.strip().strip("<>").lower()
    people = sorted(address_key(a) for _n, a in envelope.recipients)
    sender = address_key(envelope.sender[1])
    return f"{envelope.when.isoformat()}|{sender}|{'/'.join(people)}|{envelope.subject}"


@dataclass
class History:
    """Writes one source's messages or meetings for one owner; flush() at the end."""

    owner_id: int
    own: set[str]  # the owner's address keys
    source: str  # EMAIL_SOURCE or CALENDAR_SOURCE
    directory: MailPeople
    summary: ImportSummary
    keep_text: bool = False
    known: set[str] = field(default_factory=set)
    rows: list[list] = field(default_factory=list)
    pending: list[tuple[int, Person]] = field(default_factory=list)

    @classmethod
    def start(
        cls,
        *,
        owner_id: int,
        own: Iterable[str],
        source: str,
        summary: ImportSummary,
        run: ImportRun | None,
        keep_text: bool = False,
    ) -> History:
        contact_source = "email" if source == EMAIL_SOURCE else "calendar"
        directory = MailPeople.load(owner_id=owner_id, source=contact_source, run=run)
        existing = Interaction.objects.filter(owner_id=owner_id, source=source).exclude(
            external_id=""
        )
        return cls(
            owner_id=owner_id,
            own={k for k in map(address_key, own) if k},
            source=source,
            directory=directory,
            summary=summary,
            keep_text=keep_text,
            known=set(first_column(existing.values_list("external_id", flat=True))),
        )

    # --- mail ---

    def add_message(self, envelope: Envelope) -> None:
        self.summary.add("messages_read")
        if envelope.noise:
            self.summary.add(NOISE_COUNTS[envelope.noise])
            return
        sender_key = address_key(envelope.sender[1])
        people = {address_key(a) for _n, a in envelope.recipients} | {sender_key}
        people.discard("")
        if sender_key in self.own:
            direction = Interaction.Direction.OUTGOING
            partners = [(n, a) for n, a in envelope.recipients if self._is_partner(a)]
        else:
            if not sender_key or is_machine(sender_key):
                self.summary.add("skipped_automated")
                return
            direction = Interaction.Direction.INCOMING
            partners = [envelope.sender]
        if len(people - self.own) > MAX_RECIPIENTS + (direction == "incoming"):
            self.summary.add(NOISE_COUNTS["many"])
            return
        if not partners:
            self.summary.add("skipped_no_one_else")
            return
        key = message_key(envelope)
        subject, text = envelope.subject[:300], envelope.text if self.keep_text else ""
        for name, address in _unique(partners):
            self._add(
                name, address, key, Interaction.Kind.EMAIL, direction, envelope.when,
                subject, text, len(people),
            )  # fmt: skip

    def _is_partner(self, address: str) -> bool:
        key = address_key(address)
        return bool(key) and key not in self.own and not is_machine(key)

    # --- calendar ---

    def add_meeting(self, meeting: Meeting) -> None:
        self.summary.add("meetings_read")
        others = [(n, a) for n, a in _unique(meeting.attendees) if self._is_partner(a)]
        if not others:
            self.summary.add("skipped_without_others")
            return
        if len(others) > MAX_RECIPIENTS:
            self.summary.add("skipped_large_meetings")
            return
        participants = len({address_key(a) for _n, a in others}) + 1  # and the owner
        for name, address in others:
            self._add(
                name, address, meeting.key, Interaction.Kind.MEETING,
                Interaction.Direction.MUTUAL, meeting.when, meeting.subject[:300], "",
                min(participants, 32767),
            )  # fmt: skip

    # --- writing ---

    def _add(
        self,
        name: str,
        address: str,
        key: str,
        kind: str,
        direction: str,
        when: datetime,
        subject: str,
        text: str,
        participants: int,
    ) -> None:
        person_key = address_key(address)
        external_id = f"{_digest(person_key, 8)}:{_digest(key, 20)}"
        if external_id in self.known:
            self.summary.add("interactions_skipped_existing")
            return
        person = self.directory.person_for(name, address)
        if person is None:
            return
        self.known.add(external_id)
        row = [
            self.owner_id, person.contact.pk, kind, direction, when, self.source,
            external_id, subject, text, participants,
        ]  # fmt: skip
        if person.contact.pk is None:
            self.pending.append((len(self.rows), person))
        self.rows.append(row)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        self.directory.flush()
        for index, person in self.pending:
            self.rows[index][1] = person.contact.pk
        if self.rows:
            # Their contacts' evidence added up per batch, not per row (evidence.py).
            inserted = insert_interactions(self.owner_id, INTERACTION_FIELDS, self.rows)
            self.summary.add("interactions_created", inserted)
        self.rows, self.pending = [], []

    def finish(self) -> None:
        self.flush()
        for key, n in sorted(self.directory.counts.items()):
            self.summary.add(key, n)
        self.directory.counts = {}


# --- the owner's own addresses ---------------------------------------------------------------


def settings_addresses(owner: AbstractBaseUser) -> tuple[set[str], bool]:
    from hedgerow.accounts.services import profile_of

    profile = profile_of(owner)  # type: ignore[arg-type]
    keys = {address_key(a) for a in profile.email_addresses.split()} - {""}
    email_field = getattr(owner, "email", "")
    if email_field and address_key(email_field):
        keys.add(address_key(email_field))
    return keys, profile.store_message_bodies


def remember_addresses(owner: AbstractBaseUser, keys: set[str]) -> None:
    from hedgerow.accounts.services import profile_of

    profile = profile_of(owner)  # type: ignore[arg-type]
    known = profile.email_addresses.split()
    profile.email_addresses = "\n".join(known + sorted(keys - set(map(address_key, known))))
    profile.save(update_fields=["email_addresses"])


def _unique(people: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each address once, keeping the first display name that has one."""
    seen: dict[str, tuple[str, str]] = {}
    for name, address in people:
        key = address_key(address)
        if not key:
            continue
        if key not in seen or (name and not seen[key][0]):
            seen[key] = (name, address)
    return list(seen.values())
