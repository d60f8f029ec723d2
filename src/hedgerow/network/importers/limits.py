"""How much of a file an import will hold, so a hostile or broken file costs a sentence, not the
server: a 16 MiB name, a 1 MB zip that expands to 1 GiB, a card with 100,000 addresses.

The caps are settings (`HEDGEROW_IMPORT_LIMITS` in settings.py, a few overridable from the
environment); docs/user-guide.md lists them. Every reader checks them as it goes: a record past
its cap is a listed problem and is skipped, a file past its cap is UnusableInput naming the file
and the line.

No Django at import time: the process reading messages.csv may be a fresh interpreter.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, fields
from typing import Any, BinaryIO, TextIO, TypeVar, cast

T = TypeVar("T")

KB = 1 << 10
MB = 1 << 20
GB = 1 << 30


@dataclass(frozen=True)
class Limits:
    line_chars: int = 1 * MB  # one physical line of a CSV, vCard or calendar file
    field_chars: int = 256 * KB  # one CSV cell, one vCard property we keep
    record_chars: int = 1 * MB  # one CSV row (over all its lines), one vCard card's kept text
    fields_per_record: int = 1000  # columns of a CSV row, properties of one vCard card
    records: int = 200_000  # cards or rows of a contacts file (held until the import writes)
    zip_entries: int = 10_000  # files in a .zip archive
    zip_entry_bytes: int = 1 * GB  # one file in a .zip, uncompressed
    zip_total_bytes: int = 2 * GB  # all files in a .zip, uncompressed
    zip_ratio: int = 100  # how many times bigger than compressed a file in a .zip may become
    calendar_bytes: int = 64 * MB  # an .ics file (read twice: its parts found, then whole series)
    series_bytes: int = 4 * MB  # one calendar event with all its changed occurrences (read at once)
    occurrences: int = 100_000  # meetings expanded from all of a calendar's events

    @classmethod
    def current(cls) -> Limits:
        """The caps in force: the defaults above, as settings.HEDGEROW_IMPORT_LIMITS overrides."""
        from django.conf import settings

        overrides = getattr(settings, "HEDGEROW_IMPORT_LIMITS", {}) if settings.configured else {}
        known = {f.name for f in fields(cls)}
        return cls(**{k: int(v) for k, v in overrides.items() if k in known})


def size_text(n: int) -> str:
    """1048576 → "1 MB", 262144 → "256 KB", 1000 → "1,000 bytes" (as people say them)."""
    for unit, name in ((GB, "GB"), (MB, "MB"), (KB, "KB")):
        if n >= unit:
            return f"{n / unit:.3g} {name}"
    return f"{n:,} bytes"


def unusable(message: str) -> Exception:
    from hedgerow.network.importers.base import UnusableInput

    return UnusableInput(message)


class LineTooLong(ValueError):
    """A physical line past Limits.line_chars; carries the line number."""

    def __init__(self, line: int, cap: int) -> None:
        super().__init__(f"line {line} is longer than {size_text(cap)}")
        self.line = line


class BoundedLines:
    """A text stream's lines, none longer than `line_chars` (UnusableInput naming the file and
    line), and, when `record_chars` is set, no more than that many characters between two calls
    of `record_done()`: so a quoted CSV cell that never closes cannot take the memory."""

    def __init__(
        self, handle: TextIO, file: str, limits: Limits, first: Iterator[str] | None = None
    ) -> None:
        self.handle = handle
        self.file = file
        self.limits = limits
        self.first = first
        self.line = 0
        self.since_record = 0
        self.line_chars = limits.line_chars  # read for every line: an attribute, not a lookup
        self.record_chars = limits.record_chars

    def record_done(self) -> None:
        self.since_record = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        text = None
        if self.first is not None:  # the lines already peeked at, then the rest of the file
            text = next(self.first, None)
            if text is None:
                self.first = None
        if text is None:
            text = self.handle.readline(self.line_chars + 1)
        if not text:
            raise StopIteration
        if "\x00" in text:
            # A NUL has no place in a name or a note, and PostgreSQL refuses it in text columns.
            text = text.replace("\x00", "")
        self.line += 1
        size = len(text)
        if size > self.line_chars:
            raise unusable(
                f"{self.file} could not be read: line {self.line} is longer than "
                f"{size_text(self.limits.line_chars)}, which no export we know writes."
            )
        self.since_record += size
        if self.since_record > self.record_chars:
            raise unusable(
                f"{self.file} could not be read: the record that ends on line {self.line} is "
                f"longer than {size_text(self.limits.record_chars)} (a quote that never closes?)."
            )
        return text


# --- .zip archives ------------------------------------------------------------------------------

SUPPORTED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
# Below this a file's ratio says nothing (a tiny CSV of repeated commas compresses a lot).
RATIO_FLOOR = 1 * MB


def check_zip(archive: str, infos: list[zipfile.ZipInfo], wanted: set[str], limits: Limits) -> None:
    """Refuse, before reading a byte of them, an archive whose headers promise too much, and
    wanted files we could not read (encrypted, an unknown compression)."""
    if len(infos) > limits.zip_entries:
        raise unusable(
            f"{archive} holds {len(infos):,} files; the most an archive may hold is "
            f"{limits.zip_entries:,}."
        )
    total = sum(info.file_size for info in infos)
    if total > limits.zip_total_bytes:
        raise unusable(
            f"{archive} would expand to {size_text(total)}; the most an archive may hold is "
            f"{size_text(limits.zip_total_bytes)}."
        )
    for info in infos:
        if info.filename not in wanted:
            continue
        name = info.filename.rsplit("/", 1)[-1]
        if info.flag_bits & 0x1:
            raise unusable(f"{name} in {archive} is encrypted; export it again without a password.")
        if info.compress_type not in SUPPORTED_METHODS:
            raise unusable(
                f"{name} in {archive} is compressed in a way we cannot read (method "
                f"{info.compress_type}); export it again as an ordinary .zip."
            )
        if info.file_size > RATIO_FLOOR and info.file_size > limits.zip_ratio * max(
            info.compress_size, 1
        ):
            raise unusable(
                f"{name} in {archive} would expand {info.file_size // max(info.compress_size, 1):,}"
                f" times over, more than the {limits.zip_ratio} an export ever does."
            )
        if info.file_size > limits.zip_entry_bytes:
            raise unusable(
                f"{name} in {archive} would expand to {size_text(info.file_size)}; the most one "
                f"file may hold is {size_text(limits.zip_entry_bytes)}."
            )


class GuardedMember(io.RawIOBase):
    """A file inside a .zip, read with its size capped however its header lies, and every way a
    damaged archive fails (bad CRC, zlib errors, a cut-off file) turned into UnusableInput."""

    def __init__(self, opener: Callable[[], BinaryIO], archive: str, name: str, cap: int) -> None:
        super().__init__()
        self.archive = archive
        self.name = name
        self.cap = cap
        self.position = 0
        self.inner: BinaryIO = self._guard(opener)

    def _guard(self, call: Callable[[], T]) -> T:
        try:
            return call()
        except Exception as error:
            if type(error).__name__ == "UnusableInput":
                raise
            raise unusable(
                f"{self.name} in {self.archive} could not be read: the archive is damaged "
                f"({_reason(error)})."
            ) from None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._guard(lambda: self.inner.read(len(buffer)))
        self.position += len(data)
        if self.position > self.cap:
            raise unusable(
                f"{self.name} in {self.archive} expands past {size_text(self.cap)}, more than "
                "its header said; the archive is damaged or hostile."
            )
        buffer[: len(data)] = data
        return len(data)

    def tell(self) -> int:
        return self.position

    def close(self) -> None:
        if not self.closed:
            with suppress(Exception):  # closing a damaged member: nothing left to tell
                self.inner.close()
        super().close()


def _reason(error: Exception) -> str:
    text = str(error).strip().rstrip(".") or type(error).__name__
    return text[:200]


def open_guarded(
    zip_file: zipfile.ZipFile, info: zipfile.ZipInfo, archive: str, limits: Limits
) -> BinaryIO:
    """A buffered, guarded reader of one member (see GuardedMember)."""
    cap = min(info.file_size, limits.zip_entry_bytes)
    name = info.filename.rsplit("/", 1)[-1]
    raw = GuardedMember(lambda: cast(BinaryIO, zip_file.open(info)), archive, name, cap)
    return cast(BinaryIO, io.BufferedReader(raw, 1 << 16))
