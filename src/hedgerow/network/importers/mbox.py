"""mbox files (Gmail Takeout, Thunderbird, Apple Mail, mutt…): headers only, streamed.

The file is mapped into memory and searched with byte searches; only each message's header block
(and, when the owner opted in to keeping message text, its body) is copied out, and the pages read
past are given back, so memory stays flat whatever the size. Message
boundaries are `From ` lines at the start of a line whose next line is a header: Gmail writes
`From 1234@xxx Wed Nov 11 10:23:45 +0000 2020`, Thunderbird `From - Sat Jan 03 10:00:00 2015`,
Apple Mail `From ana@example.org Fri Jun 15 14:41:53 2012`, some writers `From ` with no date at
all; a body line that merely starts with "From " (escaped or not) is not a boundary.

Headers are taken apart with the standard library (`email.utils`, `email.header`); raw 8-bit
headers are read as UTF-8, else in the message's declared charset, else as Windows-1252.
"""

from __future__ import annotations

import email
import email.policy
import gc
import hashlib
import mmap
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import timezone as fixed_offset
from email.utils import parsedate_to_datetime
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from hedgerow.lib.addresses import address_key, decode_words, is_garbled, parse_addresses
from hedgerow.network.importers.base import (
    ImportSummary,
    Progress,
    UnusableInput,
    finish_run,
    start_run,
)
from hedgerow.network.importers.workers import can_start_worker, worker_context
from hedgerow.network.mail import (
    EMAIL_SOURCE,
    Envelope,
    History,
    remember_addresses,
    settings_addresses,
)

SOURCE = "mbox"
BLOCK = 8 << 20  # bytes hashed or counted at a time
GIVE_BACK = 32 << 20  # mapped bytes read past before their pages are given back
MAX_HEADER = 1 << 20  # a header block bigger than this is broken; the message is skipped
MAX_BODY = 2 << 20  # body bytes kept for its text (only when the owner opted in)
MAX_TEXT = 20_000
GUESS_FROM = 2000  # messages read to find the owner's own address when nobody said it
_HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:")
_FROM_LINE_DATE = re.compile(
    rb"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +([A-Z][a-z]{2}) +(\d{1,2}) +(\d{1,2}:\d\d(?::\d\d)?)"
    rb"(?: +([+-]\d{4}|[A-Z]{3,4}))? +(\d{4})"
)


def _fields(names: bytes) -> re.Pattern[bytes]:
    """Header fields by name, each with its continuation lines. The leading line break lets the
    regex engine jump from line to line instead of trying every byte of a header block."""
    return re.compile(rb"\n(" + names + rb")[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE)


# Only the fields a message's envelope needs: Received stacks are a third of a header block.
_WANTED = _fields(
    rb"from|to|cc|date|message-id|subject|list-id|list-unsubscribe|list-post|precedence|"
    rb"auto-submitted|x-autoreply|x-autorespond|x-gmail-labels|content-type|x-mozilla-status"
)
_RECEIVED = _fields(rb"received")
_DELIVERED = _fields(rb"delivered-to|x-original-to")
# The form nearly every Date header has: "Wed, 11 Nov 2020 10:23:45 +0000".
_PLAIN_DATE = re.compile(
    r"(?:[A-Z][a-z]{2}, )?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)"
)
_CHARSET = re.compile(rb'charset="?([A-Za-z0-9_.:-]+)', re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
)}  # fmt: skip
NOISE_LABELS = {"spam", "trash", "junk", "bin", "papierkorb", "corbeille", "papelera"}
BULK_PRECEDENCE = {b"bulk", b"list", b"junk"}


@dataclass(slots=True)
class Raw:
    """One message as found in the file: where, its From line, its header block, its body.

    An mbox message knows its byte offset; its line number is counted only when something about
    it is reported (LineCounter), as counting every line of a big file costs more than reading
    it. IMAP messages give their UID as their line."""

    line: int
    from_line: bytes
    header: bytes | None  # None when it could not be read; `problem` says why
    body: bytes = b""
    problem: str = ""
    offset: int = 0


# --- finding messages -------------------------------------------------------------------------


class Mapped:
    """A file mapped into memory and read front to back: the pages already read are given back
    now and then (they stay in the page cache), so memory stays flat whatever the file's size."""

    def __init__(self, path: Path | str, start: int = 0) -> None:
        self.handle = open(path, "rb")  # noqa: SIM115 - closed by close()
        self.data = mmap.mmap(self.handle.fileno(), 0, access=mmap.ACCESS_READ)
        self.given_back = start - start % mmap.PAGESIZE

    def give_back(self, upto: int) -> None:
        """Everything before `upto` is done with."""
        upto = min(upto, len(self.data))
        upto -= upto % mmap.PAGESIZE
        if upto - self.given_back >= GIVE_BACK and hasattr(self.data, "madvise"):
            self.data.madvise(mmap.MADV_DONTNEED, self.given_back, upto - self.given_back)
            self.given_back = upto

    def close(self) -> None:
        self.data.close()
        self.handle.close()

    def __enter__(self) -> Mapped:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class Scanner:
    """The messages of an mbox held in `data` (a mapped file), from `start` up to `end`.

    A message starts at a From line whose next line is a header; its header block ends at the
    first blank line. Only header blocks are copied out (bodies too when they are kept), and the
    search for the next From line is a byte search over the mapped file."""

    def __init__(
        self,
        data: mmap.mmap | bytes,
        *,
        keep_body: bool,
        start: int = 0,
        end: int | None = None,
        mapped: Mapped | None = None,
    ) -> None:
        self.data = data
        self.keep_body = keep_body
        self.start = start
        self.end = len(data) if end is None else end
        self.mapped = mapped

    def __iter__(self) -> Iterator[Raw]:
        at = self._first()
        while at is not None:
            raw, at = self._message(at)
            if self.mapped is not None:
                self.mapped.give_back(self.end if at is None else at)
            if raw is not None:
                yield raw

    def _first(self) -> int | None:
        if self.data[self.start : self.start + 5] == b"From " and _header_follows(
            self.data, self.start, self.end
        ):
            return self.start
        return _next_boundary(self.data, self.start, self.end)

    def _message(self, at: int) -> tuple[Raw | None, int | None]:
        """The message whose From line is at `at`, and where the next one starts."""
        data, end = self.data, self.end
        end_of_from = data.find(b"\n", at, end)
        if end_of_from < 0:
            return None, None  # a From line and nothing after it: no message
        from_line = data[at:end_of_from].rstrip(b"\r")
        header_start = end_of_from + 1
        header_end = _header_end(data, header_start, end)
        if header_end is None:
            problem = (
                "the file ends inside this message's headers (it was cut off); skipped"
                if end - header_start <= MAX_HEADER
                else f"its headers run past {MAX_HEADER >> 20} MB, so they are broken; skipped"
            )
            nxt = _next_boundary(data, header_start, end)
            return Raw(0, from_line, None, problem=problem, offset=at), nxt
        nxt = _next_boundary(data, header_end, end)
        body = b""
        if self.keep_body:
            body = data[header_end : min(end if nxt is None else nxt, header_end + MAX_BODY)]
        return Raw(0, from_line, data[header_start:header_end], body, offset=at), nxt


class LineCounter:
    """Line numbers of byte offsets asked in increasing order, counted from `start` (line 1)
    only as far as asked, in a mapping of the file of its own (its pages are given back too)."""

    def __init__(self, mapped: Mapped, start: int = 0) -> None:
        self.mapped = mapped
        self.at = start
        self.line = 1

    def line_at(self, offset: int) -> int:
        data = self.mapped.data
        while self.at < offset:
            upto = min(offset, self.at + BLOCK)
            self.line += data[self.at : upto].count(b"\n")
            self.at = upto
            self.mapped.give_back(upto)
        return self.line


def _first_boundary(buf: bytes) -> int | None:
    if buf.startswith(b"From ") and _header_follows(buf, 0, len(buf)):
        return 0
    return _next_boundary(buf, 0, len(buf))


def _next_boundary(buf: mmap.mmap | bytes, search: int, end: int) -> int | None:
    """The next From line after `search` (and before `end`) that a header follows."""
    while True:
        found = buf.find(b"\nFrom ", search, end)
        if found < 0:
            return None
        candidate = found + 1
        if _header_follows(buf, candidate, end):
            return candidate
        search = candidate


def _header_follows(buf: mmap.mmap | bytes, at: int, end: int) -> bool:
    """Is the line after the From line at `at` a header?"""
    eol = buf.find(b"\n", at, end)
    if eol < 0:
        return False
    if buf.find(b"\n", eol + 1, min(end, eol + 200)) < 0 and end - eol < 200:
        return False  # a last, unfinished line: not a message
    return _HEADER_LINE.match(buf, eol + 1, end) is not None


def _header_end(buf: mmap.mmap | bytes, start: int, end: int) -> int | None:
    """Where the header block that starts at `start` ends (its blank line), or None."""
    if buf[start : start + 1] == b"\n" or buf[start : start + 2] == b"\r\n":
        return start
    limit = min(end, start + MAX_HEADER + 2)
    found = buf.find(b"\n\n", start, limit)
    # Only up to the LF blank line: CRLF files are rare, and the search is over the headers.
    crlf = buf.find(b"\n\r\n", start, found if found >= 0 else min(end, limit + 1))
    candidates = [i for i in (found, crlf) if i >= 0]
    return min(candidates) + 1 if candidates else None


# --- reading headers -------------------------------------------------------------------------


class BadMessage(ValueError):
    """A message that cannot become an interaction; the message says why."""


def headers_of(block: bytes, wanted: re.Pattern[bytes] = _WANTED) -> dict[str, list[bytes]]:
    """The header fields we use, by lower-case name, each value unfolded, in file order."""
    found: dict[str, list[bytes]] = {}
    for match in wanted.finditer(b"\n" + block):
        name = match.group(1).lower().decode()
        value = match.group(2).replace(b"\r\n", b"\n").replace(b"\n", b"").strip()
        found.setdefault(name, []).append(value)
    return found


def text_of(value: bytes, charset: str) -> str:
    """A raw header value as text: UTF-8, the message's charset, then Windows-1252."""
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
        for encoding in (charset, "cp1252", "latin-1"):
            if not encoding:
                continue
            try:
                text = value.decode(encoding)
                break
            except (UnicodeDecodeError, LookupError):
                continue
    # A NUL has no place in a name or a subject, and PostgreSQL refuses it in text columns.
    return decode_words(text).replace("\x00", "")


def envelope_of(raw: Raw) -> Envelope:
    """The Envelope of a message, or BadMessage saying why it is not one."""
    assert raw.header is not None
    fields = headers_of(raw.header)
    content_type = b" ".join(fields.get("content-type", []))
    match = _CHARSET.search(content_type)
    charset = match.group(1).decode("ascii", "replace").lower() if match else ""

    def text(name: str) -> str:
        values = fields.get(name)
        return text_of(values[0], charset) if values else ""

    senders = parse_addresses([text_of(v, charset) for v in fields.get("from", [])])
    if not senders or not address_key(senders[0][1]):
        raw_from = text("from")
        raise BadMessage(f"no sender address in “From: {raw_from[:80]}”" if raw_from else "no From")
    garbled = ""
    if is_garbled(senders[0][0]):
        garbled = f"the sender's name “{senders[0][0][:80]}” could not be decoded"
        senders[0] = ("", senders[0][1])
    recipients = parse_addresses(
        [text_of(v, charset) for v in fields.get("to", []) + fields.get("cc", [])]
    )
    return Envelope(
        message_id=text("message-id").strip()[:500],
        when=_when(fields, raw.from_line, raw.header),
        sender=senders[0],
        recipients=recipients,
        subject=" ".join(text("subject").split()),
        noise=_noise(fields),
        garbled=garbled,
    )


def _when(fields: dict[str, list[bytes]], from_line: bytes, header: bytes) -> datetime:
    """Date:, else the date on the From line, else the newest Received: stamp."""
    for value in fields.get("date", [])[:1]:
        moment = _parse_date(value.decode("ascii", "replace"))
        if moment is not None:
            return moment
    moment = _from_line_date(from_line)
    if moment is not None:
        return moment
    for value in headers_of(header, _RECEIVED).get("received", [])[:1]:
        moment = _parse_date(value.decode("ascii", "replace").rpartition(";")[2])
        if moment is not None:
            return moment
    raise BadMessage("no date (no Date header, nor one on its From line)")


def _parse_date(text: str) -> datetime | None:
    text = text.strip()
    plain = _PLAIN_DATE.fullmatch(text)
    try:
        if plain and plain.group(2) in _MONTHS:
            moment = _plain_date(plain)
        else:
            moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment if 1971 <= moment.year <= timezone.now().year + 1 else None


def _plain_date(match: re.Match[str]) -> datetime:
    """What email.utils.parsedate_to_datetime makes of a date in the usual form, at a tenth of
    its cost (a big mailbox has tens of thousands)."""
    day, month, year, hour, minute, second, sign, zone_hours, zone_minutes = match.groups()
    offset = int(zone_hours) * 3600 + int(zone_minutes) * 60
    zone = fixed_offset(timedelta(seconds=offset if sign == "+" else -offset)) if offset else UTC
    return datetime(
        int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second), tzinfo=zone
    )


def _from_line_date(from_line: bytes) -> datetime | None:
    match = _FROM_LINE_DATE.search(from_line)
    if not match:
        return None
    month, day, clock, zone, year = match.groups()
    parts = [int(p) for p in clock.split(b":")] + [0]
    try:
        moment = datetime(
            int(year), _MONTHS[month.decode()], int(day), parts[0], parts[1], parts[2], tzinfo=UTC
        )
    except (KeyError, ValueError):
        return None
    if zone and zone[:1] in b"+-":
        sign = 1 if zone[:1] == b"+" else -1
        offset = sign * (int(zone[1:3]) * 60 + int(zone[3:5]))
        moment -= timedelta(minutes=offset)
    return moment


def _noise(fields: dict[str, list[bytes]]) -> str:
    """Why a message is not between people, or "" (rule N10: only people you spoke with)."""
    labels = b",".join(fields.get("x-gmail-labels", [])).decode("utf-8", "replace").lower()
    if labels and NOISE_LABELS & {label.strip().strip('"') for label in labels.split(",")}:
        return "spam"
    status = fields.get("x-mozilla-status")
    if status:
        try:
            if int(status[0].strip()[:4], 16) & 0x0008:  # Thunderbird: deleted, not compacted
                return "deleted"
        except ValueError:
            pass
    if "list-id" in fields or "list-post" in fields:
        return "list"
    if "list-unsubscribe" in fields:
        return "bulk"
    if any(v.strip().lower() in BULK_PRECEDENCE for v in fields.get("precedence", [])):
        return "bulk"
    auto = b"".join(fields.get("auto-submitted", [])).strip().lower()
    if (auto and auto != b"no") or "x-autoreply" in fields or "x-autorespond" in fields:
        return "automated"
    return ""


def own_addresses_seen(fields: dict[str, list[bytes]]) -> set[str]:
    return {
        k
        for name in ("delivered-to", "x-original-to")
        for v in fields.get(name, [])
        if (k := address_key(v.decode("ascii", "replace")))
    }


def body_text(raw: Raw) -> str:
    """The message's plain text, for owners who opted in; "" when there is none."""
    assert raw.header is not None
    message = email.message_from_bytes(raw.header + b"\n" + raw.body, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        return ""
    content = part.get_content()
    return content[:MAX_TEXT].strip() if isinstance(content, str) else ""


# --- the owner's addresses --------------------------------------------------------------------


def guess_owner(envelopes: list[tuple[Envelope, set[str]]]) -> set[str]:
    """The owner's addresses, from a first run of messages: where they were delivered to, or
    else the one address present in most of them."""
    delivered: Counter[str] = Counter()
    present: Counter[str] = Counter()
    for envelope, seen in envelopes:
        delivered.update(seen)
        people = {address_key(a) for _n, a in [envelope.sender, *envelope.recipients]}
        present.update(k for k in people if k)
    n = len(envelopes)
    found = {k for k, c in delivered.items() if c >= max(2, n // 20)}
    ranked = present.most_common(2)
    if not found and ranked:
        (top, count), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0)
        # Two people in every message (a folder of one conversation): which is you is a guess.
        if count >= max(2, int(n * 0.4)) and count > runner_up:
            found = {top}
    return found


# --- the import -------------------------------------------------------------------------------


def mbox_files(path: Path) -> list[Path]:
    """The file, or every mbox in a folder (an Apple Mail export, a Thunderbird profile)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise UnusableInput(f"There is no file or folder at {path}.")
    found = []
    for candidate in sorted(p for p in path.rglob("*") if p.is_file()):
        if candidate.suffix in {".msf", ".plist", ".emlx"} or candidate.name.startswith("."):
            continue
        with candidate.open("rb") as handle:
            if handle.read(5) == b"From ":
                found.append(candidate)
    if not found:
        raise UnusableInput(f"{path.name} holds no mbox file (none starts with a From line).")
    return found


def _check_mbox(path: Path) -> None:
    with path.open("rb") as handle:
        start = handle.read(64 << 10)
    if not start.strip():
        raise UnusableInput(f"{path.name} is empty.")
    if _first_boundary(start) is None:
        raise UnusableInput(
            f"{path.name} is not an mbox file: no message in it starts with a “From ” line."
        )


COLLECT_EVERY = 10_000  # messages


@contextmanager
def collecting_rarely() -> Iterator[None]:
    """Python's cycle collector paused while messages are read (in forked workers too), and
    run on young objects only every COLLECT_EVERY messages: with tens of thousands of objects
    kept (people, keys, rows), its automatic passes cost a fifth of a big import's time, while
    reading a message leaves next to no cycles behind."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@transaction.atomic
@collecting_rarely()
def import_mbox(
    *,
    owner: AbstractBaseUser,
    path: Path,
    me: list[str] | tuple[str, ...] = (),
    progress: Progress | None = None,
) -> ImportSummary:
    """Import the messages of an mbox file (or a folder of them) as interactions."""
    path = Path(path)
    files = mbox_files(path)
    for file in files:
        _check_mbox(file)
    bad = [a for a in me if not address_key(a)]
    if bad:
        raise UnusableInput(f"--me {bad[0]!r} is not an email address.")
    own, keep_text = settings_addresses(owner)
    own |= {address_key(a) for a in me}
    summary = ImportSummary(source=SOURCE, file_name=path.name)
    reader = _Reader(summary=summary, keep_text=keep_text, progress=progress, files=files)
    if not own:
        own = reader.guess(files[0])
        if not own:
            raise UnusableInput(
                f"Hedgerow could not tell which address in {path.name} is yours: give it with "
                "--me ADDRESS, or add it under Settings, and import again."
            )
        remember_addresses(owner, own)
        summary.notes.append(
            f"Your address {', '.join(sorted(own))} was found in the file and saved in Settings."
        )
    run = start_run(owner=owner, source=SOURCE, file_name=path.name, digest="")
    history = History.start(
        owner_id=int(owner.pk),
        own=own,
        source=EMAIL_SOURCE,
        summary=summary,
        run=run,
        keep_text=keep_text,
    )
    digest = reader.read(history)
    history.finish()
    _write_notes(summary)
    run.digest = digest
    run.save(update_fields=["digest"])
    finish_run(run, summary)
    return summary


@dataclass
class _Reader:
    summary: ImportSummary
    keep_text: bool
    progress: Progress | None
    files: list[Path]
    applied: int = 0  # messages, for collecting_rarely

    def guess(self, file: Path) -> set[str]:
        seen: list[tuple[Envelope, set[str]]] = []
        with Mapped(file) as mapped:
            for raw in Scanner(mapped.data, keep_body=False, mapped=mapped):
                if raw.header is None:
                    continue
                try:
                    seen.append(
                        (envelope_of(raw), own_addresses_seen(headers_of(raw.header, _DELIVERED)))
                    )
                except BadMessage:
                    continue
                if len(seen) >= GUESS_FROM:
                    break
        return guess_owner(seen)

    def read(self, history: History) -> str:
        total = sum(f.stat().st_size for f in self.files)
        digest = hashlib.sha256()
        done = 0
        for file in self.files:
            size = file.stat().st_size
            if size >= PARALLEL_MIN_BYTES and _can_fork():
                digest.update(self._read_in_parts(file, history, done, total))
            else:
                digest.update(self._read_here(file, history, done, total))
            done += size
        return digest.hexdigest()

    def _read_here(self, file: Path, history: History, done: int, total: int) -> bytes:
        """A file read in this process, while a thread takes its SHA-256."""
        hashing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hedgerow-mbox-hash")
        try:
            sha = hashing.submit(_sha256, file)
            with Mapped(file) as mapped, Mapped(file) as counted:
                lines = LineCounter(counted)
                tick = BLOCK
                for raw in Scanner(mapped.data, keep_body=self.keep_text, mapped=mapped):
                    read = read_message(raw, self.keep_text)
                    self._apply(read, file.name, lambda r: lines.line_at(r.offset), history)
                    if self.progress is not None and raw.offset >= tick:
                        self.progress(done + raw.offset, total)
                        tick = raw.offset + BLOCK
            return sha.result()
        finally:
            hashing.shutdown()

    def _read_in_parts(self, file: Path, history: History, done: int, total: int) -> bytes:
        """A big file is read by worker processes, a part each, while this one writes what
        they found, in the file's order; its SHA-256 is taken on a thread meanwhile."""
        size = file.stat().st_size
        parts = [(str(file), a, b, self.keep_text) for a, b in part_bounds(file, size)]
        workers = max(1, min(MAX_WORKERS, os.cpu_count() or 1))
        # The pool first: workers are forked while this process has no other thread.
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            hashing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hedgerow-mbox-hash")
            try:
                sha = hashing.submit(_sha256, file)
                before = 0  # line breaks before the part
                for (_path, _start, end, _keep), (found, newlines) in zip(
                    parts, pool.imap(read_part, parts), strict=True
                ):
                    line_of = _after(before)
                    for read in found:
                        self._apply(read, file.name, line_of, history)
                    before += newlines
                    if self.progress is not None:
                        self.progress(done + end, total)
                return sha.result()
            finally:
                hashing.shutdown()

    def _apply(
        self, read: Read, file: str, line_of: Callable[[Read], int], history: History
    ) -> None:
        """Count and list what reading one message found, and add it to the history."""
        self.applied += 1
        if self.applied % COLLECT_EVERY == 0:
            gc.collect(1)
        if read.envelope is None:
            self.summary.problem(file, line_of(read), read.problem)
            self.summary.add("messages_skipped")
            return
        envelope = read.envelope
        if envelope.garbled:
            self.summary.problem(file, line_of(read), f"{envelope.garbled}; its address was used")
            self.summary.add("headers_garbled")
        if read.problem:
            self.summary.problem(file, line_of(read), read.problem)
        history.add_message(envelope)


@dataclass(slots=True)
class Read:
    """What one message came to: its envelope, or why it has none; where it starts (its byte
    offset, and its line once counted: only for messages something is said about)."""

    offset: int
    envelope: Envelope | None
    problem: str = ""
    line: int = 0

    def __reduce__(self) -> tuple:
        return Read, (self.offset, self.envelope, self.problem, self.line)

    def says_something(self) -> bool:
        return self.envelope is None or bool(self.problem or self.envelope.garbled)


def read_message(raw: Raw, keep_text: bool) -> Read:
    """Everything about one message that needs no database: done by workers for big files."""
    if raw.header is None:
        return Read(raw.offset, None, raw.problem)
    try:
        envelope = envelope_of(raw)
    except BadMessage as error:
        return Read(raw.offset, None, f"message skipped: {error}")
    problem = ""
    if keep_text and not envelope.noise:
        try:
            envelope.text = body_text(raw)
        except Exception as error:
            problem = f"its text could not be read ({error})"
    return Read(raw.offset, envelope, problem)


# --- big files: parts read by worker processes -----------------------------------------------

PARALLEL_MIN_BYTES = 64 << 20  # smaller files are read here: starting workers costs more
PART = 32 << 20  # bytes per part, about: parts end where a message starts
MAX_WORKERS = 4


def part_bounds(file: Path, size: int) -> list[tuple[int, int]]:
    """(start, end) of parts of about PART bytes, each cut where a message starts, found by the
    same rule as Scanner's (a From line followed by a header), so the parts hold the messages
    the whole file holds."""
    cuts = [0]
    with Mapped(file) as mapped:
        for at in range(PART, size, PART):
            if at <= cuts[-1]:
                continue
            found = _next_boundary(mapped.data, at, size)
            if found is None:
                break
            cuts.append(found)
    return list(zip(cuts, [*cuts[1:], size], strict=True))


def read_part(task: tuple[str, int, int, bool]) -> tuple[list[Read], int]:
    """A worker's part: what each message from `start` up to `end` came to (lines counted from
    the part's start, for the messages something is said about), and how many line breaks the
    part holds."""
    path, start, end, keep_text = task
    gc.collect(1)  # the part before's young cycles: collecting_rarely holds in workers too
    with Mapped(path, start) as mapped, Mapped(path, start) as counted:
        lines = LineCounter(counted, start)
        found = []
        for raw in Scanner(mapped.data, keep_body=keep_text, start=start, end=end, mapped=mapped):
            read = read_message(raw, keep_text)
            if read.says_something():
                read.line = lines.line_at(read.offset)
            found.append(read)
        return found, lines.line_at(end) - 1


def _after(lines_before: int) -> Callable[[Read], int]:
    """Line numbers counted in a part, as line numbers in the file."""
    return lambda read: lines_before + read.line


def _can_fork() -> bool:
    """Workers are forked, with everything loaded, where that is safe (worker_context says);
    elsewhere (a threaded server, macOS) the file is read here, as a small one is."""
    return can_start_worker() and worker_context().get_start_method() == "fork"


def _sha256(file: Path) -> bytes:
    """hashlib lets go of the GIL while it hashes a block, so this runs beside the reading."""
    sha = hashlib.sha256()
    with Mapped(file) as mapped, memoryview(mapped.data) as view:
        for at in range(0, len(view), BLOCK):
            sha.update(view[at : at + BLOCK])
            mapped.give_back(at + BLOCK)
    return sha.digest()


def _write_notes(summary: ImportSummary) -> None:
    counts = summary.counts
    noise = sum(
        counts.get(k, 0)
        for k in (
            "skipped_mailing_lists", "skipped_bulk_mail", "skipped_automated",
            "skipped_spam_or_trash", "skipped_many_recipients",
        )
    )  # fmt: skip
    if noise:
        summary.notes.append(
            f"{noise:,} messages were newsletters, mailing lists, notifications, spam or sent to "
            "many people, and were left out."
        )
    if counts.get("review_items_created"):
        n = counts["review_items_created"]
        summary.notes.append(
            f"{n} {'address looks' if n == 1 else 'addresses look'} like someone you already "
            "have; they wait on the review list for you to decide."
        )
    if counts.get("interactions_created"):
        summary.notes.append(
            "Only who wrote to whom, when and the subject were kept, never the text, unless "
            "you chose to keep it in Settings."
        )
