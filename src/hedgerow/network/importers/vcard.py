"""vCard files (.vcf: 3.0, 4.0 and the older 2.1), several cards per file, merged into contacts.

Each card is cut out of the file by its BEGIN/END lines first, so one broken card is reported with
the line it starts on and the others still import; vobject then parses each card on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import vobject
from django.contrib.auth.models import AbstractBaseUser

from hedgerow.network.importers.base import ImportSummary, Problem, Progress, UnusableInput
from hedgerow.network.importers.merge import Card, ParsedFile, import_cards, read_text

SOURCE = "vcard"
KIND = "vCard file"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Email TYPE values that say nothing a person would call a label.
_NOT_LABELS = {"internet", "pref", "x400", "x-internet"}


@dataclass
class CardBlock:
    line: int  # where BEGIN:VCARD sits, counting from 1
    lines: list[str] = field(default_factory=list)
    complete: bool = False


def import_vcard(
    *, owner: AbstractBaseUser, path: Path, progress: Progress | None = None
) -> ImportSummary:
    """Import every card of a .vcf file; see merge.py for how cards meet existing contacts."""
    parsed = read_vcards(path)
    return import_cards(owner=owner, path=path, source=SOURCE, parsed=parsed, progress=progress)


def read_vcards(path: Path) -> ParsedFile:
    """All cards of the file, with a problem for each card that cannot be used."""
    text = read_text(path, KIND)
    blocks = list(split_cards(text))
    if not blocks:
        raise UnusableInput(f"{path.name} is not a {KIND}: it has no BEGIN:VCARD line.")
    parsed = ParsedFile(cards=[], problems=[])
    for block in blocks:
        card, message = _read_block(block, path.name)
        if card is None:
            parsed.problems.append(Problem(file=path.name, line=block.line, message=message))
            parsed.skipped += 1
            continue
        parsed.problems.extend(
            Problem(
                file=path.name,
                line=block.line,
                message=f"“{raw}” is not an email address; the rest of this card was imported.",
            )
            for raw in card.rejected_emails
        )
        parsed.cards.append(card)
    return parsed


def split_cards(text: str) -> Iterator[CardBlock]:
    """The BEGIN:VCARD … END:VCARD blocks, with the line each begins on.

    Folded lines start with a space or tab, so they never look like BEGIN or END.
    """
    block: CardBlock | None = None
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        marker = line.strip().upper()
        if marker == "BEGIN:VCARD":
            if block is not None:
                yield block  # an END:VCARD went missing
            block = CardBlock(line=number)
        if block is None:
            continue
        block.lines.append(line)
        if marker == "END:VCARD":
            block.complete = True
            yield block
            block = None
    if block is not None:
        yield block


def _read_block(block: CardBlock, file_name: str) -> tuple[Card | None, str]:
    if not block.complete:
        return None, "This card has no END:VCARD line, so it was skipped."
    source = "\r\n".join(_join_soft_line_breaks(block.lines)) + "\r\n"
    try:
        component = vobject.readOne(source, ignoreUnreadable=False)
    except Exception as error:  # vobject raises ParseError and assorted decoding errors
        detail = re.sub(r"^At line \d+: ", "", str(error)).strip() or type(error).__name__
        return None, f"This card could not be read ({detail}), so it was skipped."
    card = _card_from(component, line=block.line, file_name=file_name)
    if not card.usable:
        return None, "This card has neither a name nor an email address, so it was skipped."
    return card, ""


def _join_soft_line_breaks(lines: list[str]) -> list[str]:
    """vCard 2.1 quoted-printable values wrap with a trailing '=', which vobject does not join."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        head = previous.split(":", 1)[0].upper()
        if previous.endswith("=") and "QUOTED-PRINTABLE" in head:
            joined[-1] = previous[:-1] + line
        else:
            joined.append(line)
    return joined


def _card_from(component: Any, *, line: int, file_name: str) -> Card:
    contents: dict[str, list[Any]] = component.contents
    given, additional, family, suffix = _name_parts(contents)
    first = " ".join(p for p in (given, additional) if p)
    full_name = _first_text(contents, "fn") or " ".join(p for p in (first, family) if p)
    org = _first_value(contents, "org")
    return Card.build(
        name=full_name,
        first_name=first,
        last_name=family,
        credentials=suffix,
        emails=[(_text(e.value), _email_label(e)) for e in contents.get("email", [])],
        company=_text(org[0] if isinstance(org, list) and org else org),
        position=_first_text(contents, "title"),
        urls=_profile_urls(contents),
        notes="\n\n".join(
            n for n in (_text(x.value).strip() for x in contents.get("note", [])) if n
        ),
        tags=_categories(contents),
        line=line,
        file=file_name,
    )


def _name_parts(contents: dict[str, list[Any]]) -> tuple[str, str, str, str]:
    name = _first_value(contents, "n")
    if name is None:
        return "", "", "", ""
    if isinstance(name, str):  # a structured name vobject left unparsed
        parts = (name.split(";") + [""] * 5)[:5]
        family, given, additional, _prefix, suffix = (p.strip() for p in parts)
        return given, additional, family, suffix
    return (
        _text(name.given),
        _text(name.additional),
        _text(name.family),
        _text(name.suffix),
    )


def _email_label(line: Any) -> str:
    # 3.0/4.0 write TYPE=work; 2.1 writes bare parameters (EMAIL;INTERNET;WORK).
    types = [*line.params.get("TYPE", []), *line.singletonparams]
    return next((t for t in (str(x).lower() for x in types) if t not in _NOT_LABELS), "")


def _profile_urls(contents: dict[str, list[Any]]) -> list[str]:
    """URL and social-profile values; Card.build keeps the first LinkedIn profile among them."""
    urls = [_text(u.value) for u in contents.get("url", [])]
    for key in ("x-socialprofile", "socialprofile"):
        for profile in contents.get(key, []):
            urls.append(_text(profile.value))
            # Apple writes the username in x-user; it alone names the profile when the value is odd.
            types = {t.lower() for t in profile.params.get("TYPE", [])}
            users = profile.params.get("X-USER", [])
            if "linkedin" in types and users:
                urls.append(f"https://www.linkedin.com/in/{users[0]}")
    return urls


def _categories(contents: dict[str, list[Any]]) -> list[str]:
    tags: list[str] = []
    for line in contents.get("categories", []):
        value = line.value
        tags.extend(value if isinstance(value, list) else _text(value).split(","))
    return [_text(t) for t in tags]


def _first_value(contents: dict[str, list[Any]], key: str) -> Any:
    lines = contents.get(key)
    return lines[0].value if lines else None


def _first_text(contents: dict[str, list[Any]], key: str) -> str:
    return _text(_first_value(contents, key)).strip()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(_text(v) for v in value if v)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)
