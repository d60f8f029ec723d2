"""Connections.csv read into compact batches: the same in process and in the worker process.

Parsing 30,000 connections (CSV, dates, name parts, URLs, emails) is most of what importing them
costs, and none of it needs the database, so a big archive's worker (see linkedin_messages) does
it first, before messages.csv, while the importer starts. The importer only decides who each row
is (a contact it has, or a new one), what changed, and writes.

Like linkedin_messages, this module imports no Django, so a spawned worker can load it.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, BinaryIO

from hedgerow.network.identity import NameParts, name_parts, normalize_email
from hedgerow.network.importers.linkedin_csv import (
    BadValue,
    FileProblem,
    Header,
    Table,
    is_blank,
    open_table,
    parse_connected_on,
    profile_url,
    repair,
)

if TYPE_CHECKING:
    from hedgerow.network.importers.linkedin_archive import Archive

# The columns that identify Connections.csv's header row (keys as linkedin_csv.column_key makes
# them).
CONNECTION_HEADER = ("firstname", "lastname", "connectedon")
COLUMNS = ("firstname", "lastname", "url", "emailaddress", "company", "position", "connectedon")
BATCH_ROWS = 1000  # connections per batch: the importer starts on the first ones early
_SLUG_WORD = re.compile(r"^[^\W\d_]+$")

# One usable connection, every value as the contact keeps it: (profile URL, display name in
# full (to find them by), first name, last name, credentials, name for a new contact, company,
# position, connected on, normalized email (in full; "" when none)).
Connection = tuple[str, str, str, str, str, str, str, str, date | None, str]
# A row whose Connected On is unreadable: (profile URL, display name). Not imported, but the
# person stays connected (a typo never ends a connection).
Unreadable = tuple[str, str]


@dataclass
class ConnectionBatch:
    rows: list[Connection | Unreadable]  # in the file's order
    problems: list[FileProblem]
    position: int  # bytes of the file read so far, for progress
    last: bool  # the file's last batch


def name_from_slug(url: str) -> NameParts:
    """ "…/in/ana-ruiz-4b2a1" → Ana Ruiz: a readable name for someone we only know by URL."""
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    words = [w.capitalize() for w in slug.split("-") if _SLUG_WORD.match(w)]
    if not words:
        return NameParts(first=slug, last="", credentials="")
    return NameParts(
        first=" ".join(words[:-1]) or words[0],
        last=words[-1] if len(words) > 1 else "",
        credentials="",
    )


@dataclass
class ConnectionParser:
    """Connections.csv rows → Connection tuples, with problems by file and physical line."""

    file: str
    problems: list[FileProblem] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)

    def problem(self, file: str, line: int, message: str) -> None:
        self.problems.append((file, line, message))

    def batches(self, table: Table, binary: BinaryIO) -> Iterator[ConnectionBatch]:
        pick = table.picker(COLUMNS)
        connection = self.connection
        rows: list[Connection | Unreadable] = []
        for line, row in table.rows:
            if not is_blank(row) and (found := connection(line, pick(row))) is not None:
                rows.append(found)
            if len(rows) >= BATCH_ROWS:
                yield self.batch(rows, binary.tell(), last=False)
                rows = []
        yield self.batch(rows, binary.tell(), last=True)

    def batch(
        self, rows: list[Connection | Unreadable], position: int, *, last: bool
    ) -> ConnectionBatch:
        batch = ConnectionBatch(rows=rows, problems=self.problems, position=position, last=last)
        self.problems = []
        return batch

    def connection(self, line: int, cells: tuple[str, ...]) -> Connection | Unreadable | None:
        first, last, url_raw, email, company, position, connected_raw = cells
        url = self.url(url_raw)
        parts = name_parts(repair(first), repair(last))
        display = parts.display  # a property that looks at every letter: once, not thrice
        if not url and not display:
            self.problem(self.file, line, "First Name, Last Name and URL are all empty")
            return None
        try:
            connected_on = parse_connected_on(connected_raw)
        except BadValue as error:
            self.problem(self.file, line, f'Connected On "{connected_raw}" {error}')
            return (url, display)
        return (
            url,
            display,
            parts.first[:150],
            parts.last[:150],
            parts.credentials[:100],
            display[:300] or name_from_slug(url).display,
            repair(company)[:300],
            repair(position)[:300],
            connected_on,
            normalize_email(email),
        )

    def url(self, raw: str) -> str:
        url = self.urls.get(raw)
        if url is None:
            url = self.urls[raw] = profile_url(raw)
        return url


def read_connections(archive: Archive) -> Generator[Header | ConnectionBatch]:
    """The archive's Connections.csv (which it must have) as a Header, then, when the header row
    was found, ConnectionBatches up to the one marked last."""
    member = archive.members["connections"]
    with archive.open_text(member) as (handle, binary):
        parser = ConnectionParser(file=member.name)
        table = open_table(handle, member.name, CONNECTION_HEADER, parser.problem)
        yield Header(member.name, table is not None, False, parser.problems)
        parser.problems = []
        if table is not None:
            yield from parser.batches(table, binary)
