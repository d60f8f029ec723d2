"""Reading the text files people actually have: UTF-8 or UTF-16 (with or without a byte-order
mark), old Windows code pages, and CSV re-saved by a spreadsheet with ";" between columns.

Every importer reads through here, so each says the same plain sentence when a file cannot be
read: which file, and why (its encoding, its separator, or its missing header).

No Django at import time: the process reading messages.csv may be a fresh interpreter.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from typing import BinaryIO, TextIO

from charset_normalizer import from_bytes

from hedgerow.network.importers.limits import BoundedLines, Limits

# How much of a file tells its encoding and its separator.
SNIFF_BYTES = 1 << 20
SEPARATORS = (",", ";", "\t")
SEPARATOR_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}
# When a detector finds several code pages equally likely (short files often fit several), the one
# more people's old files are in wins: Western European first.
COMMON_CODE_PAGES = ("cp1252", "cp1251", "cp1253", "cp1255", "cp1250", "cp1254", "cp1257")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff_encoding(head: bytes, file: str, what: str = "") -> str:
    """The encoding of a file from its first bytes: a byte-order mark, UTF-16 without one (every
    other byte zero, as in plain-Latin text), UTF-8, or else what a detector finds."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding
    if utf16 := _utf16_without_bom(head):
        return utf16
    if b"\x00" in head:
        raise unreadable(file, "it looks like a binary file", what)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return detect_code_page(head, file, what)
    return "utf-8-sig"


def _utf16_without_bom(head: bytes) -> str:
    sample = head[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return ""
    even_zeros = sample[0 : pairs * 2 : 2].count(0)
    odd_zeros = sample[1 : pairs * 2 : 2].count(0)
    if odd_zeros > 0.4 * pairs and even_zeros < 0.05 * pairs:
        return "utf-16-le"
    if even_zeros > 0.4 * pairs and odd_zeros < 0.05 * pairs:
        return "utf-16-be"
    return ""


def detect_code_page(data: bytes, file: str, what: str = "") -> str:
    """The legacy code page a detector finds most likely, ties going to the commoner one."""
    matches = list(from_bytes(data[:SNIFF_BYTES]))
    if not matches:
        reason = "its encoding is neither UTF-8, UTF-16 nor a code page we recognise"
        raise unreadable(file, reason + "; save it as UTF-8 and import it again", what)
    best = matches[0]
    tied = [
        m.encoding
        for m in matches
        if (m.percent_chaos, m.percent_coherence) == (best.percent_chaos, best.percent_coherence)
    ]
    return next((page for page in COMMON_CODE_PAGES if page in tied), best.encoding)


def unreadable(file: str, reason: str, what: str = "") -> Exception:
    """UnusableInput: "Connections.csv could not be read: <reason>." or, when the file was meant
    to be `what`, "contacts.vcf is not a vCard file: <reason>."."""
    from hedgerow.network.importers.base import UnusableInput

    verdict = f"is not a {what}" if what else "could not be read"
    return UnusableInput(f"{file} {verdict}: {reason}.")


def decode(data: bytes, file: str, what: str = "") -> str:
    """A whole file as text (see sniff_encoding); a stray undecodable byte becomes U+FFFD."""
    encoding = sniff_encoding(data[:SNIFF_BYTES], file, what)
    return data.decode(encoding, errors="replace")


def text_stream(binary: BinaryIO, encoding: str) -> io.TextIOWrapper:
    # newline="" hands line ends to the csv module, which knows quoted line breaks.
    return io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")


def text_stream_universal(binary: BinaryIO, encoding: str) -> io.TextIOWrapper:
    """Text whose line ends (CR LF, LF or CR) all read as LF; for line-based formats."""
    return io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline=None)


def sniff_separator(sample: str, accept: Callable[[list[str]], bool], rows: int = 60) -> str | None:
    """The separator with which one of the sample's first rows is a header `accept` takes:
    commas, then semicolons (a spreadsheet's in many countries), then tabs; None if none."""
    for separator in SEPARATORS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=separator)
        try:
            for _ in range(rows):
                row = next(reader, None)
                if row is None:
                    break
                if accept(row):
                    return separator
        except csv.Error:
            continue
    return None


def peeked_lines(
    handle: TextIO, size: int = 1 << 16, file: str = "", limits: Limits | None = None
) -> tuple[str, BoundedLines]:
    """The first `size` characters (to whole lines) and an iterator over all of the file's lines,
    those included, so a stream can be sniffed and then read once. No line may be longer than
    the limits allow (see limits.BoundedLines)."""
    limits = limits or Limits.current()
    head = handle.read(size)
    if head and not head.endswith(("\n", "\r")):
        head += handle.readline(limits.line_chars + 1)
    first = iter(io.StringIO(head, newline=""))
    return head, BoundedLines(handle, file, limits, first=first)


def missing_header(file: str, columns: str, sample: str) -> str:
    """Why no header was found, in one sentence: text that is not text, columns separated by
    something we do not know, or no such columns at all."""
    if sample.count("\ufffd") > max(3, len(sample) // 200):
        return (
            f"{file} could not be read: its encoding was not recognised (many characters came "
            "out garbled). Save it as UTF-8 and import it again."
        )
    squeezed = "".join(ch for ch in sample[:4096].casefold() if ch.isalnum())
    if all(
        "".join(ch for ch in name.casefold() if ch.isalnum()) in squeezed
        for name in columns.split(", ")
    ):
        return (
            f"{file} could not be read: its header names the columns {columns}, but they are "
            "separated by something other than commas, semicolons or tabs."
        )
    return f"{file} has no header row with the columns {columns}, so it could not be read."
