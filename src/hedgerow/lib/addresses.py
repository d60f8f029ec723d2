"""Email addresses as people write them, and the one key that finds the same mailbox again.

`Ana.Ruiz+news@googlemail.com`, `anaruiz@gmail.com` and `ANARUIZ@Gmail.com` are one mailbox:
case never matters, `+tags` are the owner's own filing, and Gmail ignores dots and treats
googlemail.com as gmail.com. Parsing the headers themselves is the standard library's job
(`email.utils.getaddresses`, `email.header`); this module only decides what is the same.
"""

from __future__ import annotations

import re
from email.header import decode_header, make_header
from email.utils import getaddresses
from functools import lru_cache

GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}
# Mail domains anyone can have: an address there says nothing about where someone works.
PERSONAL_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com",
        "hotmail.com", "hotmail.co.uk", "hotmail.fr", "outlook.com", "live.com", "msn.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "gmx.de", "gmx.net", "gmx.com", "web.de",
        "proton.me", "protonmail.com", "pm.me", "fastmail.com", "fastmail.fm", "zoho.com",
        "mail.com", "yandex.ru", "yandex.com", "mail.ru", "qq.com", "163.com", "126.com",
        "orange.fr", "free.fr", "laposte.net", "t-online.de", "libero.it", "comcast.net",
        "btinternet.com", "hey.com", "tutanota.com", "posteo.de", "seznam.cz", "wp.pl",
    }
)  # fmt: skip
# Senders that are machines, not people (rule N10: only people you spoke with).
_MACHINE_LOCAL = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|notifications?|notify|alerts?|"
    r"mailer[-_.]?daemon|postmaster|bounces?|bounce[-+].*|mailer|daemon|automated|"
    r"newsletters?|news|digest|updates|info|support|help|billing|invoices?|receipts?|"
    r"orders?|marketing|team|hello|noreply[-+].*|no[-_.]reply[-+].*|calendar-notification|"
    r"calendar|jira|github|gitlab|confluence|slack|drive-shares-.*|comments-noreply|"
    r"msprvs1=.*|prvs=.*)$"
)
_MACHINE_DOMAIN = re.compile(
    r"(^|\.)(bounces?|em|mkt|marketing|news|newsletter|notifications?|"
    r"mailer|mailgun|sendgrid|mandrillapp|mcsv|rsgsv|amazonses|sparkpostmail|"
    r"resource\.calendar\.google|group\.calendar\.google|groups\.google|googlegroups)\.",
)
SECOND_LEVEL = {"co", "com", "ac", "org", "net", "gov", "edu", "ne", "or", "go"}
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


@lru_cache(maxsize=100_000)
def address_key(address: str | None) -> str:
    """The normalized form two spellings of one mailbox share, or "" for no address.

    Cached: a mailbox's few thousand correspondents come back in message after message."""
    text = (address or "").strip().strip("<>").strip().lower()
    if not _ADDRESS.match(text):
        return ""
    local, _, domain = text.rpartition("@")
    domain = domain.rstrip(".")
    local = local.split("+", 1)[0] or local
    if domain in GMAIL_DOMAINS:
        local = local.replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}" if local else ""


def is_machine(address_key_: str) -> bool:
    """No-reply, notification and bulk-sender addresses: never a person you know."""
    local, _, domain = address_key_.partition("@")
    return bool(_MACHINE_LOCAL.match(local)) or bool(_MACHINE_DOMAIN.search(domain + "."))


def domain_of(address_key_: str) -> str:
    return address_key_.rpartition("@")[2]


def organisation_of(address_key_: str) -> str:
    """The name a work domain stands for ("acme" for ana@mail.acme.co.uk), "" for gmail & co."""
    domain = domain_of(address_key_)
    if not domain or domain in PERSONAL_DOMAINS:
        return ""
    labels = [label for label in domain.split(".") if label]
    labels.pop()  # the top-level domain
    if len(labels) > 1 and labels[-1] in SECOND_LEVEL:  # "co.uk", "com.au", "ac.jp"
        labels.pop()
    return labels[-1] if labels else ""


def decode_words(value: str) -> str:
    """A header value with RFC 2047 encoded words (=?utf-8?q?…?=) decoded. Words that do not
    decode are dropped (see is_garbled), unknown charsets read as Latin-1."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeError, AssertionError):
        pass
    words = []
    for word in re.split(r"(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)", value):
        try:
            words.append(str(make_header(decode_header(word))) if word.startswith("=?") else word)
        except (ValueError, LookupError, UnicodeError, AssertionError):
            continue
    return " ".join("".join(words).split())


def is_garbled(text: str) -> bool:
    """Encoded words left undecoded, or characters that stand for bytes we could not read."""
    return "=?" in text or "\ufffd" in text or bool(re.search(r"=[^0-9A-F\s]{2}", text))


@lru_cache(maxsize=50_000)
def _parse_one(value: str) -> tuple[tuple[str, str], ...]:
    return tuple(parse_addresses_uncached([value]))


def parse_addresses(values: list[str]) -> list[tuple[str, str]]:
    """(display name, address) pairs from To/Cc/From header values, names decoded. Threads
    repeat the same people over and over, so each one is parsed once: a list whose commas can
    only separate addresses is cut there, and every address is parsed (and kept) on its own."""
    return [pair for value in values for piece in _pieces(value) for pair in _parse_one(piece)]


_NOT_PLAIN_LIST = re.compile(r'["(\\:;]|=\?|<@')  # quotes, comments, groups, encoded words


def _pieces(value: str) -> list[str]:
    """The addresses of a plain list ("Ana <a@x.org>, b@y.org"), else the value whole."""
    if "," not in value or _NOT_PLAIN_LIST.search(value):
        return [value]
    return [piece for piece in value.split(",") if piece.strip()]


def parse_addresses_uncached(values: list[str]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, address in getaddresses(values):
        if address:
            pairs.append((_clean_name(decode_words(name), address), address))
    return pairs


def _clean_name(name: str, address: str) -> str:
    """The person's name from a display name: quotes, 'via X' and echoed addresses removed."""
    name = " ".join(name.replace('"', " ").replace("'", " ' ").split()).replace(" ' ", "'")
    name = name.strip("' ")
    name = re.sub(r"\s*\((via|by|on behalf of)\b[^)]*\)$", "", name, flags=re.IGNORECASE)
    name = re.sub(r"\s+(via|on behalf of)\s+.+$", "", name, flags=re.IGNORECASE)
    if "@" in name or name.lower() == address.lower():
        return ""
    return name.strip()
