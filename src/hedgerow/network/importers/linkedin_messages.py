"""messages.csv read into compact batches, by a second process when the file is big.

Reading 200,000 messages (CSV, dates, names, ids) costs as much Python time as writing them, and
one process can use only one core, so a big file is read by a worker process while the importer
imports connections and then writes the messages as the batches arrive.

The split follows what each side knows. The worker knows only the file: it skips drafts,
validates and normalizes dates, repairs and normalizes names and hashes the external ids, and
sends plain tuples through a pipe. It never touches the database. The importer knows the owner
(whose profile URL may only be learned from Invitations.csv, after the worker has started) and
the contacts: it decides each message's direction and partner, skips ids already imported and
writes. So the worker sends what both directions need: the sender, every recipient, and the id
the message gets as incoming and as outgoing to each recipient.

This module imports no Django at the top, so a spawned worker (macOS, Windows) can load it in a
fresh interpreter; see `_work`.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import queue
import re
import threading
import time
import traceback
from collections.abc import Generator, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from functools import cached_property
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from zoneinfo import ZoneInfo

from hedgerow.network.identity import normalize_linkedin_url, normalize_name
from hedgerow.network.importers.dates import Ambiguous, BadValue, DateStyle
from hedgerow.network.importers.linkedin_csv import Table, is_blank, open_table, repair
from hedgerow.network.importers.workers import worker_context

if TYPE_CHECKING:
    from hedgerow.network.importers.linkedin_archive import Archive

# The columns that identify messages.csv's header row (keys as linkedin_csv.column_key makes them).
MESSAGE_HEADER = ("from", "date")
COLUMNS = (
    "conversationid",
    "from",
    "senderprofileurl",
    "to",
    "recipientprofileurls",
    "date",
    "subject",
    "content",
    "ismessagedraft",
    "direction",  # 2018 and earlier: INCOMING or OUTGOING, and no conversation id
)
# Conversations seen before the owner (in every one of them) may be told from the others.
OWNER_AFTER_CONVERSATIONS = 3
# A file this big is read by a worker process; below it, starting one costs more than it saves.
# Tests lower it to run the worker on small fixtures.
WORKER_MIN_BYTES = 4 << 20
BATCH_ROWS = 2000  # messages per batch sent through the pipe
# Exactly the form identity.normalize_linkedin_url produces, so such URLs can skip it.
CANONICAL_URL = re.compile(r"https://www\.linkedin\.com/in/[a-z0-9_-]+\Z")
DRAFT_MARKS = {"yes", "true", "1"}

# (profile URL, name as written, normalized name) of one recipient.
Recipient = tuple[str, str, str]
# One message: (sender URL, sender name, sender's normalized name, recipients, when, subject,
# text, ids, direction). `when` is UTC text when the database stores it so, else an aware
# datetime; subject and text are "" unless bodies are kept. ids[0] is the message's external id
# as incoming, ids[1 + i] as outgoing to recipients[i]. direction is "outgoing" or "incoming"
# where the file says it (2018 and earlier), else "".
MessageRow = tuple[
    str, str, str, tuple[Recipient, ...], str | datetime, str, str, tuple[str, ...], str
]
DIRECTIONS = {
    "outgoing": "outgoing",
    "sent": "outgoing",
    "incoming": "incoming",
    "inbox": "incoming",
}
# (file, physical line, message), as ImportSummary.problem takes them.
FileProblem = tuple[str, int, str]


@dataclass
class Header:
    """The first item read: whether the file has its header row, and whether it has URLs."""

    file: str
    found: bool
    has_urls: bool
    problems: list[FileProblem]


@dataclass
class Batch:
    rows: list[MessageRow]
    problems: list[FileProblem]
    drafts: int  # drafts skipped in this batch: never sent, so not interactions
    position: int  # bytes of the file read so far, for progress
    # Whose export this is, by URL (or name, without URLs), as far as read: "" until known.
    owner: str = ""
    last: bool = False  # the file's last batch: `owner` is as good as it gets


@dataclass(frozen=True)
class MessageOptions:
    keep_bodies: bool  # the owner opted in to keeping message texts
    text_dates: bool  # dates as the UTC text SQLite stores (bulk.datetimes_as_utc_text)
    zone: str = "UTC"  # where dates without a zone ("1/8/18, 6:14 PM") were written


class OwnerFinder:
    """Whose messages these are, found in the one pass that reads them.

    The owner takes part in every conversation of their own export; anyone else only in theirs.
    So the people in every conversation so far narrow down with each new one, and once a few
    conversations leave exactly one, that is the owner. A file where that never happens (the
    owner missing from a row) falls back, at its end, to who is in the most conversations, when
    nobody ties with them. Old files that say each message's direction name the owner at once.
    """

    def __init__(self) -> None:
        self.members: dict[str, set[str]] = {}  # conversation → people in it
        self.presence: dict[str, int] = {}  # person → conversations they are in
        self.everywhere: set[str] | None = None  # people in every conversation so far
        self.owner = ""

    def sender_of_outgoing(self, key: str) -> None:
        if key and not self.owner:
            self.owner = key

    def see(self, conversation: str, keys: list[str]) -> None:
        members = self.members.get(conversation)
        if members is None:
            members = self.members[conversation] = set()
            first = {key for key in keys if key}
            self.everywhere = first if self.everywhere is None else self.everywhere & first
        for key in keys:
            if key and key not in members:
                members.add(key)
                self.presence[key] = self.presence.get(key, 0) + 1
        if (
            not self.owner
            and self.everywhere is not None
            and len(self.everywhere) == 1
            and len(self.members) >= OWNER_AFTER_CONVERSATIONS
        ):
            self.owner = next(iter(self.everywhere))

    def at_end(self) -> str:
        if self.owner:
            return self.owner
        ranked = sorted(self.presence.items(), key=lambda item: -item[1])[:2]
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return ""  # a tie: guessing would file the owner's words under someone else
        return ranked[0][0]


def split_urls(text: str) -> list[str]:
    return [u for u in text.replace(",", ";").split(";") if u.strip()]


def profile_url(raw: str) -> str:
    # Most URLs in an export are already canonical; the full parse is for the rest.
    return raw if CANONICAL_URL.match(raw) else normalize_linkedin_url(raw)


def message_time_text(text: str, dates: DateStyle | None = None, zone: tzinfo = UTC) -> str:
    """ "2023-06-11 15:33:58 UTC" → "2023-06-11 15:33:58", the UTC text SQLite stores.

    LinkedIn's usual form is passed through as it is, which saves building a datetime only to
    format it back 200,000 times. Older styles ("1/8/18, 6:14 PM", in `zone`) go through `dates`.
    """
    stripped = text.removesuffix(" UTC").strip()
    if (
        len(stripped) == 19
        and stripped[4] + stripped[7] + stripped[10] + stripped[13] + stripped[16] == "-- ::"
    ):
        try:
            datetime.fromisoformat(stripped)  # validated, then passed through
        except ValueError:
            raise BadValue('is not a date like "2023-06-11 15:33:58 UTC"') from None
        return stripped  # exactly YYYY-MM-DD HH:MM:SS, so naive: UTC already in canonical form
    moment = message_time(text, dates, zone)
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ")  # as Django writes it


def message_time(text: str, dates: DateStyle | None = None, zone: tzinfo = UTC) -> datetime:
    """An aware datetime: ISO text without a zone is UTC (LinkedIn's own), older styles local."""
    stripped = text.removesuffix(" UTC").strip()
    if stripped[:4].isdigit() and stripped[4:5] == "-":
        try:
            moment = datetime.fromisoformat(stripped)
        except ValueError:
            raise BadValue('is not a date like "2023-06-11 15:33:58 UTC"') from None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    moment = (dates or DateStyle()).moment(text, example="2023-06-11 15:33:58 UTC")
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


@dataclass
class MessageParser:
    """The worker's side of the import: rows → MessageRow tuples, memoizing what recurs."""

    file: str
    has_urls: bool
    options: MessageOptions
    problems: list[FileProblem] = field(default_factory=list)
    drafts: int = 0
    urls: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    conversations: dict[str, str] = field(default_factory=dict)
    recipient_memo: dict[tuple[str, str], tuple[Recipient, ...]] = field(default_factory=dict)
    dates: DateStyle = field(default_factory=DateStyle)
    owners: OwnerFinder = field(default_factory=OwnerFinder)
    # Rows whose date could be day- or month-first, until the file says which.
    waiting: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)

    def problem(self, file: str, line: int, message: str) -> None:
        self.problems.append((file, line, message))

    @cached_property
    def zone(self) -> tzinfo:  # asked for every message: made once
        return ZoneInfo(self.options.zone)

    def batches(self, table: Table, binary: BinaryIO) -> Iterator[Batch]:
        pick = table.picker(COLUMNS)
        message = self.message
        rows: list[MessageRow] = []
        for line, row in table.rows:
            if not is_blank(row):
                cells = pick(row)
                try:
                    found = message(line, cells)
                except Ambiguous:
                    self.waiting.append((line, cells))
                    continue
                if found is not None:
                    rows.append(found)
            if len(rows) >= BATCH_ROWS:
                yield self.batch(rows, binary.tell())
                rows = []
        self.dates.settle()
        rows.extend(found for line, cells in self.waiting if (found := message(line, cells)))
        yield self.batch(rows, binary.tell(), last=True)

    def batch(self, rows: list[MessageRow], position: int, last: bool = False) -> Batch:
        owner = self.owners.at_end() if last else self.owners.owner
        batch = Batch(
            rows=rows,
            problems=self.problems,
            drafts=self.drafts,
            position=position,
            owner=owner,
            last=last,
        )
        self.problems, self.drafts = [], 0
        return batch

    def message(self, line: int, cells: tuple[str, ...]) -> MessageRow | None:
        """One message, or None (a draft, a bad date). Raises Ambiguous, before anything else,
        while the file has not yet said whether its dates are day-first."""
        (
            conversation,
            sender,
            sender_url_raw,
            to,
            to_urls,
            date_raw,
            subject,
            content,
            draft,
            direction_raw,
        ) = cells
        if draft and draft.strip().lower() in DRAFT_MARKS:
            self.drafts += 1  # a draft was never sent: not an interaction
            return None
        try:
            when: str | datetime = (
                message_time_text(date_raw, self.dates, self.zone)
                if self.options.text_dates
                else message_time(date_raw, self.dates, self.zone)
            )
        except BadValue as error:
            self.problem(self.file, line, f'DATE "{date_raw}" {error}')
            return None
        sender_url = self.url(sender_url_raw)
        sender_name, sender_key = self.name(sender)
        recipients = self.recipients(to, to_urls)
        direction = DIRECTIONS.get(direction_raw.strip().casefold(), "")
        self.find_owner(conversation, sender_url or sender_key, recipients, direction)
        # The ids: deterministic, so a re-import finds them. Led by the conversation, so one
        # conversation's messages sit together in the unique index, which makes inserting them
        # markedly cheaper. Each outgoing copy adds its recipient to the message's own key.
        # Short, as the index holds 200,000 of them: 32 bits tell conversations apart and 64
        # more a conversation's messages, far beyond any chance of two messages meeting.
        prefix = self.conversations.get(conversation)
        if prefix is None:
            digest = hashlib.sha1(conversation.encode(), usedforsecurity=False).hexdigest()
            prefix = self.conversations[conversation] = f"li-msg:{digest[:8]}"
        base = f"{conversation}\x1f{date_raw}\x1f{sender_url or sender_key}\x1f{content}"
        hashed = hashlib.sha1(base.encode(), usedforsecurity=False)
        ids = [prefix + hashed.hexdigest()[:16]]
        for url, _name, key in recipients:
            each = hashed.copy()
            each.update(f"\x1f{url or key}".encode())
            ids.append(prefix + each.hexdigest()[:16])
        if self.options.keep_bodies:
            subject, content = repair(subject)[:300], repair(content)
        else:  # metadata only unless the person opted in
            subject, content = "", ""
        return (
            sender_url,
            sender_name,
            sender_key,
            recipients,
            when,
            subject,
            content,
            tuple(ids),
            direction,
        )

    def find_owner(
        self, conversation: str, sender: str, recipients: tuple[Recipient, ...], direction: str
    ) -> None:
        if self.owners.owner:
            return  # known: nothing left to learn
        if direction:
            if direction == "outgoing":
                self.owners.sender_of_outgoing(sender)
            return
        people = [sender, *(url or key for url, _name, key in recipients)]
        # Files without conversation ids: each set of people is a conversation.
        self.owners.see(conversation or "\x1f".join(sorted(people)), people)

    def url(self, raw: str) -> str:
        """Normalized profile URL, memoized: the same few thousand URLs recur all along."""
        url = self.urls.get(raw)
        if url is None:
            url = self.urls[raw] = profile_url(raw)
        return url

    def name(self, raw: str) -> tuple[str, str]:
        """A name repaired and normalized, memoized: the same few people write most messages."""
        found = self.names.get(raw)
        if found is None:
            repaired = repair(raw)
            found = self.names[raw] = (repaired, normalize_name(repaired))
        return found

    def recipients(self, names: str, urls: str) -> tuple[Recipient, ...]:
        """(url, name, normalized name) of each recipient, the owner included (the importer
        knows who that is); memoized per pair, as a conversation repeats its recipients."""
        found = self.recipient_memo.get((names, urls))
        if found is not None:
            return found
        named = [self.name(n) for n in names.split(";") if n.strip()]
        url_list = [self.url(u) for u in split_urls(urls)] if self.has_urls else []
        if not url_list:
            found = tuple(("", name, key) for name, key in named)
        elif len(url_list) == len(named):
            pairs = zip(url_list, named, strict=True)
            found = tuple((url, name, key) for url, (name, key) in pairs)
        else:  # names and URLs don't line up: trust the URLs
            found = tuple((url, "", "") for url in url_list)
        if len(self.recipient_memo) < 100_000:
            self.recipient_memo[(names, urls)] = found
        return found


def read_messages(archive: Archive, options: MessageOptions) -> Generator[Header | Batch]:
    """The archive's messages.csv as a Header, then Batches: the same in- and out-of-process."""
    member = archive.members.get("messages")
    if member is None:
        yield Header(file="messages.csv", found=False, has_urls=False, problems=[])
        return
    with archive.open_text(member) as (handle, binary):
        parser = MessageParser(file=member.name, has_urls=False, options=options)
        table = open_table(handle, member.name, MESSAGE_HEADER, parser.problem)
        parser.has_urls = table is not None and table.has("senderprofileurl")
        yield Header(member.name, table is not None, parser.has_urls, parser.problems)
        parser.problems = []
        if table is not None:
            yield from parser.batches(table, binary)


# --- the worker process ------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkerTask:
    """All a worker needs, picklable: it reopens the archive by its path."""

    archive_path: str
    options: MessageOptions
    settings_module: str | None  # Django's, for a spawned worker (see _work)


@dataclass
class WorkerFailed:
    """An exception in the worker, sent to the importer to raise there."""

    error: BaseException
    trace: str


class WorkerFeed:
    """read_messages run by a worker process, started at once; iterate to receive its items.

    Always close() (also on error): it stops a worker whose batches are no longer wanted.
    """

    def __init__(self, task: WorkerTask, context: BaseContext | None = None) -> None:
        context = context or worker_context()
        self.receiver, sender = context.Pipe(duplex=False)
        # The worker gets the receiving end too, only to close its copy at once (a forked child
        # inherits it): were it kept open, the worker's writes would never fail once the
        # importer is gone, and it would outlive it.
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_work,
            args=(task, sender, self.receiver, os.getpid()),
            name="hedgerow-linkedin-messages",
            daemon=True,
        )
        try:
            self.process.start()
        except BaseException:
            self.receiver.close()
            raise
        finally:
            # Only the worker may hold the sending end, so that once it exits, however it exits,
            # reading here ends with EOFError instead of waiting forever.
            sender.close()
        self.finished = False

    def __iter__(self) -> Iterator[Header | Batch]:
        while True:
            try:
                item = self.receiver.recv()
            except EOFError:
                self.process.join()
                raise RuntimeError(
                    "The process reading messages.csv stopped without finishing "
                    f"(exit code {self.process.exitcode})."
                ) from None
            if item is None:
                self.finished = True
                return
            if isinstance(item, WorkerFailed):
                item.error.add_note(f"Raised in the process reading messages.csv:\n{item.trace}")
                raise item.error
            yield item

    def close(self) -> None:
        self.receiver.close()
        if not self.finished:  # the import stopped early: the rest is not wanted
            self.process.terminate()
        self.process.join()


def _work(task: WorkerTask, sender: Connection, receiver: Connection, parent: int) -> None:
    """The worker process: send read_messages' items, then None; or the error it raised."""
    # A forked worker inherits the importer's objects; left to the garbage collector, each of
    # its full collections would walk (and so copy) all of them again.
    gc.freeze()
    receiver.close()
    _die_with(parent)
    outbox = _Outbox(sender)
    try:
        _load_django(task.settings_module)
        # Imported here, not at the top: the archive module reaches Django models (through
        # base.UnusableInput), which a spawned interpreter can import only after django.setup().
        from hedgerow.network.importers.linkedin_archive import open_archive

        archive = open_archive(Path(task.archive_path))
        try:
            for item in read_messages(archive, task.options):
                outbox.put(item)
        finally:
            archive.close()
        outbox.put(None)
    except BrokenPipeError:
        pass  # the importer stopped listening: nothing left to do
    except BaseException as error:
        with suppress(BrokenPipeError):
            outbox.put(WorkerFailed(_picklable(error), traceback.format_exc()))
    finally:
        outbox.close()
        sender.close()


# How often the worker looks whether the importer is still there.
PARENT_CHECK_SECONDS = 0.5


def _die_with(parent: int) -> None:
    """End this worker as soon as the importer that started it is gone, however it went (a
    kill -9 runs no clean-up): a thread watches for this process being handed to another."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class _Outbox:
    """What the worker sends, pickled as it is made and written to the pipe by a thread.

    So reading never waits for the importer, which takes nothing while it imports connections
    (a pipe holds only 64 KiB). It holds at most the whole file's batches, pickled: a fraction of
    the file's size, as message texts are left out unless kept.
    """

    def __init__(self, sender: Connection) -> None:
        self.sender = sender
        self.queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.broken = False
        self.thread = threading.Thread(target=self._send, name="outbox", daemon=True)
        self.thread.start()

    def put(self, item: object) -> None:
        if self.broken:
            raise BrokenPipeError
        self.queue.put(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))

    def _send(self) -> None:
        try:
            while (data := self.queue.get()) is not None:
                self.sender.send_bytes(data)
        except OSError:  # the importer closed its end
            self.broken = True

    def close(self) -> None:
        """Send what is queued, then stop."""
        self.queue.put(None)
        self.thread.join()


def _load_django(settings_module: str | None) -> None:
    """A forked worker has Django loaded already; a spawned one loads the apps (no database)."""
    from django.apps import apps

    if apps.ready:
        return
    if settings_module:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django

    django.setup()


def _picklable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, just made
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
