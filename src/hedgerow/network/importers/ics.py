"""iCalendar files (Google Calendar export and others): meetings with other people.

An event with attendees other than the owner is a meeting with each of them, one interaction per
occurrence and person (rule N10). All-day blocks, cancelled events, events the owner declined and
events without anyone else are left out; so are attendees who declined, rooms and resources.
Recurring events are expanded by `recurring-ical-events` from the first event in the file up to
now: a meeting that has not happened yet is not history, and the next import picks it up.

`icalendar` reads leniently and records what it could not read on each event; such lines are
listed with the line the event begins on, and an event whose start cannot be read is skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

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
_EVENT_START = re.compile(r"^BEGIN:VEVENT\s*$", re.IGNORECASE | re.MULTILINE)


def read_calendar(path: Path) -> tuple[str, icalendar.Calendar]:
    if not path.is_file():
        raise UnusableInput(f"There is no file at {path}.")
    limits = Limits.current()
    size = path.stat().st_size
    if size > limits.calendar_bytes:
        # A calendar is read whole (its repeating events refer to one another), so it is capped.
        raise UnusableInput(
            f"{path.name} is {size_text(size)}; the biggest calendar we read is "
            f"{size_text(limits.calendar_bytes)}, so export a shorter period."
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    del raw
    text = text.replace("\x00", "")  # PostgreSQL refuses NUL in text columns; no calendar means one
    if "BEGIN:VCALENDAR" not in text[:4096].upper():
        raise UnusableInput(f"{path.name} is not an iCalendar file: it has no BEGIN:VCALENDAR.")
    longest = max(map(len, text.splitlines()), default=0)
    if longest > limits.line_chars:
        raise UnusableInput(
            f"{path.name} could not be read: it has a line longer than "
            f"{size_text(limits.line_chars)}, which no calendar writes."
        )
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as error:  # the parser fails in many ways on a broken file: one sentence
        reason = (str(error).strip().rstrip(".") or type(error).__name__)[:200]
        raise UnusableInput(f"{path.name} could not be read as a calendar: {reason}.") from None
    if not calendars:
        raise UnusableInput(f"{path.name} holds no calendar.")
    return text, calendars[0]


def _event_lines(text: str) -> list[int]:
    """The line each VEVENT begins on, in file order (counted once through: linear)."""
    lines, line, counted = [], 1, 0
    for match in _EVENT_START.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        lines.append(line)
    return lines


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


def _aware(value: datetime) -> datetime:
    if timezone.is_naive(value):  # a "floating" time: the owner's own zone
        return timezone.make_aware(value)
    return value


class CalendarReader:
    def __init__(self, *, path: Path, text: str, calendar: icalendar.Calendar) -> None:
        self.path = path
        self.calendar = calendar
        self.lines = _event_lines(text)
        self.summary = ImportSummary(source=SOURCE, file_name=path.name)

    def check_events(self) -> None:
        """List what could not be read; drop events whose start or UID cannot be read."""
        events = [c for c in self.calendar.subcomponents if c.name == "VEVENT"]
        dropped: set[int] = set()
        for index, event in enumerate(events):
            line = self.lines[index] if index < len(self.lines) else None
            self.keep_first_of_each(event, line)
            broken = {name for name, _message in getattr(event, "errors", [])}
            for name, message in getattr(event, "errors", []):
                what = f"{name}: {message}" if name else message
                self.summary.problem(self.path.name, line, f"a line could not be read ({what})")
            if "DTSTART" in broken or "RRULE" in broken or not _readable_start(event):
                self.summary.problem(
                    self.path.name, line, "event skipped: its start time could not be read"
                )
                self.summary.add("events_skipped")
                dropped.add(id(event))
            elif not str(event.get("UID", "")).strip():
                event.pop("UID", None)  # an empty UID: added to, it would be two
                event.add("UID", f"line-{line}@{self.path.name}")
        if dropped:  # one pass: removing each from the list would cost its length every time
            self.calendar.subcomponents = [
                c for c in self.calendar.subcomponents if id(c) not in dropped
            ]

    def keep_first_of_each(self, event: Any, line: int | None) -> None:
        """A property an event has once (its start, end, UID) written twice: the first counts."""
        for name in SINGLE:
            value = event.get(name)
            if isinstance(value, list):
                event.pop(name)
                if value:
                    event[name] = value[0]
                self.summary.problem(
                    self.path.name, line, f"{name} appears {len(value)} times; the first was used"
                )

    def check_repeats(self, start: datetime, end: datetime) -> None:
        """Drop an event that would repeat more often than the limits allow (every second since
        1971, say), and refuse a calendar whose events would, together."""
        limits = Limits.current()
        events = [c for c in self.calendar.subcomponents if c.name == "VEVENT"]
        lines = {id(e): self.lines[i] for i, e in enumerate(events) if i < len(self.lines)}
        dropped: set[int] = set()
        total = 0
        for event in events:
            try:
                expected = expected_occurrences(event, start, end)
            except (TypeError, ValueError, AttributeError):
                expected = 1 << 40  # a rule we cannot even estimate
            if expected > limits.occurrences:
                self.summary.problem(
                    self.path.name,
                    lines.get(id(event)),
                    f"event skipped: it repeats more than {limits.occurrences:,} times",
                )
                self.summary.add("events_skipped")
                dropped.add(id(event))
            else:
                total += expected
        if total > limits.occurrences:
            raise UnusableInput(
                f"{self.path.name} holds more than {limits.occurrences:,} meetings up to today; "
                "export a shorter period."
            )
        if dropped:
            self.calendar.subcomponents = [
                c for c in self.calendar.subcomponents if id(c) not in dropped
            ]

    def window(self) -> tuple[datetime, datetime]:
        starts = []
        for event in self.calendar.walk("VEVENT"):
            value = event.decoded("DTSTART", None)
            if isinstance(value, datetime):
                starts.append(_aware(value))
            elif isinstance(value, date):
                starts.append(timezone.make_aware(datetime.combine(value, time.min)))
        now = timezone.now()
        return (min(starts) if starts else now), now

    def occurrences(self) -> list[Any]:
        start, end = self.window()
        self.check_repeats(start, end)
        try:
            query = recurring_ical_events.of(self.calendar, skip_bad_series=True)
            return list(query.between(start, end))
        except Exception as error:  # a rule the expander cannot follow: one sentence
            reason = (str(error).strip().rstrip(".") or type(error).__name__)[:200]
            raise UnusableInput(
                f"{self.path.name} could not be read: its repeating events could not be "
                f"expanded ({reason})."
            ) from None

    def guess_owner(self, occurrences: list[Any]) -> set[str]:
        name = str(self.calendar.get("X-WR-CALNAME", ""))
        if address_key(name):
            return {address_key(name)}
        present: Counter[str] = Counter()
        for occurrence in occurrences:
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
    text, calendar = read_calendar(path)
    reader = CalendarReader(path=path, text=text, calendar=calendar)
    reader.check_events()
    occurrences = reader.occurrences()
    own, _keep_text = settings_addresses(owner)
    summary = reader.summary
    if not own:
        own = reader.guess_owner(occurrences)
        if not own and occurrences:
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
    total = len(occurrences)
    for done, occurrence in enumerate(occurrences, start=1):
        meeting = reader.meeting(occurrence, history.own)
        if meeting is not None:
            history.add_meeting(meeting)
        if progress and (done % 500 == 0 or done == total):
            progress(done, total)
    history.finish()
    if summary.counts.get("interactions_created"):
        summary.notes.append(
            "Meetings up to today were imported; later ones come in with your next import."
        )
    finish_run(run, summary)
    return summary
