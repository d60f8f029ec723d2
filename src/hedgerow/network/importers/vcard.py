"""vCard files (.vcf: 2.1, 3.0 and 4.0) from every phone and mail client, merged into contacts.

Real files are rough: Android and Lotus Notes write 2.1 with quoted-printable values in their own
CHARSET (Greek, Cyrillic, Hebrew code pages), base64 photos whose continuation lines are not
indented, CR CR LF line ends; Outlook and Gmail leave commas unescaped ("FN:Doe, John",
"ORG:Company, The"); some cards carry an empty parameter ("ADR;HOME;PREF;:"), "PROFILE:VCard",
a corrupt photo or a byte that is not in any encoding. So a card is read property by property:
vobject parses each line's grammar; a property that cannot be read is skipped and listed with its
file, line and name, and the card keeps everything else. One broken card never costs another.
"""

from __future__ import annotations

import codecs
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from vobject.base import ParseError, parseLine
from vobject.icalendar import stringToTextValues

from hedgerow.network.identity import name_key
from hedgerow.network.importers.base import ImportSummary, Problem, Progress, UnusableInput
from hedgerow.network.importers.limits import Limits, size_text
from hedgerow.network.importers.merge import Card, ParsedFile, import_cards
from hedgerow.network.importers.text import (
    BOMS,
    SNIFF_BYTES,
    detect_code_page,
    sniff_encoding,
    text_stream_universal,
)

SOURCE = "vcard"
KIND = "vCard file"
_LINE_END = re.compile(rb"\r*\n|\r")  # CR CR LF, as some exporters write, is one line end
_CHARSET = re.compile(rb"CHARSET=([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_EMPTY_PARAMETER = re.compile(r";+(?=[;:])")
_PROPERTY_START = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)?[;:]")
# Email TYPE values that say nothing a person would call a label.
_NOT_LABELS = {"internet", "pref", "x400", "x-internet"}
# The properties a card's person is made of; a broken one of these is worth telling.
USED = {"FN", "N", "ORG", "TITLE", "EMAIL", "TEL", "URL", "NOTE", "CATEGORIES"}
SOCIAL = {"X-SOCIALPROFILE", "SOCIALPROFILE"}


@dataclass
class Line:
    number: int  # the physical line it starts on, counting from 1
    text: str
    bad: str = ""  # why its bytes could not be read as text, if they could not


@dataclass
class CardBlock:
    line: int  # where BEGIN:VCARD sits
    lines: list[Line] = field(default_factory=list)
    complete: bool = False
    count: int = 0  # its properties
    chars: int = 0  # and their text
    too_big: str = ""  # why it holds more than the limits allow


@dataclass
class Property:
    name: str
    params: dict[str, list[str]]
    flags: list[str]  # 2.1's bare parameters: EMAIL;INTERNET;WORK
    value: str
    line: int

    @property
    def types(self) -> list[str]:
        found = [*self.params.get("TYPE", []), *self.flags]
        return [t.strip().lower() for each in found for t in each.split(",") if t.strip()]


def import_vcard(
    *, owner: AbstractBaseUser, path: Path, progress: Progress | None = None
) -> ImportSummary:
    """Import every card of a .vcf file; see merge.py for how cards meet existing contacts."""
    parsed = read_vcards(path)
    return import_cards(owner=owner, path=path, source=SOURCE, parsed=parsed, progress=progress)


def read_vcards(path: Path) -> ParsedFile:
    """All cards of the file, with a problem for each card or property that cannot be used.
    The file is streamed line by line: no line, property or card may be bigger than the limits
    allow (limits.Limits), and a photo, which we never keep, is dropped as it is read."""
    if not path.is_file():
        raise UnusableInput(f"There is no file at {path}.")
    limits = Limits.current()
    parsed = ParsedFile(cards=[], problems=[])
    found = False
    for block in split_cards(unfold(read_lines(path, path.name, limits), limits), limits):
        found = True
        if len(parsed.cards) + parsed.skipped >= limits.records:
            raise UnusableInput(
                f"{path.name} holds more than {limits.records:,} cards (line {block.line}); "
                "split it into smaller files and import each."
            )
        _read_block(block, path.name, parsed, limits)
    if not found:
        raise UnusableInput(f"{path.name} is not a {KIND}: it has no BEGIN:VCARD line.")
    return parsed


# --- bytes to text, line by line ----------------------------------------------------------------

READ_BLOCK = 1 << 20
KEPT_OF_LONG_LINE = 256  # enough of a line past the cap to name its property


def read_lines(path: Path, file: str, limits: Limits) -> Iterator[Line]:
    """The file's physical lines as text. UTF-8 unless a byte-order mark says otherwise; a line
    may name its own CHARSET; a file whose accented lines are none of them UTF-8 is in a legacy
    code page, which a detector tells; an undecodable line in a UTF-8 file is marked bad, and so
    is a line longer than the limit (only its start is kept, to name its property)."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if any(head.startswith(bom) for bom, _encoding in BOMS) or head[:1] == b"\x00":
        yield from _text_lines(path, sniff_encoding(head, file, KIND), limits)
        return
    if b"\x00" in head:
        raise UnusableInput(f"{file} is not a {KIND}: it looks like a binary file.")
    page = _legacy_page(path, file, limits)
    too_long = f"a line longer than {size_text(limits.line_chars)}"
    for number, chunk, cut in _raw_lines(path, limits):
        line = _decode_line(number, chunk)
        if cut:
            line.bad = too_long
        elif line.bad == "utf-8":
            if page:
                line = Line(number, chunk.decode(page, errors="replace"))
            else:
                line.bad = "a byte that is not UTF-8"
        yield line


def _raw_lines(path: Path, limits: Limits) -> Iterator[tuple[int, bytes, bool]]:
    """(number, bytes, cut) of each physical line; a line past the cap is cut to its start."""
    number = 0
    buf = b""
    kept = b""  # the start of a line past the cap, while the rest of it is skipped
    cut = False
    with path.open("rb") as handle:
        while True:
            block = handle.read(READ_BLOCK)
            eof = not block
            buf += block
            # A CR at the very end may be the start of CR LF (or CR CR LF): wait for more.
            pending = len(buf) - len(buf.rstrip(b"\r")) if not eof else 0
            position = 0
            for match in _LINE_END.finditer(buf):
                if pending and match.start() >= len(buf) - pending:
                    break
                number += 1
                yield (number, kept, True) if cut else (number, buf[position : match.start()], cut)
                kept, cut = b"", False
                position = match.end()
            buf = buf[position:]
            if eof:
                if buf or cut:
                    yield (number + 1, kept, True) if cut else (number + 1, buf, False)
                return
            if len(buf) - pending > limits.line_chars:
                if not cut:
                    kept, cut = buf[:KEPT_OF_LONG_LINE], True
                buf = buf[len(buf) - pending :]


def _text_lines(path: Path, encoding: str, limits: Limits) -> Iterator[Line]:
    """The lines of a UTF-16 or UTF-32 file (or one with a byte-order mark), each capped."""
    too_long = f"a line longer than {size_text(limits.line_chars)}"
    with path.open("rb") as binary:
        handle = text_stream_universal(binary, encoding)
        number = 0
        while text := handle.readline(limits.line_chars + 1):
            number += 1
            if len(text) > limits.line_chars and not text.endswith("\n"):
                kept = text[:KEPT_OF_LONG_LINE]
                while (rest := handle.readline(limits.line_chars + 1)) and not rest.endswith("\n"):
                    pass
                yield Line(number, kept, bad=too_long)
            else:
                yield Line(number, text.rstrip("\r\n"))
        handle.detach()


def _legacy_page(path: Path, file: str, limits: Limits) -> str:
    """The code page of a file none of whose accented lines is UTF-8 (nor in its own CHARSET),
    from a sample of those lines; "" for a UTF-8 file."""
    sample: list[bytes] = []
    size = 0
    for number, chunk, cut in _raw_lines(path, limits):
        if cut:
            continue
        line = _decode_line(number, chunk)
        if line.bad != "utf-8":
            if not line.text.isascii():
                return ""  # mostly UTF-8: a line that is not holds a byte of no encoding
            continue
        if size < SNIFF_BYTES:
            sample.append(chunk)
            size += len(chunk) + 1
    if not sample:
        return ""
    return detect_code_page(b"\n".join(sample), file, KIND)


def _decode_line(number: int, chunk: bytes) -> Line:
    if chunk.isascii():
        return Line(number, chunk.decode("ascii"))
    head = chunk.split(b":", 1)[0]
    declared = _CHARSET.search(head)
    if declared and _known_codec(declared.group(1).decode("ascii")):
        encoding = declared.group(1).decode("ascii")
        try:
            return Line(number, chunk.decode(encoding))
        except UnicodeDecodeError:
            text = chunk.decode(encoding, errors="replace")
            return Line(number, text, bad=f"a byte that is not {encoding}")
    try:
        return Line(number, chunk.decode("utf-8"))
    except UnicodeDecodeError:
        # Kept with its bad byte replaced, to name the property; read_property refuses it.
        return Line(number, chunk.decode("utf-8", errors="replace"), bad="utf-8")


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


# --- cards and their properties -----------------------------------------------------------------

MARKERS = ("BEGIN:VCARD", "END:VCARD")


def split_cards(lines: Iterable[Line], limits: Limits) -> Iterator[CardBlock]:
    """The BEGIN:VCARD … END:VCARD blocks of logical lines. A card with more properties, or more
    text, than the limits allow keeps none of them: it is marked, and skipped with a problem."""
    block: CardBlock | None = None
    for line in lines:
        marker = line.text.strip().upper()
        if marker == "BEGIN:VCARD":
            if block is not None:
                yield block  # an END:VCARD went missing
            block = CardBlock(line=line.number)
            continue
        if block is None:
            continue
        if marker == "END:VCARD":
            block.complete = True
            yield block
            block = None
            continue
        block.count += 1
        block.chars += len(line.text)
        if block.count > limits.fields_per_record:
            block.too_big = f"more than {limits.fields_per_record:,} properties"
        elif block.chars > limits.record_chars:
            block.too_big = f"more than {size_text(limits.record_chars)} of text"
        if block.too_big:
            block.lines = []
        else:
            block.lines.append(line)
    if block is not None:
        yield block


@dataclass
class _Logical:
    number: int
    parts: list[str]
    bad: str
    size: int

    def line(self) -> Line:
        return Line(self.number, "".join(self.parts), self.bad)


def unfold(lines: Iterable[Line], limits: Limits) -> Iterator[Line]:
    """Logical lines: RFC folding (a leading space or tab), 2.1 quoted-printable soft breaks (a
    trailing "="), and 2.1 base64 values whose continuation lines are not indented. BEGIN:VCARD
    and END:VCARD are never part of another line. A logical line past the field cap keeps only
    its start and is marked bad: a photo we never keep, or a name no person has."""
    current: _Logical | None = None
    in_base64 = False
    cap = limits.field_chars
    too_long = f"more than {size_text(cap)} of text"

    def extend(piece: str, bad: str) -> None:
        assert current is not None
        current.size += len(piece)
        current.bad = current.bad or bad
        if current.size > cap:
            current.bad = current.bad or too_long
        elif not current.bad:
            current.parts.append(piece)

    for line in lines:
        text = line.text
        if text.strip().upper() in MARKERS:
            if current is not None:
                yield current.line()
                current = None
            in_base64 = False
            yield line
            continue
        if current is not None and text[:1] in (" ", "\t"):
            extend(text[1:], line.bad)
        elif current is not None and _soft_break(current.parts[-1], current.parts[0]):
            current.parts[-1] = current.parts[-1][:-1]
            extend(text, line.bad)
        elif current is not None and in_base64 and text.strip() and ":" not in text:
            extend(text.strip(), line.bad)
        elif text.strip() or line.bad:
            if current is not None:
                yield current.line()
            current = _Logical(line.number, [text], line.bad, len(text))
            in_base64 = _is_base64(text)
        else:
            in_base64 = False  # a blank line ends a 2.1 base64 value
    if current is not None:
        yield current.line()


def _soft_break(last: str, first: str) -> bool:
    return last.endswith("=") and "QUOTED-PRINTABLE" in first.split(":", 1)[0].upper()


def _is_base64(text: str) -> bool:
    head = text.split(":", 1)[0].upper().replace(" ", "")
    return (
        ":" in text and any(mark in head for mark in ("ENCODING=BASE64", "ENCODING=B;", ";BASE64"))
    ) or head.endswith("ENCODING=B")


def read_property(line: Line) -> Property:
    """One logical line as a Property; ValueError (saying why) when it cannot be read."""
    if line.bad:
        raise ValueError(f"it holds {line.bad}")
    text = line.text
    try:
        name, params, value, _group = parseLine(text)
    except ParseError:
        # An empty parameter ("ADR;HOME;PREF;:…") is harmless once taken out.
        try:
            name, params, value, _group = parseLine(_EMPTY_PARAMETER.sub("", text))
        except ParseError:
            raise ValueError("its line could not be read") from None
    named: dict[str, list[str]] = {}
    flags: list[str] = []
    for param in params:
        if len(param) == 1:
            flags.append(param[0])
        else:
            named.setdefault(param[0].upper(), []).extend(param[1:])
    prop = Property(name=name.upper(), params=named, flags=flags, value=value, line=line.number)
    prop.value = _decoded_value(prop)
    return prop


def _decoded_value(prop: Property) -> str:
    encodings = {e.upper() for e in prop.params.get("ENCODING", [])}
    flags = {f.upper() for f in prop.flags}
    if "QUOTED-PRINTABLE" not in encodings | flags:
        return prop.value
    data = quopri.decodestring(prop.value.encode("latin-1", errors="replace"))
    charset = (prop.params.get("CHARSET") or ["utf-8"])[0]
    if _known_codec(charset):
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            pass
    if data.isascii():
        return data.decode("ascii")
    try:  # an unknown or wrong CHARSET: what the bytes themselves look like
        return data.decode("utf-8")
    except UnicodeDecodeError:
        page = detect_code_page(data, "", KIND)
        return data.decode(page, errors="replace")


def _read_block(block: CardBlock, file: str, parsed: ParsedFile, limits: Limits) -> None:
    if not block.complete:
        parsed.problems.append(
            Problem(file, block.line, "This card has no END:VCARD line, so it was skipped.")
        )
        parsed.skipped += 1
        return
    if block.too_big:
        parsed.problems.append(
            Problem(file, block.line, f"This card holds {block.too_big}, so it was skipped.")
        )
        parsed.skipped += 1
        return
    props: list[Property] = []
    for line in block.lines:
        try:
            props.append(read_property(line))
        except (ValueError, UnusableInput) as error:
            name = _property_name(line.text)
            if name in USED or name in SOCIAL or not name:
                what = f"the {name} property" if name else "a property"
                parsed.problems.append(
                    Problem(
                        file,
                        line.number,
                        f"Skipped {what}: {error}; the rest of the card was imported.",
                    )
                )
    card = _card_from(props, line=block.line, file_name=file)
    if not card.usable:
        parsed.problems.append(
            Problem(
                file,
                block.line,
                "This card has neither a name nor an email address, so it was skipped.",
            )
        )
        parsed.skipped += 1
        return
    parsed.problems.extend(
        Problem(
            file,
            block.line,
            f"“{raw}” is not an email address; the rest of this card was imported.",
        )
        for raw in card.rejected_emails
    )
    parsed.cards.append(card)


def _property_name(text: str) -> str:
    if not _PROPERTY_START.match(text):
        return ""
    head = re.split(r"[;:]", text, maxsplit=1)[0]
    return head.rsplit(".", 1)[-1].upper()


def _card_from(props: list[Property], *, line: int, file_name: str) -> Card:
    by_name: dict[str, list[Property]] = {}
    for prop in props:
        by_name.setdefault(prop.name, []).append(prop)

    def first(name: str) -> str:
        found = by_name.get(name)
        return _text(found[0].value) if found else ""

    family, given, additional, _prefix, suffix = _name_parts(by_name.get("N"))
    first_name = " ".join(p for p in (given, additional) if p)
    full_name = _display_name(first("FN"), first_name, family)
    org = by_name.get("ORG")
    return Card.build(
        name=full_name,
        first_name=first_name,
        last_name=family,
        credentials=suffix,
        emails=[(_text(e.value), _email_label(e)) for e in by_name.get("EMAIL", [])],
        phones=[(_text(t.value), _phone_label(t)) for t in by_name.get("TEL", [])],
        company=_structured(org[0].value)[0] if org else "",
        position=first("TITLE"),
        urls=_profile_urls(by_name),
        notes="\n\n".join(
            n for n in (_text(x.value).strip() for x in by_name.get("NOTE", [])) if n
        ),
        tags=[t for c in by_name.get("CATEGORIES", []) for t in _list(c.value)],
        line=line,
        file=file_name,
    )


def _name_parts(found: list[Property] | None) -> tuple[str, str, str, str, str]:
    if not found:
        return "", "", "", "", ""
    parts = (_structured(found[0].value) + [""] * 5)[:5]
    return tuple(" ".join(p.replace(",", " ").split()) for p in parts)  # type: ignore[return-value]


def _display_name(full: str, first: str, family: str) -> str:
    """FN as written ("Doe, John" stays whole, a comma is no end), or "John Doe" where the name
    parts say FN is them turned round; with no FN, the parts themselves."""
    composed = " ".join(p for p in (first, family) if p)
    if not full:
        return composed
    if "," in full and composed and name_key(full) == name_key(composed):
        return composed
    return full


def _structured(value: str) -> list[str]:
    """N and ORG: parts between unescaped semicolons; commas (often unescaped) stay."""
    return [part.strip() for part in stringToTextValues(value, listSeparator=";")]


def _list(value: str) -> list[str]:
    return [part.strip() for part in stringToTextValues(value, listSeparator=",")]


def _text(value: str) -> str:
    return ";".join(stringToTextValues(value, listSeparator=";")).strip()


def _email_label(prop: Property) -> str:
    # 3.0/4.0 write TYPE=work; 2.1 writes bare parameters (EMAIL;INTERNET;WORK).
    return next((t for t in prop.types if t not in _NOT_LABELS), "")


def _phone_label(prop: Property) -> str:
    return next((t for t in prop.types if t not in ("pref", "voice")), "")


def _profile_urls(by_name: dict[str, list[Property]]) -> list[str]:
    """URL and social-profile values; Card.build keeps the first LinkedIn profile among them."""
    urls = [_text(u.value) for u in by_name.get("URL", [])]
    for key in SOCIAL:
        for profile in by_name.get(key, []):
            urls.append(_text(profile.value))
            # Apple writes the username in x-user; it alone names the profile when the value is odd.
            users = profile.params.get("X-USER", [])
            if "linkedin" in profile.types and users:
                urls.append(f"https://www.linkedin.com/in/{users[0]}")
    return urls
