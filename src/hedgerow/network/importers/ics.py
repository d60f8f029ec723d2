"""iCalendar files (Google Calendar export and others): meetings with other people.

An event with attendees other than the owner is a meeting with each of them, one interaction per
occurrence and person (rule N10). All-day blocks, cancelled events, events the owner declined and
events without anyone else are left out; so are attendees who declined, rooms and resources.
Recurring events are expanded by `recurring-ical-events` from the first event in the file up to
now: a meeting that has not happened yet is not history, and the next import picks it up.

`icalendar` reads leniently and records what it could not read on each event; such lines are
listed with the line the event begins on, and an event whose start cannot be read is skipped.

The file is read as a stream, twice, so memory holds one batch of series and never the calendar
(a 63 MB export once took 1.6 GB): the first pass finds the calendar's properties, its time zones
and each event's place, grouped by UID; the second parses and expands whole series a batch at a
time (a series with its moved occurrences, however scattered), in the order they first appear.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

import icalendar
import recurring_ical_events
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from hedgerow.lib.addresses import address_key
from hedgerow.network.importers.base import (
    ImportSummary,
    Progress,
    UnusableInput,
    file_digest,
    finish_run,
    start_run,
)
from hedgerow.network.importers.limits import Limits, size_text
from hedgerow.network.mail import (
    CALENDAR_SOURCE,
    History,
    Meeting,
    remember_addresses,
    settings_addresses,
)

SOURCE = "ics"
SKIPPED_CUTYPES = {"ROOM", "RESOURCE", "UNKNOWN"}
# Properties an event has at most once (RFC 5545, 3.6.1); the expander fails on a second one.
SINGLE = ("DTSTART", "DTEND", "DURATION", "UID", "RECURRENCE-ID", "STATUS", "SUMMARY", "ORGANIZER")


# A Google export's zones and calendar properties are a few KB (held whole, capped at
# Limits.record_chars); one repeating meeting with all its changed occurrences, read at once, a
# few MB (a daily stand-up moved every day for ten years; capped at Limits.series_bytes).
BATCH_BYTES = 1 << 20  # the events parsed and expanded at once: memory holds this, not the file
BATCH_EVENTS = 2000


@dataclass
class CalendarScan:
    """Where everything is in a calendar file, from one pass over its lines (pass 1 of 2): the
    calendar's own properties and its time zones (kept: small), and each event's byte range and
    first line, grouped by UID so a series and its moved occurrences are read together."""

    path: Path
    encoding: str = "utf-8"
    header: bytearray = field(default_factory=bytearray)  # its properties (X-WR-CALNAME, ...)
    zones: bytearray = field(default_factory=bytearray)  # every VTIMEZONE block
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # start, end, line
    series: dict[bytes, list[int]] = field(default_factory=dict)  # UID -> indices in spans

    @property
    def name(self) -> str:
        return self.path.name


def read_calendar(path: Path) -> CalendarScan:
    """Check a calendar file and find its parts in one streaming pass over its lines."""
    if not path.is_file():
        raise UnusableInput(f"There is no file at {path}.")
    limits = Limits.current()
    size = path.stat().st_size
    if size > limits.calendar_bytes:
        # Two passes over a file of this size cost seconds; past it, export a shorter period.
        raise UnusableInput(
            f"{path.name} is {size_text(size)}; the biggest calendar we read is "
            f"{size_text(limits.calendar_bytes)}, so export a shorter period."
        )
    with path.open("rb") as handle:
        head = handle.read(4096)
        head = head.removeprefix(codecs.BOM_UTF8).replace(b"\x00", b"")
        if b"BEGIN:VCALENDAR" not in head.upper():
            raise UnusableInput(f"{path.name} is not an iCalendar file: it has no BEGIN:VCALENDAR.")
        handle.seek(0)
        return _Scanner(CalendarScan(path), limits).read(handle)


class _Scanner:
    """The state of pass 1: how deep in BEGIN/END we are, and the component being read."""

    def __init__(self, scan: CalendarScan, limits: Limits) -> None:
        self.scan = scan
        self.limits = limits
        self.depth = 0  # 0 before the calendar, 1 in it, 2 and more in one of its components
        self.component = b""  # the name of the component being read (at depth 2 and more)
        self.began = (0, 0)  # where it began: byte offset, line
        self.uid: bytes | None = None  # its first UID, unfolded
        self.in_uid = False  # the last property line read was its UID (continuations follow)

    def read(self, handle: BinaryIO) -> CalendarScan:
        offset, line, cap = 0, 0, self.limits.line_chars
        while raw := handle.readline(4 * cap + 1):
            line += 1
            if line == 1 and raw.startswith(codecs.BOM_UTF8):
                raw, offset = raw[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8)
            after = offset + len(raw)
            # NULs dropped, as the whole text's once were (a UTF-16 file without its byte-order
            # mark then reads as plain text).
            raw = raw.replace(b"\x00", b"") if b"\x00" in raw else raw
            self._check_line(raw, line)
            if self._take(raw, (offset, after), line):
                return self.scan
            offset = after
        # icalendar finds no calendar in a file whose VCALENDAR never ends: nor do we.
        raise UnusableInput(f"{self.scan.name} holds no calendar.")

    def _check_line(self, raw: bytes, line: int) -> None:
        if not raw.isascii():
            if self.scan.encoding == "utf-8":
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:  # as a whole file read did: an old Windows code page
                    self.scan.encoding = "cp1252"
            too_long = len(raw) > self.limits.line_chars and (
                len(raw.decode(self.scan.encoding, errors="replace").rstrip("\r\n"))
                > self.limits.line_chars
            )
        else:
            too_long = len(raw.rstrip(b"\r\n")) > self.limits.line_chars
        if too_long:
            raise UnusableInput(
                f"{self.scan.name} could not be read: it has a line longer than "
                f"{size_text(self.limits.line_chars)}, which no calendar writes."
            )

    def _take(self, raw: bytes, where: tuple[int, int], line: int) -> bool:
        """Follow one line (at the byte offsets `where` it begins and ends); True once the
        (first) calendar has ended."""
        zone = self.depth >= 2 and self.component == b"VTIMEZONE"
        ended = self._follow(raw, where, line)
        if zone or (self.depth >= 2 and self.component == b"VTIMEZONE"):
            self._keep("zones", raw, "its time zones")
        return ended

    def _follow(self, raw: bytes, where: tuple[int, int], line: int) -> bool:
        folded = raw[:1] in (b" ", b"\t")
        word = b"" if folded else raw.split(b":", 1)[0].split(b";", 1)[0].strip().upper()
        value = raw.split(b":", 1)[1].strip().upper() if word in (b"BEGIN", b"END") else b""
        if self.depth == 0:
            self.depth = int(word == b"BEGIN" and value == b"VCALENDAR")
            return False
        if word == b"BEGIN":
            self.depth += 1
            if self.depth == 2:
                self.component, self.began, self.uid = value, (where[0], line), None
            return False
        if word == b"END":
            self.depth -= 1
            if self.depth == 1:
                self._component_done(where[1])
            return self.depth == 0
        if self.depth == 1:
            self._keep("header", raw, "its calendar properties")
        elif self.depth == 2 and self.component == b"VEVENT":
            self._uid_line(word, raw, folded)
        return False

    def _uid_line(self, word: bytes, raw: bytes, folded: bool) -> None:
        if folded and self.in_uid:
            self.uid = (self.uid or b"") + raw[1:].rstrip(b"\r\n")
        elif not folded:
            self.in_uid = word == b"UID" and self.uid is None
            if self.in_uid:
                self.uid = raw.split(b":", 1)[1].rstrip(b"\r\n") if b":" in raw else b""

    def _component_done(self, end: int) -> None:
        start, line = self.began
        scan = self.scan
        if self.component == b"VEVENT":
            if len(scan.spans) >= self.limits.occurrences:
                raise UnusableInput(
                    f"{scan.name} holds more than {self.limits.occurrences:,} events; "
                    "export a shorter period."
                )
            scan.series.setdefault(series_key(self.uid, line), []).append(len(scan.spans))
            scan.spans.append((start, end, line))
        self.in_uid = False

    def _keep(self, part: str, data: bytes, what: str) -> None:
        kept: bytearray = getattr(self.scan, part)
        if len(kept) + len(data) > self.limits.record_chars:
            raise UnusableInput(
                f"{self.scan.name} could not be read: {what} run past "
                f"{size_text(self.limits.record_chars)}, which no calendar writes."
            )
        kept += data  # in place: a copy of all kept so far for each line would be quadratic


def series_key(uid: bytes | None, line: int) -> bytes:
    """The events read together: one UID's. Looser than icalendar's own reading of a UID (case,
    escapes and spaces ignored), so a series is never split; the expander then tells apart two
    UIDs that land together. An event without a UID is a series of its own."""
    if uid is None or not uid.strip():
        return b"\x00line-%d" % line
    return uid.replace(b"\\", b"").replace(b" ", b"").replace(b"\t", b"").lower()


# How often each frequency recurs in a year: to tell, before expanding, what an event would cost.
PER_YEAR = {
    "YEARLY": 1,
    "MONTHLY": 12,
    "WEEKLY": 53,
    "DAILY": 366,
    "HOURLY": 366 * 24,
    "MINUTELY": 366 * 24 * 60,
    "SECONDLY": 366 * 24 * 3600,
}
BY_PARTS = (
    "BYMONTH",
    "BYWEEKNO",
    "BYYEARDAY",
    "BYMONTHDAY",
    "BYDAY",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
)


def expected_occurrences(event: Any, start: datetime, end: datetime) -> int:
    """At most how many occurrences an event has between start and end, from its RRULE alone
    (COUNT, or the frequency times the years, times every BY list): cheap, and never less."""
    rules = event.get("RRULE")
    if rules is None:
        return 1
    total = 1  # the event itself
    for rule in rules if isinstance(rules, list) else [rules]:
        frequency = str((rule.get("FREQ") or ["YEARLY"])[0]).upper()
        interval = max(1, int((rule.get("INTERVAL") or [1])[0] or 1))
        years = max(1.0, (end - start).days / 365)
        estimate = PER_YEAR.get(frequency, PER_YEAR["SECONDLY"]) * years / interval
        for part in BY_PARTS:
            estimate *= max(1, len(rule.get(part) or []))
        count = rule.get("COUNT")
        if count:
            estimate = min(estimate, int(count[0]))
        total += int(min(estimate, 1 << 40))
    return total + len(event.get("RDATE") or [])


def _people(component: Any) -> list[tuple[str, str, str]]:
    """(name, address, PARTSTAT) of the organizer and every attendee who is a person."""
    found = []
    attendees = component.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    organizer = component.get("ORGANIZER")
    for value in ([organizer] if organizer is not None else []) + attendees:
        params = getattr(value, "params", {})
        if str(params.get("CUTYPE", "INDIVIDUAL")).upper() in SKIPPED_CUTYPES:
            continue
        address = str(value).strip()
        if address.lower().startswith("mailto:"):
            address = address[7:]
        status = str(params.get("PARTSTAT", "ACCEPTED")).upper()
        found.append((str(params.get("CN", "")).strip().strip('"'), address, status))
    return found


def _readable_start(event: Any) -> bool:
    try:
        return isinstance(event.decoded("DTSTART", None), date)
    except Exception:  # a start icalendar kept but cannot turn into a date
        return False


def _start_of(event: Any) -> datetime | None:
    value = event.decoded("DTSTART", None)
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return timezone.make_aware(datetime.combine(value, time.min))
    return None


def _aware(value: datetime) -> datetime:
    if timezone.is_naive(value):  # a "floating" time: the owner's own zone
        return timezone.make_aware(value)
    return value


class CalendarReader:
    """Pass 2: one batch of whole series at a time (each UID's events, wherever they are in the
    file), parsed and expanded, so memory holds a batch and never the calendar."""

    def __init__(self, scan: CalendarScan) -> None:
        self.scan = scan
        self.path = scan.path
        self.summary = ImportSummary(source=SOURCE, file_name=scan.name)
        self.header = scan.header.decode(scan.encoding, errors="replace").replace("\x00", "")
        self.calendar = self._parse("")  # the calendar's own properties (X-WR-CALNAME)
        if scan.zones:  # parsed once: icalendar remembers each zone for the events that name it
            self._parse(scan.zones.decode(scan.encoding, errors="replace").replace("\x00", ""))
        # Problems found while reading, listed at the end in the file's order: what could not be
        # read first, then what repeats too often (as one whole reading of the file lists them).
        self.unreadable: list[tuple[int, str]] = []
        self.repeating: list[tuple[int, str]] = []
        self.expected = 0  # occurrences the events read so far may have, at most
        self.events_done = 0
        self.seen_any = False  # whether guess_owner's reading found any occurrence

    def _parse(self, body: str) -> icalendar.Calendar:
        text = f"BEGIN:VCALENDAR\r\n{self.header}{body}END:VCALENDAR\r\n"
        try:
            calendars = icalendar.Calendar.from_ical(text, multiple=True)
        except Exception as error:  # the parser fails in many ways on a broken file: one sentence
            reason = (str(error).strip().rstrip(".") or type(error).__name__)[:200]
            raise UnusableInput(
                f"{self.scan.name} could not be read as a calendar: {reason}."
            ) from None
        if not calendars:
            raise UnusableInput(f"{self.scan.name} holds no calendar.")
        return calendars[0]

    def batches(self) -> Iterator[list[int]]:
        """The events' indices, whole series at a time, series in the order they first appear."""
        batch: list[int] = []
        size, cap = 0, Limits.current().series_bytes
        for indices in self.scan.series.values():
            series_size = sum(self.scan.spans[i][1] - self.scan.spans[i][0] for i in indices)
            if series_size > cap:  # a series is parsed whole: this one would take the memory
                self.problem(
                    self.unreadable,
                    self.scan.spans[indices[0]][2],
                    f"event skipped: with its {len(indices) - 1:,} changed occurrences it is "
                    f"longer than {size_text(cap)}",
                )
                self.summary.add("events_skipped", len(indices))
                self.events_done += len(indices)
                continue
            batch += indices
            size += series_size
            if size >= BATCH_BYTES or len(batch) >= BATCH_EVENTS:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    def occurrences(self, progress: Progress | None = None) -> Iterator[Any]:
        """Every occurrence up to now, batch by batch. Progress is told in events read, every
        500 occurrences as well: it is also where a long import lets others write (turns.py)."""
        end, made, total = timezone.now(), 0, len(self.scan.spans)
        with self.path.open("rb") as handle:
            for batch in self.batches():
                calendar, lines = self.read_batch(handle, batch)
                self.check_events(calendar, lines)
                start = self.window(calendar, end)
                self.check_repeats(calendar, lines, end)
                for occurrence in self.expand(calendar, start, end):
                    yield occurrence
                    made += 1
                    if progress and made % 500 == 0:
                        progress(self.events_done, total)
                self.events_done += len(batch)
                if progress:
                    progress(self.events_done, total)

    def read_batch(self, handle: BinaryIO, batch: list[int]) -> tuple[icalendar.Calendar, dict]:
        parts = []
        for index in batch:
            start, end, _line = self.scan.spans[index]
            handle.seek(start)
            parts.append(handle.read(end - start))
        body = b"".join(parts).replace(b"\x00", b"")  # PostgreSQL refuses NUL in text columns
        del parts
        calendar = self._parse(body.decode(self.scan.encoding, errors="replace"))
        events = [c for c in calendar.subcomponents if c.name == "VEVENT"]
        spans = [self.scan.spans[i][2] for i in batch]
        lines = {id(e): spans[n] for n, e in enumerate(events) if n < len(spans)}
        return calendar, lines

    def problem(self, into: list[tuple[int, str]], line: int | None, message: str) -> None:
        into.append((line or 0, message))

    def list_problems(self) -> None:
        for found in (self.unreadable, self.repeating):
            for line, message in sorted(found, key=lambda p: p[0]):
                self.summary.problem(self.path.name, line or None, message)
        self.unreadable, self.repeating = [], []

    def check_events(self, calendar: icalendar.Calendar, lines: dict[int, int]) -> None:
        """List what could not be read; drop events whose start or UID cannot be read."""
        dropped: set[int] = set()
        for event in (c for c in calendar.subcomponents if c.name == "VEVENT"):
            line = lines.get(id(event))
            self.keep_first_of_each(event, line)
            broken = {name for name, _message in getattr(event, "errors", [])}
            for name, message in getattr(event, "errors", []):
                what = f"{name}: {message}" if name else message
                self.problem(self.unreadable, line, f"a line could not be read ({what})")
            if "DTSTART" in broken or "RRULE" in broken or not _readable_start(event):
                self.problem(
                    self.unreadable, line, "event skipped: its start time could not be read"
                )
                self.summary.add("events_skipped")
                dropped.add(id(event))
            elif not str(event.get("UID", "")).strip():
                event.pop("UID", None)  # an empty UID: added to, it would be two
                event.add("UID", f"line-{line}@{self.path.name}")
        if dropped:  # one pass: removing each from the list would cost its length every time
            calendar.subcomponents = [c for c in calendar.subcomponents if id(c) not in dropped]

    def keep_first_of_each(self, event: Any, line: int | None) -> None:
        """A property an event has once (its start, end, UID) written twice: the first counts."""
        for name in SINGLE:
            value = event.get(name)
            if isinstance(value, list):
                event.pop(name)
                if value:
                    event[name] = value[0]
                self.problem(
                    self.unreadable, line, f"{name} appears {len(value)} times; the first was used"
                )

    def check_repeats(
        self, calendar: icalendar.Calendar, lines: dict[int, int], end: datetime
    ) -> None:
        """Drop an event that would repeat more often than the limits allow (every second since
        1971, say), and refuse a calendar whose events would, together. Each event's count is
        estimated from its own start: the same bound, whichever batch it is read in."""
        limits = Limits.current()
        dropped: set[int] = set()
        for event in (c for c in calendar.subcomponents if c.name == "VEVENT"):
            try:
                expected = expected_occurrences(event, _start_of(event) or end, end)
            except (TypeError, ValueError, AttributeError, OverflowError):
                expected = 1 << 40  # a rule we cannot even estimate
            if expected > limits.occurrences:
                self.problem(
                    self.repeating,
                    lines.get(id(event)),
                    f"event skipped: it repeats more than {limits.occurrences:,} times",
                )
                self.summary.add("events_skipped")
                dropped.add(id(event))
            else:
                self.expected += expected
        if self.expected > limits.occurrences:
            raise UnusableInput(
                f"{self.path.name} holds more than {limits.occurrences:,} meetings up to today; "
                "export a shorter period."
            )
        if dropped:
            calendar.subcomponents = [c for c in calendar.subcomponents if id(c) not in dropped]

    def window(self, calendar: icalendar.Calendar, now: datetime) -> datetime:
        """From the batch's first start (what a whole reading took from the file's first)."""
        starts = [s for s in map(_start_of, calendar.walk("VEVENT")) if s is not None]
        return min(starts) if starts else now

    def expand(self, calendar: icalendar.Calendar, start: datetime, end: datetime) -> Iterator[Any]:
        """The batch's occurrences, series by series, made one at a time (a series that repeats
        100,000 times is not held as 100,000 copies of itself)."""
        try:
            query = recurring_ical_events.of(calendar, skip_bad_series=True)
            skip = tuple(query.suppressed_errors)
            for series in query.series:
                with suppress(*skip):  # as the expander does: a bad series is left out
                    for occurrence in series.between(start, end):
                        yield occurrence.as_component(False)
        except Exception as error:  # a rule the expander cannot follow: one sentence
            reason = (str(error).strip().rstrip(".") or type(error).__name__)[:200]
            raise UnusableInput(
                f"{self.path.name} could not be read: its repeating events could not be "
                f"expanded ({reason})."
            ) from None

    def guess_owner(self) -> set[str]:
        """The owner's address: the calendar's name (Google names it so), else the one address
        in more meetings than any other (a reading of its own, as nothing may be written yet)."""
        name = str(self.calendar.get("X-WR-CALNAME", ""))
        if address_key(name):
            return {address_key(name)}
        present: Counter[str] = Counter()
        for occurrence in CalendarReader(self.scan).occurrences():
            self.seen_any = True
            present.update({address_key(a) for _n, a, _s in _people(occurrence)} - {""})
        ranked = present.most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return {ranked[0][0]}
        return set()

    def meeting(self, occurrence: Any, own: set[str]) -> Meeting | None:
        start = occurrence.decoded("DTSTART")
        if not isinstance(start, datetime):
            self.summary.add("skipped_all_day")
            return None
        if str(occurrence.get("STATUS", "")).upper() == "CANCELLED":
            self.summary.add("skipped_cancelled")
            return None
        people = _people(occurrence)
        if any(address_key(a) in own and s == "DECLINED" for _n, a, s in people):
            self.summary.add("skipped_declined")
            return None
        when = _aware(start)
        uid = str(occurrence.get("UID", "")).strip()
        return Meeting(
            key=f"{uid}|{when.astimezone(UTC).isoformat()}",
            when=when,
            attendees=[(n, a) for n, a, s in people if s != "DECLINED"],
            subject=" ".join(str(occurrence.get("SUMMARY", "")).split()),
        )


@transaction.atomic
def import_ics(
    *, owner: AbstractBaseUser, path: Path, progress: Progress | None = None
) -> ImportSummary:
    """Import the meetings of an .ics file as interactions with the people in them."""
    path = Path(path)
    reader = CalendarReader(read_calendar(path))
    own, _keep_text = settings_addresses(owner)
    summary = reader.summary
    if not own:
        own = reader.guess_owner()
        if not own and reader.seen_any:
            raise UnusableInput(
                f"Hedgerow could not tell which attendee in {path.name} is you: add your "
                "address under Settings, and import again."
            )
        if own:
            remember_addresses(owner, own)
            summary.notes.append(
                f"Your address {', '.join(sorted(own))} was found in the calendar and saved in "
                "Settings."
            )
    run = start_run(owner=owner, source=SOURCE, file_name=path.name, digest=file_digest([path]))
    history = History.start(
        owner_id=int(owner.pk), own=own, source=CALENDAR_SOURCE, summary=summary, run=run
    )
    for occurrence in reader.occurrences(progress):
        meeting = reader.meeting(occurrence, history.own)
        if meeting is not None:
            history.add_meeting(meeting)
    reader.list_problems()
    history.finish()
    if summary.counts.get("interactions_created"):
        summary.notes.append(
            "Meetings up to today were imported; later ones come in with your next import."
        )
    finish_run(run, summary)
    return summary
