"""How we recognise the same person across sources: profile URL, email, normalized name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from nameparser import HumanName
from nameparser.config import CONSTANTS

_PROFILE_PATH = re.compile(r"^/(in|pub)/([^/?#]+)", re.IGNORECASE)


def normalize_linkedin_url(url: str | None) -> str:
    """The canonical https://www.linkedin.com/in/<slug> form, or "" when it is not a profile.

    Exports mix http/https, www./country subdomains, trailing slashes and escaped slugs.
    """
    if not url:
        return ""
    text = url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.hostname or ""
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return ""
    match = _PROFILE_PATH.match(parts.path)
    if not match:
        return ""
    slug = unquote(match.group(2)).strip().lower()
    return f"https://www.linkedin.com/in/{slug}" if slug else ""


def normalize_email(email: str | None) -> str:
    text = (email or "").strip().strip("<>").lower()
    return text if "@" in text and " " not in text else ""


def normalize_name(text: str | None) -> str:
    """Case-, accent- and spacing-insensitive form of a name or company for exact matching."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", without_marks.casefold()).split())


@dataclass(frozen=True)
class NameParts:
    first: str
    last: str
    credentials: str

    @property
    def display(self) -> str:
        # Chinese, Japanese and Korean names are written family name first, without a space.
        if self.first and self.last and _is_cjk(self.first + self.last):
            return f"{self.last}{self.first}"
        return " ".join(part for part in (self.first, self.last) if part)


def _is_cjk(text: str) -> bool:
    return all(
        unicodedata.name(ch, "").startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA"))
        for ch in text
        if not ch.isspace()
    )


def name_parts(first: str | None, last: str | None) -> NameParts:
    """Split credentials off a last name ("Ruiz, PhD", "Lee, MBA, PMP") using nameparser's list
    of known suffixes; a comma followed by anything else stays part of the name."""
    first = (first or "").strip()
    last = (last or "").strip()
    name, *pieces = last.split(",")
    if pieces and all(_is_credential(piece) for piece in pieces):
        credentials = ", ".join(piece.strip() for piece in pieces)
        return NameParts(first=first, last=name.strip(), credentials=credentials)
    return NameParts(first=first, last=last, credentials="")


def _is_credential(piece: str) -> bool:
    key = piece.strip().lower().replace(".", "")
    return bool(key) and (key in CONSTANTS.suffix_acronyms or key in CONSTANTS.suffix_not_acronyms)


def parse_full_name(full: str | None) -> NameParts:
    parsed = HumanName((full or "").strip())
    first = " ".join(p for p in (parsed.title, parsed.first, parsed.middle) if p).strip()
    if not parsed.first and not parsed.last:
        return NameParts(first=(full or "").strip(), last="", credentials="")
    return NameParts(first=first or parsed.first, last=parsed.last, credentials=parsed.suffix)
