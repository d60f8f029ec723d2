"""mbox files (Gmail Takeout, Thunderbird, Apple Mail, mutt…): headers only, streamed.

The file is read in large blocks; only each message's header block (and, when the owner opted in
to keeping message text, its body) is ever held, so memory stays flat whatever the size. Message
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
import hashlib
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO

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
from hedgerow.network.importers.linkedin_messages import can_start_worker, worker_context
from hedgerow.network.mail import (
    EMAIL_SOURCE,
    Envelope,
    History,
    remember_addresses,
    settings_addresses,
)

SOURCE = "mbox"
BLOCK = 8 << 20  # bytes read at a time
MAX_HEADER = 1 << 20  # a header block bigger than this is broken; the message is skipped
MAX_BODY = 2 << 20  # body bytes kept for its text (only when the owner opted in)
MAX_TEXT = 20_000
GUESS_FROM = 2000  # messages read to find the owner's own address when nobody said it
_HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:")
_FROM_LINE_DATE = re.compile(
    rb"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +([A-Z][a-z]{2}) +(\d{1,2}) +(\d{1,2}:\d\d(?::\d\d)?)"
    rb"(?: +([+-]\d{4}|[A-Z]{3,4}))? +(\d{4})"
)
_WANTED = re.compile(
    rb"^(from|to|cc|date|message-id|subject|list-id|list-unsubscribe|list-post|precedence|"
    rb"auto-submitted|x-autoreply|x-autorespond|x-gmail-labels|delivered-to|x-original-to|"
    rb"content-type|received|x-mozilla-status|x-apple-mail-remote-attachments|status)"
    rb"[ \t]*:(.*(?:\r?\n[ \t].*)*)",
    re.IGNORECASE | re.MULTILINE,
)
_CHARSET = re.compile(rb'charset="?([A-Za-z0-9_.:-]+)', re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
)}  # fmt: skip
NOISE_LABELS = {"spam", "trash", "junk", "bin", "papierkorb", "corbeille", "papelera"}
BULK_PRECEDENCE = {b"bulk", b"list", b"junk"}


@dataclass(slots=True)
class Raw:
    """One message as found in the file: where, its From line, its header block, its body."""

    line: int
    from_line: bytes
    header: bytes | None  # None when it could not be read; `problem` says why
    body: bytes = b""
    problem: str = ""


# --- finding messages -------------------------------------------------------------------------


class Scanner:
    """The messages of one mbox, streamed; `sha` is the file's SHA-256 once read.

    Positions are indexes into one buffer that is compacted only now and then (moving 8 MB
    for every message would cost more than reading); `line` is the line number at `base`.
    """

    def __init__(
        self,
        handle: BinaryIO,
        *,
        keep_body: bool,
        progress: Progress | None = None,
        hashing: bool = True,
    ):
        self.handle = handle
        self.keep_body = keep_body
        self.progress = progress
        self.hashing_on = hashing
        self.sha = hashlib.sha256()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hedgerow-mbox-hash")
        self.hashing: Future | None = None
        self.read_bytes = 0
        self.total = 0
        self.buf = bytearray()
        self.eof = False
        self.base = 0
        self.line = 1

    def _fill(self) -> bool:
        if self.eof:
            return False
        block = self.handle.read(BLOCK)
        if not block:
            self.eof = True
            return False
        if self.hashing_on:
            self._hash(block)
        self.read_bytes += len(block)
        self.buf += block
        if self.progress is not None and self.total:
            self.progress(self.read_bytes, self.total)
        return True

    def _hash(self, block: bytes) -> None:
        """SHA-256 on the other core: hashlib lets go of the GIL while it hashes a block."""
        if self.hashing is not None:
            self.hashing.result()
        self.hashing = self.pool.submit(self.sha.update, block)

    def digest(self) -> bytes:
        if self.hashing is not None:
            self.hashing.result()
            self.hashing = None
        self.pool.shutdown()
        return self.sha.digest()

    def newlines(self) -> int:
        """How many line breaks the part read so far holds (call once it is all read)."""
        return self._line_at(len(self.buf)) - 1

    def _line_at(self, index: int) -> int:
        self.line += self.buf.count(b"\n", self.base, index)
        self.base = index
        return self.line

    def _compact(self, keep_from: int) -> int:
        """Forget the buffer before keep_from; returns how far every index moved."""
        self._line_at(keep_from)
        del self.buf[:keep_from]
        self.base = 0
        return keep_from

    def __iter__(self) -> Iterator[Raw]:
        self._fill()
        start = self._first()
        while start is not None:
            if start > BLOCK:
                start -= self._compact(start)
            raw, start = self._message(start)
            if raw is not None:
                yield raw

    def _first(self) -> int | None:
        if self.buf.startswith(b"From "):
            verdict = _header_follows(self.buf, 0)
            while verdict is None and self._fill():
                verdict = _header_follows(self.buf, 0)
            if verdict:
                return 0
        return self._next(0, keep=False)[0]

    def _message(self, start: int) -> tuple[Raw | None, int | None]:
        """The message whose From line is at `start`, and where the next one starts."""
        buf = self.buf
        line = self._line_at(start)
        end_of_from = buf.find(b"\n", start)
        while end_of_from < 0 and self._fill():
            end_of_from = buf.find(b"\n", start)
        if end_of_from < 0:
            return None, None  # a From line and nothing after it: no message
        from_line = bytes(buf[start:end_of_from]).rstrip(b"\r")
        header_start = end_of_from + 1
        header_end = _header_end(buf, header_start)
        while header_end is None and len(buf) - header_start <= MAX_HEADER and self._fill():
            header_end = _header_end(buf, header_start)
        if header_end is None:
            cut_off = self.eof and len(buf) - header_start <= MAX_HEADER
            problem = (
                "the file ends inside this message's headers (it was cut off); skipped"
                if cut_off
                else f"its headers run past {MAX_HEADER >> 20} MB, so they are broken; skipped"
            )
            nxt, _body = self._next(header_start, keep=False)
            return Raw(line, from_line, None, problem=problem), nxt
        header = bytes(buf[header_start:header_end])
        nxt, body = self._next(header_end, keep=self.keep_body)
        return Raw(line, from_line, header, bytes(body)), nxt

    def _next(self, body_start: int, *, keep: bool) -> tuple[int | None, bytearray]:
        """The next boundary after body_start, reading on as needed; a body is dropped as it is
        read past, unless kept (up to MAX_BODY)."""
        body = bytearray()
        search = body_start
        while True:
            found = _next_boundary(self.buf, search, self.eof)
            if found is not None or self.eof:
                if keep:
                    end = found if found is not None else len(self.buf)
                    body += self.buf[body_start:end][: MAX_BODY - len(body)]
                return found, body
            # Keep a tail that starts on a line break, so no boundary is lost between blocks.
            cut = self.buf.rfind(b"\n", search, max(search, len(self.buf) - 4096))
            cut = cut if cut > search else max(search, len(self.buf) - 4096)
            if keep and len(body) < MAX_BODY:
                body += self.buf[body_start:cut][: MAX_BODY - len(body)]
            self._compact(cut)
            body_start = search = 0
            self._fill()


def _first_boundary(buf: bytes | bytearray) -> int | None:
    if buf.startswith(b"From ") and _header_follows(buf, 0):
        return 0
    return _next_boundary(buf, 0, True)


def _next_boundary(buf: bytes | bytearray, search: int, eof: bool) -> int | None:
    while True:
        found = buf.find(b"\nFrom ", search)
        if found < 0:
            return None
        candidate = found + 1
        verdict = _header_follows(buf, candidate)
        if verdict is None and not eof:
            return None  # the next line is not in the buffer yet: look again with more
        if verdict:
            return candidate
        search = candidate


def _header_follows(buf: bytes | bytearray, at: int) -> bool | None:
    """Is the line after the From line at `at` a header? None when we cannot see it yet."""
    end = buf.find(b"\n", at)
    if end < 0:
        return None
    nxt = buf.find(b"\n", end + 1)
    if nxt < 0 and len(buf) - end < 200:
        return None
    return _HEADER_LINE.match(buf, end + 1) is not None


def _header_end(buf: bytes | bytearray, start: int) -> int | None:
    """Where the header block that starts at `start` ends (its blank line), or None."""
    if buf.startswith((b"\n", b"\r\n"), start):
        return start
    found = buf.find(b"\n\n", start, start + MAX_HEADER + 2)
    # Only up to the LF blank line: a search to the end of the buffer for every message would
    # read the whole buffer again each time.
    crlf = buf.find(b"\n\r\n", start, found if found >= 0 else start + MAX_HEADER + 3)
    candidates = [i for i in (found, crlf) if i >= 0]
    return min(candidates) + 1 if candidates else None


# --- reading headers -------------------------------------------------------------------------


class BadMessage(ValueError):
    """A message that cannot become an interaction; the message says why."""


def headers_of(block: bytes) -> dict[str, list[bytes]]:
    """The header fields we use, by lower-case name, each value unfolded, in file order."""
    found: dict[str, list[bytes]] = {}
    for match in _WANTED.finditer(block):
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
        when=_when(fields, raw.from_line),
        sender=senders[0],
        recipients=recipients,
        subject=" ".join(text("subject").split()),
        noise=_noise(fields),
        garbled=garbled,
    )


def _when(fields: dict[str, list[bytes]], from_line: bytes) -> datetime:
    """Date:, else the date on the From line, else the newest Received: stamp."""
    for value in fields.get("date", [])[:1]:
        moment = _parse_date(value.decode("ascii", "replace"))
        if moment is not None:
            return moment
    moment = _from_line_date(from_line)
    if moment is not None:
        return moment
    for value in fields.get("received", [])[:1]:
        moment = _parse_date(value.decode("ascii", "replace").rpartition(";")[2])
        if moment is not None:
            return moment
    raise BadMessage("no date (no Date header, nor one on its From line)")


def _parse_date(text: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment if 1971 <= moment.year <= timezone.now().year + 1 else None


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


@transaction.atomic
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

    def guess(self, file: Path) -> set[str]:
        seen: list[tuple[Envelope, set[str]]] = []
        with file.open("rb") as handle:
            scanner = Scanner(handle, keep_body=False)
            for raw in scanner:
                if raw.header is None:
                    continue
                try:
                    seen.append((envelope_of(raw), own_addresses_seen(headers_of(raw.header))))
                except BadMessage:
                    continue
                if len(seen) >= GUESS_FROM:
                    break
            scanner.digest()
        return guess_owner(seen)

    def read(self, history: History) -> str:
        total = sum(f.stat().st_size for f in self.files)
        digest = hashlib.sha256()
        done = 0
        for file in self.files:
            if file.stat().st_size >= PARALLEL_MIN_BYTES and _can_fork():
                digest.update(self._read_in_parts(file, history, done, total))
                done += file.stat().st_size
                continue
            with file.open("rb") as handle:
                scanner = Scanner(
                    handle, keep_body=self.keep_text, progress=self._tick(done, total)
                )
                scanner.total = total
                for raw in scanner:
                    self._apply(read_message(raw, self.keep_text), file.name, 0, history)
                digest.update(scanner.digest())
                done += scanner.read_bytes
        return digest.hexdigest()

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
                lines = 0  # line breaks before the part
                for (_path, _start, end, _keep), (found, newlines) in zip(
                    parts, pool.imap(read_part, parts), strict=True
                ):
                    for read in found:
                        self._apply(read, file.name, lines, history)
                    lines += newlines
                    if self.progress is not None:
                        self.progress(done + end, total)
                return sha.result()
            finally:
                hashing.shutdown()

    def _tick(self, done: int, total: int) -> Progress | None:
        if self.progress is None:
            return None
        progress = self.progress
        return lambda read, _total: progress(done + read, total)

    def _apply(self, read: Read, file: str, lines_before: int, history: History) -> None:
        """Count and list what reading one message found, and add it to the history."""
        line = read.line + lines_before
        if read.envelope is None:
            self.summary.problem(file, line, read.problem)
            self.summary.add("messages_skipped")
            return
        envelope = read.envelope
        if envelope.garbled:
            self.summary.problem(file, line, f"{envelope.garbled}; its address was used")
            self.summary.add("headers_garbled")
        if read.problem:
            self.summary.problem(file, line, read.problem)
        history.add_message(envelope)


@dataclass(slots=True)
class Read:
    """What one message came to: its envelope, or why it has none; where it starts."""

    line: int
    envelope: Envelope | None
    problem: str = ""


def read_message(raw: Raw, keep_text: bool) -> Read:
    """Everything about one message that needs no database: done by workers for big files."""
    if raw.header is None:
        return Read(raw.line, None, raw.problem)
    try:
        envelope = envelope_of(raw)
    except BadMessage as error:
        return Read(raw.line, None, f"message skipped: {error}")
    problem = ""
    if keep_text and not envelope.noise:
        try:
            envelope.text = body_text(raw)
        except Exception as error:
            problem = f"its text could not be read ({error})"
    return Read(raw.line, envelope, problem)


# --- big files: parts read by worker processes -----------------------------------------------

PARALLEL_MIN_BYTES = 64 << 20  # smaller files are read here: starting workers costs more
PART = 32 << 20  # bytes per part, about: parts end where a message starts
MAX_WORKERS = 4


def part_bounds(file: Path, size: int) -> list[tuple[int, int]]:
    """(start, end) of parts of about PART bytes, each cut where a message starts, found by the
    same rule as Scanner's (a From line followed by a header), so the parts hold the messages
    the whole file holds."""
    cuts = [0]
    with file.open("rb") as handle:
        for at in range(PART, size, PART):
            if at <= cuts[-1]:
                continue
            window = 1 << 20
            while True:
                handle.seek(at)
                seen = handle.read(window)
                eof = at + len(seen) >= size
                found = _next_boundary(seen, 0, eof)
                if found is not None or eof or window >= PART:
                    break
                window *= 4
            if found is not None:
                cuts.append(at + found)
    return list(zip(cuts, [*cuts[1:], size], strict=True))


class _Part:
    """A file read from `start` up to `end` only."""

    def __init__(self, path: str, start: int, end: int) -> None:
        self.handle = open(path, "rb")  # noqa: SIM115 - closed by read_part
        self.handle.seek(start)
        self.left = end - start

    def read(self, n: int = -1) -> bytes:
        n = self.left if n < 0 else min(n, self.left)
        block = self.handle.read(n)
        self.left -= len(block)
        return block


def read_part(task: tuple[str, int, int, bool]) -> tuple[list[Read], int]:
    """A worker's part: what each message came to (lines counted from the part's start), and
    how many line breaks the part holds."""
    path, start, end, keep_text = task
    part = _Part(path, start, end)
    try:
        scanner = Scanner(part, keep_body=keep_text, hashing=False)  # type: ignore[arg-type]
        found = [read_message(raw, keep_text) for raw in scanner]
        scanner.digest()
        return found, scanner.newlines()
    finally:
        part.handle.close()


def _can_fork() -> bool:
    """Workers are forked, with everything loaded, where that is safe (worker_context says);
    elsewhere (a threaded server, macOS) the file is read here, as a small one is."""
    return can_start_worker() and worker_context().get_start_method() == "fork"


def _sha256(file: Path) -> bytes:
    sha = hashlib.sha256()
    with file.open("rb") as handle:
        while block := handle.read(BLOCK):
            sha.update(block)
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
