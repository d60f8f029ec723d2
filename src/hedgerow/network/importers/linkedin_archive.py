"""Finding the LinkedIn export files in a .zip, an unpacked folder or a single CSV file, and
reading them as text.

Real archives put the files in a sub-folder and vary the names' case and spacing
("Connections.csv", "connections.csv", "Connections .csv", 2018's "Messages.csv"), so files are
found by their basename, case-insensitively and ignoring spaces, anywhere in the archive. A CSV
file on its own (a bare Connections.csv, or "Connections (1).csv" as a browser saves it twice) is
known by its name or, failing that, by its header row.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO, TextIO

from hedgerow.network.importers.base import UnusableInput, file_digest
from hedgerow.network.importers.limits import Limits, check_zip, open_guarded
from hedgerow.network.importers.linkedin_csv import HEADER_SCAN_ROWS, has_columns
from hedgerow.network.importers.text import (
    SNIFF_BYTES,
    sniff_encoding,
    sniff_separator,
    text_stream,
)

# The export files we use, by their basename in lower case without spaces.
WANTED = {
    "connections.csv": "connections",
    "invitations.csv": "invitations",
    "messages.csv": "messages",
    "positions.csv": "positions",
    "profile.csv": "profile",
}
# What tells each kind of file by its header, for a CSV whose name does not (as
# linkedin_csv.column_key makes the column names).
KIND_COLUMNS = {
    "connections": ("firstname", "lastname", "connectedon"),
    "invitations": ("from", "to", "sentat", "direction"),
    "messages": ("from", "to", "date"),
    "positions": ("companyname", "title", "startedon"),
}
_DOWNLOADED_TWICE = re.compile(r" ?\(\d+\)(?=\.csv$)")


def file_key(name: str) -> str:
    """ "Export/Connections (1).csv" → "connections.csv"."""
    base = _DOWNLOADED_TWICE.sub("", name.rsplit("/", 1)[-1].casefold())
    return base.replace(" ", "")


@dataclass(frozen=True)
class Member:
    kind: str  # "connections", "messages", ...
    path: str  # where it sits: the name inside the zip, or the path inside the folder
    size: int

    @property
    def name(self) -> str:
        """The file name as the person sees it, for problems ("Connections.csv")."""
        return self.path.rsplit("/", 1)[-1]


class Archive:
    """The LinkedIn files in one input; subclasses know how to open them."""

    def __init__(self, path: Path, members: dict[str, Member]) -> None:
        self.path = path
        self.members = members

    @property
    def total_size(self) -> int:
        return sum(m.size for m in self.members.values())

    def open_binary(self, member: Member) -> BinaryIO:
        raise NotImplementedError

    def digest(self) -> str:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the archive holds open (the zip file)."""

    @contextmanager
    def open_text(self, member: Member) -> Iterator[tuple[TextIO, BinaryIO]]:
        """The member as text, and its binary stream (whose tell() measures progress)."""
        encoding = self._encoding(member)
        with self.open_binary(member) as binary:
            text = text_stream(binary, encoding)
            try:
                yield text, binary
            finally:
                text.detach()

    def _encoding(self, member: Member) -> str:
        # Exports are UTF-8 (often with a BOM); a file re-saved by a spreadsheet may be UTF-16 or
        # a Windows code page, which would otherwise turn every accent into a replacement sign.
        with self.open_binary(member) as binary:
            head = binary.read(SNIFF_BYTES)
        return sniff_encoding(head, member.name)


class ZipArchive(Archive):
    def __init__(self, path: Path) -> None:
        self.limits = Limits.current()
        try:
            self.zip = zipfile.ZipFile(path)
            infos = [info for info in self.zip.infolist() if not info.is_dir()]
        except Exception as error:  # a damaged archive fails in many ways: each is one sentence
            raise UnusableInput(
                f"{path.name} is not a readable .zip archive ({_reason(error)})."
            ) from None
        self.infos = {info.filename: info for info in infos}
        found = [(info.filename, info.file_size) for info in infos]
        members = pick_members(found)
        try:
            check_zip(path.name, infos, {m.path for m in members.values()}, self.limits)
        except UnusableInput:
            self.zip.close()
            raise
        super().__init__(path, members)

    def open_binary(self, member: Member) -> BinaryIO:
        return open_guarded(self.zip, self.infos[member.path], self.path.name, self.limits)

    def digest(self) -> str:
        return file_digest([self.path])

    def close(self) -> None:
        self.zip.close()


class FolderArchive(Archive):
    def __init__(self, path: Path) -> None:
        found = []
        for folder, _dirs, files in os.walk(path):
            for name in files:
                if file_key(name) in WANTED:
                    full = Path(folder) / name
                    found.append((full.relative_to(path).as_posix(), full.stat().st_size))
        super().__init__(path, pick_members(found))

    def open_binary(self, member: Member) -> BinaryIO:
        return (self.path / member.path).open("rb")

    def digest(self) -> str:
        members = sorted(self.members.values(), key=lambda m: m.path)
        return file_digest(self.path / member.path for member in members)


def _reason(error: Exception) -> str:
    return (str(error).strip().rstrip(".") or type(error).__name__)[:200]


def pick_members(found: list[tuple[str, int]]) -> dict[str, Member]:
    """One file per kind; when a name appears twice, the shallowest (then first) path wins."""
    members: dict[str, Member] = {}
    for path, size in sorted(found, key=lambda item: (item[0].count("/"), item[0])):
        kind = WANTED.get(file_key(path))
        if kind and kind not in members and "__MACOSX" not in path:
            members[kind] = Member(kind=kind, path=path, size=size)
    return members


class FileArchive(Archive):
    """One CSV file on its own, as if it were an archive holding just that file."""

    def __init__(self, path: Path) -> None:
        kind = WANTED.get(file_key(path.name)) or _kind_by_header(path)
        if kind is None:
            raise UnusableInput(
                f"{path.name} is not a LinkedIn export file: its name is none of "
                "Connections.csv, messages.csv, Invitations.csv, Positions.csv or Profile.csv, "
                "and it has none of their header rows."
            )
        super().__init__(path, {kind: Member(kind=kind, path=path.name, size=path.stat().st_size)})

    def open_binary(self, member: Member) -> BinaryIO:
        return self.path.open("rb")

    def digest(self) -> str:
        return file_digest([self.path])


def _kind_by_header(path: Path) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    sample = head.decode(sniff_encoding(head, path.name), errors="replace")
    for kind, columns in KIND_COLUMNS.items():
        if sniff_separator(sample, partial(has_columns, required=columns), HEADER_SCAN_ROWS):
            return kind
    return None


def open_archive(path: Path) -> Archive:
    """The archive at path, or UnusableInput with one clear sentence. Reads, never writes."""
    path = Path(path)
    if not path.exists():
        raise UnusableInput(f"{path} does not exist.")
    if path.is_dir():
        archive: Archive = FolderArchive(path)
    elif path.is_file() and zipfile.is_zipfile(path):
        archive = ZipArchive(path)
    elif path.is_file() and path.suffix.lower() in (".csv", ".txt"):
        archive = FileArchive(path)
    elif path.is_file() and path.suffix.lower() == ".zip":
        raise UnusableInput(
            f"{path.name} is not a readable .zip archive: it may have been cut off while "
            "downloading; download it again."
        )
    else:
        raise UnusableInput(
            f"{path} is neither a .zip archive, a folder nor a CSV file from LinkedIn's export."
        )
    if not archive.members:
        archive.close()
        raise UnusableInput(
            "No LinkedIn export files (Connections.csv, messages.csv, Invitations.csv, "
            f"Positions.csv, Profile.csv) were found in {path}."
        )
    return archive
