"""Google Contacts CSV exports, merged into contacts.

Google has exported two header families: the old one ("Name, Given Name, Family Name, …,
E-mail 1 - Type, Organization 1 - Name, Group Membership") and the current one ("First Name,
Last Name, …, E-mail 1 - Label, Organization Name, Labels"). Columns are found by name, ignoring
case, so both (and reordered or trimmed variants) read the same way. Cells holding several values
separate them with " ::: ".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.contrib.auth.models import AbstractBaseUser

from hedgerow.network.importers.base import ImportSummary, Problem, Progress, UnusableInput
from hedgerow.network.importers.limits import Limits
from hedgerow.network.importers.merge import Card, ParsedFile, import_cards
from hedgerow.network.importers.text import (
    SNIFF_BYTES,
    peeked_lines,
    sniff_encoding,
    sniff_separator,
    text_stream,
)

SOURCE = "google"
KIND = "Google Contacts CSV file"
MULTI = ":::"
_NUMBERED = re.compile(r"^(e-mail|phone|website) (\d+) - (type|label|value)$")
_NAME_COLUMNS = ("name", "given name", "family name", "first name", "last name")
_GROUP_COLUMNS = ("group membership", "labels")
# Every contact carries this system group; it says nothing about the person.
_SYSTEM_GROUPS = {"mycontacts"}


@dataclass
class Columns:
    """Where each field sits in this file's header, whichever family it belongs to."""

    index: dict[str, int]
    too_wide: bool = False
    emails: list[tuple[int | None, int]] = field(default_factory=list)  # (label, value) columns
    phones: list[tuple[int | None, int]] = field(default_factory=list)
    websites: list[tuple[int | None, int]] = field(default_factory=list)

    @classmethod
    def from_header(cls, header: list[str]) -> Columns:
        index: dict[str, int] = {}
        numbered: dict[tuple[str, int], dict[str, int]] = {}
        for position, title in enumerate(header):
            key = " ".join(title.strip().lower().split())
            index.setdefault(key, position)
            if match := _NUMBERED.match(key):
                kind, number, part = match.group(1), int(match.group(2)), match.group(3)
                part = "label" if part == "type" else part
                numbered.setdefault((kind, number), {})[part] = position
        columns = cls(index=index)
        for (kind, _number), parts in sorted(numbered.items()):
            if "value" in parts:
                target = {"e-mail": columns.emails, "phone": columns.phones}.get(kind)
                (columns.websites if target is None else target).append(
                    (parts.get("label"), parts["value"])
                )
        return columns

    @property
    def usable(self) -> bool:
        has_name = any(name in self.index for name in _NAME_COLUMNS)
        has_google_column = bool(self.emails) or any(g in self.index for g in _GROUP_COLUMNS)
        return has_name and has_google_column

    @property
    def wide_or_usable(self) -> bool:
        """Usable, or so wide that the importer refuses it with its width (see _header)."""
        return self.too_wide or self.usable

    def cell(self, row: list[str], *names: str) -> str:
        """The first non-empty cell among the given column names."""
        for name in names:
            position = self.index.get(name)
            if position is not None and position < len(row) and row[position].strip():
                return row[position].strip()
        return ""


def import_google_csv(
    *, owner: AbstractBaseUser, path: Path, progress: Progress | None = None
) -> ImportSummary:
    """Import a Google Contacts CSV; see merge.py for how rows meet existing contacts."""
    parsed = read_google_csv(path)
    return import_cards(owner=owner, path=path, source=SOURCE, parsed=parsed, progress=progress)


def read_google_csv(path: Path) -> ParsedFile:
    """All rows as cards, with a problem (and physical line number) for each unusable row. The
    file is streamed: no line, cell or row may be bigger than the limits allow (limits.Limits)."""
    if not path.is_file():
        raise UnusableInput(f"There is no file at {path}.")
    limits = Limits.current()
    with path.open("rb") as binary:
        encoding = sniff_encoding(binary.read(SNIFF_BYTES), path.name, KIND)
        binary.seek(0)
        handle = text_stream(binary, encoding)
        try:
            return _read_stream(handle, path.name, limits)
        finally:
            handle.detach()


def _read_stream(handle: TextIO, file: str, limits: Limits) -> ParsedFile:
    head, lines = peeked_lines(handle, file=file, limits=limits)
    # Re-saved by a spreadsheet, the columns may be separated by semicolons or tabs.
    separator = sniff_separator(head, lambda row: _header(row, limits).wide_or_usable, rows=1)
    if separator is None:
        raise UnusableInput(
            f"{file} is not a {KIND}: its first line lacks the name and e-mail columns "
            "Google exports (such as “First Name” and “E-mail 1 - Value”), with commas, "
            "semicolons or tabs between them."
        )
    csv.field_size_limit(limits.field_chars)
    reader = csv.reader(lines, delimiter=separator)
    columns = _header(next(reader), limits)
    if len(columns.index) > limits.fields_per_record:
        raise UnusableInput(
            f"{file} has {len(columns.index):,} columns in its first line; a contacts file "
            f"has at most {limits.fields_per_record:,}."
        )
    parsed = ParsedFile(cards=[], problems=[])
    while True:
        # A quoted cell may span lines, so a row starts just after the previous one ended.
        line = reader.line_num + 1
        lines.record_done()
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            message = f"The file cannot be read from here on ({error}); earlier rows were imported."
            parsed.problems.append(Problem(file=file, line=line, message=message))
            break
        if len(row) > limits.fields_per_record:
            message = (
                f"This row has {len(row):,} columns, more than the {limits.fields_per_record:,} "
                "we read, so it was skipped."
            )
            parsed.problems.append(Problem(file=file, line=line, message=message))
            parsed.skipped += 1
            continue
        if len(parsed.cards) + parsed.skipped >= limits.records:
            raise UnusableInput(
                f"{file} holds more than {limits.records:,} contacts (line {line}); split it "
                "into smaller files and import each."
            )
        _read_row(row, line, columns, file, parsed)
    return parsed


def _header(row: list[str], limits: Limits) -> Columns:
    """The columns of a header row; one far too wide is cut, then refused by its width."""
    if len(row) > limits.fields_per_record:
        return Columns(index={str(i): i for i in range(len(row))}, too_wide=True)
    return Columns.from_header(row)


def _read_row(row: list[str], line: int, columns: Columns, file: str, parsed: ParsedFile) -> None:
    if not any(cell.strip() for cell in row):
        return  # blank lines and rows of only commas are not cards
    card = _card_from(row, line, columns, file)
    if not card.usable:
        parsed.problems.append(
            Problem(
                file=file,
                line=line,
                message="This row has neither a name nor an email address, so it was skipped.",
            )
        )
        parsed.skipped += 1
        return
    parsed.problems.extend(
        Problem(
            file=file,
            line=line,
            message=f"“{raw}” is not an email address; the rest of this row was imported.",
        )
        for raw in card.rejected_emails
    )
    parsed.cards.append(card)


def _card_from(row: list[str], line: int, columns: Columns, file: str) -> Card:
    cell = columns.cell
    given = _words(
        cell(row, "given name", "first name"), cell(row, "additional name", "middle name")
    )
    family = cell(row, "family name", "last name")
    # The old family has a display "Name"; the new one is composed from its parts.
    name = cell(row, "name") or _words(given, family)
    return Card.build(
        name=name or cell(row, "nickname", "file as"),
        first_name=given,
        last_name=family,
        credentials=cell(row, "name suffix"),
        emails=_labelled_values(row, columns.emails),
        phones=_labelled_values(row, columns.phones),
        company=cell(row, "organization 1 - name", "organization name"),
        position=cell(row, "organization 1 - title", "organization title"),
        urls=[value for value, _label in _labelled_values(row, columns.websites)],
        notes=cell(row, "notes"),
        tags=_tags(cell(row, *_GROUP_COLUMNS)),
        line=line,
        file=file,
    )


def _labelled_values(row: list[str], pairs: list[tuple[int | None, int]]) -> list[tuple[str, str]]:
    """(value, label) for every value, splitting " ::: " cells; labels lose Google's "* "."""
    found: list[tuple[str, str]] = []
    for label_at, value_at in pairs:
        values = _split(_at(row, value_at))
        labels = [label.lstrip("* ").strip() for label in _split(_at(row, label_at))]
        for position, value in enumerate(values):
            label = labels[min(position, len(labels) - 1)] if labels else ""
            found.append((value, label))
    return found


def _tags(cell: str) -> list[str]:
    names = (group.lstrip("* ").strip() for group in _split(cell))
    return [name for name in names if name and name.casefold() not in _SYSTEM_GROUPS]


def _words(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(MULTI) if part.strip()]


def _at(row: list[str], position: int | None) -> str:
    if position is None or position >= len(row):
        return ""
    return row[position]
