"""Reading LinkedIn's CSV files as they really are: preambles, ragged rows, odd dates, mojibake.

Everything here streams: a table is an iterator of rows, never a list, so a 200,000-message
export costs no more memory than a small one.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TextIO

import ftfy
from ftfy.badness import is_bad

from hedgerow.network.importers.dates import BadValue
from hedgerow.network.importers.limits import BoundedLines, Limits, size_text
from hedgerow.network.importers.text import peeked_lines, sniff_separator

__all__ = [
    "HEADER_SCAN_ROWS",
    "BadValue",
    "Table",
    "column_key",
    "has_columns",
    "is_blank",
    "open_table",
    "read_rows",
    "repair",
]

# How far down a file its header row may sit (Connections.csv starts with a "Notes:" text,
# which a spreadsheet may have split over many rows).
HEADER_SCAN_ROWS = 60
MAX_CSV_ERRORS = 50


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
    lines: Iterable[str],
    file: str,
    on_error: Callable[[str, int, str], None],
    separator: str = ",",
) -> Iterator[tuple[int, list[str]]]:
    """Rows with the physical line each starts on; a malformed row, or one with more columns
    than the limits allow, is reported and skipped."""
    limits = lines.limits if isinstance(lines, BoundedLines) else Limits.current()
    # Message bodies can be long, but a cell past the cap is a broken file, not a message.
    csv.field_size_limit(limits.field_chars)
    reader = csv.reader(lines, delimiter=separator)
    record_done = lines.record_done if isinstance(lines, BoundedLines) else None
    most_fields = limits.fields_per_record
    errors = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field limit" in str(error):
                # What follows an endless cell is its text read as rows: stop the file here.
                on_error(
                    file,
                    start,
                    f"a cell here is longer than {size_text(limits.field_chars)} (a quote that "
                    "never closes?), so this file was read only up to this line",
                )
                return
            errors += 1
            on_error(file, start, f"this line could not be read as CSV ({error})")
            if errors >= MAX_CSV_ERRORS:
                return
            continue
        finally:
            if record_done is not None:
                record_done()
        if len(row) > most_fields:
            errors += 1
            on_error(
                file,
                start,
                f"this row has {len(row):,} columns, more than the {limits.fields_per_record:,} "
                "we read, so it was skipped",
            )
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
    """Scan for the header row (the first one holding all `required` columns), with commas or,
    in a file a spreadsheet re-saved, semicolons or tabs between the columns."""
    head, lines = peeked_lines(handle, file=file)
    separator = sniff_separator(head, lambda row: has_columns(row, required), rows=HEADER_SCAN_ROWS)
    if separator is None:
        return None
    rows = read_rows(lines, file, on_error, separator)
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


def has_columns(row: list[str], required: Sequence[str]) -> bool:
    keys = {column_key(cell) for cell in row}
    return all(key in keys for key in required)


def is_blank(row: list[str]) -> bool:
    """Rows of only commas (or nothing) appear in real exports; they carry no data."""
    # Cell by cell: most rows answer at their first cell, without joining a message's text.
    return all(not cell or cell.isspace() for cell in row)


def repair(text: str) -> str:
    """Undo double-encoded UTF-8 ("JosÃ©" → "José") and CRLF inside quoted cells."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if text.isascii() or not is_bad(text):  # nothing to repair; the common cases
        # (fix_encoding returns such text as it is, after building its configuration: a
        # cost that shows at 30,000 connections with accented names.)
        return text.strip()
    return ftfy.fix_encoding(text).strip()
