"""Import the archive from LinkedIn's "Get a copy of your data": connections, messages,
invitations, the owner's positions and profile.

    summary = import_linkedin(owner=user, path=Path("Basic_LinkedInDataExport.zip"))

Accepts the .zip or the unpacked folder. One transaction; importing the same archive twice
changes nothing (contacts are keyed by profile URL, everything else by a deterministic
external_id). A later export of the same person reveals new positions (rule N1), accepted
invitations (rule N5) and connections that ended.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from hedgerow.accounts.models import Position
from hedgerow.accounts.services import profile_of
from hedgerow.lib.bulk import (
    datetimes_as_utc_text,
    first_column,
    insert_rows,
    roomy_sqlite_cache,
)
from hedgerow.network import recording
from hedgerow.network.evidence import insert_interactions
from hedgerow.network.identity import (
    Traits,
    name_parts,
    normalize_email,
    normalize_linkedin_url,
    normalize_name,
    parse_full_name,
)
from hedgerow.network.importers import linkedin_messages
from hedgerow.network.importers.base import (
    IMPORTED_INTERACTION_FIELDS,
    ImportSummary,
    NeedsConfirmation,
    Progress,
    UnusableInput,
    finish_run,
    start_run,
)
from hedgerow.network.importers.dates import Ambiguous, BadValue, DateStyle
from hedgerow.network.importers.linkedin_archive import Archive, Member, open_archive
from hedgerow.network.importers.linkedin_csv import (
    Table,
    has_columns,
    is_blank,
    open_table,
    repair,
)
from hedgerow.network.importers.linkedin_messages import (
    MESSAGE_HEADER,
    Batch,
    Header,
    MessageOptions,
    MessageRow,
    WorkerFeed,
    WorkerTask,
    profile_url,
    read_messages,
)
from hedgerow.network.importers.linkedin_people import (
    BATCH_SIZE,
    SOURCE,
    ContactBook,
    Person,
    name_from_slug,
)
from hedgerow.network.importers.text import missing_header, peeked_lines, sniff_separator
from hedgerow.network.importers.workers import can_start_worker
from hedgerow.network.models import (
    Contact,
    ContactEmail,
    ImportRun,
    Interaction,
    Invitation,
    Update,
)

__all__ = ["import_linkedin"]

# The columns that identify each file's header row (keys as linkedin_csv.column_key makes them).
HEADERS = {
    "connections": ("firstname", "lastname", "connectedon"),
    "invitations": ("from", "to", "sentat", "direction"),
    "messages": MESSAGE_HEADER,
    "positions": ("companyname", "title"),
    "profile": ("firstname", "lastname"),
}
HEADER_NAMES = {
    "connections": "First Name, Last Name, Connected On",
    "invitations": "From, To, Sent At, Direction",
    "messages": "FROM, DATE",
    "positions": "Company Name, Title",
    "profile": "First Name, Last Name",
}
# Rows between progress ticks: often enough for the bar, and for the import's turns on SQLite
# (importers/turns.py), where others may write.
PROGRESS_EVERY = 500
INVITATION_FIELDS = (
    "owner",
    "contact",
    "name",
    "linkedin_url",
    "direction",
    "sent_at",
    "note",
    "status",
    "source",
    "external_id",
)
# Senders LinkedIn itself writes as; never a person to keep in touch with.
SYSTEM_SENDERS = {"linkedin member", "linkedin"}
OUTGOING, INCOMING = Interaction.Direction.OUTGOING, Interaction.Direction.INCOMING
ALWAYS_COUNTED = (
    "contacts_created",
    "contacts_updated",
    "contacts_unchanged",
    "no_longer_connected",
    "interactions_created",
    "interactions_skipped_existing",
    "drafts_skipped",
    "invitations_created",
    "invitations_unchanged",
    "invitations_accepted",
    "updates_created",
    "positions_created",
)


# More than this share of current connections ending in one import is asked about first.
DISCONNECTED_SHARE = 0.2


def import_linkedin(
    *, owner: Any, path: Path, progress: Progress | None = None, confirm: bool = False
) -> ImportSummary:
    """Import a LinkedIn data export (.zip, folder or one CSV file) for owner; see the module
    docstring. An archive of someone else, or one that would end more than a fifth of the
    current connections, raises NeedsConfirmation with nothing written, unless `confirm`."""
    archive = open_archive(Path(path))
    try:
        check_headers(archive)  # an unusable input is refused before anything is written
        summary = ImportSummary(source=SOURCE, file_name=Path(path).name)
        for key in ALWAYS_COUNTED:
            summary.counts[key] = 0
        digest = archive.digest()
        with transaction.atomic():
            earlier = ImportRun.objects.filter(
                owner=owner, source=SOURCE, status=ImportRun.Status.DONE
            ).exists()
            run = start_run(owner=owner, source=SOURCE, file_name=summary.file_name, digest=digest)
            importer = LinkedInImport(
                owner=owner,
                archive=archive,
                summary=summary,
                progress=progress,
                earlier=earlier,
                confirmed=confirm,
            )
            with roomy_sqlite_cache():
                importer.run()
            reasons = importer.reasons_to_ask()
            if reasons and not confirm:
                raise NeedsConfirmation(summary, reasons)  # and the transaction rolls back
            run.journal = {"archive_owner": importer.archive_owner()}
            finish_run(run, summary)
    finally:
        archive.close()
    return summary


def check_headers(archive: Archive) -> None:
    """Refuse an archive none of whose LinkedIn files has the columns LinkedIn writes, saying
    why for the first of them: an encoding we could not read, or no such header row."""
    reasons = []
    for member in archive.members.values():
        with archive.open_text(member) as (handle, _binary):
            head, _lines = peeked_lines(handle, file=member.name)
        if sniff_separator(head, partial(has_columns, required=HEADERS[member.kind])):
            return
        reasons.append(missing_header(member.name, HEADER_NAMES[member.kind], head))
    if len(reasons) == 1:
        raise UnusableInput(reasons[0])
    raise UnusableInput(
        f"None of the LinkedIn files in {archive.path.name} has the columns LinkedIn writes. "
        + " ".join(reasons)
    )


def _why(error: Exception) -> str:
    if isinstance(error, Ambiguous):
        return "could be a day or a month first"
    return str(error)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def role(title: str, company: str) -> str:
    if title and company:
        return f"{title} at {company}"
    return title or f"at {company}"


class LinkedInImport:
    """One run over one archive. Order matters: people first, then what refers to them."""

    def __init__(
        self,
        *,
        owner: Any,
        archive: Archive,
        summary: ImportSummary,
        progress: Progress | None,
        earlier: bool,
        confirmed: bool = False,
    ) -> None:
        self.owner = owner
        self.confirmed = confirmed  # the owner said yes to an archive that changes a lot
        self.archive = archive
        self.summary = summary
        self.progress = progress
        self.earlier = earlier  # the first ever import creates no updates: nothing to compare
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.profile = profile_of(owner)
        self.book = ContactBook(owner.pk)
        # Whose archive this is: the profile seen before, and what this archive says.
        self.stored_owner_url = normalize_linkedin_url(self.profile.linkedin_url)
        self.archive_owner_url = ""  # the inviter of its invitations, or its messages' owner
        self.archive_owner_name = ""  # Profile.csv's name, normalized
        self.messages_owner = ""  # who messages.csv itself shows in every conversation
        self.message_options = MessageOptions(
            keep_bodies=self.profile.store_message_bodies,
            text_dates=datetimes_as_utc_text(),
            zone=str(timezone.get_current_timezone()),
        )
        self._urls: dict[str, str] = {}
        self._done_bytes = 0
        self._total_bytes = archive.total_size
        self.changed_jobs: list[str] = []
        self.disconnected: list[str] = []
        self.connected_before = 0
        self.hidden = 0  # blank rows of members who hide their details
        self.namesake_messages = 0  # messages whose sender's name several contacts share
        # An export older than what earlier imports brought (issue 9): it fills gaps only.
        self.older: tuple[date, date] | None = None  # (its newest connection, the newest known)

    def run(self) -> None:
        # messages.csv is read from the start (by a worker process when it is big) while the
        # other files are imported; its batches wait until their turn.
        self.older = self.older_export()
        with self.messages_read_ahead() as messages:
            self.import_profile()
            self.import_positions()
            self.import_connections()
            self.import_invitations()
            self.accept_invitations()
            self.import_messages(messages)
        self.write_notes()

    # --- shared steps ----------------------------------------------------------------------

    def older_export(self) -> tuple[date, date] | None:
        """(this archive's newest Connected On, the newest of your current connections) when
        the archive is older than what you imported before, else None.

        Connections only grow from one export to the next, so an archive none of whose
        connections is as recent as your newest current one was exported before it. Such an
        archive must not roll jobs, names or connections back to what they were then.
        """
        member = self.archive.members.get("connections")
        if not self.earlier or member is None:
            return None
        known = Contact.objects.filter(owner=self.owner, connected=True).aggregate(
            newest=Max("connected_on")
        )["newest"]
        if known is None:
            return None
        newest: date | None = None

        def take(_line: int, cells: tuple[str, ...]) -> None:
            nonlocal newest
            try:
                day = dates.day(cells[0])
            except BadValue:
                return  # the import itself lists it
            if day is not None and (newest is None or day > newest):
                newest = day

        with self.archive.open_text(member) as (handle, _binary):
            table = open_table(handle, member.name, HEADERS["connections"], lambda *_: None)
            if table is None:
                return None
            dates = DateStyle()
            take_in_date_order(table, table.picker(["connectedon"]), take, dates, lambda: None)
        if newest is None or newest >= known:
            return None
        return newest, known

    def url(self, raw: str) -> str:
        """Normalized profile URL, memoized: the same few thousand URLs recur in every file."""
        url = self._urls.get(raw)
        if url is None:
            url = self._urls[raw] = profile_url(raw)
        return url

    def count(self, key: str, n: int = 1) -> None:
        self.summary.add(key, n)

    def problem(self, file: str, line: int, message: str) -> None:
        self.summary.problem(file, line, message)

    @contextmanager
    def table(self, kind: str) -> Iterator[tuple[Table | None, Callable[[], None]]]:
        """The kind's file as a Table (None when absent or headerless) and a progress tick."""
        member: Member | None = self.archive.members.get(kind)
        if member is None:
            yield None, lambda: None
            return
        with self.archive.open_text(member) as (handle, binary):
            table = open_table(handle, member.name, HEADERS[kind], self.problem)
            if table is None:
                self.no_header(kind, member.name)

            def tick() -> None:
                if self.progress is not None:
                    self.progress(self._done_bytes + binary.tell(), self._total_bytes)

            yield table, tick
        self.done_with(member)

    def no_header(self, kind: str, file: str) -> None:
        self.problem(
            file,
            1,
            f"no header row with the columns {HEADER_NAMES[kind]} was found, "
            "so this file was skipped",
        )

    def done_with(self, member: Member) -> None:
        self._done_bytes += member.size
        if self.progress is not None:
            self.progress(self._done_bytes, self._total_bytes)

    # --- Profile.csv and Positions.csv: the owner themselves --------------------------------

    def import_profile(self) -> None:
        with self.table("profile") as (table, _tick):
            if table is None:
                return
            pick = table.picker(["firstname", "lastname"])
            for _line, row in table.rows:
                if is_blank(row):
                    continue
                first, last = (repair(cell) for cell in pick(row))
                self.archive_owner_name = normalize_name(f"{first} {last}")
                self.fill_owner_name(first, last)
                return

    def fill_owner_name(self, first: str, last: str) -> None:
        # Only fill blanks: a name the person typed in Hedgerow is theirs to keep.
        user = self.owner
        fields = []
        if first and not user.first_name:
            user.first_name = first[:150]
            fields.append("first_name")
        if last and not user.last_name:
            user.last_name = last[:150]
            fields.append("last_name")
        if fields:
            user.save(update_fields=fields)
            self.count("profile_updated")

    def import_positions(self) -> None:
        with self.table("positions") as (table, _tick):
            if table is None:
                return
            existing = {
                (p.company, p.title, p.started_on): p
                for p in Position.objects.filter(owner=self.owner)
            }
            pick = table.picker(
                ["companyname", "title", "description", "location", "startedon", "finishedon"]
            )
            new: list[Position] = []
            self.position_dates = DateStyle()
            for line, row in table.rows:
                if is_blank(row):
                    continue
                position = self.position_from_row(table.file, line, pick(row))
                if position is None:
                    continue
                key = (position.company, position.title, position.started_on)
                if key in existing:
                    self.refresh_position(existing[key], position)
                    continue
                existing[key] = position
                new.append(position)
            Position.objects.bulk_create(new)
            recording.note_added("accounts.position", (p.pk for p in new))  # for undo
            self.count("positions_created", len(new))

    def position_from_row(self, file: str, line: int, cells: tuple[str, ...]) -> Position | None:
        company, title, description, location, started_raw, finished_raw = (
            repair(c) for c in cells
        )
        if not company:
            self.problem(file, line, "Company Name is empty")
            return None
        try:
            started_on = self.position_dates.month(started_raw)
        except (BadValue, Ambiguous) as error:
            self.problem(file, line, f'Started On "{started_raw}" {_why(error)}')
            return None
        try:
            finished_on = self.position_dates.month(finished_raw)
        except (BadValue, Ambiguous) as error:
            self.problem(file, line, f'Finished On "{finished_raw}" {_why(error)}')
            return None
        return Position(
            owner=self.owner,
            company=company[:300],
            title=title[:300],
            description=description,
            location=location[:300],
            started_on=started_on,
            finished_on=finished_on,
        )

    def refresh_position(self, old: Position, new: Position) -> None:
        if old.pk is None:  # the same position twice in one file
            return
        if self.older:  # it cannot know how the job went on since
            self.count("positions_unchanged")
            return
        fields = [
            name
            for name in ("description", "location", "finished_on")
            if getattr(old, name) != getattr(new, name)
        ]
        for name in fields:
            setattr(old, name, getattr(new, name))
        if fields:
            old.save(update_fields=fields)
            self.count("positions_updated")
        else:
            self.count("positions_unchanged")

    # --- Connections.csv --------------------------------------------------------------------

    def import_connections(self) -> None:
        with self.table("connections") as (table, tick):
            if table is None:
                return
            self.emails = set(
                ContactEmail.objects.filter(owner=self.owner).values_list("email", flat=True)
            )
            self.new_emails: list[tuple[Person, str]] = []
            self.new_updates: list[Update] = []
            self.update_ids = set(
                Update.objects.filter(owner=self.owner, source=SOURCE)
                .exclude(external_id="")
                .values_list("external_id", flat=True)
            )
            seen: set[Person] = set()
            self.connected_before = sum(1 for p in self.book.loaded if p.connected)
            pick = table.picker(
                [
                    "firstname",
                    "lastname",
                    "url",
                    "emailaddress",
                    "company",
                    "position",
                    "connectedon",
                ]
            )
            dates = DateStyle()
            take_in_date_order(
                table,
                pick,
                lambda line, cells: self.connection_row(table.file, line, cells, seen, dates),
                dates,
                tick,
            )
            self.end_connections(seen)

    def connection_row(
        self,
        file: str,
        line: int,
        cells: tuple[str, ...],
        seen: set[Person],
        dates: DateStyle,
    ) -> None:
        """One connection. Raises Ambiguous, before anything else, while the file has not yet
        said whether its dates are day-first."""
        first, last, url_raw, email, company, position, connected_raw = cells
        try:
            connected_on = dates.day(connected_raw)
            bad_date = ""
        except BadValue as error:
            connected_on, bad_date = None, f'Connected On "{connected_raw}" {error}'
        url = self.url(url_raw)
        parts = name_parts(repair(first), repair(last))
        display = parts.display  # a property that looks at every letter: once, not thrice
        if not url and not display:
            self.hidden += 1  # a member who hides their details: LinkedIn leaves the row blank
            return
        company, position = repair(company)[:300], repair(position)[:300]
        if bad_date:
            self.problem(file, line, bad_date)
            # Seen even when the row is bad, so a typo never ends a connection.
            found = self.book.find(Traits(name=display, url=url), taken=seen)
            if found is not None:
                seen.add(found.person)
            return
        record = Traits(
            name=display, url=url, company=company, position=position, connected_on=connected_on
        )
        found = self.book.find(record, taken=seen)
        if found is None:
            person = self.book.add(
                Person.new(
                    url=url,
                    parts=parts,
                    name=display or name_from_slug(url).display,
                    company=company,
                    position=position,
                    # In an older export only: they were connected then, not in your later one.
                    connected=not self.older,
                    connected_on=connected_on,
                )
            )
            seen.add(person)
            self.count("contacts_created")
            self.note_email(person, email)
            return
        person = found.person
        seen.add(person)
        if self.refresh_connection(person, url, parts, company, position, connected_on):
            self.book.mark_changed(person)
            self.count("contacts_updated")
        else:
            self.count("contacts_unchanged")
        self.note_email(person, email)

    def refresh_connection(
        self,
        person: Person,
        url: str,
        parts: Any,
        company: str,
        position: str,
        connected_on: date | None,
    ) -> bool:
        changed = self.book.adopt_url(person, url)
        if self.older:
            return self.fill_gaps(person, company, position, connected_on) or changed
        if person.set_name(parts):
            self.book.directory.rekey(person)
            changed = True
        if (company, position) != (person.company, person.position):
            if self.earlier and (person.company or person.position) and (company or position):
                self.new_position(person, company, position)
            person.company, person.position = company, position
            changed = True
        if not person.connected or person.disconnected_on is not None:
            person.connected, person.disconnected_on = True, None
            changed = True
        if connected_on is not None and connected_on != person.connected_on:
            person.connected_on = connected_on
            changed = True
        return claim_source(person) or changed

    def fill_gaps(
        self, person: Person, company: str, position: str, connected_on: date | None
    ) -> bool:
        """An older export adds what is missing and changes nothing a later one said."""
        changed = False
        if not (person.company or person.position) and (company or position):
            person.company, person.position = company, position
            changed = True
        if person.connected_on is None and connected_on is not None:
            person.connected_on = connected_on
            changed = True
        return claim_source(person) or changed

    def new_position(self, person: Person, company: str, position: str) -> None:
        """Rule N1: a new job is an opening to write; compared by profile URL."""
        key = f"{person.url or person.name}|{person.company}|{person.position}|{company}|{position}"
        external_id = f"li-job:{sha1(key)}"
        if external_id in self.update_ids:
            return
        self.update_ids.add(external_id)
        self.changed_jobs.append(person.name)
        now, was = role(position, company), role(person.position, person.company)
        self.new_updates.append(
            Update(
                owner=self.owner,
                contact_id=person.pk,
                kind=Update.Kind.NEW_POSITION,
                summary=f"Now {now} (was {was})"[:500],
                url=person.url,
                detail={
                    "old": {"company": person.company, "position": person.position},
                    "new": {"company": company, "position": position},
                },
                detected_on=self.today,
                source=SOURCE,
                external_id=external_id,
            )
        )

    def note_email(self, person: Person, raw: str) -> None:
        # Emails are unique per owner: one already on another contact is left where it is.
        email = normalize_email(raw)
        if email and email not in self.emails:
            self.emails.add(email)
            self.new_emails.append((person, email[:254]))

    def end_connections(self, seen: set[Person]) -> None:
        for person in self.book.loaded:
            # An older export lacks the people you connected with since: no one ended.
            if person.connected and person not in seen and not self.older:
                # Never deleted: the history with them stays; only the connection ended.
                person.connected, person.disconnected_on = False, self.today
                self.book.mark_changed(person)
                self.disconnected.append(person.name)
        self.count("no_longer_connected", len(self.disconnected))
        self.book.flush_new(self.now)
        self.book.save_changed(self.now)
        ContactEmail.objects.bulk_create(
            [
                ContactEmail(owner=self.owner, contact_id=person.pk, email=email, label="LinkedIn")
                for person, email in self.new_emails
            ],
            batch_size=BATCH_SIZE,
        )
        self.count("emails_added", len(self.new_emails))
        Update.objects.bulk_create(self.new_updates, batch_size=BATCH_SIZE)
        self.count("updates_created", len(self.new_updates))

    # --- Invitations.csv --------------------------------------------------------------------

    def import_invitations(self) -> None:
        with self.table("invitations") as (table, tick):
            if table is None:
                return
            known = set(
                Invitation.objects.filter(owner=self.owner)
                .exclude(external_id="")
                .values_list("external_id", flat=True)
            )
            pick = table.picker(
                [
                    "from",
                    "to",
                    "sentat",
                    "message",
                    "direction",
                    "inviterprofileurl",
                    "inviteeprofileurl",
                ]
            )
            inviter_urls: Counter[str] = Counter()
            new: list[tuple] = []
            dates = DateStyle()

            def take(line: int, cells: tuple[str, ...]) -> None:
                row = self.invitation_from_row(table.file, line, cells, inviter_urls, dates)
                if row is None:
                    return
                external_id = row[-1]
                if external_id in known:
                    self.count("invitations_unchanged")
                    return
                known.add(external_id)
                new.append(row)

            take_in_date_order(table, pick, take, dates, tick)
            # Plain rows, not model instances: thousands of invitations cost a Django object each.
            self.count("invitations_created", insert_rows(Invitation, INVITATION_FIELDS, new))
            if inviter_urls:
                self.learn_owner_url(inviter_urls.most_common(1)[0][0], "your invitations")

    def invitation_from_row(
        self,
        file: str,
        line: int,
        cells: tuple[str, ...],
        inviter_urls: Counter[str],
        dates: DateStyle,
    ) -> tuple | None:
        """A new invitation's values in INVITATION_FIELDS order, or None for a bad row."""
        sender, recipient, sent_raw, message, direction_raw, inviter, invitee = cells
        direction = direction_raw.strip().lower()
        if direction not in Invitation.Direction.values:
            self.problem(
                file, line, f'Direction "{direction_raw}" is neither INCOMING nor OUTGOING'
            )
            return None
        try:
            sent = dates.moment(sent_raw, example="9/25/26, 8:52 AM")
        except BadValue as error:
            self.problem(file, line, f'Sent At "{sent_raw}" {error}')
            return None
        if direction == Invitation.Direction.OUTGOING:
            name, url = repair(recipient), self.url(invitee)
            if self.url(inviter):
                inviter_urls[self.url(inviter)] += 1
        else:
            name, url = repair(sender), self.url(inviter)
        found = self.book.find(Traits(name=name, url=url))
        person = found.person if found else None
        key = f"{direction}|{sent.isoformat()}|{url or normalize_name(name)}"
        return (
            self.owner.pk,
            person.id if person else None,
            (name or name_from_slug(url).display)[:300],
            url,
            direction,
            sent if sent.tzinfo else timezone.make_aware(sent),
            repair(message),
            Invitation.Status.PENDING,
            SOURCE,
            f"li-inv:{sha1(key)}",  # last: the key a re-import knows it by
        )

    def learn_owner_url(self, url: str, where: str) -> None:
        """The owner's own profile URL tells their messages apart from everyone else's."""
        if self.archive_owner_url:
            return
        self.archive_owner_url = url
        if self.confirmed and self.stored_owner_url and url != self.stored_owner_url:
            # The owner confirmed this archive is theirs now (a new LinkedIn account, say).
            self.profile.linkedin_url = url
            self.profile.save(update_fields=["linkedin_url"])
            self.summary.notes.append(f"Your LinkedIn profile is now {url}, as this archive says.")
        elif not self.profile.linkedin_url:
            self.profile.linkedin_url = url
            self.profile.save(update_fields=["linkedin_url"])
            self.summary.notes.append(f"Your own LinkedIn profile, {url}, was found in {where}.")

    def accept_invitations(self) -> None:
        """Rule N5: an outgoing invitation whose invitee is now a connection was accepted."""
        by_id = {p.id: p for p in self.book.loaded}
        accepted: list[Invitation] = []
        pending = Invitation.objects.filter(
            owner=self.owner,
            direction=Invitation.Direction.OUTGOING,
            status=Invitation.Status.PENDING,
        ).only("id", "linkedin_url", "contact_id")
        for invitation in pending.iterator(chunk_size=BATCH_SIZE):
            person = (
                self.book.by_url.get(invitation.linkedin_url) if invitation.linkedin_url else None
            )
            person = person or by_id.get(invitation.contact_id)
            if person is None or not person.connected:
                continue
            invitation.status = Invitation.Status.ACCEPTED
            # Connected On is when they accepted; without it, today is when we learned of it.
            invitation.accepted_on = person.connected_on or self.today
            invitation.contact_id = person.id
            accepted.append(invitation)
        Invitation.objects.bulk_update(
            accepted, ["status", "accepted_on", "contact"], batch_size=500
        )
        self.count("invitations_accepted", len(accepted))

    # --- messages.csv -----------------------------------------------------------------------

    @contextmanager
    def messages_read_ahead(self) -> Iterator[Iterator[Header | Batch] | None]:
        """messages.csv's Header, then its Batches; started now, in a worker when it's big."""
        member = self.archive.members.get("messages")
        if member is None:
            yield None
            return
        options = self.message_options
        feed = None
        if member.size >= linkedin_messages.WORKER_MIN_BYTES and can_start_worker():
            settings_module = os.environ.get("DJANGO_SETTINGS_MODULE")
            # Without a process to be had (a limit on processes, say), they are read here.
            with suppress(OSError):
                feed = WorkerFeed(WorkerTask(str(self.archive.path), options, settings_module))
        if feed is not None:
            try:
                yield iter(feed)
            finally:
                feed.close()
            return
        items = read_messages(self.archive, options)
        try:
            yield items
        finally:
            items.close()

    def import_messages(self, items: Iterator[Header | Batch] | None) -> None:
        member = self.archive.members.get("messages")
        if member is None or items is None:
            return
        header = next(items)
        assert isinstance(header, Header)
        for problem in header.problems:
            self.problem(*problem)
        if not header.found:
            self.no_header("messages", member.name)
        else:
            MessageReader(self, header, self.message_options).read(items, self.tick_messages)
        self.done_with(member)
        self.book.save_changed(self.now)

    def tick_messages(self, position: int) -> None:
        if self.progress is not None:
            self.progress(self._done_bytes + position, self._total_bytes)

    # --- is this archive safe to apply without asking? --------------------------------------

    def archive_owner(self) -> dict[str, str]:
        """Whose archive this is, as far as it says: kept with the run for the next import."""
        name = self.archive_owner_name
        if not name and self.messages_owner and "linkedin.com/" not in self.messages_owner:
            name = self.messages_owner  # an export without URLs names its owner
        return {"url": self.archive_owner_url, "name": name}

    def reasons_to_ask(self) -> list[str]:
        """Why this import should wait for the owner's yes: nothing when it is plainly theirs and
        changes what a later export of theirs would."""
        reasons = []
        previous = self.previous_owner()
        ours = self.archive_owner()
        if previous.get("url") and ours["url"] and previous["url"] != ours["url"]:
            reasons.append(
                f"This archive belongs to {ours['url']}, but your earlier imports belong to "
                f"{previous['url']}."
            )
        elif previous.get("name") and ours["name"] and previous["name"] != ours["name"]:
            reasons.append(
                f"This archive is in the name of {ours['name'].title()}, but your earlier "
                f"imports are in the name of {previous['name'].title()}."
            )
        ended = len(self.disconnected)
        if ended and ended > DISCONNECTED_SHARE * self.connected_before:
            share = ended / self.connected_before if self.connected_before else 1
            reasons.append(
                f"It would mark {ended:,} of your {self.connected_before:,} connections "
                f"({share:.0%}) as no longer connected."
            )
        return reasons

    def previous_owner(self) -> dict[str, str]:
        last = (
            ImportRun.objects.filter(owner=self.owner, source=SOURCE, status=ImportRun.Status.DONE)
            .exclude(journal={})
            .order_by("-started_at")
            .first()
        )
        found = dict(last.journal.get("archive_owner", {})) if last else {}
        if self.stored_owner_url:
            found["url"] = self.stored_owner_url
        return found

    # --- notes ------------------------------------------------------------------------------

    def write_notes(self) -> None:
        notes = self.summary.notes
        counts = self.summary.counts
        if self.older:
            its, known = self.older
            notes.append(
                f"This export is older than what you imported before: its newest connection is "
                f"from {its.day} {its:%b %Y}, and you have one from {known.day} {known:%b %Y}. "
                "It only filled in what was missing: no one's job, name or connection went back "
                "to how it was then."
            )
        if self.changed_jobs:
            notes.append(
                f"{people(len(self.changed_jobs))} changed jobs since your last import: "
                f"{listing(self.changed_jobs)}. Each is a good reason to write to them."
            )
        if counts.get("invitations_accepted"):
            n = counts["invitations_accepted"]
            were = "invitation was" if n == 1 else "invitations were"
            notes.append(f"{n} {were} accepted — a warm reply is due.")
        if self.disconnected:
            n = len(self.disconnected)
            notes.append(
                f"{people(n)} {'is' if n == 1 else 'are'} no longer among your connections: "
                f"{listing(self.disconnected)}. They stay in your contacts with their history."
            )
        if counts.get("contacts_from_messages"):
            n = counts["contacts_from_messages"]
            notes.append(
                f"{people(n)} you exchanged messages with but are not connected to "
                f"{'was' if n == 1 else 'were'} added as contacts."
            )
        if self.hidden:
            n = self.hidden
            notes.append(
                f"{n} {'member hides' if n == 1 else 'members hide'} their details from exports; "
                "LinkedIn leaves their rows blank, so they are not among your contacts."
            )
        if self.namesake_messages:
            n = self.namesake_messages
            notes.append(
                f"{n} {'message was' if n == 1 else 'messages were'} left out: the export names "
                "the sender or recipient only, and several of your contacts have that name."
            )
        if self.summary.problems:
            n = len(self.summary.problems)
            rows = "row was" if n == 1 else "rows were"
            notes.append(f"{n} {rows} skipped; the problems below say which and why.")


def claim_source(person: Person) -> bool:
    """A person with no source yet is LinkedIn's from now on; True when that changed them."""
    if person.source:
        return False
    person.source = SOURCE
    return True


def take_in_date_order(
    table: Table,
    pick: Callable[[list[str]], tuple[str, ...]],
    take: Callable[[int, tuple[str, ...]], None],
    dates: DateStyle,
    tick: Callable[[], None],
) -> None:
    """Each non-blank row in file order; a row whose dates read both day-first and month-first
    waits until the rest of the file has settled the style (issue 9: decided per file)."""
    waiting: list[tuple[int, tuple[str, ...]]] = []
    for line, row in table.rows:
        if not is_blank(row):
            cells = pick(row)
            try:
                take(line, cells)
            except Ambiguous:
                waiting.append((line, cells))
        if line % PROGRESS_EVERY < 2:
            tick()
    dates.settle()
    for line, cells in waiting:
        take(line, cells)


def people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


def listing(names: list[str], limit: int = 5) -> str:
    shown = names[:limit]
    rest = len(names) - len(shown)
    if rest:
        return ", ".join(shown) + f" and {rest} more"
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + f" and {shown[-1]}"


class MessageReader:
    """The importer's side of messages.csv (see linkedin_messages for the reading side): whose
    each message is, with whom, whether it is new, and writing it in batches."""

    def __init__(self, run: LinkedInImport, header: Header, options: MessageOptions) -> None:
        self.run = run
        self.owner_id = run.owner.pk
        self.options = options
        self.file = header.file
        self.book = run.book
        self.has_urls = header.has_urls
        self.owner_url = run.archive_owner_url if self.has_urls else ""
        self.owner_name = "" if self.has_urls else run.archive_owner_name
        self.known = set(
            first_column(
                Interaction.objects.filter(owner=run.owner, source=SOURCE)
                .exclude(external_id="")
                .values_list("external_id", flat=True)
            )
        )
        # Counted here and added to the summary once: these run 200,000 times.
        self.drafts = 0
        self.skipped = 0
        # Interactions to write, as rows in IMPORTED_INTERACTION_FIELDS order, and which of them are
        # with someone met in this batch, whose contact id is known only once written.
        self.rows: list[tuple[Any, ...]] = []
        self.unwritten: list[tuple[int, Person]] = []
        # Messages with someone named but not (yet) met: tried again once the file is read, so
        # the order of the file never decides what the first import brings.
        self.later: list[tuple[str, str, str | datetime, str, str, str]] = []

    # Who is the owner? This archive's own word (the inviter of its invitations, the name in
    # its Profile.csv), else what the messages themselves show (the one person in every
    # conversation, found while reading them), else the profile seen before.

    @property
    def owner_known(self) -> bool:
        return bool(self.owner_url or self.owner_name)

    def settle_owner(self, batch: Batch) -> None:
        if batch.owner:
            self.run.messages_owner = batch.owner
        if self.owner_known or not (batch.owner or batch.last):
            return
        if self.has_urls:
            url = batch.owner or self.run.stored_owner_url
            if url:
                self.owner_url = url
                self.run.learn_owner_url(url, "your messages")
        else:
            self.owner_name = batch.owner or normalize_name(self.run.owner.get_full_name())

    # The import proper.

    def read(self, batches: Iterator[Header | Batch], tick: Callable[[int], None]) -> None:
        waiting: list[Batch] = []  # read before the owner was known
        for batch in batches:
            assert isinstance(batch, Batch)
            for problem in batch.problems:
                self.run.problem(*problem)
            self.drafts += batch.drafts
            self.settle_owner(batch)
            waiting.append(batch)
            if not self.owner_known:
                continue
            for each in waiting:
                self.take(each.rows)
                self.flush()
            waiting = []
            tick(batch.position)
        if not self.owner_known:
            self.run.problem(
                self.file,
                1,
                "could not tell which messages are yours (no profile URL of yours was found), "
                "so no messages were imported",
            )
        self.take_later()
        self.run.count("drafts_skipped", self.drafts)
        self.run.count("interactions_skipped_existing", self.skipped)

    def take(self, rows: list[MessageRow]) -> None:
        is_owner, person_for, add = self.is_owner, self.person, self.add
        for sender_url, sender_name, sender_key, recipients, when, subject, text, ids, way in rows:
            if way == "outgoing" or (not way and is_owner(sender_url, sender_key)):
                for (url, name, key), external_id in zip(recipients, ids[1:], strict=True):
                    if is_owner(url, key):
                        continue
                    if person := person_for(url, name, key):
                        add(person, OUTGOING, when, external_id, subject, text)
                    elif self.worth_another_look(url, name, key):
                        self.later.append((name, OUTGOING, when, external_id, subject, text))
            elif person := person_for(sender_url, sender_name, sender_key):
                add(person, INCOMING, when, ids[0], subject, text)
            elif self.worth_another_look(sender_url, sender_name, sender_key):
                self.later.append((sender_name, INCOMING, when, ids[0], subject, text))

    def is_owner(self, url: str, name_key: str) -> bool:
        if url and self.owner_url:
            return url == self.owner_url
        return bool(self.owner_name) and name_key == self.owner_name

    def person(self, url: str, name: str, key: str) -> Person | None:
        """The contact for a message partner; people you actually spoke with become contacts
        even when not connected (rule N10)."""
        person = self.book.by_url.get(url) if url else None
        if person is not None:
            return person
        found = self.book.find(Traits(name=name, url=url))
        if found is not None:
            self.book.adopt_url(found.person, url)
            return found.person
        if not url and name and self.book.ambiguous(name):
            self.run.namesake_messages += 1
            return None  # several people have this name: filing it under one could be wrong
        if not url and (self.has_urls or not key or key in SYSTEM_SENDERS):
            return None  # nobody we could find again on the next import
        parts = parse_full_name(name) if name else name_from_slug(url)
        self.run.count("contacts_created")
        self.run.count("contacts_from_messages")
        return self.book.add(Person.new(url=url, parts=parts, name=parts.display or name or url))

    def worth_another_look(self, url: str, name: str, key: str) -> bool:
        """Named, without a URL, in a file with URLs: whoever it is may appear further on."""
        return self.has_urls and not url and bool(key) and key not in SYSTEM_SENDERS

    def take_later(self) -> None:
        for name, direction, when, external_id, subject, text in self.later:
            found = self.book.find(Traits(name=name))
            if found is not None:
                self.add(found.person, direction, when, external_id, subject, text)
        self.later = []
        self.flush()

    def add(
        self,
        person: Person,
        direction: str,
        when: str | datetime,
        external_id: str,
        subject: str,
        text: str,
    ) -> None:
        if external_id in self.known:
            self.skipped += 1
            return
        self.known.add(external_id)
        if person.id is None:
            self.unwritten.append((len(self.rows), person))
        row = (self.owner_id, person.id, "message", direction, when, SOURCE, external_id)
        self.rows.append((*row, subject, text))

    def flush(self) -> None:
        self.book.flush_new(self.run.now)  # people first met in this batch get their ids
        rows = self.rows
        for index, person in self.unwritten:
            rows[index] = (rows[index][0], person.pk, *rows[index][2:])
        if rows:
            # Their contacts' evidence added up once per batch, not row by row (evidence.py).
            inserted = insert_interactions(
                self.owner_id, IMPORTED_INTERACTION_FIELDS, rows, adapted=self.options.text_dates
            )
            self.run.count("interactions_created", inserted)
        self.rows, self.unwritten = [], []
