"""Finding the LinkedIn export files in a .zip or an unpacked folder, and reading them as text.

Real archives put the files in a sub-folder and vary the names' case and spacing
("Connections.csv", "connections.csv", "Connections .csv"), so files are found by their
basename, case-insensitively and ignoring spaces, anywhere in the archive.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from hedgerow.network.importers.base import UnusableInput

# The export files we use, by their basename in lower case without spaces.
WANTED = {
    "connections.csv": "connections",
    "invitations.csv": "invitations",
    "messages.csv": "messages",
    "positions.csv": "positions",
    "profile.csv": "profile",
}
_SNIFF_BYTES = 1 << 20


def file_key(name: str) -> str:
    return name.rsplit("/", 1)[-1].casefold().replace(" ", "")


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
            # newline="" hands line ends to the csv module, which knows quoted line breaks.
            text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")
            try:
                yield text, binary
            finally:
                text.detach()

    def _encoding(self, member: Member) -> str:
        # Exports are UTF-8 (often with a BOM); a file re-saved by a spreadsheet may be
        # Windows-1252, which would otherwise turn every accent into a replacement character.
        with self.open_binary(member) as binary:
            head = binary.read(_SNIFF_BYTES)
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            return "cp1252"
        return "utf-8-sig"


class ZipArchive(Archive):
    def __init__(self, path: Path) -> None:
        try:
            self.zip = zipfile.ZipFile(path)
            infos = [info for info in self.zip.infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, OSError) as error:
            raise UnusableInput(f"{path} is not a readable .zip archive ({error}).") from None
        found = [(info.filename, info.file_size) for info in infos]
        super().__init__(path, pick_members(found))

    def open_binary(self, member: Member) -> BinaryIO:
        return self.zip.open(member.path)  # type: ignore[return-value]

    def digest(self) -> str:
        digest = hashlib.sha256()
        with self.path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()

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
        digest = hashlib.sha256()
        for member in sorted(self.members.values(), key=lambda m: m.path):
            with self.open_binary(member) as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        return digest.hexdigest()


def pick_members(found: list[tuple[str, int]]) -> dict[str, Member]:
    """One file per kind; when a name appears twice, the shallowest (then first) path wins."""
    members: dict[str, Member] = {}
    for path, size in sorted(found, key=lambda item: (item[0].count("/"), item[0])):
        kind = WANTED.get(file_key(path))
        if kind and kind not in members and "__MACOSX" not in path:
            members[kind] = Member(kind=kind, path=path, size=size)
    return members


def open_archive(path: Path) -> Archive:
    """The archive at path, or UnusableInput with one clear sentence. Reads, never writes."""
    path = Path(path)
    if not path.exists():
        raise UnusableInput(f"{path} does not exist.")
    if path.is_dir():
        archive: Archive = FolderArchive(path)
    elif path.is_file() and zipfile.is_zipfile(path):
        archive = ZipArchive(path)
    else:
        raise UnusableInput(f"{path} is neither a .zip archive nor a folder.")
    if not archive.members:
        archive.close()
        raise UnusableInput(
            "No LinkedIn export files (Connections.csv, messages.csv, Invitations.csv, "
            f"Positions.csv, Profile.csv) were found in {path}."
        )
    return archive
