"""Reading LinkedIn's CSV files as they really are: preambles, ragged rows, odd dates, mojibake.

Everything here streams: a table is an iterator of rows, never a list, so a 200,000-message
export costs no more memory than a small one.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import TextIO

import ftfy
from ftfy.badness import is_bad

# Message bodies can be long; the csv module's default limit (128 KiB) is not enough.
csv.field_size_limit(64 * 1024 * 1024)

# How far down a file its header row may sit (Connections.csv starts with a "Notes:" text,
# which a spreadsheet may have split over many rows).
HEADER_SCAN_ROWS = 60
MAX_CSV_ERRORS = 50

MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


class BadValue(ValueError):
    """A cell we cannot use; the message names the field and shows the value."""


def column_key(cell: str) -> str:
    """ "Email Address", "EMAIL ADDRESS", "\ufeffemail_address" all become "emailaddress"."""
    return re.sub(r"[^a-z0-9]", "", cell.casefold())


@dataclass
class Table:
    """A CSV file's header (by column key) and its data rows with their physical line numbers."""

    file: str
    columns: dict[str, int]
    rows: Iterator[tuple[int, list[str]]]

    def has(self, key: str) -> bool:
        return key in self.columns

    def picker(self, keys: Sequence[str]) -> Callable[[list[str]], tuple[str, ...]]:
        """A function giving the named cells of a row, "" for absent columns or short rows."""
        width = max(self.columns.values(), default=-1) + 1
        blank = width  # padding puts an empty cell here, so missing columns read as ""
        indexes = [self.columns.get(key, blank) for key in keys]
        get = itemgetter(*indexes)
        pad = [""] * (width + 1)
        single = len(indexes) == 1

        def pick(row: list[str]) -> tuple[str, ...]:
            if len(row) != width:
                row = (row + pad)[:width]
            row.append("")
            return (get(row),) if single else get(row)

        return pick


def read_rows(
    handle: TextIO, file: str, on_error: Callable[[str, int, str], None]
) -> Iterator[tuple[int, list[str]]]:
    """Rows with the physical line each starts on; a malformed row is reported and skipped."""
    reader = csv.reader(handle)
    errors = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            errors += 1
            on_error(file, start, f"this line could not be read as CSV ({error})")
            if errors >= MAX_CSV_ERRORS:
                return
            continue
        yield start, row


def open_table(
    handle: TextIO,
    file: str,
    required: Sequence[str],
    on_error: Callable[[str, int, str], None],
) -> Table | None:
    """Scan for the header row (the first one holding all `required` columns)."""
    rows = read_rows(handle, file, on_error)
    for _ in range(HEADER_SCAN_ROWS):
        found = next(rows, None)
        if found is None:
            break
        keys = [column_key(cell) for cell in found[1]]
        if all(key in keys for key in required):
            columns: dict[str, int] = {}
            for index, key in enumerate(keys):
                if key:
                    columns.setdefault(key, index)
            return Table(file=file, columns=columns, rows=rows)
    return None


def is_blank(row: list[str]) -> bool:
    """Rows of only commas (or nothing) appear in real exports; they carry no data."""
    return not "".join(row).strip()


def repair(text: str) -> str:
    """Undo double-encoded UTF-8 ("JosÃ©" → "José") and CRLF inside quoted cells."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if text.isascii() or not is_bad(text):  # nothing to repair; the common cases
        # (fix_encoding returns such text as it is, after building its configuration: a
        # cost that shows at 30,000 connections with accented names.)
        return text.strip()
    return ftfy.fix_encoding(text).strip()


# --- dates -------------------------------------------------------------------------------------


def parse_connected_on(text: str) -> date | None:
    """ "15 Jan 2024" (also ISO and "1/15/2024", which spreadsheets write); "" is no date."""
    text = text.strip()
    if not text:
        return None
    parts = text.replace("-", " ").split()
    if (
        len(parts) == 3
        and parts[1][:3].casefold() in MONTHS
        and parts[0].isdigit()
        and parts[2].isdigit()
    ):
        year = int(parts[2])
        year = year + 2000 if year < 100 else year
        return _date(year, MONTHS[parts[1][:3].casefold()], int(parts[0]), text, "15 Jan 2024")
    return _fallback_date(text, "15 Jan 2024")


def parse_position_date(text: str) -> date | None:
    """ "Jan 2020", "2020" or ISO; "" (still there) is no date."""
    text = text.strip()
    if not text:
        return None
    parts = text.split()
    if len(parts) == 1 and text.isdigit() and len(text) == 4:
        return _date(int(text), 1, 1, text, "Jan 2020")
    if len(parts) == 2 and parts[0][:3].casefold() in MONTHS and parts[1].isdigit():
        return _date(int(parts[1]), MONTHS[parts[0][:3].casefold()], 1, text, "Jan 2020")
    return _fallback_date(text, "Jan 2020")


def parse_invitation_time(text: str) -> datetime:
    """ "9/25/26, 8:52 AM" (LinkedIn writes US dates with a two-digit year), naive."""
    text = " ".join(text.replace(",", " ").split())
    for pattern in ("%m/%d/%y %I:%M %p", "%m/%d/%Y %I:%M %p", "%m/%d/%y %H:%M", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, pattern)  # noqa: DTZ007 - made aware by the caller
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise BadValue('is not a date like "9/25/26, 8:52 AM"') from None


def parse_message_time(text: str) -> datetime:
    """ "2023-06-11 15:33:58 UTC" → aware UTC datetime; the fast path matters at 200k rows."""
    if text.endswith(" UTC"):
        text = text[:-4]
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadValue('is not a date like "2023-06-11 15:33:58 UTC"') from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _date(year: int, month: int, day: int, text: str, example: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise BadValue(f'is not a date like "{example}"') from None


def _fallback_date(text: str, example: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.strptime(text, "%m/%d/%Y").date()  # noqa: DTZ007 - a calendar day
    except ValueError:
        raise BadValue(f'is not a date like "{example}"') from None
